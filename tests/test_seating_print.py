"""Printed seating: table lists, table cards and "your tables" slips as real PDFs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain import Participant
from app.storage import Workbook
from exports.seating_print import (
    seating_sheets,
    write_all,
    write_slips,
    write_table_cards,
    write_table_lists,
)
from sessions.seating import plan_seating
from sessions.seating_workbook import build_request, save_plan_command


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    from sessions.demo import build_demo

    folder = tmp_path_factory.mktemp("print")
    book = build_demo(folder / "demo.oogst")
    try:
        plan = plan_seating(build_request(book, 5, table_size=8, time_limit=0.5))
        save_plan_command(book, plan).apply(book)
        sheets = seating_sheets(book)
        paths = write_all(sheets, folder)
    finally:
        book.close()
    return folder, (sheets, paths)


def text_of(path: Path) -> str:
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True, timeout=60, check=True)
        return done.stdout
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_three_documents_with_the_expected_pages(printed) -> None:
    folder, (sheets, paths) = printed
    assert [p.name for p in paths] == ["tafellijsten.pdf", "tafelkaarten.pdf", "jouw-tafels.pdf"]
    seated = {pid for rnd in sheets.rounds for t in rnd for pid in t}
    assert len(sheets.rounds) == 5 and len(seated) == 68
    assert len(PdfReader(paths[0]).pages) == 5  # one A4 page per round
    cards = PdfReader(paths[1])
    assert len(cards.pages) == sum(len(rnd) for rnd in sheets.rounds)  # one per table per round
    box = cards.pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 420  # A5 landscape
    assert len(PdfReader(paths[2]).pages) == -(-68 // 10)


def test_pdftotext_finds_tables_and_names(printed) -> None:
    folder, (sheets, paths) = printed
    someone = sheets.people[sheets.rounds[0][0][0]].name
    for path in paths:
        text = text_of(path)
        assert "Tafel 1" in text
        assert someone in text
    lists = text_of(paths[0])
    assert "Ronde 5" in lists
    accented = [p.name for p in sheets.people.values() if not p.name.isascii()]
    assert accented and any(name in lists for name in accented)  # ş, ı, é survive


def test_pages_are_not_blank(printed, tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    from PIL import Image, ImageStat

    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm not installed")
    folder, (_sheets, paths) = printed
    for path in paths:
        prefix = tmp_path / path.stem
        subprocess.run(["pdftoppm", "-png", "-r", "20", "-l", "3", str(path), str(prefix)],
                       check=True, timeout=60)
        pages = sorted(tmp_path.glob(f"{path.stem}*.png"))
        assert pages
        for png in pages:
            stat = ImageStat.Stat(Image.open(png).convert("L"))
            assert stat.stddev[0] > 10, png.name  # ink on the page, not a white sheet


def test_an_empty_plan_still_prints_a_sentence(book: Workbook, tmp_path: Path) -> None:
    book.insert(Participant(first_name="Esmé", last_name="Çelik"))
    sheets = seating_sheets(book)
    assert sheets.rounds == []
    for write, name in ((write_table_lists, "a.pdf"), (write_table_cards, "b.pdf"),
                        (write_slips, "c.pdf")):
        path = write(sheets, tmp_path / name)
        assert "nog geen tafelindeling" in text_of(path)
