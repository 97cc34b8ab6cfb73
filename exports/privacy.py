"""The one place that decides which personal data leaves Oogst in an export.

By default (``include_personal=False``):
- no e-mail address, phone number, dietary or access needs, notes or check-in code;
- a participant's name (and organisation) only when they consented to being named
  (``consent_name``); anyone else appears as "a participant" with their stakeholder
  group, and their full name is blanked out of free text such as "who" of a step.

A badge or a commitment slip is printed for the person it names and handed to them;
it is not a publication, so it carries that person's own name (never their contact
data, and the QR on a badge holds only the random check-in code). Names of *other*
people on such a slip (plan owners) follow the rule above.

With ``include_personal=True`` everything the workbook holds goes out, and every
document says so in its footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain import Participant
from app.i18n import translate

PERSONAL_FIELDS = ("email", "phone", "dietary", "access_needs", "notes", "checkin_code")


@dataclass(frozen=True)
class Privacy:
    include_personal: bool = False
    lang: str = "nl"
    hidden: tuple[str, ...] = ()  # full names of people who may not be named

    @classmethod
    def for_people(cls, people: list[Participant], include_personal: bool = False,
                   lang: str = "nl") -> Privacy:
        hidden = () if include_personal else tuple(
            p.name for p in people if not p.consent_name and len(p.name) > 2)
        return cls(include_personal, lang, hidden)

    def may_name(self, person: Participant | None) -> bool:
        return person is not None and (self.include_personal or person.consent_name)

    def name(self, person: Participant | None, group_name: str = "",
             own_copy: bool = False) -> str:
        """How ``person`` is called in an export (``own_copy``: a badge or slip for them)."""
        if person is None:
            return ""
        if own_copy or self.may_name(person):
            return person.name or translate("(naam onbekend)", self.lang)
        if group_name:
            return translate("een deelnemer ({group})", self.lang, group=group_name)
        return translate("een deelnemer", self.lang)

    def participant_row(self, person: Participant) -> dict[str, object]:
        """The participant fields a data export may carry."""
        values = person.values()
        if self.include_personal:
            return values
        named = self.may_name(person)
        values["first_name"] = person.first_name if named else ""
        values["last_name"] = person.last_name if named else ""
        values["organisation"] = person.organisation if named else ""
        for key in PERSONAL_FIELDS:
            values.pop(key, None)
        return values

    def scrub(self, text: str) -> str:
        """Free text with the full names of people who may not be named replaced by —."""
        for name in self.hidden:
            if name.lower() in text.lower():
                text = re.sub(re.escape(name), "—", text, flags=re.IGNORECASE)
        return text

    def statement(self) -> str:
        """What the document says about personal data (footer, report appendix)."""
        if self.include_personal:
            return translate("Met persoonsgegevens: alle namen en contactgegevens staan erin. "
                             "Niet openbaar maken.", self.lang)
        return translate("Zonder persoonsgegevens: geen e-mail of telefoon, alleen namen van "
                         "wie daarvoor toestemming gaf.", self.lang)

    def short(self) -> str:
        if self.include_personal:
            return translate("Met persoonsgegevens — vertrouwelijk", self.lang)
        return translate("Zonder persoonsgegevens", self.lang)
