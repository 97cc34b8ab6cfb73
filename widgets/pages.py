"""The pages of the main window, declared once, and which methods show them.

Each factory imports its page lazily, so start-up only pays for the page shown, and
builds it inside its parent (the window's page stack): a page built alone and then
moved there would be styled twice.
No widget branches on the method's name: this table is the one place that knows.
"""

from __future__ import annotations

import importlib
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


def _lazy(module: str, name: str, *, takes_context: bool = False) -> PageFactory:
    """The factory of page class ``name`` in ``widgets.<module>``, imported on first build.

    Most pages take the workbook and its undo stack; ``takes_context`` ones the context.
    """
    def build(ctx: WorkbookContext, parent: QWidget) -> QWidget:
        page = getattr(importlib.import_module(f"widgets.{module}"), name)
        if takes_context:
            return page(ctx, parent)
        return page(ctx.book, ctx.undo_stack, parent)

    return build


PAGES: tuple[PageSpec, ...] = (
    PageSpec("logbook", "Meldingen", _lazy("logbook_page", "LogbookPage"), ("logbook",)),
    PageSpec("partner_table", "Partnertafel", _lazy("partner_table_page", "PartnerTablePage"),
             ("logbook",)),
    PageSpec("opening_days", "Openingsdagen", _lazy("opening_days_page", "OpeningDaysPage"),
             ("logbook",)),
    PageSpec("event", "Bijeenkomst", _lazy("event_form", "EventForm", takes_context=True), ALL),
    PageSpec("agenda", "Agenda", _lazy("agenda_view", "AgendaView", takes_context=True), EVENTS),
    PageSpec("participants", "Deelnemers", _lazy("participants_view", "ParticipantsPage"), EVENTS),
    PageSpec("seating", "Tafelindeling", _lazy("seating_view", "SeatingPage"), EVENTS),
    PageSpec("boards", "Borden", _lazy("boards_page", "BoardsPage"), EVENTS),
)


def pages_for(method: str) -> list[tuple[str, str, PageFactory]]:
    """(key, translated title, factory) of the pages a workbook of ``method`` shows."""
    return [(p.key, tr(p.title), p.factory) for p in PAGES if method in p.methods]
