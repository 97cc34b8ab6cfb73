"""The "Bijeenkomst" page: the event's own fields, one undoable edit per finished field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.commands import EditFields
from app.domain import Event
from app.i18n import LANGUAGES, tr
from app.storage.workbook import Change
from widgets.date_field import OptionalDateField
from widgets.formatting import method_label
from widgets.inputs import CommitTextEdit
from widgets.style import label, set_role
from widgets.workbook_signals import WorkbookContext

PARTICIPATION_LEVELS = ("informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen")


def level_label(key: str) -> str:
    labels = {
        "": tr("— niet gekozen —"),
        "informeren": tr("Informeren"),
        "raadplegen": tr("Raadplegen"),
        "adviseren": tr("Adviseren"),
        "coproduceren": tr("Coproduceren"),
        "meebeslissen": tr("Meebeslissen"),
    }
    return labels.get(key, key)


@dataclass
class _Field:
    label: str
    widget: QWidget
    get: Callable[[], str]
    set: Callable[[str], None]


class EventForm(QWidget):
    """Edits the one Event of the workbook; refreshes on every change, except mid-edit."""

    def __init__(self, ctx: WorkbookContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self._event_id = ctx.book.event().id
        self._loaded: dict[str, str] = {}
        self._build()
        self._fields = self._declare_fields()
        self._load()
        self._connect_signals()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.method_label = QLabel()
        self.question_edit = CommitTextEdit(lines=4)
        self.question_edit.setPlaceholderText(tr("De vraag waar de bijeenkomst over gaat"))
        self.venue_edit = QLineEdit()
        self.venue_edit.setPlaceholderText(tr("Zaal, adres"))
        self.start_date_edit = OptionalDateField()
        self.end_date_edit = OptionalDateField()
        self.language_combo = QComboBox()
        for key, name in LANGUAGES.items():
            self.language_combo.addItem(name, key)
        self.level_combo = QComboBox()
        for key in ("", *PARTICIPATION_LEVELS):
            self.level_combo.addItem(level_label(key), key)
        self.frame_edit = CommitTextEdit(lines=5)
        self.frame_edit.setPlaceholderText(tr("Wat kunnen deelnemers wel en niet beïnvloeden?"))
        self.public_url_edit = QLineEdit()
        self.public_url_edit.setPlaceholderText("https://")
        self.follow_up_edit = OptionalDateField(with_time=True)
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText(tr("Naam, e-mail, telefoon"))
        self.notes_edit = CommitTextEdit(lines=3)

        what = self._card(tr("De bijeenkomst"), [
            (tr("Titel"), self.title_edit),
            (tr("Werkvorm"), self.method_label),
            (tr("Vraag"), self.question_edit),
            (tr("Locatie"), self.venue_edit),
            (tr("Begindatum"), self.start_date_edit),
            (tr("Einddatum"), self.end_date_edit),
            (tr("Taal van het werkboek"), self.language_combo),
        ])
        promise = self._card(tr("Afspraken en vervolg"), [
            (tr("Participatieniveau"), self.level_combo),
            (tr("Kader"), self.frame_edit),
            (tr("Openbare pagina"), self.public_url_edit),
            (tr("Vervolgbijeenkomst"), self.follow_up_edit),
            (tr("Contact"), self.contact_edit),
            (tr("Notities"), self.notes_edit),
        ])
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addWidget(what, 1)
        columns.addWidget(promise, 1)
        inner = QWidget()
        outer = QVBoxLayout(inner)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addLayout(columns)
        outer.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    @staticmethod
    def _card(title: str, rows: list[tuple[str, QWidget]]) -> QFrame:
        card = set_role(QFrame(), "card")
        box = QVBoxLayout(card)
        box.setContentsMargins(20, 16, 20, 20)
        box.setSpacing(12)
        box.addWidget(label(title, "h2"))
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in rows:
            form.addRow(label(text, "muted"), widget)
        box.addLayout(form)
        box.addStretch(1)
        return card

    def _declare_fields(self) -> dict[str, _Field]:
        def line(edit: QLineEdit) -> tuple[Callable[[], str], Callable[[str], None]]:
            def set_text(text: str) -> None:
                if edit.text() != text:
                    edit.setText(text)
                    edit.setCursorPosition(0)  # show the start of a long value
            return (lambda: edit.text().strip()), set_text

        def combo(box: QComboBox) -> tuple[Callable[[], str], Callable[[str], None]]:
            def set_value(key: str) -> None:
                found = box.findData(key)
                if found < 0:  # a value this version does not know: show it, keep it
                    box.addItem(key, key)
                    found = box.count() - 1
                box.setCurrentIndex(found)
            return (lambda: str(box.currentData() or "")), set_value

        def field(text: str, widget: QWidget, pair: tuple) -> _Field:
            return _Field(text, widget, *pair)

        dates = (self.start_date_edit, self.end_date_edit, self.follow_up_edit)
        texts = (self.question_edit, self.frame_edit, self.notes_edit)
        pairs = {w: (w.value, w.set_value) for w in (*dates, *texts)}
        return {
            "title": field(tr("Titel"), self.title_edit, line(self.title_edit)),
            "question": field(tr("Vraag"), self.question_edit, pairs[self.question_edit]),
            "venue": field(tr("Locatie"), self.venue_edit, line(self.venue_edit)),
            "start_date": field(tr("Begindatum"), self.start_date_edit,
                                pairs[self.start_date_edit]),
            "end_date": field(tr("Einddatum"), self.end_date_edit, pairs[self.end_date_edit]),
            "language": field(tr("Taal van het werkboek"), self.language_combo,
                              combo(self.language_combo)),
            "participation_level": field(tr("Participatieniveau"), self.level_combo,
                                         combo(self.level_combo)),
            "frame": field(tr("Kader"), self.frame_edit, pairs[self.frame_edit]),
            "public_url": field(tr("Openbare pagina"), self.public_url_edit,
                                line(self.public_url_edit)),
            "follow_up": field(tr("Vervolgbijeenkomst"), self.follow_up_edit,
                               pairs[self.follow_up_edit]),
            "contact": field(tr("Contact"), self.contact_edit, line(self.contact_edit)),
            "notes": field(tr("Notities"), self.notes_edit, pairs[self.notes_edit]),
        }

    # ----------------------------------------------------------------- signals
    def _connect_signals(self) -> None:
        # Workbook -> form
        self.ctx.signals.changed.connect(self._on_signals_changed)
        # Form -> workbook: one command per finished edit
        for name, f in self._fields.items():
            widget = f.widget
            if isinstance(widget, QComboBox):
                widget.activated.connect(lambda _i, n=name: self.commit(n))
                continue
            finished = getattr(widget, "editing_finished", None) or widget.editingFinished
            finished.connect(lambda n=name: self.commit(n))

    def _on_signals_changed(self, change: Change) -> None:
        if change.touches(Event.TABLE):
            self._load()

    # ------------------------------------------------------------------- logic
    def commit(self, name: str) -> None:
        """Store the field ``name`` if it differs from the workbook (one undo step)."""
        if self.ctx.book.closed:
            return
        f = self._fields[name]
        value = f.get()
        event = self.ctx.book.get(Event, self._event_id)
        if event is None or getattr(event, name) == value:
            return
        self._loaded[name] = value
        self.ctx.push(EditFields(tr("{field} wijzigen", field=f.label), Event, self._event_id,
                                 {name: value}))

    def _load(self) -> None:
        event = self.ctx.book.get(Event, self._event_id)
        if event is None:
            return
        focus = QApplication.focusWidget()
        for name, f in self._fields.items():
            stored = str(getattr(event, name))
            editing = focus is not None and (focus is f.widget or f.widget.isAncestorOf(focus))
            if editing and f.get() != self._loaded.get(name, stored):
                continue  # the user is typing here: do not overwrite their text
            f.widget.blockSignals(True)
            f.set(stored)
            f.widget.blockSignals(False)
            self._loaded[name] = stored
        self.method_label.setText(method_label(event.method))
