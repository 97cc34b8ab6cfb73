"""What a method is called and is for, read from the plain lines its template opens with.

The windows name the methods (the header's badge, the start screen's choice of method)
before anything else needs a template. Parsing them all (tomllib, a dozen dataclasses)
costs the start screen ~8 ms; these lines, ``key = "text"`` without escapes, read the
same to tomllib. Anything else (a table, an array, an escape, a repeated key) ends the
head: a field not found in it is left to the full parser (``sessions.templates``).
"""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
FIELDS = ("key", "name", "name_en", "description", "description_en")

_PLAIN_PAIR = re.compile(r'([A-Za-z0-9_-]+)\s*=\s*"([^"\\]*)"\s*(?:#.*)?')


def read_head(path: Path) -> dict[str, str]:
    """The plain ``name = "text"`` lines ``path`` opens with (comments and blank lines
    between them skipped); {} when it cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    head: dict[str, str] = {}
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pair = _PLAIN_PAIR.fullmatch(line)
        if pair is None or pair[1] in head:
            break
        head[pair[1]] = pair[2]
    return head


def usual_path(key: str) -> Path:
    """The file a method's template usually is in: future-search -> future_search.toml."""
    return TEMPLATE_DIR / f"{key.replace('-', '_')}.toml"


def method_head(key: str) -> dict[str, str] | None:
    """The head of the method's usual template file, if it names ``key`` and every field."""
    head = read_head(usual_path(key))
    return head if head.get("key") == key and all(f in head for f in FIELDS) else None


def method_heads() -> list[dict[str, str]] | None:
    """Every template's head, in the order ``all_templates`` has them; None when one of
    them does not say every field up front (then only the parser knows)."""
    heads: dict[str, dict[str, str]] = {}
    for path in sorted(TEMPLATE_DIR.glob("*.toml")):
        head = read_head(path)
        if not all(f in head for f in FIELDS):
            return None
        heads[head["key"]] = head  # a later file of the same key wins, as in all_templates
    return list(heads.values())
