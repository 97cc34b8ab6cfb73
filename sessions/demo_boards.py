"""The demo workbook's boards: a complete Future Search "Veilige en leefbare binnenstad".

Timelines, trends map with dots from all eight groups, lists and prouds & sorries
per group, eight scenarios (two with a flipchart photo), common ground in every
state, ten action plans and forty commitments. The content is in the
``demo_boards_*`` data modules; people are picked with a fixed seed, so the demo
is the same on every machine (apart from the random record ids).
"""

from __future__ import annotations

import random
import struct
import zlib

from app.board_records import (
    ActionPlan,
    ActionStep,
    Attachment,
    Commitment,
    CommonGround,
    Dot,
    GroupStatement,
    PlanMember,
    Scenario,
    TimelineEntry,
    TimelineReading,
    Trend,
    TrendLink,
)
from app.domain import Participant, Record, StakeholderGroup
from app.storage import Workbook
from sessions.demo_boards_action import COMMON_GROUND, PLANS
from sessions.demo_boards_groups import SCENARIOS, STATEMENTS
from sessions.demo_boards_past import DOTS, LINKS, READINGS, TIMELINE, TRENDS

GROUP_KEYS = ("bewoners", "ondernemers", "politie", "gemeente", "maatschappelijke", "raad",
              "jongeren", "zorg")
"""The demo's stakeholder groups in template order (keys of the data modules)."""
HORIZON = 2036


def fill_demo_boards(book: Workbook) -> None:
    """Add the boards of the demo Future Search to ``book`` (one transaction)."""
    rng = random.Random(20221109)
    groups = dict(zip(GROUP_KEYS, book.all(StakeholderGroup)))
    people: dict[str, list[Participant]] = {key: [] for key in GROUP_KEYS}
    for person in book.all(Participant, role="participant"):
        for key, group in groups.items():
            if person.group_id == group.id:
                people[key].append(person)
    records: list[Record] = []
    records += _timeline(groups)
    trends = _trends()
    records += trends.values()
    records += [TrendLink(from_id=trends[a].id, to_id=trends[b].id) for a, b in LINKS]
    for key, targets in DOTS.items():
        for target in targets:
            voter = rng.choice(people[key]) if people[key] else None
            records.append(Dot(target_id=trends[target].id, group_id=groups[key].id,
                               participant_id=voter.id if voter else ""))
    for key, kinds in STATEMENTS.items():
        for kind, items in kinds.items():
            for n, (trend, text) in enumerate(items):
                records.append(GroupStatement(
                    group_id=groups[key].id, kind=kind, text=text, position=float(n),
                    trend_id=trends[trend].id if trend else ""))
    records += _scenarios()
    ground = {key: CommonGround(text=text, status=status, tables=tables, position=float(n))
              for n, (key, (status, tables, text)) in enumerate(COMMON_GROUND.items())}
    records += ground.values()
    records += _plans(ground, people, rng)
    book.insert_many(records)


def _timeline(groups: dict[str, StakeholderGroup]) -> list[Record]:
    out: list[Record] = []
    for n, (lane, year, decade, group, text) in enumerate(TIMELINE):
        out.append(TimelineEntry(lane=lane, year=year, decade_only=decade, text=text,
                                 group_id=groups[group].id if group else "",
                                 position=float(n)))
    for lane, table, stories, implications in READINGS:
        out.append(TimelineReading(lane=lane, table_no=table, stories=stories,
                                   implications=implications))
    return out


def _trends() -> dict[str, Trend]:
    trends: dict[str, Trend] = {}
    for n, (key, (parent, text)) in enumerate(TRENDS.items()):
        trends[key] = Trend(text=text, parent_id=trends[parent].id if parent else "",
                            position=float(n))
    return trends


def _scenarios() -> list[Record]:
    out: list[Record] = []
    for table, (title, narrative, features) in SCENARIOS.items():
        scenario = Scenario(table_no=table, title=title, horizon=HORIZON, narrative=narrative,
                            features="\n".join(features), position=float(table))
        out.append(scenario)
        if table in (1, 4):
            out.append(Attachment(owner_id=scenario.id, file_name=f"flap-tafel-{table}.png",
                                  mime="image/png", caption=f"Flap van tafel {table}",
                                  data=flipchart_png(table)))
    return out


def _plans(ground: dict[str, CommonGround], people: dict[str, list[Participant]],
           rng: random.Random) -> list[Record]:
    out: list[Record] = []
    for n, plan_data in enumerate(PLANS):
        (title, ground_key, owner_group, member_groups, goal, deadline, needs, follow_up,
         steps, promises) = plan_data
        owner = rng.choice(people[owner_group])
        members = [owner]
        for key in member_groups:
            candidates = [p for p in people[key] if p not in members]
            members += rng.sample(candidates, min(len(candidates), 1 + (n + len(key)) % 2))
        plan = ActionPlan(title=title, common_ground_id=ground[ground_key].id, goal=goal,
                          owner_id=owner.id, deadline=deadline, needs=needs,
                          follow_up=follow_up, position=float(n))
        out.append(plan)
        out += [PlanMember(id=PlanMember.key(plan.id, m.id), plan_id=plan.id,
                           participant_id=m.id) for m in members]
        for s, (what, due) in enumerate(steps):
            who = members[s % len(members)]
            out.append(ActionStep(plan_id=plan.id, what=what, who=who.name, due=due,
                                  position=float(s)))
        for c, sentence in enumerate(promises):
            person = members[c % len(members)]
            due = steps[min(c, len(steps) - 1)][1] if c % 2 == 0 else ""
            out.append(Commitment(participant_id=person.id, plan_id=plan.id, text=sentence,
                                  due=due))
    return out


def flipchart_png(seed: int, width: int = 360, height: int = 270) -> bytes:
    """A small drawn "photo" of a flipchart: paper, a title line and marker scribbles."""
    rng = random.Random(seed)
    paper = (250, 248, 240)
    pixels = [bytearray(paper * width) for _ in range(height)]
    inks = [(46, 125, 50), (21, 101, 192), (173, 20, 87), (239, 108, 0)]

    def block(x0: int, y0: int, w: int, h: int, colour: tuple[int, int, int]) -> None:
        for y in range(max(0, y0), min(height, y0 + h)):
            row = pixels[y]
            for x in range(max(0, x0), min(width, x0 + w)):
                row[3 * x:3 * x + 3] = bytes(colour)

    block(0, 0, width, 6, (200, 196, 186))
    block(24, 22, width - 90, 12, inks[seed % len(inks)])
    for line in range(9):
        y = 56 + line * 22
        x = 24 + (12 if line % 3 else 0)
        while x < width - 40:
            w = rng.randint(14, 46)
            block(x, y, min(w, width - 40 - x), 5, inks[(line // 3 + seed) % len(inks)])
            x += w + rng.randint(6, 12)
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
