"""Dates in words, as the window and the exports write them (Dutch and English)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.dates import (
    MONTHS,
    SHORT_MONTHS,
    SHORT_WEEKDAYS,
    WEEKDAYS,
    date_range_text,
    date_text,
    parse_date,
)


def test_a_day_in_dutch_and_english() -> None:
    assert date_text("2026-11-25", "nl") == "wo 25 nov 2026"
    assert date_text("2026-11-25", "en") == "Wed 25 Nov 2026"
    assert date_text("2026-03-02T19:30", "nl", long=True) == "maandag 2 maart 2026"
    assert date_text("2026-09-06", "en", long=True) == "Sunday 6 September 2026"
    assert date_text("2026-09-06", "en") == "Sun 6 Sept 2026"


def test_no_date_or_no_valid_date_reads_as_nothing() -> None:
    for value in ("", "morgen", "2026-02-30", "2026-13-01"):
        assert date_text(value, "nl") == "", value
        assert parse_date(value) is None, value


def test_a_range_says_the_month_and_year_once_where_they_agree() -> None:
    assert date_range_text("2026-11-25", "2026-11-27", "nl") == "wo 25 – vr 27 nov 2026"
    assert date_range_text("2026-11-30", "2026-12-02", "nl") == "ma 30 nov – wo 2 dec 2026"
    assert date_range_text("2026-12-30", "2027-01-01", "en") == (
        "Wed 30 Dec 2026 – Fri 1 Jan 2027")
    assert date_range_text("2026-11-25", "2026-11-25", "nl") == "wo 25 nov 2026"
    assert date_range_text("2026-11-25", "", "nl") == "wo 25 nov 2026"
    assert date_range_text("", "2026-11-27", "nl") == "vr 27 nov 2026"
    assert date_range_text("", "", "nl") == ""


def test_the_words_are_qlocales(qapp) -> None:
    """The UI wrote dates with QLocale before: the same words, in both languages."""
    from PySide6.QtCore import QDate, QLocale

    locales = {"nl": QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands),
               "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}
    for lang, locale in locales.items():
        for month in range(1, 13):
            date = QDate(2026, month, 1)
            assert MONTHS[lang][month - 1] == locale.toString(date, "MMMM")
            assert SHORT_MONTHS[lang][month - 1] == locale.toString(date, "MMM")
        for day in range(23, 30):  # Monday 23 November 2026 to Sunday the 29th
            date = QDate(2026, 11, day)
            weekday = dt.date(2026, 11, day).weekday()
            assert WEEKDAYS[lang][weekday] == locale.toString(date, "dddd")
            assert SHORT_WEEKDAYS[lang][weekday] == locale.toString(date, "ddd")
            assert date_text(f"2026-11-{day}", lang) == locale.toString(date, "ddd d MMM yyyy")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_table_has_every_word(lang: str) -> None:
    assert (len(MONTHS[lang]), len(SHORT_MONTHS[lang])) == (12, 12)
    assert (len(WEEKDAYS[lang]), len(SHORT_WEEKDAYS[lang])) == (7, 7)
