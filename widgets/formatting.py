"""Dates, times and durations as the UI shows them, in its language (Dutch or English)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

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
    from sessions.templates import TEMPLATE_DIR, all_templates, parse_template

    guess = TEMPLATE_DIR / f"{key.replace('-', '_')}.toml"  # the usual file: parse only it
    if guess.exists():
        found = parse_template(guess.read_text(encoding="utf-8"), guess.name)
        if found.key == key:
            return found.name, found.name_en
    template = all_templates().get(key)
    return (template.name, template.name_en) if template else None


_PLAIN_PAIR = re.compile(r'([A-Za-z0-9_-]+)\s*=\s*"([^"\\]*)"\s*(?:#.*)?')


@cache
def _head_names(key: str) -> tuple[str, str] | None:
    """(name, name_en) from the plain ``key = "text"`` lines that open the method's usual
    template file, or None when they do not say (then the full parser decides).

    Spares the window's first paint (the badge) ``sessions.templates``, tomllib and a full parse
    (~7 ms); those top lines mean the same to tomllib, which reads them identically.
    """
    import sessions

    path = Path(sessions.__file__).resolve().parent / "templates" / (
        key.replace("-", "_") + ".toml")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    head: dict[str, str] = {}
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pair = _PLAIN_PAIR.fullmatch(line)
        if pair is None or pair[1] in head:
            break  # anything else (tables, arrays, escapes...): only the parser knows
        head[pair[1]] = pair[2]
    if head.get("key") != key or "name" not in head or "name_en" not in head:
        return None
    return head["name"], head["name_en"]


def method_label(key: str) -> str:
    """The method's name in the UI language (its key if no template knows it)."""
    names = _head_names(key) or _method_names(key)
    if names is None:
        return key
    return names[1] if language() == "en" and names[1] else names[0]
