"""The participants table: plain ``Participant`` records adapted to a Qt item model.

The model reads from the workbook and never writes: every edit becomes a domain
command handed to ``push`` (the page wraps it for the undo stack). After a commit the
page calls :meth:`ParticipantsModel.refresh`; when the same people are still there the
rows are updated in place, so the selection and the current cell survive an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPixmap

from app.column_mapping import normalise_header
from app.commands import AddRecords, Command, EditFields
from app.domain import ATTENDANCE, ROLES, AgendaDay, Attendance, Participant, StakeholderGroup
from app.i18n import tr
from app.storage.workbook import Change, Workbook

Index = QModelIndex | QPersistentModelIndex
Push = Callable[[Command], bool]

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ABSENT_ROLE = Qt.ItemDataRole.UserRole + 2  # True when absent on any day
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # name, organisation and e-mail, for the filter
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 4
SORT_ROLE = Qt.ItemDataRole.UserRole + 5  # what the column sorts by
PREFIXES = frozenset({"van", "de", "der", "den", "het", "'t", "t", "ter", "ten", "te", "in",
                      "op", "uit", "aan", "bij", "onder", "voor", "la", "le", "du", "d'"})
PARTICIPANT_MIME = "application/x-oogst-participant-ids"
TABLES = (Participant.TABLE, StakeholderGroup.TABLE, Attendance.TABLE, AgendaDay.TABLE)


def surname_key(last_name: str) -> str:
    """Dutch order: "de Boer" under B, "van der Berg" under B (prefixes are skipped)."""
    words = last_name.casefold().split()
    while len(words) > 1 and words[0] in PREFIXES:
        words.pop(0)
    return normalise_header(" ".join(words))


def role_label(role: str) -> str:
    return {"participant": tr("Deelnemer"), "facilitator": tr("Begeleider"),
            "speaker": tr("Spreker"), "observer": tr("Waarnemer")}.get(role, role)


def attendance_label(status: str) -> str:
    return {"present": tr("aanwezig"), "absent": tr("afwezig"),
            "left_early": tr("eerder weg")}.get(status, status)


def swatch(colour: str, size: int = 12) -> QIcon:
    """A small square in a group colour, for combo boxes and menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def role_choices() -> list[tuple[str, str]]:
    return [(r, role_label(r)) for r in ROLES]


def attendance_choices() -> list[tuple[str, str]]:
    return [(s, attendance_label(s)) for s in ATTENDANCE]


def day_label(day: AgendaDay, number: int) -> str:
    """"Dag 1" from "Dag 1 — Verleden en heden"; else the date or a number."""
    head = day.title.split("—")[0].strip()
    return head or day.date or tr("Dag {n}", n=number)


@dataclass(frozen=True)
class Column:
    key: str  # Participant field, or the day id for an attendance column
    title: str
    kind: str  # text | group | role | check | attendance


def _columns(days: Sequence[AgendaDay]) -> list[Column]:
    cols = [
        Column("first_name", tr("Voornaam"), "text"),
        Column("last_name", tr("Achternaam"), "text"),
        Column("organisation", tr("Organisatie"), "text"),
        Column("group_id", tr("Groep"), "group"),
        Column("role", tr("Rol"), "role"),
        Column("email", tr("E-mail"), "text"),
        Column("phone", tr("Telefoon"), "text"),
        Column("dietary", tr("Dieetwensen"), "text"),
        Column("access_needs", tr("Toegankelijkheid"), "text"),
        Column("consent_photo", tr("Foto's"), "check"),
        Column("consent_contact", tr("Contact"), "check"),
        Column("consent_name", tr("Naam in verslag"), "check"),
        Column("notes", tr("Notities"), "text"),
    ]
    cols += [Column(d.id, day_label(d, n), "attendance") for n, d in enumerate(days, 1)]
    return cols


CONSENT_TIPS = {
    "consent_photo": "Toestemming voor foto's",
    "consent_contact": "Toestemming om na afloop contact op te nemen",
    "consent_name": "Toestemming om de naam in het verslag te noemen",
}


class ParticipantsModel(QAbstractTableModel):
    """One row per participant; columns from :func:`_columns` (one per agenda day at the end)."""

    def __init__(self, book: Workbook, push: Push, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self._push = push
        self.people: list[Participant] = []
        self.groups: list[StakeholderGroup] = []
        self.days: list[AgendaDay] = []
        self.columns: list[Column] = []
        self._group_by_id: dict[str, StakeholderGroup] = {}
        self._status: dict[tuple[str, str], str] = {}
        self._read()

    # ------------------------------------------------------------------ reading
    def _read(self) -> None:
        self.people = self.book.all(Participant)
        self.groups = self.book.all(StakeholderGroup)
        self._group_by_id = {g.id: g for g in self.groups}
        self.days = self.book.all(AgendaDay)
        self.columns = _columns(self.days)
        self._status = {(a.participant_id, a.day_id): a.status for a in self.book.all(Attendance)}

    def refresh(self, change: Change | None = None) -> None:
        """Re-read after a commit; in place when rows and columns stay the same."""
        if change is not None and not change.touches(*TABLES):
            return
        old_shape = ([p.id for p in self.people], [(d.id, d.title) for d in self.days])
        new_shape = ([p.id for p in self.book.all(Participant)],
                     [(d.id, d.title) for d in self.book.all(AgendaDay)])
        if new_shape != old_shape:
            self.beginResetModel()
            self._read()
            self.endResetModel()
            return
        self._read()
        if self.people:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.people) - 1, len(self.columns) - 1))

    def person(self, row: int) -> Participant:
        return self.people[row]

    def group(self, group_id: str) -> StakeholderGroup | None:
        return self._group_by_id.get(group_id)

    def status(self, participant_id: str, day_id: str) -> str:
        return self._status.get((participant_id, day_id), "present")

    def is_absent(self, participant_id: str) -> bool:
        return any(self.status(participant_id, d.id) == "absent" for d in self.days)

    def group_choices(self) -> list[tuple[str, str]]:
        return [("", tr("(geen groep)"))] + [(g.id, g.name) for g in self.groups]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # ------------------------------------------------------------ Qt interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.kind == "attendance":
                day = self.days[section - (len(self.columns) - len(self.days))]
                return tr("Aanwezigheid: {day}", day=day.title or day.date)
            if column.key in CONSENT_TIPS:
                return tr(CONSENT_TIPS[column.key])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemIsDragEnabled)
        if self.columns[index.column()].kind == "check":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.people)):
            return None
        person = self.people[index.row()]
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return person.id
        if role == GROUP_ID_ROLE:
            return person.group_id
        if role == ABSENT_ROLE:
            return self.is_absent(person.id)
        if role == SEARCH_ROLE:
            return f"{person.name} {person.organisation} {person.email}"
        if role == SORT_ROLE:
            return self._sort_key(person, column)
        kind = column.kind
        if kind == "check":
            if role == Qt.ItemDataRole.CheckStateRole:
                on = bool(getattr(person, column.key))
                return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr(CONSENT_TIPS[column.key])
            return None
        if kind == "attendance":
            status = self.status(person.id, column.key)
            if role == Qt.ItemDataRole.EditRole:
                return status
            if role == Qt.ItemDataRole.DisplayRole:
                return attendance_label(status)
            if role == Qt.ItemDataRole.ForegroundRole and status != "present":
                return QColor("#B3261E")
            return None
        if kind == "group":
            group = self._group_by_id.get(person.group_id)
            if role == Qt.ItemDataRole.EditRole:
                return person.group_id
            if role == Qt.ItemDataRole.DisplayRole:
                return group.name if group else tr("(geen groep)")
            if role == Qt.ItemDataRole.DecorationRole and group is not None:
                return QColor(group.colour)
            if role == Qt.ItemDataRole.ForegroundRole and group is None:
                return QColor("#8A8F96")
            return None
        if kind == "role":
            if role == Qt.ItemDataRole.EditRole:
                return person.role
            if role == Qt.ItemDataRole.DisplayRole:
                return role_label(person.role)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(person, column.key)
        if role == Qt.ItemDataRole.ToolTipRole and column.key in ("notes", "access_needs"):
            return getattr(person, column.key) or None
        return None

    def _sort_key(self, person: Participant, column: Column) -> str:
        if column.kind == "check":
            return "1" if getattr(person, column.key) else "0"
        if column.kind == "attendance":
            return str(ATTENDANCE.index(self.status(person.id, column.key)))
        if column.kind == "group":
            group = self._group_by_id.get(person.group_id)
            text = f"{group.position:09.2f}" if group else "~"
        elif column.kind == "role":
            text = str(ROLES.index(person.role)) if person.role in ROLES else "9"
        elif column.key == "last_name":
            text = surname_key(person.last_name)
        else:
            text = normalise_header(str(getattr(person, column.key))) or "~"
        return f"{text}\x1f{surname_key(person.last_name)}\x1f{person.first_name.casefold()}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (0 <= index.row() < len(self.people)):
            return False
        person = self.people[index.row()]
        column = self.columns[index.column()]
        if column.kind == "check":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            on = _checked(value)
            if on == bool(getattr(person, column.key)):
                return False
            return self._push(EditFields(tr("Toestemming wijzigen"), Participant, person.id,
                                         {column.key: on}))
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column.kind == "attendance":
            status = str(value or "")
            if status not in ATTENDANCE or status == self.status(person.id, column.key):
                return False
            key = Attendance.key(person.id, column.key)
            if (person.id, column.key) in self._status:  # a live record: undo restores it
                return self._push(EditFields(tr("Aanwezigheid wijzigen"), Attendance, key,
                                             {"status": status}))
            record = Attendance(id=key, participant_id=person.id, day_id=column.key,
                                status=status)
            return self._push(AddRecords(tr("Aanwezigheid wijzigen"), [record]))
        text = str(value or "").strip()
        if column.kind == "role" and text not in ROLES:
            return False
        if column.kind == "group" and text and text not in self._group_by_id:
            return False
        if text == getattr(person, column.key):
            return False
        title = tr("Groep toewijzen") if column.kind == "group" else tr("Deelnemer wijzigen")
        return self._push(EditFields(title, Participant, person.id, {column.key: text}))

    # ------------------------------------------------------------- drag rows
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction  # a drop assigns a group; no row leaves the table

    def mimeTypes(self) -> list[str]:
        return [PARTICIPANT_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = list(dict.fromkeys(self.people[i.row()].id for i in indexes if i.isValid()))
        mime = QMimeData()
        mime.setData(PARTICIPANT_MIME, QByteArray("\n".join(ids).encode("ascii")))
        mime.setText("\n".join(p.name for p in self.people if p.id in set(ids)))
        return mime


def participant_ids(mime: QMimeData) -> list[str]:
    """The participant ids a drag from the table carries (empty for anything else)."""
    if not mime.hasFormat(PARTICIPANT_MIME):
        return []
    raw = bytes(mime.data(PARTICIPANT_MIME).data()).decode("ascii", "ignore")
    return [line for line in raw.splitlines() if line]


def _checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    if isinstance(value, bool):
        return value
    try:
        return int(value) == Qt.CheckState.Checked.value
    except (TypeError, ValueError):
        return False
