"""The detail panel of one concern: referral, status with history, feedback for the resident.

Reads plain records; every change is a domain command handed to ``push`` (the
page's undo stack). Contact details are shown only while they exist and the
resident consented; after the retention purge the panel says when they were removed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.commands import Command, DeleteRecords
from app.i18n import tr
from app.logbook import (
    LogbookError,
    ThemeIndex,
    feedback_command,
    frequency_label,
    history,
    kind_label,
    referral_command,
    referral_status_command,
    status_command,
    status_label,
    urgency_label,
)
from app.logbook_records import CONCERN_STATUSES, Concern, Partner, Referral, StatusChange
from app.storage.workbook import Change, Workbook
from widgets.date_field import OptionalDateField
from widgets.inputs import CommitTextEdit
from widgets.style import label, set_role


def _day(iso: str) -> str:
    day, _, clock = iso.partition("T")
    parts = day.split("-")
    text = f"{parts[2]}-{parts[1]}-{parts[0]}" if len(parts) == 3 else day
    return f"{text} {clock[:5]}".strip()


class ConcernDetailPanel(QScrollArea):
    def __init__(self, book: Workbook, push: Callable[[Command], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concern_detail")
        self.book = book
        self.push = push
        self.concern_id = ""
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(360)
        self._build()
        self.show_concern("")

    def _build(self) -> None:
        body = QFrame(self)
        set_role(body, "card")
        self.setWidget(body)
        self.empty = label(tr("Kies een melding in de lijst om door te verwijzen, de status "
                              "bij te werken of terug te koppelen."), "muted", body)
        self.empty.setWordWrap(True)
        self.title = label("", "h3", body)
        self.title.setWordWrap(True)
        self.text = QLabel(body, wordWrap=True)
        self.meta = label("", "muted", body)
        self.meta.setWordWrap(True)
        self.contact = QLabel(body, wordWrap=True)
        self.referrals = QListWidget(body)
        self.referrals.setObjectName("concern_referrals")
        self.referrals.setWordWrap(True)
        self.referrals.setMaximumHeight(110)
        self.ref_status = QComboBox(body)
        for key in CONCERN_STATUSES[1:]:
            self.ref_status.addItem(status_label(key), key)
        self.ref_status_button = QPushButton(tr("Zet status"), body)
        self.partner_boxes: list[QCheckBox] = []
        self.partner_row = QGridLayout()
        self.action = QLineEdit(body, placeholderText=tr("Afgesproken actie"))
        self.owner = QLineEdit(body, placeholderText=tr("Wie pakt het op"))
        self.due = OptionalDateField(parent=body)
        self.due.set_value("")
        self.due.setToolTip(tr("Uiterlijk"))
        self.refer_button = QPushButton(tr("Doorverwijzen"), body)
        self.status = QComboBox(body)
        for key in CONCERN_STATUSES:
            self.status.addItem(status_label(key), key)
        self.reason = QLineEdit(body, placeholderText=tr("Reden (verplicht bij 'niet mogelijk')"))
        self.status_button = QPushButton(tr("Status wijzigen"), body)
        self.history = QListWidget(body)
        self.history.setMaximumHeight(110)
        self.history.setWordWrap(True)
        self.feedback = CommitTextEdit(body, lines=3)
        self.feedback.setPlaceholderText(tr("Jullie zeiden … wij deden …"))
        self.delete_button = QPushButton(tr("Melding verwijderen"), body)

        refer = QGridLayout()
        refer.addLayout(self.partner_row, 0, 0, 1, 2)
        refer.addWidget(self.action, 1, 0, 1, 2)
        refer.addWidget(self.owner, 2, 0)
        refer.addWidget(self.due, 2, 1)
        refer.addWidget(self.refer_button, 3, 1)
        ref_row = QHBoxLayout()
        ref_row.addWidget(QLabel(tr("Gekozen doorverwijzing:"), body))
        ref_row.addWidget(self.ref_status, 1)
        ref_row.addWidget(self.ref_status_button)
        status_row = QFormLayout()
        status_row.addRow(tr("Nieuwe status"), self.status)
        status_row.addRow(tr("Reden"), self.reason)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 12, 14, 12)
        self.content = QWidget(body)
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.text, self.meta, self.contact,
                       label(tr("Doorverwijzingen"), "h3", body), self.referrals):
            inner.addWidget(widget)
        inner.addLayout(ref_row)
        inner.addWidget(label(tr("Doorverwijzen naar"), "h3", body))
        inner.addLayout(refer)
        inner.addWidget(label(tr("Status"), "h3", body))
        inner.addLayout(status_row)
        inner.addWidget(self.status_button)
        inner.addWidget(self.history)
        inner.addWidget(label(tr("Terugkoppeling aan de bewoner"), "h3", body))
        inner.addWidget(self.feedback)
        inner.addWidget(self.delete_button)
        inner.addStretch(1)
        layout.addWidget(self.empty)
        layout.addWidget(self.content, 1)
        # wiring
        self.refer_button.clicked.connect(self._on_refer_button_clicked)
        self.status_button.clicked.connect(self._on_status_button_clicked)
        self.ref_status_button.clicked.connect(self._on_ref_status_button_clicked)
        self.feedback.editing_finished.connect(self._on_feedback_editing_finished)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    # ------------------------------------------------------------------ showing
    def on_workbook_changed(self, change: Change) -> None:
        if change.touches(Partner.TABLE):
            self._reload_partners()
        if self.concern_id and change.touches(Concern.TABLE, Referral.TABLE,
                                              StatusChange.TABLE, Partner.TABLE):
            self.show_concern(self.concern_id)

    def _reload_partners(self) -> None:
        for box in self.partner_boxes:
            self.partner_row.removeWidget(box)
            box.deleteLater()
        self.partner_boxes = []
        for i, partner in enumerate(self.book.all(Partner)):
            box = QCheckBox(partner.name, self.widget())
            box.setProperty("partner_id", partner.id)
            self.partner_row.addWidget(box, i // 2, i % 2)
            self.partner_boxes.append(box)

    def show_concern(self, concern_id: str) -> None:
        concern = self.book.get(Concern, concern_id) if concern_id else None
        self.concern_id = concern.id if concern else ""
        self.empty.setVisible(concern is None)
        self.content.setVisible(concern is not None)
        if concern is None:
            return
        if not self.partner_boxes:
            self._reload_partners()
        themes = ThemeIndex.of(self.book)
        partners = {p.id: p.name for p in self.book.all(Partner)}
        self.title.setText(f"{themes.path_label(concern.theme_id, concern.subtheme_id) or '—'}"
                           f" · {status_label(concern.status)}")
        self.text.setText(concern.text)
        place = " ".join(v for v in (concern.street, concern.house_numbers) if v)
        if concern.near:
            place = f"{place} ({tr('bij')} {concern.near})" if place else concern.near
        bits = [_day(concern.occurred_at), place, kind_label(concern.kind),
                frequency_label(concern.frequency) if concern.frequency else "",
                urgency_label(concern.urgency) if concern.urgency else ""]
        self.meta.setText(" · ".join(b for b in bits if b))
        self.contact.setText(self._contact_text(concern, partners))
        self.referrals.clear()
        for r in self.book.all(Referral, concern_id=concern.id):
            who = ", ".join(v for v in (r.owner, _day(r.due)) if v)
            action = f"{r.action} ({who})" if who and r.action else r.action or who
            text = " — ".join(v for v in (partners.get(r.partner_id, "?"), action) if v)
            item = QListWidgetItem(f"{text} · {status_label(r.status)}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.referrals.addItem(item)
        if self.referrals.count():
            self.referrals.setCurrentRow(0)
        self.status.setCurrentIndex(max(0, self.status.findData(concern.status)))
        self.history.clear()
        for s in history(self.book, concern.id):
            line = f"{_day(s.at)}  {status_label(s.status)}"
            self.history.addItem(f"{line} — {s.reason}" if s.reason else line)
        self.feedback.set_value(concern.feedback)

    @staticmethod
    def _contact_text(c: Concern, partners: dict[str, str]) -> str:
        if c.contact_removed_at:
            return tr("Contactgegevens verwijderd op {date} (bewaartermijn).",
                      date=_day(c.contact_removed_at))
        if not c.consent_contact or not any((c.contact_name, c.contact_phone, c.contact_email)):
            return tr("Anoniem.")
        who = ", ".join(v for v in (c.contact_name, c.contact_phone, c.contact_email) if v)
        shared = [partners[p] for p in c.share_with.split(",") if p in partners]
        text = tr("Contact: {who} (bewaard tot {date}).", who=who,
                  date=_day(c.retention_until))
        if shared:
            text += " " + tr("Mag gedeeld met: {names}.", names=", ".join(shared))
        return text

    # ------------------------------------------------------------------ edits
    def _run(self, make: Callable[[], Command]) -> bool:
        try:
            command = make()
        except LogbookError as exc:
            self.reason.setPlaceholderText(str(exc))
            self.reason.setFocus()
            return False
        return self.push(command)

    def _on_refer_button_clicked(self) -> None:
        ids = [b.property("partner_id") for b in self.partner_boxes if b.isChecked()]
        if self._run(lambda: referral_command(self.book, self.concern_id, ids,
                                              self.action.text(), self.owner.text(),
                                              self.due.value())):
            for box in self.partner_boxes:
                box.setChecked(False)
            self.action.clear()
            self.owner.clear()
            self.due.set_value("")

    def _on_status_button_clicked(self) -> None:
        if self._run(lambda: status_command(self.book, self.concern_id,
                                            self.status.currentData(), self.reason.text())):
            self.reason.clear()
            self.reason.setPlaceholderText(tr("Reden (verplicht bij 'niet mogelijk')"))

    def _on_ref_status_button_clicked(self) -> None:
        item = self.referrals.currentItem()
        if item is not None:
            self._run(lambda: referral_status_command(item.data(Qt.ItemDataRole.UserRole),
                                                      self.ref_status.currentData()))

    def _on_feedback_editing_finished(self) -> None:
        concern = self.book.get(Concern, self.concern_id) if self.concern_id else None
        if concern is not None and self.feedback.value() != concern.feedback:
            self.push(feedback_command(concern.id, self.feedback.value()))

    def _on_delete_button_clicked(self) -> None:
        if self.concern_id:
            self.push(DeleteRecords(tr("Melding verwijderen"), Concern, [self.concern_id]))
