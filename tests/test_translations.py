"""English is complete: every Dutch text Oogst shows or prints has an English entry.

A missing entry falls back to Dutch (app.i18n), which hides the gap: an English user
would meet Dutch error messages (a corrupt file, a wrong passphrase) and CLI output.
"""

from __future__ import annotations

import ast
import importlib
import json
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "widgets", "sessions", "exports")
CATALOGUE = json.loads((ROOT / "assets" / "translations" / "en.json").read_text("utf-8"))

# Tables of Dutch words that reach tr() by name rather than as a literal.
WORD_TABLES = [
    ("sessions.boards", "BOARD_KINDS"),
    ("sessions.boards", "GROUPINGS"),
    ("exports.jobs", "LABELS"),
    ("exports.participant_list", "ROLE_WORDS"),
    ("exports.participant_list", "STATUS_WORDS"),
    ("widgets.import_dialog", "DELIMITER_NAMES"),
    ("widgets.participants_model", "CONSENT_TIPS"),
    ("app.logbook", "PARTNER_HEADERS"),
]


def literal_messages() -> Iterator[tuple[str, int, str]]:
    """(file, line, text) of every ``tr("…")`` and ``translate("…", …)`` in the code."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                first = node.args[0]
                if (name in ("tr", "translate") and isinstance(first, ast.Constant)
                        and isinstance(first.value, str)):
                    yield str(path.relative_to(ROOT)), node.lineno, first.value


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_scan_finds_the_messages_it_should() -> None:
    found = {text for _, _, text in literal_messages()}
    assert len(found) > 500
    assert "Het bestand {path} is afgekapt of beschadigd." in found  # app/storage
    assert "Opgeslagen om {time}" in found  # widgets


def test_every_literal_message_has_an_english_entry() -> None:
    missing = sorted({f"{file}:{line}: {text!r}" for file, line, text in literal_messages()
                      if text not in CATALOGUE})
    assert not missing, "no English for:\n" + "\n".join(missing)


@pytest.mark.parametrize(("module", "name"), WORD_TABLES)
def test_every_word_in_a_table_has_an_english_entry(module: str, name: str) -> None:
    table = getattr(importlib.import_module(module), name)
    words = table.values() if isinstance(table, dict) else table
    assert [word for word in words if word not in CATALOGUE] == []


def test_page_titles_have_english_entries() -> None:
    from widgets.pages import PAGES

    assert [page.title for page in PAGES if page.title not in CATALOGUE] == []


def test_english_fills_the_same_placeholders_as_dutch() -> None:
    wrong = [dutch for dutch, english in CATALOGUE.items() if fields(dutch) != fields(english)]
    assert wrong == []


def test_a_storage_error_reads_in_english(tmp_path: Path) -> None:
    from app.i18n import set_language
    from app.storage import Workbook
    from app.storage.errors import CorruptWorkbook

    broken = tmp_path / "broken.oogst"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 40)
    set_language("en")
    try:
        with pytest.raises(CorruptWorkbook) as caught:
            Workbook.open(broken)
    finally:
        set_language("nl")
    assert "truncated or damaged" in str(caught.value)
