"""Item delegates shared by the tables: a time, a date, a spin box and a choice list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTimeEdit,
    QWidget,
)

from widgets.roles import EDIT, EDIT_VALUE

Index = QModelIndex | QPersistentModelIndex
Choices = Callable[[], list[tuple[str, str]]]


def edit_value(index: Index) -> object:
    """The value an editor starts from: the model's EDIT_VALUE if it keeps one, else EditRole."""
    value = index.data(EDIT_VALUE)
    return index.data(EDIT) if value is None else value


class TimeDelegate(QStyledItemDelegate):
    """Edits "HH:MM" text with a QTimeEdit."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QTimeEdit(parent)
        editor.setDisplayFormat("HH:mm")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = QTime.fromString(str(edit_value(index)), "HH:mm")
        editor.setTime(value if value.isValid() else QTime(9, 0))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        model.setData(index, editor.time().toString("HH:mm"))  # type: ignore[attr-defined]


class DateDelegate(QStyledItemDelegate):
    """Edits an ISO date with a calendar pop-up."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("dd-MM-yyyy")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = QDate.fromString(str(edit_value(index))[:10], "yyyy-MM-dd")
        editor.setDate(value if value.isValid() else QDate.currentDate())  # type: ignore

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        model.setData(index, editor.date().toString("yyyy-MM-dd"))  # type: ignore[attr-defined]


class SpinDelegate(QStyledItemDelegate):
    def __init__(self, minimum: int, maximum: int, step: int = 1, suffix: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._range = (minimum, maximum, step, suffix)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        minimum, maximum, step, suffix = self._range
        editor = QSpinBox(parent)
        editor.setRange(minimum, maximum)
        editor.setSingleStep(step)
        editor.setSuffix(suffix)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        try:
            value = int(edit_value(index))
        except (TypeError, ValueError):
            value = self._range[0]
        editor.setValue(value)  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        editor.interpretText()  # type: ignore[attr-defined]
        model.setData(index, editor.value())  # type: ignore[attr-defined]


class ComboDelegate(QStyledItemDelegate):
    """Chooses one key from ``choices()`` -> [(key, label)]; the edit value is the key."""

    def __init__(self, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        for key, text in self._choices():
            editor.addItem(text, key)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        found = editor.findData(edit_value(index))  # type: ignore
        editor.setCurrentIndex(max(found, 0))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        model.setData(index, editor.currentData())  # type: ignore[attr-defined]
