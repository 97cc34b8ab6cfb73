"""Translations without Qt: Dutch source strings, English from a JSON catalogue.

The UI, the CLI and the exports all call :func:`tr` with the Dutch text;
``assets/translations/<lang>.json`` maps it to another language. A missing
entry falls back to the Dutch text, so nothing is ever blank.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGUAGES = {"nl": "Nederlands", "en": "English"}
_ASSETS = Path(__file__).resolve().parent.parent / "assets" / "translations"
_current = "nl"


@cache
def _catalogue(lang: str) -> dict[str, str]:
    path = _ASSETS / f"{lang}.json"
    if lang == "nl" or not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def set_language(lang: str) -> None:
    """Switch the language used by :func:`tr` (``nl`` or ``en``)."""
    global _current
    _current = lang if lang in LANGUAGES else "nl"


def language() -> str:
    return _current


def translate(text: str, lang: str, **kwargs: object) -> str:
    """Translate Dutch ``text`` into ``lang`` and fill ``{placeholders}``."""
    out = _catalogue(lang).get(text, text)
    return out.format(**kwargs) if kwargs else out


def tr(text: str, **kwargs: object) -> str:
    """Translate Dutch ``text`` into the current language."""
    return translate(text, _current, **kwargs)
