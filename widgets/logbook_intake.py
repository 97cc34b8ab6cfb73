"""Quick intake: a resident's concern noted in seconds, without looking away for long.

Keyboard first. The resident's own words come first; then the theme (type-ahead,
also "Thema › Subthema"), the place and the rest, all optional. Enter in the text
saves as soon as a theme is chosen (otherwise it moves to the theme), Enter in
any other field saves, Ctrl+Enter always saves (theme "Overig" when none), and
Shift+Enter starts a new line. Anonymous by default: contact fields and the
retention date appear only after ticking consent. After saving the form clears
and the cursor is back in the text, ready for the next resident.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.i18n import tr
from app.logbook import (
    FREQUENCIES,
    OTHER_THEME,
    IntakeDraft,
    LogbookError,
    ThemeIndex,
    default_retention,
    frequency_label,
    intake_command,
    kind_label,
    urgency_label,
)
from app.logbook_records import CONCERN_KINDS, Partner, Theme
from app.storage import concern_queries as q
from app.storage.workbook import Change, Workbook
from widgets.shortcuts import local_shortcut
from widgets.style import label, set_role
from widgets.workbook_signals import push_command

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
IDLE_CHECKPOINT_MS = 1500


class ResidentTextEdit(QPlainTextEdit):
    """The resident's words: Enter submits, Shift+Enter is a new line, Tab moves on."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(tr("Wat vertelt de bewoner? (in eigen woorden)"))
        self.setFixedHeight(int(self.fontMetrics().lineSpacing() * 2.6) + 16)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in _ENTER and not event.modifiers() & (
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class ConcernIntakeForm(QFrame):
    """The intake card at the top of the logbook page."""

    concern_saved = Signal(str)

    def __init__(self, book: Workbook, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.undo_stack = undo_stack
        self.setObjectName("concern_intake")
        set_role(self, "card")
        self.themes = ThemeIndex.of(book)
        self._time_touched = False
        self._checkpoint = QTimer(self, singleShot=True, interval=IDLE_CHECKPOINT_MS)
        self._build()
        self._connect()
        self.reload_choices()
        self.clear()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.text = ResidentTextEdit(self)
        self.theme = QLineEdit(self, placeholderText=tr("Thema (typ: dru, licht, jong …)"))
        self.theme_completer = QCompleter(self)
        self.theme_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.theme_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.theme_completer.setModel(QStringListModel(self))
        self.theme.setCompleter(self.theme_completer)
        self.subtheme = QComboBox(self)
        self.street = QLineEdit(self, placeholderText=tr("Straat"))
        self.street_completer = QCompleter(self)
        self.street_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.street_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.street_completer.setModel(QStringListModel(self))
        self.street.setCompleter(self.street_completer)
        self.numbers = QLineEdit(self, placeholderText=tr("nr. of 12-20"))
        self.near = QLineEdit(self, placeholderText=tr("of: bij het speeltuintje"))
        self.when = QDateTimeEdit(self, calendarPopup=True, displayFormat="dd-MM-yyyy HH:mm")
        self.kind = QComboBox(self)
        for key in CONCERN_KINDS:
            self.kind.addItem(kind_label(key), key)
        self.frequency = QComboBox(self)
        for key in FREQUENCIES:
            self.frequency.addItem(frequency_label(key), key)
        self.urgency = QComboBox(self)
        for level in (0, 1, 2):
            self.urgency.addItem(urgency_label(level), level)
        self.consent = QCheckBox(tr("Contact gewenst (toestemming)"), self)
        self.contact_box = QWidget(self)
        self.contact_name = QLineEdit(self.contact_box, placeholderText=tr("Naam"))
        self.contact_phone = QLineEdit(self.contact_box, placeholderText=tr("Telefoon"))
        self.contact_email = QLineEdit(self.contact_box, placeholderText=tr("E-mail"))
        self.retention = QDateEdit(self.contact_box, calendarPopup=True, displayFormat="dd-MM-yyyy")
        self.share_row = QGridLayout()
        self.share_boxes: list[QCheckBox] = []
        for combo in (self.subtheme, self.kind, self.frequency, self.urgency):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.save_button = QPushButton(tr("Opslaan"), self)
        set_role(self.save_button, "primary")
        self.feedback = label("", "muted", self)
        hint = label(tr("Enter: opslaan · Shift+Enter: nieuwe regel · Ctrl+Enter: altijd "
                        "opslaan · Ctrl+Z: ongedaan maken"), "muted", self)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        contact = QGridLayout(self.contact_box)
        contact.setContentsMargins(0, 2, 0, 0)
        contact.addWidget(self.contact_name, 0, 0)
        contact.addWidget(self.contact_phone, 0, 1)
        contact.addWidget(self.contact_email, 0, 2)
        contact.addWidget(QLabel(tr("Bewaren tot"), self.contact_box), 0, 3)
        contact.addWidget(self.retention, 0, 4)
        share = QHBoxLayout()
        share.addWidget(QLabel(tr("Mag gedeeld worden met:"), self.contact_box))
        share.addLayout(self.share_row)
        share.addStretch(1)
        contact.addLayout(share, 1, 0, 1, 5)

        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        top = QHBoxLayout()
        top.addWidget(label(tr("Nieuwe melding"), "h3", self))
        top.addSpacing(12)
        top.addWidget(self.feedback)
        top.addWidget(hint, 1)
        grid.addLayout(top, 0, 0, 1, 10)
        grid.addWidget(self.text, 1, 0, 1, 10)
        rows = ([(tr("Thema"), self.theme), (tr("Subthema"), self.subtheme),
                 (tr("Straat"), self.street), (tr("Nr."), self.numbers), (tr("Bij"), self.near)],
                [(tr("Wanneer"), self.when), (tr("Soort"), self.kind),
                 (tr("Hoe vaak"), self.frequency), (tr("Urgentie"), self.urgency)])
        for r, row in enumerate(rows, start=2):
            for i, (text, widget) in enumerate(row):
                caption = QLabel(text, self)
                caption.setBuddy(widget)
                grid.addWidget(caption, r, i * 2)
                grid.addWidget(widget, r, i * 2 + 1)
        for col, stretch in ((1, 3), (3, 2), (5, 3), (7, 1), (9, 2)):
            grid.setColumnStretch(col, stretch)
        end = QHBoxLayout()
        end.addWidget(self.consent)
        end.addStretch(1)
        end.addWidget(self.save_button)
        grid.addLayout(end, 3, 8, 1, 2)
        grid.addWidget(self.contact_box, 4, 0, 1, 10)
        self.setTabOrder(self.text, self.theme)
        for a, b in ((self.theme, self.subtheme), (self.subtheme, self.street),
                     (self.street, self.numbers), (self.numbers, self.near),
                     (self.near, self.when), (self.when, self.kind),
                     (self.kind, self.frequency), (self.frequency, self.urgency),
                     (self.urgency, self.consent), (self.consent, self.contact_name),
                     (self.contact_name, self.contact_phone),
                     (self.contact_phone, self.contact_email),
                     (self.contact_email, self.retention), (self.retention, self.save_button)):
            self.setTabOrder(a, b)

    def _connect(self) -> None:
        self.text.submitted.connect(self._on_text_submitted)
        for edit in (self.theme, self.street, self.numbers, self.near, self.contact_name,
                     self.contact_phone, self.contact_email):
            edit.returnPressed.connect(self._on_field_return_pressed)
        self.theme.textChanged.connect(self._on_theme_text_changed)
        self.theme_completer.activated.connect(self._on_theme_text_changed)
        self.consent.toggled.connect(self._on_consent_toggled)
        self.when.dateTimeChanged.connect(self._on_when_changed)
        self.save_button.clicked.connect(lambda: self.save(force=True))
        shortcut_keys = ("Ctrl+Return", "Ctrl+Enter")
        for keys in shortcut_keys:
            local_shortcut(keys, self, lambda: self.save(force=True))
        self._checkpoint.timeout.connect(lambda: q.checkpoint_idle(self.book))
        self.theme_completer.popup().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter in the theme suggestions takes the highlighted (or first) one and saves."""
        popup = self.theme_completer.popup()
        if (watched is popup and event.type() == QEvent.Type.KeyPress
                and event.key() in _ENTER):  # type: ignore[attr-defined]
            index = popup.currentIndex()
            if not index.isValid():
                index = self.theme_completer.completionModel().index(0, 0)
            if index.isValid():
                self.theme.setText(index.data())
            popup.hide()
            self.save()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ choices
    def reload_choices(self) -> None:
        """Themes, partners and streets from the workbook (after seeding, imports, edits)."""
        self.themes = ThemeIndex.of(self.book)
        entries = [t.label for t in self.themes.top]
        for top in self.themes.top:
            entries += [f"{top.label} › {s.label}" for s in self.themes.children(top.id)]
        self.theme_completer.model().setStringList(entries)  # type: ignore[attr-defined]
        self.street_completer.model().setStringList(q.streets_used(self.book))  # type: ignore
        for box in self.share_boxes:
            self.share_row.removeWidget(box)
            box.deleteLater()
        self.share_boxes = []
        for partner in self.book.all(Partner):
            box = QCheckBox(partner.name, self.contact_box)
            box.setProperty("partner_id", partner.id)
            self.share_row.addWidget(box, len(self.share_boxes) // 4,
                                     len(self.share_boxes) % 4)
            self.share_boxes.append(box)
        self._on_theme_text_changed(self.theme.text())

    def on_workbook_changed(self, change: Change) -> None:
        if change.touches(Theme.TABLE, Partner.TABLE):
            self.reload_choices()

    # ------------------------------------------------------------------ reactions
    def _resolved(self) -> tuple[str, str] | None:
        return self.themes.resolve(self.theme.text()) if self.theme.text().strip() else None

    def _on_theme_text_changed(self, _text: str = "") -> None:
        found = self._resolved()
        current = self.subtheme.currentData()
        self.subtheme.blockSignals(True)
        self.subtheme.clear()
        self.subtheme.addItem(tr("— geen —"), "")
        for sub in self.themes.children(found[0]) if found else []:
            self.subtheme.addItem(sub.label, sub.id)
        wanted = found[1] if found and found[1] else current
        self.subtheme.setCurrentIndex(max(0, self.subtheme.findData(wanted)))
        self.subtheme.blockSignals(False)
        self.subtheme.setEnabled(self.subtheme.count() > 1)

    def _on_consent_toggled(self, on: bool) -> None:
        self.contact_box.setVisible(on)
        if on:
            self.contact_name.setFocus()

    def _on_when_changed(self) -> None:
        self._time_touched = True

    def _on_text_submitted(self) -> None:
        if self._resolved():
            self.save()
        else:
            self.theme.setFocus()

    def _on_field_return_pressed(self) -> None:
        self.save()

    # ------------------------------------------------------------------ saving
    def draft(self, force: bool = False) -> IntakeDraft | None:
        """The form as an IntakeDraft, or None (with a hint shown) when a theme is missing."""
        found = self._resolved()
        if found is None:
            other = self.themes.by_name(OTHER_THEME)
            if not force or (self.theme.text().strip() and not other):
                self._say(tr("Kies een thema uit de lijst."), warn=True)
                self.theme.setFocus()
                return None
            found = (other.id if other else "", "")
        sub = self.subtheme.currentData() or found[1]
        when = "" if not self._time_touched else \
            self.when.dateTime().toString("yyyy-MM-ddTHH:mm")
        consent = self.consent.isChecked()
        return IntakeDraft(
            text=self.text.toPlainText(), theme_id=found[0], subtheme_id=sub,
            street=self.street.text(), house_numbers=self.numbers.text(), near=self.near.text(),
            occurred_at=when, kind=self.kind.currentData(),
            frequency=self.frequency.currentData(), urgency=self.urgency.currentData(),
            consent_contact=consent, contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(), contact_email=self.contact_email.text(),
            share_with=[b.property("partner_id") for b in self.share_boxes if b.isChecked()],
            retention_until=self.retention.date().toString("yyyy-MM-dd") if consent else "")

    def save(self, force: bool = False) -> str:
        """Store the concern through the undo stack; returns its id ("" when not saved)."""
        if not self.text.toPlainText().strip():
            self._say(tr("Schrijf eerst op wat de bewoner vertelt."), warn=True)
            self.text.setFocus()
            return ""
        draft = self.draft(force)
        if draft is None:
            return ""
        try:
            command = intake_command(draft)
        except LogbookError as exc:
            self._say(str(exc), warn=True)
            return ""
        if not push_command(self.book, self.undo_stack, command, self):
            return ""
        concern = command.records[0]
        street = draft.street.strip()
        model = self.street_completer.model()
        if street and street not in model.stringList():  # type: ignore[attr-defined]
            model.setStringList([street, *model.stringList()])  # type: ignore[attr-defined]
        first = " ".join(concern.text.split())
        self._say(tr("Opgeslagen: “{words}”", words=first[:48] + ("…" if len(first) > 48 else "")))
        self.clear()
        self._checkpoint.start()
        self.concern_saved.emit(concern.id)
        return concern.id

    def clear(self) -> None:
        for edit in (self.theme, self.street, self.numbers, self.near, self.contact_name,
                     self.contact_phone, self.contact_email):
            edit.clear()
        self.text.clear()
        self.kind.setCurrentIndex(0)
        self.frequency.setCurrentIndex(0)
        self.urgency.setCurrentIndex(0)
        self.consent.setChecked(False)
        self.contact_box.setVisible(False)
        for box in self.share_boxes:
            box.setChecked(False)
        self.when.blockSignals(True)
        self.when.setDateTime(QDateTime.currentDateTime())
        self.when.blockSignals(False)
        self._time_touched = False
        retention = dt.date.fromisoformat(default_retention())
        self.retention.setDate(QDate(retention.year, retention.month, retention.day))
        self.text.setFocus()

    def _say(self, text: str, warn: bool = False) -> None:
        self.feedback.setText(text)
        self.feedback.setProperty("role", "" if not warn else "muted")
        self.feedback.setStyleSheet("color: #B3261E;" if warn else "color: #2E6B4F;")
