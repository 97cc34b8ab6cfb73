"""The caravan / wijkpunt logbook: themes, partners, intake, referrals, statuses, retention.

No Qt and no SQL (queries live in ``app.storage.concern_queries``). Every edit is
returned as a command from ``app.commands`` so the GUI can push it on its undo
stack and the CLI can simply apply it. Imports of earlier notes and the
XLSForm-shaped theme lists live in ``app.logbook_import``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app.column_mapping import normalise_header
from app.commands import AddRecords, Command, Compound, EditFields
from app.domain import Record
from app.i18n import tr
from app.logbook_records import (
    CONCERN_KINDS,
    CONCERN_STATUSES,
    Concern,
    Partner,
    Referral,
    StatusChange,
    Theme,
)
from app.storage import concern_queries as q
from app.storage.errors import WorkbookError
from app.storage.workbook import Workbook

RETENTION_MONTHS = 3
CONTACT_REMOVED = "contact_removed"  # a status-history note, not a concern status
OTHER_THEME = "overig"
FREQUENCIES = ("", "eenmalig", "soms", "wekelijks", "dagelijks")
URGENCIES = (0, 1, 2)

DEFAULT_THEMES: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("drugsoverlast", "Drugsoverlast", (("dealen", "Dealen"), ("gebruik", "Gebruik op straat"),
                                        ("drugspand", "Drugspand"),
                                        ("spuiten", "Spuiten en afval"))),
    ("verlichting", "Verlichting", (("lamp_kapot", "Lantaarnpaal kapot"),
                                    ("donkere_plek", "Donkere plek"))),
    ("woningtoewijzing", "Woningtoewijzing", (("verhuurbeleid", "Verhuurbeleid"),
                                              ("voorrang", "Voorrang 55-plussers"),
                                              ("tijdelijke_bewoning", "Tijdelijke bewoning"))),
    ("jongeren", "Jongeren", (("hangplek", "Hangplek"), ("scooters", "Scooters"),
                              ("activiteiten", "Activiteiten voor jongeren"))),
    ("veiligheid", "Veiligheid", (("inbraak", "Inbraak"), ("onveilig_gevoel", "Onveilig gevoel"),
                                  ("verkeer", "Verkeer"))),
    ("zwerfafval_groen", "Zwerfafval en groen", (("zwerfafval", "Zwerfafval"),
                                                 ("groenonderhoud", "Groenonderhoud"),
                                                 ("speelplek", "Speelplek"))),
    ("geluid", "Geluid", (("burenlawaai", "Burenlawaai"), ("nachtlawaai", "'s Nachts"),
                          ("verkeerslawaai", "Verkeerslawaai"))),
    (OTHER_THEME, "Overig", (("vraag", "Algemene vraag"), ("compliment", "Compliment"))),
)
DEFAULT_PARTNERS = (("Politie", "police"), ("Woningcorporatie Domijn", "housing"),
                    ("RIBW", "care"), ("Gemeente", "municipality"), ("Tactus", "addiction_care"))


class LogbookError(WorkbookError):
    """A logbook rule was broken; the message is one sentence for the user."""


def now_iso() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the 31st becomes the month's last day)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def default_retention(today: dt.date | None = None) -> str:
    return add_months(today or dt.date.today(), RETENTION_MONTHS).isoformat()


def status_label(key: str) -> str:
    return {"new": tr("Nieuw"), "referred": tr("Doorverwezen"),
            "in_progress": tr("In behandeling"), "done": tr("Afgehandeld"),
            "not_possible": tr("Niet mogelijk"),
            CONTACT_REMOVED: tr("Contactgegevens verwijderd")}.get(key, key)


def kind_label(key: str) -> str:
    return {"melding": tr("Melding"), "vraag": tr("Vraag"), "klacht": tr("Klacht"),
            "idee": tr("Idee"), "signaal": tr("Signaal")}.get(key, key)


def urgency_label(level: int) -> str:
    return (tr("Normaal"), tr("Snel"), tr("Urgent"))[max(0, min(2, level))]


def frequency_label(key: str) -> str:
    return {"": tr("— onbekend —"), "eenmalig": tr("Eenmalig"), "soms": tr("Soms"),
            "wekelijks": tr("Wekelijks"), "dagelijks": tr("Dagelijks")}.get(key, key)


# ---------------------------------------------------------------- themes, partners
class ThemeIndex:
    """The theme tree of a logbook, for labels and for resolving what someone typed."""

    def __init__(self, themes: Sequence[Theme]) -> None:
        self.themes = list(themes)
        self.by_id = {t.id: t for t in self.themes}
        self.top = [t for t in self.themes if not t.parent_id]

    @classmethod
    def of(cls, book: Workbook) -> ThemeIndex:
        return cls(book.all(Theme))

    def children(self, parent_id: str) -> list[Theme]:
        return [t for t in self.themes if t.parent_id == parent_id]

    def label(self, theme_id: str) -> str:
        theme = self.by_id.get(theme_id)
        return theme.label if theme else ""

    def by_name(self, name: str) -> Theme | None:
        return next((t for t in self.top if t.name == name), None)

    def path_label(self, theme_id: str, subtheme_id: str = "") -> str:
        sub = self.label(subtheme_id)
        return f"{self.label(theme_id)} › {sub}" if sub else self.label(theme_id)

    def resolve(self, text: str) -> tuple[str, str] | None:
        """(theme id, sub-theme id) for typed text: code, label, prefix, "Thema › Sub"."""
        for sep in ("›", ">", "/"):
            if sep in text:
                head, _, tail = text.partition(sep)
                found = self.resolve(head)
                if found:
                    subs = self.children(found[0])
                    sub = _pick(subs, tail)
                    return found[0], sub.id if sub else ""
        top = _pick(self.top, text)
        if top:
            return top.id, ""
        sub = _pick([t for t in self.themes if t.parent_id], text)
        return (sub.parent_id, sub.id) if sub else None


def _pick(themes: Sequence[Theme], text: str) -> Theme | None:
    want = normalise_header(text)
    if not want:
        return None
    keys = [(t, normalise_header(t.label), normalise_header(t.name)) for t in themes]
    for test in (lambda lab, name: want in (lab, name),
                 lambda lab, name: lab.startswith(want) or name.startswith(want),
                 lambda lab, name: want in lab):
        hits = [t for t, lab, name in keys if test(lab, name)]
        if hits:
            return hits[0]
    return None


def resolve_partner(partners: Sequence[Partner], text: str) -> Partner | None:
    """A partner by name: exact, then "Woningcorporatie" for "Woningcorporatie Domijn"."""
    want = normalise_header(text)
    if not want:
        return None
    names = [(p, normalise_header(p.name)) for p in partners]
    for test in (lambda n: n == want, lambda n: n.startswith(want) or want.startswith(n),
                 lambda n: want in n):
        hits = [p for p, n in names if test(n)]
        if len(hits) >= 1:
            return hits[0]
    return None


def seed_records(book: Workbook) -> list[Record]:
    """The default themes (with sub-themes) and partners this logbook does not have yet."""
    records: list[Record] = []
    if not book.all(Theme):
        for i, (name, label, subs) in enumerate(DEFAULT_THEMES):
            top = Theme(name=name, label=tr(label), position=float(i))
            records.append(top)
            records += [Theme(name=s, label=tr(sl), parent_id=top.id, position=float(j))
                        for j, (s, sl) in enumerate(subs)]
    if not book.all(Partner):
        records += [Partner(name=n, kind=k, position=float(i))
                    for i, (n, k) in enumerate(DEFAULT_PARTNERS)]
    return records


def ensure_seeded(book: Workbook) -> bool:
    """Seed themes and partners into a logbook that has none; True when it did."""
    q.prepare(book)
    records = seed_records(book)
    if records:
        book.insert_many(records)
    return bool(records)


# ------------------------------------------------------------------------- intake
@dataclass
class IntakeDraft:
    """What the quick intake form holds; turned into a Concern by :func:`intake_command`."""

    text: str
    theme_id: str = ""
    subtheme_id: str = ""
    street: str = ""
    house_numbers: str = ""
    near: str = ""
    occurred_at: str = ""  # ISO date-time; now when empty
    kind: str = "melding"
    frequency: str = ""
    urgency: int = 0
    consent_contact: bool = False
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    share_with: Sequence[str] = field(default_factory=tuple)
    retention_until: str = ""


def build_concern(draft: IntakeDraft, now: dt.datetime | None = None) -> Concern:
    """A valid Concern from a draft; contact details are kept only with consent."""
    text = draft.text.strip()
    if not text:
        raise LogbookError(tr("Schrijf eerst op wat de bewoner vertelt."))
    if draft.kind not in CONCERN_KINDS:
        raise LogbookError(tr("Onbekende soort melding: {kind}.", kind=draft.kind))
    moment = now or dt.datetime.now()
    consent = draft.consent_contact
    contact = [v.strip() for v in (draft.contact_name, draft.contact_phone, draft.contact_email)]
    if not consent:
        contact = ["", "", ""]
    retention = draft.retention_until or (default_retention(moment.date())
                                          if any(contact) else "")
    return Concern(
        text=text, theme_id=draft.theme_id, subtheme_id=draft.subtheme_id,
        street=draft.street.strip(), house_numbers=draft.house_numbers.strip(),
        near=draft.near.strip(),
        occurred_at=draft.occurred_at or moment.isoformat(timespec="minutes"),
        logged_at=moment.isoformat(timespec="seconds"), kind=draft.kind,
        frequency=draft.frequency, urgency=max(0, min(2, int(draft.urgency))), status="new",
        consent_contact=consent, contact_name=contact[0], contact_phone=contact[1],
        contact_email=contact[2], share_with=",".join(draft.share_with) if consent else "",
        retention_until=retention if consent else "")


def intake_command(draft: IntakeDraft, now: dt.datetime | None = None) -> AddRecords:
    """Add one concern as one undoable edit (its history starts at ``logged_at``)."""
    return AddRecords(tr("Melding vastleggen"), [build_concern(draft, now)])


# --------------------------------------------------------- status, referral, feedback
def status_command(book: Workbook, concern_id: str, status: str, reason: str = "",
                   now: str = "") -> Compound:
    """Set a concern's status and add it to the history; "not possible" needs a reason."""
    if status not in CONCERN_STATUSES:
        raise LogbookError(tr("Onbekende status: {status}.", status=status))
    if status == "not_possible" and not reason.strip():
        raise LogbookError(tr("Geef bij 'niet mogelijk' de reden, voor de terugkoppeling."))
    if book.get(Concern, concern_id) is None:
        raise LogbookError(tr("Deze melding bestaat niet (meer)."))
    note = StatusChange(concern_id=concern_id, status=status, reason=reason.strip(),
                        at=now or now_iso())
    return Compound(tr("Status: {status}", status=status_label(status)), [
        EditFields("status", Concern, concern_id, {"status": status}),
        AddRecords("history", [note])])


def referral_command(book: Workbook, concern_id: str, partner_ids: Iterable[str],
                     action: str = "", owner: str = "", due: str = "",
                     now: str = "") -> Compound:
    """Refer a concern to one or more partners with an agreed action, owner and due date."""
    concern = book.get(Concern, concern_id)
    if concern is None:
        raise LogbookError(tr("Deze melding bestaat niet (meer)."))
    ids = list(dict.fromkeys(partner_ids))
    if not ids:
        raise LogbookError(tr("Kies minstens één partner om naar door te verwijzen."))
    referrals = [Referral(concern_id=concern_id, partner_id=p, action=action.strip(),
                          owner=owner.strip(), due=due) for p in ids]
    commands: list[Command] = [AddRecords("referrals", list(referrals))]
    if concern.status in ("new", "referred"):
        names = ", ".join(p.name for p in (book.get(Partner, i) for i in ids) if p)
        commands.append(EditFields("status", Concern, concern_id, {"status": "referred"}))
        commands.append(AddRecords("history", [StatusChange(
            concern_id=concern_id, status="referred", reason=names, at=now or now_iso())]))
    return Compound(tr("Doorverwijzen"), commands)


def referral_status_command(referral_id: str, status: str) -> EditFields:
    if status not in CONCERN_STATUSES:
        raise LogbookError(tr("Onbekende status: {status}.", status=status))
    return EditFields(tr("Status doorverwijzing"), Referral, referral_id, {"status": status})


def feedback_command(concern_id: str, text: str) -> EditFields:
    return EditFields(tr("Terugkoppeling"), Concern, concern_id, {"feedback": text.strip()})


def history(book: Workbook, concern_id: str) -> list[StatusChange]:
    """The status history, oldest first, starting with "new" when the concern was logged."""
    concern = book.get(Concern, concern_id)
    rows = sorted(book.all(StatusChange, concern_id=concern_id), key=lambda s: s.at)
    if concern is not None and not any(s.status == "new" for s in rows[:1]):
        rows.insert(0, StatusChange(concern_id=concern_id, status="new", at=concern.logged_at))
    return rows


# ------------------------------------------------------------------------ retention
@dataclass(frozen=True)
class PurgeReport:
    removed: int  # concerns whose contact details were removed
    history_rows: int  # change-log rows scrubbed


def purge_expired_contacts(book: Workbook, today: dt.date | None = None) -> PurgeReport:
    """Remove contact details past their retention date, and record that it was done.

    Not undoable on purpose: the data must be gone, from the change log too.
    """
    day = (today or dt.date.today()).isoformat()
    expired = q.expired_contacts(book, day)
    if not expired:
        return PurgeReport(0, 0)
    stamp = now_iso()
    with book.transaction():
        for concern in expired:
            book.update(Concern, concern.id, contact_name="", contact_phone="",
                        contact_email="", share_with="", contact_removed_at=stamp)
            book.insert(StatusChange(
                concern_id=concern.id, status=CONTACT_REMOVED, at=stamp,
                reason=tr("Contactgegevens verwijderd: bewaartermijn tot {date} verlopen.",
                          date=concern.retention_until)))
        scrubbed = q.scrub_contact_history(book, [c.id for c in expired])
    return PurgeReport(len(expired), scrubbed)


# --------------------------------------------------------------- partner export rows
PARTNER_HEADERS = ("Datum", "Thema", "Subthema", "Straat", "Huisnummers", "Bij", "Melding",
                   "Soort", "Urgentie", "Status melding", "Actie", "Eigenaar", "Uiterlijk",
                   "Status doorverwijzing", "Naam", "Telefoon", "E-mail")


def shares_contact_with(concern: Concern, partner_id: str) -> bool:
    """Whether the resident consented to share contact details with this partner (and has any)."""
    return (concern.consent_contact and not concern.contact_removed_at
            and partner_id in [p for p in concern.share_with.split(",") if p])


def partner_rows(book: Workbook, partner_id: str) -> tuple[list[str], list[list[str]]]:
    """The per-partner list: every concern referred to the partner, contact only with consent."""
    themes = ThemeIndex.of(book)
    referrals = {r.concern_id: r for r in book.all(Referral, partner_id=partner_id)}
    rows = []
    for c in q.concerns_where(book, q.ConcernFilter(partner_id=partner_id)):
        r = referrals.get(c.id) or Referral()
        contact = ([c.contact_name, c.contact_phone, c.contact_email]
                   if shares_contact_with(c, partner_id) else ["", "", ""])
        rows.append([c.occurred_at.replace("T", " "), themes.label(c.theme_id),
                     themes.label(c.subtheme_id), c.street, c.house_numbers, c.near, c.text,
                     kind_label(c.kind), urgency_label(c.urgency), status_label(c.status),
                     r.action, r.owner, r.due, status_label(r.status), *contact])
    return [tr(h) for h in PARTNER_HEADERS], rows


def partner_named(book: Workbook, name: str) -> Partner:
    partners = book.all(Partner)
    found = resolve_partner(partners, name)
    if found is None:
        raise LogbookError(tr("Onbekende partner: {name}. Bekend: {names}.", name=name,
                              names=", ".join(p.name for p in partners) or "—"))
    return found


# ------------------------------------------------------------------ partner table data
@dataclass(frozen=True)
class WeekCounts:
    """Concerns per theme per ISO week: ``counts[theme][week]``, themes in list order."""

    weeks: list[str]  # "2022-W18"
    theme_ids: list[str]
    labels: list[str]
    counts: list[list[int]]

    def total(self) -> int:
        return sum(map(sum, self.counts))


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_counts(book: Workbook, date_from: dt.date, date_to: dt.date) -> WeekCounts:
    """Counts per top theme per ISO week between two dates (every week present, also empty)."""
    monday = date_from - dt.timedelta(days=date_from.weekday())
    weeks: list[str] = []
    while monday <= date_to:
        weeks.append(iso_week(monday))
        monday += dt.timedelta(days=7)
    index = ThemeIndex.of(book)
    theme_ids = [t.id for t in index.top]
    grid = {tid: [0] * len(weeks) for tid in theme_ids}
    column = {w: i for i, w in enumerate(weeks)}
    unknown = [0] * len(weeks)
    for theme_id, day, count in q.counts_per_theme_day(book, date_from.isoformat(),
                                                       date_to.isoformat()):
        try:
            week = column[iso_week(dt.date.fromisoformat(day))]
        except (KeyError, ValueError):
            continue
        (grid.get(theme_id) or unknown)[week] += count
    labels = [index.label(t) for t in theme_ids]
    if any(unknown):
        theme_ids.append("")
        labels.append(tr("Zonder thema"))
        grid[""] = unknown
    return WeekCounts(weeks, theme_ids, labels, [grid[t] for t in theme_ids])
