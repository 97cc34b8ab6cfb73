"""Records of the boards (timeline, trends map, lists, scenarios, common ground,
action plans, commitments). Methods share them: Social Design and network meetings
use the same kinds. Each record names its ``board_id`` (the agenda block or a board
key) only where a method can have several boards of one kind."""

from __future__ import annotations

from typing import ClassVar

from app.domain import Record, derived_id, record

LANES = ("personal", "world", "topic")
STATEMENT_KINDS = ("doing", "wanting", "proud", "sorry")
GROUND_STATES = ("agreed", "not_agreed", "unresolved", "project")


@record
class TimelineEntry(Record):
    TABLE: ClassVar[str] = "timeline_entry"
    lane: str = "topic"
    year: int = 0  # a year, or the first year of a decade when ``decade_only``
    decade_only: bool = False
    text: str = ""
    group_id: str = ""
    position: float = 0.0


@record
class TimelineReading(Record):
    """A mixed table's interpretation of one lane: stories and implications."""

    TABLE: ClassVar[str] = "timeline_reading"
    lane: str = "topic"
    table_no: int = 0
    stories: str = ""
    implications: str = ""


@record
class Trend(Record):
    TABLE: ClassVar[str] = "trend"
    parent_id: str = ""  # empty: a main trend on the central question
    text: str = ""
    x: float = 0.0
    y: float = 0.0
    placed: bool = False  # moved by hand: automatic layout leaves it where it is
    position: float = 0.0


@record
class TrendLink(Record):
    TABLE: ClassVar[str] = "trend_link"
    from_id: str = ""
    to_id: str = ""


@record
class Dot(Record):
    """One sticky dot on an item (trend, question, topic) from a stakeholder group.

    Insert-only (removing a dot tombstones it), so dots from several laptops add up.
    """

    TABLE: ClassVar[str] = "dot"
    target_id: str = ""
    group_id: str = ""
    participant_id: str = ""


@record
class GroupStatement(Record):
    TABLE: ClassVar[str] = "group_statement"
    group_id: str = ""
    kind: str = "doing"  # doing | wanting | proud | sorry
    text: str = ""
    trend_id: str = ""
    position: float = 0.0


@record
class Scenario(Record):
    TABLE: ClassVar[str] = "scenario"
    table_no: int = 0
    title: str = ""
    horizon: int = 0
    narrative: str = ""
    features: str = ""  # one key feature per line
    position: float = 0.0


@record
class Attachment(Record):
    """An image (flipchart photo, drawing) attached to any record; bytes kept in the file."""

    TABLE: ClassVar[str] = "attachment"
    owner_id: str = ""
    file_name: str = ""
    mime: str = ""
    caption: str = ""
    data: bytes = b""
    position: float = 0.0


@record
class CommonGround(Record):
    TABLE: ClassVar[str] = "common_ground"
    text: str = ""
    status: str = "unresolved"  # agreed | not_agreed | unresolved | project
    tables: str = ""  # the tables it came from, e.g. "3, 5, 8"
    position: float = 0.0


@record
class ActionPlan(Record):
    TABLE: ClassVar[str] = "action_plan"
    title: str = ""
    common_ground_id: str = ""
    goal: str = ""
    owner_id: str = ""
    deadline: str = ""
    needs: str = ""
    follow_up: str = ""
    position: float = 0.0


@record
class PlanMember(Record):
    TABLE: ClassVar[str] = "plan_member"
    plan_id: str = ""
    participant_id: str = ""

    @staticmethod
    def key(plan_id: str, participant_id: str) -> str:
        return derived_id("plan_member", plan_id, participant_id)


@record
class ActionStep(Record):
    TABLE: ClassVar[str] = "action_step"
    plan_id: str = ""
    what: str = ""
    who: str = ""
    due: str = ""
    position: float = 0.0


@record
class Commitment(Record):
    TABLE: ClassVar[str] = "commitment"
    participant_id: str = ""
    plan_id: str = ""
    text: str = ""
    due: str = ""


BOARD_ENTITIES: tuple[type[Record], ...] = (
    TimelineEntry, TimelineReading, Trend, TrendLink, Dot, GroupStatement, Scenario,
    Attachment, CommonGround, ActionPlan, PlanMember, ActionStep, Commitment,
)
