"""Map the columns of an imported table to Oogst's fields by their Dutch or English names.

Each field is a :class:`FieldSpec` with normalised synonyms. :func:`guess_mapping` matches
headers to fields: an exact (normalised) synonym first, then a header that starts with or
contains a synonym; every column and every field is used at most once. The user can
correct the guess in the import dialog; this module only makes a good first proposal.
Labels are Dutch; pass them through :func:`app.i18n.tr` when showing them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Letters that do not decompose into a base letter plus accent in Unicode.
_SPECIAL = str.maketrans({"ı": "i", "İ": "i", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae",
                          "œ": "oe", "Œ": "oe", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
                          "ß": "ss", "þ": "th", "Þ": "th"})
_APOSTROPHES = str.maketrans("", "", "'’‘`´")
_NON_WORD = re.compile(r"[\W_]+")


def normalise_header(text: str) -> str:
    """Casefold, drop accents and apostrophes, turn other punctuation into single spaces.

    >>> normalise_header("E-mail"), normalise_header("Toestemming foto's")
    ('e mail', 'toestemming fotos')
    """
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().translate(_APOSTROPHES)
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class FieldSpec:
    """One Oogst field that an imported column can fill."""

    key: str  # Oogst field name
    label: str  # Dutch label (pass through tr at display time)
    synonyms: tuple[str, ...]  # normalised header names that map here (Dutch + English)
    required: bool = False


def _spec(key: str, label: str, *names: str, required: bool = False) -> FieldSpec:
    synonyms = tuple(dict.fromkeys(normalise_header(name) for name in (label, *names)))
    return FieldSpec(key=key, label=label, synonyms=synonyms, required=required)


_EMAIL = ("E-mail", "Email", "Mail", "Mailadres", "E-mailadres", "Emailadres",
          "E-mail address", "Email address")
_PHONE = ("Telefoon", "Telefoonnummer", "Tel", "Telnr", "Telefoonnr", "Mobiel", "Mobiel nummer",
          "Mobielnummer", "06-nummer", "Phone", "Phone number", "Telephone", "Mobile")

PARTICIPANT_FIELDS: tuple[FieldSpec, ...] = (
    _spec("first_name", "Voornaam", "Voornamen", "Roepnaam", "First name", "Firstname",
          "Given name", "Forename"),
    _spec("last_name", "Achternaam", "Familienaam", "Last name", "Lastname", "Surname",
          "Family name"),
    _spec("full_name", "Naam", "Volledige naam", "Naam deelnemer", "Deelnemer", "Name",
          "Full name", "Participant", "Participant name"),
    _spec("organisation", "Organisatie", "Organisatienaam", "Naam organisatie", "Organisatie naam",
          "Bedrijf", "Naam bedrijf", "Instelling", "Naam instelling", "Werkgever", "Namens",
          "Organisation", "Organization", "Company", "Employer", "Affiliation"),
    _spec("group", "Belanghebbendengroep", "Belanghebbende groep", "Groep", "Stakeholdergroep",
          "Stakeholder", "Sector", "Stakeholder group", "Group"),
    _spec("role", "Rol", "Functie", "Role", "Function", "Job title", "Position"),
    _spec("email", "E-mail", *_EMAIL),
    _spec("phone", "Telefoon", *_PHONE),
    _spec("dietary", "Dieetwensen", "Dieetwens", "Dieet", "Allergieën", "Allergie",
          "Allergieën en dieetwensen", "Eetwensen", "Voedselallergie", "Dietary needs",
          "Dietary requirements", "Dietary", "Diet", "Allergies"),
    _spec("access_needs", "Toegankelijkheid", "Toegankelijkheidswensen", "Hulpmiddelen",
          "Access needs", "Accessibility", "Accessibility needs"),
    _spec("consent_photo", "Toestemming foto's", "Toestemming foto", "Foto toestemming",
          "Foto's", "Foto", "Fotografie", "Toestemming beeldmateriaal", "Beeldmateriaal",
          "Photo consent", "Photography consent", "Photo", "Photos"),
    _spec("consent_contact", "Toestemming contact", "Contact na afloop", "Contact toestemming",
          "Mag contact opnemen", "Contact consent", "Contact allowed", "Follow-up contact"),
    _spec("consent_name", "Naam in verslag", "Naam in het verslag", "Toestemming naam",
          "Naamsvermelding", "Naam vermelden", "Name in report", "Name consent"),
    _spec("notes", "Opmerkingen", "Opmerking", "Notities", "Notitie", "Bijzonderheden",
          "Toelichting", "Notes", "Note", "Comments", "Remarks"),
)

CONCERN_FIELDS: tuple[FieldSpec, ...] = (
    _spec("date", "Datum", "Datum melding", "Meldingsdatum", "Dag", "Date"),
    _spec("time", "Tijd", "Tijdstip", "Uur", "Time"),
    _spec("theme", "Thema", "Onderwerp", "Categorie", "Theme", "Topic", "Category", "Subject"),
    _spec("street", "Straat", "Straatnaam", "Locatie", "Plaats", "Plek", "Adres", "Waar",
          "Street", "Location", "Place", "Address"),
    _spec("text", "Melding", "Omschrijving", "Beschrijving", "Zorg", "Signaal", "Wat is er verteld",
          "Description", "Concern", "Text", "Report", required=True),
    _spec("referred_to", "Doorverwezen naar", "Doorverwijzing", "Verwezen naar", "Partner",
          "Referred to", "Referral"),
    _spec("consent_contact", "Contact mag", "Toestemming contact", "Contact toestemming",
          "Mag contact opnemen", "Terugbellen", "Contact allowed", "Contact consent",
          "May contact"),
    _spec("kind", "Soort", "Soort melding", "Type melding", "Meldingsoort", "Meldingtype", "Type",
          "Kind"),
    _spec("status", "Status", "Status melding", "Stand van zaken", "State"),
    _spec("name", "Naam", "Naam melder", "Melder", "Naam bewoner", "Name"),
    _spec("phone", "Telefoon", *_PHONE),
    _spec("email", "E-mail", *_EMAIL),
)


@dataclass(frozen=True)
class ColumnMapping:
    """Which column fills which field, and which headers are left unused."""

    fields: dict[str, int]  # field key -> column index
    ignored: tuple[str, ...]  # headers not used, in column order

    def value(self, row: Sequence[str], key: str) -> str:
        """The cell of ``row`` mapped to field ``key``, or "" when the field is unmapped."""
        index = self.fields.get(key)
        return row[index] if index is not None and index < len(row) else ""


def _match(header: str, compact: str, synonym: str) -> tuple[int, int] | None:
    """How well a normalised header matches a synonym: (tier, length), higher is better."""
    squeezed = synonym.replace(" ", "")
    if header == synonym:
        return 5, 0  # among exact matches the leftmost column wins, whatever the length
    if compact == squeezed:
        return 4, 0
    if header.startswith(synonym + " "):
        return 3, len(synonym)
    if f" {synonym} " in f" {header} ":
        return 2, len(synonym)
    if len(squeezed) >= 4 and compact.startswith(squeezed):
        return 1, len(synonym)
    if len(squeezed) >= 5 and squeezed in compact:
        return 0, len(synonym)
    return None


def guess_mapping(headers: Sequence[str], specs: Sequence[FieldSpec]) -> ColumnMapping:
    """Propose which column fills which field, from the header names alone.

    Exact synonyms win over a header that starts with a synonym, which wins over one that
    contains it; among equals the longer synonym, then the leftmost column wins. When both
    first and last name columns exist, a full-name column is not used; a Dutch "Naam" next
    to "Voornaam" without "Achternaam" (Flemish style) is taken as the last name.
    """
    candidates: list[tuple[tuple[int, int], int, int, int, str]] = []
    for column, header in enumerate(headers):
        norm = normalise_header(header)
        if not norm:
            continue
        compact = norm.replace(" ", "")
        for order, spec in enumerate(specs):
            scores = [s for s in (_match(norm, compact, syn) for syn in spec.synonyms) if s]
            if scores:
                candidates.append((max(scores), -column, -order, column, spec.key))
    candidates.sort(reverse=True)
    fields: dict[str, int] = {}
    for _score, _col, _order, column, key in candidates:
        if key not in fields and column not in fields.values():
            fields[key] = column
    keys = {spec.key for spec in specs}
    if {"first_name", "full_name"} <= fields.keys():
        if "last_name" in fields:
            del fields["full_name"]
        elif "last_name" in keys and normalise_header(headers[fields["full_name"]]) == "naam":
            fields["last_name"] = fields.pop("full_name")
    used = set(fields.values())
    ignored = tuple(header for column, header in enumerate(headers) if column not in used)
    ordered = dict(sorted(fields.items(), key=lambda item: item[1]))
    return ColumnMapping(fields=ordered, ignored=ignored)


_YES = frozenset({"ja", "j", "yes", "y", "true", "waar", "1", "x", "v", "ok", "akkoord",
                  "ja graag", "✓", "✔", "☑", "✅", "☒"})
_NO = frozenset({"nee", "n", "no", "false", "onwaar", "0", "niet akkoord", "✗", "✘", "☐", "❌"})
_NO_FIRST_WORDS = frozenset({"nee", "no", "niet", "geen"})


def parse_yes_no(text: str) -> bool | None:
    """Read a yes/no cell: ja/j/yes/y/true/1/x/✓ -> True, nee/n/no/false/0 -> False.

    Returns None for an empty cell and for anything not understood ("misschien"). A cell
    that starts with a no ("nee, liever niet") is False; a qualified yes ("ja, maar ...")
    is None, because consent must not be assumed.
    """
    value = " ".join(text.split()).casefold().rstrip(".!")
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    words = normalise_header(value).split()
    if words and words[0] in _NO_FIRST_WORDS:
        return False
    return None
