"""Automatic lock: after N idle minutes the window's contents hide behind a passphrase prompt.

An application-wide event filter restarts a timer on every key press, click,
wheel or touch. When it fires, an opaque overlay covers the whole window (menus,
toolbars and pages included) and swallows input to everything under it, until
the workbook's passphrase is typed again. ``lock_minutes`` in the settings
(default 10; 0 switches the lock off). Only encrypted workbooks are locked:
their passphrase is what unlocks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.settings import Settings
from app.storage.workbook import Workbook
from widgets.passphrase_dialog import passphrase_matches
from widgets.style import BG, WARN, label, set_role

ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                      QEvent.Type.TouchBegin, QEvent.Type.MouseMove})
BLOCKED = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride,
                     QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                     QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
                     QEvent.Type.TouchBegin, QEvent.Type.Shortcut})


class LockOverlay(QWidget):
    """What a locked window shows: nothing of the workbook, only the unlock prompt."""

    unlock_requested = Signal(str)

    def __init__(self, window: QWidget, name: str) -> None:
        super().__init__(window)
        self.setObjectName("lock_overlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"QWidget#lock_overlay {{ background: {BG}; }}")
        card = QFrame(self)
        set_role(card, "card")
        card.setFixedWidth(420)
        self.passphrase = QLineEdit(card)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(tr("Wachtwoordzin"))
        self.error = QLabel("", card, wordWrap=True)
        self.error.setStyleSheet(f"color: {WARN};")
        button = QPushButton(tr("Ontgrendelen"), card)
        set_role(button, "primary")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(label(tr("Oogst is vergrendeld"), "h2", card))
        text = label(tr("Na een tijd zonder gebruik is {name} afgeschermd. Geef de "
                        "wachtwoordzin om verder te gaan.", name=name), "muted", card)
        text.setWordWrap(True)
        inner.addWidget(text)
        inner.addWidget(self.passphrase)
        inner.addWidget(self.error)
        inner.addWidget(button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        button.clicked.connect(self._on_button_clicked)
        self.passphrase.returnPressed.connect(self._on_button_clicked)

    def _on_button_clicked(self) -> None:
        self.unlock_requested.emit(self.passphrase.text())
        self.passphrase.clear()


class IdleLock(QObject):
    """Locks ``window`` after ``minutes`` without input (from the settings when None)."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, book: Workbook, minutes: float | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.book = book
        if minutes is None:
            minutes = float(Settings().get("lock_minutes") or 0)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.lock)
        self.overlay: LockOverlay | None = None
        self._hidden: list[QWidget] = []
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.overlay is not None

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        if minutes > 0 and self.book.passphrase is not None:
            self.timer.setInterval(int(minutes * 60_000))
            self.timer.start()
        else:
            self.timer.stop()

    def lock(self) -> None:
        if self.is_locked or self.book.passphrase is None:
            return
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w.isVisible() and w is not self.window and self._owned(w)]
        for widget in self._hidden:  # dialogs of this window may show data too
            widget.hide()
        self.overlay = LockOverlay(self.window, self.book.path.name)
        self.overlay.unlock_requested.connect(self._on_overlay_unlock_requested)
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.passphrase.setFocus()
        self.locked.emit()

    def unlock(self, passphrase: str) -> bool:
        if not self.is_locked:
            return True
        if not passphrase_matches(self.book, passphrase):
            assert self.overlay is not None
            self.overlay.error.setText(tr("De wachtwoordzin klopt niet."))
            return False
        overlay, self.overlay = self.overlay, None
        overlay.hide()
        overlay.deleteLater()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.set_minutes(self.minutes)
        self.unlocked.emit()
        return True

    def _on_overlay_unlock_requested(self, text: str) -> None:
        self.unlock(text)

    def _owned(self, widget: QWidget) -> bool:
        node = widget.parentWidget()
        while node is not None:
            if node is self.window:
                return True
            node = node.parentWidget()
        return False

    def _inside_overlay(self, obj: QObject) -> bool:
        node = obj
        while node is not None:
            if node is self.overlay:
                return True
            node = node.parent()
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Resize and self.overlay is not None:
            self.overlay.setGeometry(self.window.rect())
        if self.overlay is None:
            if kind in ACTIVITY and self.timer.interval() and self.minutes > 0:
                self.timer.start()
            return False
        if kind in BLOCKED and isinstance(obj, QWidget) and not self._inside_overlay(obj):
            return obj.window() is self.window
        return False
