"""The board widgets, one per board kind (see ``sessions/boards.py``).

Every class takes ``(book: Workbook, undo_stack: QUndoStack, parent=None)`` and
``read_only=True`` for the projector.
"""

from __future__ import annotations

from widgets.boards.action_plans import ActionPlansBoard
from widgets.boards.base import BoardBase
from widgets.boards.commitments import CommitmentsBoard
from widgets.boards.common_ground import CommonGroundBoard
from widgets.boards.group_lists import GroupListsBoard, ProudsSorriesBoard
from widgets.boards.mindmap import MindmapBoard
from widgets.boards.scenarios import ScenariosBoard
from widgets.boards.timeline import TimelineBoard

BOARD_WIDGETS: dict[str, type[BoardBase]] = {
    "timeline": TimelineBoard,
    "mindmap": MindmapBoard,
    "group_lists": GroupListsBoard,
    "prouds_sorries": ProudsSorriesBoard,
    "scenarios": ScenariosBoard,
    "common_ground": CommonGroundBoard,
    "action_plans": ActionPlansBoard,
    "commitments": CommitmentsBoard,
}

__all__ = ["BOARD_WIDGETS", "BoardBase"]
