"""No text breaks an export: emoji, right-to-left scripts, 20 KB notes, NUL and control
characters, markup-like text. And the building blocks that make it so."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.board_records import (
    ActionPlan,
    ActionStep,
    Commitment,
    CommonGround,
    Dot,
    GroupStatement,
    Scenario,
    TimelineEntry,
    TimelineReading,
    Trend,
)
from app.domain import Event, Participant, StakeholderGroup
from exports.badges import write_badges
from exports.commitments import write_commitments
from exports.data import write_csv_folder, write_ics, write_xlsx_export
from exports.decidim import write_decidim, write_openstad
from exports.handouts import write_handouts
from exports.pdf_kit import MISSING, clean, markup, qr_png
from exports.recap import write_recap
from exports.report import write_report
from exports.summary import write_summary
from sessions.setup import create_workbook

NASTY = ("😀🚀👍🏽 👩‍👩‍👧", "مرحبا بالعالم، كيف الحال؟", "שלום עולם", "a\x00b\x01c\x1b[31m\x7f",
         "<b>vet</b> & <script>x</script> &amp;", "\u202eomgekeerd\u202c \ufeff\u200d",
         "ë ü ı İ ß Ø ŀ ǆ", "中文字符 日本語", "x" * 20_000, "Lange notitie. " * 1400,
         "=1+1", "\r\n\t \n", "")
texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=300),
                  st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1FFFF,
                                                 blacklist_categories=("Cs",)), max_size=80))


def test_clean_keeps_letters_and_drops_what_cannot_print() -> None:
    assert clean("ë ü ı Ümit Yılmaz") == "ë ü ı Ümit Yılmaz"
    assert clean("a\x00b\x01c\x1b") == "abc"
    assert clean("raket 🚀 klaar") == "raket  klaar"
    assert clean("中") == MISSING
    assert clean("שלום") == "שלום" and clean("مرحبا") == "مرحبا"
    assert clean("x" * 50, limit=10) == "x" * 9 + "…"
    assert markup("<b> & </b>\nregel") == "&lt;b&gt; &amp; &lt;/b&gt;<br/>regel"


def test_qr_never_overflows() -> None:
    assert qr_png("ABCD2345").startswith(b"\x89PNG")
    assert qr_png("lang " * 2000).startswith(b"\x89PNG")


def _book(folder: Path, t: list[str]):  # noqa: ANN202
    book = create_workbook(folder / "x.oogst", "future-search", t[0] or "Titel")
    event = book.event()
    book.update(Event, event.id, question=t[1], venue=t[2], frame=t[3], contact=t[4],
                public_url="https://example.org/" + t[5][:40], follow_up="2027-06-09T19:30",
                participation_level=t[6])
    group = book.all(StakeholderGroup)[0]
    people = [Participant(first_name=t[i % 8], last_name=t[(i + 3) % 8], organisation=t[i % 5],
                          group_id=group.id, email=t[2], consent_name=bool(i % 2))
              for i in range(3)]
    trend = Trend(text=t[7])
    ground = CommonGround(text=t[1], status="agreed", tables=t[3])
    plan = ActionPlan(title=t[0], goal=t[5], owner_id=people[0].id, common_ground_id=ground.id,
                      deadline=t[6], follow_up="2027-02-01", needs=t[2])
    book.insert_many([
        *people, trend, ground, plan,
        TimelineEntry(lane="world", year=2001, text=t[2], group_id=group.id),
        TimelineEntry(lane="topic", year=1999, decade_only=True, text=t[4]),
        TimelineReading(lane="world", table_no=2, stories=t[5], implications=t[6]),
        Dot(target_id=trend.id, group_id=group.id),
        GroupStatement(group_id=group.id, kind="proud", text=t[3]),
        GroupStatement(group_id="verdwenen", kind="sorry", text=t[4]),
        Scenario(table_no=1, title=t[7], narrative=t[5], features=t[2] + "\n" + t[3]),
        ActionStep(plan_id=plan.id, what=t[1], who=t[0], due=t[7]),
        Commitment(participant_id=people[1].id, plan_id=plan.id, text=t[5], due=t[4]),
        Commitment(participant_id=people[2].id, plan_id="verdwenen", text=t[6]),
    ])
    return book


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(texts, min_size=8, max_size=8))
def test_no_text_breaks_an_export(t: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = _book(folder, t)
        try:
            for personal in (False, True):
                write_report(book, io.BytesIO(), include_personal=personal)
            summary = io.BytesIO()
            write_summary(book, summary)
            assert len(PdfReader(summary).pages) == 1
            write_handouts(book, io.BytesIO())
            write_commitments(book, io.BytesIO())
            write_badges(book, io.BytesIO())
            for day in (1, 3):
                assert 1 <= write_recap(book, day, io.BytesIO()) <= 4
            write_xlsx_export(book, folder / "d.xlsx")
            write_csv_folder(book, folder / "csv")
            write_ics(book, folder / "d.ics")
            write_decidim(book, folder / "d.csv")
            write_openstad(book, folder / "o.json")
        finally:
            book.close()
