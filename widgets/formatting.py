"""Dates, times and durations as the UI shows them, in its language (Dutch or English)."""

from __future__ import annotations

import re
from functools import cache

from app import dates
from app.i18n import language, tr

_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_hhmm(text: str) -> int | None:
    """Minutes after midnight for "HH:MM", or None."""
    m = _HHMM.match(text.strip())
    if not m:
        return None
    hours, minutes = int(m.group(1)), int(m.group(2))
    if hours > 23 or minutes > 59:
        return None
    return hours * 60 + minutes


def hhmm(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def duration(minutes: int) -> str:
    """"1 u 30 min", "45 min", "3 u"."""
    hours, rest = divmod(max(0, minutes), 60)
    if hours and rest:
        return tr("{hours} u {minutes} min", hours=hours, minutes=rest)
    if hours:
        return tr("{hours} u", hours=hours)
    return tr("{minutes} min", minutes=rest)


def date_text(iso: str, long: bool = False) -> str:
    """"wo 25 nov 2026" (or the long form); "" for no date."""
    return dates.date_text(iso, language(), long)


def date_range_text(start: str, end: str) -> str:
    """"wo 25 – vr 27 nov 2026", one date, or ""."""
    return dates.date_range_text(start, end, language())


@cache
def _method_names(key: str) -> tuple[str, str] | None:
    from sessions.template_heads import usual_path
    from sessions.templates import all_templates, parse_template

    guess = usual_path(key)  # parse only that file, if it is the one
    if guess.exists():
        found = parse_template(guess.read_text(encoding="utf-8"), guess.name)
        if found.key == key:
            return found.name, found.name_en
    template = all_templates().get(key)
    return (template.name, template.name_en) if template else None


@cache
def _head_names(key: str) -> tuple[str, str] | None:
    """(name, name_en) from the plain lines that open the method's template, or None
    (then the full parser decides): spares the badge tomllib and a parse (~7 ms)."""
    from sessions.template_heads import method_head

    head = method_head(key)
    return (head["name"], head["name_en"]) if head is not None else None


def method_label(key: str) -> str:
    """The method's name in the UI language (its key if no template knows it)."""
    names = _head_names(key) or _method_names(key)
    if names is None:
        return key
    return names[1] if language() == "en" and names[1] else names[0]
