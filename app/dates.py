"""Dates in words, in Dutch or English: "wo 25 – vr 27 nov 2026", "9 juni 2027".

The window and the exports write dates with the same words. They are the Unicode CLDR's
(as Qt's QLocale has them for nl_NL and en_GB): a test holds them to QLocale's.
"""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
SHORT_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
}
WEEKDAYS = {  # Monday first, as date.weekday() counts
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
SHORT_WEEKDAYS = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def _words(table: dict[str, tuple[str, ...]], lang: str) -> tuple[str, ...]:
    return table.get(lang, table["nl"])


def parse_date(iso: str) -> dt.date | None:
    """The date an ISO "YYYY-MM-DD…" value starts with; None for no or no valid date."""
    try:
        return dt.date.fromisoformat((iso or "")[:10])
    except ValueError:
        return None


def day_text(date: dt.date, lang: str, *, month: bool = True, year: bool = True) -> str:
    """"wo 25 nov 2026", or without the month (and year): "wo 25"."""
    parts = [_words(SHORT_WEEKDAYS, lang)[date.weekday()], str(date.day)]
    if month:
        parts.append(_words(SHORT_MONTHS, lang)[date.month - 1])
        if year:
            parts.append(str(date.year))
    return " ".join(parts)


def date_text(iso: str, lang: str, long: bool = False) -> str:
    """"wo 25 nov 2026", or "woensdag 25 november 2026"; "" for no date."""
    date = parse_date(iso)
    if date is None:
        return ""
    if not long:
        return day_text(date, lang)
    return (f"{_words(WEEKDAYS, lang)[date.weekday()]} {date.day} "
            f"{_words(MONTHS, lang)[date.month - 1]} {date.year}")


def date_range_text(start: str, end: str, lang: str) -> str:
    """"wo 25 – vr 27 nov 2026", one date, or ""."""
    a, b = parse_date(start), parse_date(end)
    if a is None:
        return date_text(end, lang)
    if b is None or b == a:
        return date_text(start, lang)
    if (a.year, a.month) == (b.year, b.month):
        return f"{day_text(a, lang, month=False)} – {day_text(b, lang)}"
    if a.year == b.year:
        return f"{day_text(a, lang, year=False)} – {day_text(b, lang)}"
    return f"{day_text(a, lang)} – {day_text(b, lang)}"
