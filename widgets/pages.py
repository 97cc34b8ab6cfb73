"""The pages of the main window, declared once, and which methods show them.

Each factory imports its page lazily, so start-up only pays for the page shown, and
builds it inside its parent (the window's page stack): a page built alone and then
moved there would be styled twice.
No widget branches on the method's name: this table is the one place that knows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

from app.i18n import tr
from widgets.workbook_signals import WorkbookContext

PageFactory = Callable[[WorkbookContext, QWidget], QWidget]  # (context, parent) -> page
EVENTS = ("future-search", "social-design", "network-meeting")
ALL = (*EVENTS, "logbook")


class PageSpec(NamedTuple):
    """A page of the main window and the methods whose workbooks show it."""

    key: str
    title: str  # Dutch; translated when shown
    factory: PageFactory
    methods: tuple[str, ...]


def _event(ctx: WorkbookContext, parent: QWidget) -> QWidget:
    from widgets.event_form import EventForm

    return EventForm(ctx, parent)


def _agenda(ctx: WorkbookContext, parent: QWidget) -> QWidget:
    from widgets.agenda_view import AgendaView

    return AgendaView(ctx, parent)


def _participants(ctx: WorkbookContext, parent: QWidget) -> QWidget:
    from widgets.participants_view import ParticipantsPage

    return ParticipantsPage(ctx.book, ctx.undo_stack, parent)


def _seating(ctx: WorkbookContext, parent: QWidget) -> QWidget:
    from widgets.seating_view import SeatingPage

    return SeatingPage(ctx.book, ctx.undo_stack, parent)


def _boards(ctx: WorkbookContext, parent: QWidget) -> QWidget:
    from widgets.boards_page import BoardsPage

    return BoardsPage(ctx.book, ctx.undo_stack, parent)


def _logbook(ctx: WorkbookContext, parent: QWidget) -> QWidget:
    from widgets.logbook_page import LogbookPage

    return LogbookPage(ctx.book, ctx.undo_stack, parent)


def _partner_table(ctx: WorkbookContext, parent: QWidget) -> QWidget:
    from widgets.partner_table_page import PartnerTablePage

    return PartnerTablePage(ctx.book, ctx.undo_stack, parent)


def _opening_days(ctx: WorkbookContext, parent: QWidget) -> QWidget:
    from widgets.opening_days_page import OpeningDaysPage

    return OpeningDaysPage(ctx.book, ctx.undo_stack, parent)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("logbook", "Meldingen", _logbook, ("logbook",)),
    PageSpec("partner_table", "Partnertafel", _partner_table, ("logbook",)),
    PageSpec("opening_days", "Openingsdagen", _opening_days, ("logbook",)),
    PageSpec("event", "Bijeenkomst", _event, ALL),
    PageSpec("agenda", "Agenda", _agenda, EVENTS),
    PageSpec("participants", "Deelnemers", _participants, EVENTS),
    PageSpec("seating", "Tafelindeling", _seating, EVENTS),
    PageSpec("boards", "Borden", _boards, EVENTS),
)


def pages_for(method: str) -> list[tuple[str, str, PageFactory]]:
    """(key, translated title, factory) of the pages a workbook of ``method`` shows."""
    return [(p.key, tr(p.title), p.factory) for p in PAGES if method in p.methods]
