"""The PDF documents: pages exist and are not blank, the text has the headings and the
names it should (and not the ones it should not), every QR code says exactly what was
meant, the summary is one page."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from test_exports_fill import (
    FOLLOW_UP,
    HIDDEN,
    HIDDEN_EMAIL,
    NAMED,
    PUBLIC_URL,
    fill_boards,
    is_blank,
    needs_poppler,
    needs_zbar,
    pdf_text,
    qr_codes,
    qr_codes_in_boxes,
    render,
)

from app.board_records import ActionPlan, Commitment
from app.domain import Event, Participant
from app.storage import Workbook
from exports.badges import Card, card_boxes, write_badges, write_cards
from exports.commitments import slip_text, write_commitments
from exports.handouts import plan_qr, write_handouts
from exports.harvest import load
from exports.recap import NoSuchDay, write_recap
from exports.report import doc_info, write_report
from exports.summary import follow_up_calendar, write_summary

NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.UTC)
HEADINGS = ("Inhoud", "Wie er waren", "Het programma", "Tijdlijn", "Trendkaart",
            "Wat groepen doen en willen", "Trots & spijt", "Toekomstbeelden",
            "Gemeenschappelijke grond", "Actieplannen", "Toezeggingen", "Bijlage")


@pytest.fixture
def filled(book: Workbook) -> Workbook:
    fill_boards(book)
    return book


def pages_ok(pdf: Path, dpi: int = 30) -> list[Path]:
    pngs = render(pdf, dpi)
    assert pngs, "no pages"
    blank = [p.name for p in pngs if is_blank(p)]
    assert not blank, f"blank pages: {blank}"
    return pngs


@needs_poppler
def test_report_has_every_part_and_only_consenting_names(filled: Workbook,
                                                         tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pages = write_report(filled, pdf)
    assert len(pages_ok(pdf)) == pages > 10
    text = pdf_text(pdf)
    for heading in HEADINGS:
        assert heading in text, heading
    assert " ".join(NAMED) in text
    assert " ".join(HIDDEN) not in text and HIDDEN_EMAIL not in text
    assert "@example.org" not in text
    assert "Zonder persoonsgegevens" in text
    assert f"pagina 2 van {pages}" in text
    reader = PdfReader(pdf)
    meta = reader.metadata
    assert meta.title == "Veilige binnenstad" and meta.author == "Team Participatie"
    assert "veilige binnenstad" in meta.subject
    fonts = set()
    for page in reader.pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            if descriptor is not None:
                fonts.add("/FontFile2" in descriptor.get_object())
    assert fonts == {True}, "every font is embedded"


@needs_poppler
def test_report_with_personal_data_says_so(filled: Workbook, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    write_report(filled, pdf, include_personal=True)
    text = pdf_text(pdf)
    assert " ".join(HIDDEN) in text
    assert "Met persoonsgegevens" in text


@needs_poppler
def test_report_of_a_fresh_workbook_with_empty_boards(book: Workbook, tmp_path: Path) -> None:
    pdf = tmp_path / "empty.pdf"
    write_report(book, pdf)
    pages_ok(pdf)
    text = pdf_text(pdf)
    assert "Op dit bord is niets vastgelegd." in text and "Bijlage" in text


@needs_poppler
def test_report_in_english(filled: Workbook, tmp_path: Path) -> None:
    filled.update(Event, filled.event().id, language="en")
    pdf = tmp_path / "report.pdf"
    pages = write_report(filled, pdf)
    text = pdf_text(pdf)
    for heading in ("Contents", "Who was there", "Timeline", "Common ground", "Appendix"):
        assert heading in text, heading
    assert f"page 2 of {pages}" in text and "Without personal data" in text


@needs_poppler
@needs_zbar
def test_summary_is_one_page_with_two_qr_codes(filled: Workbook, tmp_path: Path) -> None:
    pdf = tmp_path / "summary.pdf"
    assert write_summary(filled, pdf, now=NOW) == 1
    assert len(PdfReader(pdf).pages) == 1
    png = pages_ok(pdf, dpi=200)[0]
    calendar = follow_up_calendar(load(filled), NOW)
    assert sorted(qr_codes(png, [PUBLIC_URL, calendar])) == sorted([PUBLIC_URL, calendar])
    event = icalendar.Calendar.from_ical(calendar).walk("VEVENT")[0]
    assert event.decoded("dtstart") == dt.datetime.fromisoformat(FOLLOW_UP)
    text = pdf_text(pdf)
    for part in ("De vraag", "Wat u kon beïnvloeden", "coproduceren",
                 "De vijf belangrijkste uitkomsten", "Actieplannen en trekkers", "Hoe verder",
                 "Contact", "Gedeelde grond 0"):
        assert part in text, part
    assert " ".join(HIDDEN) not in text


@needs_poppler
def test_summary_stays_one_page_with_far_too_much_text(filled: Workbook,
                                                       tmp_path: Path) -> None:
    event = filled.event()
    filled.update(Event, event.id, question="Een heel lange vraag " * 300,
                  frame="Wat wel en niet kan. " * 400, contact="Bel ons " * 200)
    owner = filled.all(Participant)[0].id
    filled.insert_many([ActionPlan(title=f"Plan {i} " + "met een lange titel " * 20,
                                   owner_id=owner, deadline="2027-05-01") for i in range(30)])
    pdf = tmp_path / "summary.pdf"
    write_summary(filled, pdf)
    assert len(PdfReader(pdf).pages) == 1
    pages_ok(pdf)


@needs_poppler
@needs_zbar
def test_handouts_one_page_per_plan_each_with_its_qr(filled: Workbook, tmp_path: Path) -> None:
    pdf = tmp_path / "plans.pdf"
    plans = filled.all(ActionPlan)
    assert write_handouts(filled, pdf, now=NOW) == len(plans)
    pngs = render(pdf, 150)
    assert len(pngs) == len(plans) and not any(is_blank(p) for p in pngs)
    h = load(filled)
    for plan, png in zip(plans, pngs):
        expected, _caption = plan_qr(h, plan, NOW)
        assert qr_codes(png, [expected]) == [expected]
    text = pdf_text(pdf)
    assert "Eerste stappen" in text and "Trekker" in text and "Gedeelde grond 1" in text
    assert "een deelnemer (" in text  # the plan owned by someone who is not named


@needs_poppler
@needs_zbar
def test_badges_eight_per_page_qr_is_only_the_checkin_code(filled: Workbook,
                                                          tmp_path: Path) -> None:
    pdf = tmp_path / "badges.pdf"
    people = filled.all(Participant)
    assert write_badges(filled, pdf) == math.ceil(len(people) / 8)
    pngs = render(pdf, 150, last=2)
    codes = {p.checkin_code for p in people}
    per_badge = qr_codes_in_boxes(pngs[0], card_boxes(), A4[0])
    assert all(len(found) == 1 for found in per_badge), per_badge  # one code per badge
    assert len({found[0] for found in per_badge}) == 8 and {f[0] for f in per_badge} <= codes
    text = pdf_text(pdf)
    assert NAMED[0] in text and "@" not in text


@needs_poppler
@needs_zbar
def test_card_layout_makes_tent_cards_for_tables(tmp_path: Path, book: Workbook) -> None:
    pdf = tmp_path / "tables.pdf"
    cards = [Card(title=f"Tafel {n}", lines=("Anouk de Vries", "Bram Jansen"),
                  band="Gemengde tafel", qr=f"tafel-{n}") for n in range(1, 4)]
    info = doc_info(load(book), "Tafelkaarten")
    assert write_cards(pdf, cards, info, columns=1, rows=2, size=(180 * 2.8346, 120 * 2.8346),
                       tent=True) == 2
    pngs = render(pdf, 150)
    assert "tafel-1" in qr_codes(pngs[0]) and "Tafel 3" in pdf_text(pdf)


@needs_poppler
@needs_zbar
def test_commitment_slips_hold_the_same_text_as_their_qr(filled: Workbook,
                                                         tmp_path: Path) -> None:
    pdf = tmp_path / "slips.pdf"
    write_commitments(filled, pdf)
    pngs = render(pdf, 200, last=1)
    h = load(filled)
    by_person: dict[str, list[Commitment]] = {}
    for c in h.commitments:
        by_person.setdefault(c.participant_id, []).append(c)
    expected = {slip_text(h, h.person(pid), items) for pid, items in by_person.items()}
    found = qr_codes(pngs[0], expected)
    assert len(found) == 4 and set(found) <= expected
    text = pdf_text(pdf)
    assert "Mijn toezegging" in text and "trekker: een deelnemer (" in text


@needs_poppler
def test_day_recaps_are_two_to_four_pages(filled: Workbook, tmp_path: Path) -> None:
    for day in (1, 2, 3):
        pdf = tmp_path / f"recap{day}.pdf"
        pages = write_recap(filled, day, pdf)
        assert 2 <= pages <= 4 and len(pages_ok(pdf)) == pages
    assert "Terugblik dag 3" in pdf_text(tmp_path / "recap3.pdf")
    with pytest.raises(NoSuchDay):
        write_recap(filled, 9, tmp_path / "nine.pdf")


@needs_poppler
def test_demo_documents_render(demo_path: Path, tmp_path: Path) -> None:
    with Workbook.open(demo_path) as demo:
        assert write_summary(demo, tmp_path / "s.pdf") == 1
        write_report(demo, tmp_path / "r.pdf")
        demo_event = demo.event()
    assert demo_event.public_url and demo_event.follow_up
    text = pdf_text(tmp_path / "r.pdf")
    assert "Trendkaart" in text and "Actieplannen" in text
