"""Board data for the export tests: a small but complete Future Search, built in the test.

``fill_boards(book)`` adds people (some without consent to be named), attendance,
timeline entries and readings, trends with dots, statements, scenarios with a photo,
common ground in all states, action plans with steps and members, and commitments.
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

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
)
from app.domain import AgendaDay, Attendance, Event, Participant, Record, StakeholderGroup
from app.storage import Workbook

NAMED = ("Ümit", "Yılmaz")  # consents to being named
HIDDEN = ("Geheime", "Persoon")  # does not consent
HIDDEN_EMAIL = "geheim.persoon@example.org"
HIDDEN_PHONE = "06-99887766"
PUBLIC_URL = "https://www.example.org/binnenstad/toekomstzoektocht"
FOLLOW_UP = "2027-06-09T19:30"


needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                   reason="poppler-utils (pdftoppm) is not installed")
needs_zbar = pytest.mark.skipif(shutil.which("zbarimg") is None,
                                reason="zbar-tools (zbarimg) is not installed")


def render(pdf: Path, dpi: int = 40, first: int | None = None,
           last: int | None = None) -> list[Path]:
    """The PDF's pages as PNG files (pdftoppm), in page order."""
    prefix = pdf.with_suffix("")
    args = ["pdftoppm", "-png", "-r", str(dpi)]
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    subprocess.run(args + [str(pdf), str(prefix) + "-p"], check=True, timeout=120)
    return sorted(pdf.parent.glob(prefix.name + "-p-*.png"))


def is_blank(png: Path) -> bool:
    low, _high = Image.open(png).convert("L").getextrema()
    return low > 245


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          check=True, timeout=120)
    return done.stdout.decode("utf-8")


def qr_codes(png: Path, candidates: list[str] | set[str] | None = None) -> list[str]:
    """The QR codes zbarimg finds on an image, exactly (CR/LF kept).

    zbarimg prints each code followed by a newline; codes that hold newlines themselves
    are told apart by matching the known ``candidates`` in turn (longest first).
    """
    done = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True,
                          timeout=120)
    raw = done.stdout.decode("utf-8")
    if candidates is None:
        return raw.splitlines()
    found, rest = [], raw
    options = sorted(set(candidates), key=len, reverse=True)
    while rest:
        match = next((c for c in options if rest.startswith(c + "\n")), None)
        if match is None:
            found.append(rest)  # something unexpected: let the test show it
            break
        found.append(match)
        rest = rest[len(match) + 1:]
    return found


def qr_codes_in_boxes(png: Path, boxes: list[tuple[float, float, float, float]],
                      page_width: float) -> list[list[str]]:
    """The QR codes in each box of a page image (boxes in points from the top left).

    zbarimg reads one code per image reliably; on a page of eight it now and then
    misses one (seen: 5 of 8, though each is readable on its own).
    """
    page = Image.open(png)
    scale = page.width / page_width
    found = []
    for i, box in enumerate(boxes):
        crop = png.with_name(f"{png.stem}-box{i}.png")
        page.crop(tuple(round(v * scale) for v in box)).save(crop)
        found.append(qr_codes(crop))
    return found


def photo(colour: str = "#2E7D32", size: tuple[int, int] = (640, 420)) -> bytes:
    img = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(img)
    draw.rectangle((40, 40, size[0] - 40, size[1] - 40), outline="white", width=8)
    draw.line((40, 40, size[0] - 40, size[1] - 40), fill="white", width=6)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def fill_boards(book: Workbook, seed: int = 7, people_per_group: int = 4,
                photos: bool = True) -> dict[str, object]:
    """Fill ``book`` with people and every board; returns a few things tests look for."""
    rng = random.Random(seed)
    event = book.event()
    book.update(Event, event.id, question="Hoe maken we samen een veilige binnenstad?",
                venue="Stadhuis Enschede", start_date="2026-11-25", end_date="2026-11-27",
                public_url=PUBLIC_URL, follow_up=FOLLOW_UP, participation_level="coproduceren",
                frame="Binnen de ruimte: inrichting en samenwerking. Buiten de ruimte: "
                      "landelijke wetgeving.", contact="Team Participatie, 14 053")
    groups = book.all(StakeholderGroup)
    days = book.all(AgendaDay)
    records: list[Record] = []
    people: list[Participant] = []
    for g in groups:
        for i in range(people_per_group):
            people.append(Participant(
                first_name=f"Naam{len(people)}", last_name=g.name.split()[0],
                organisation=f"Organisatie {i}", group_id=g.id, email=f"p{len(people)}@example.org",
                phone=f"06-1000{len(people):04d}", consent_name=True))
    people[0].first_name, people[0].last_name = NAMED
    people[1].first_name, people[1].last_name = HIDDEN
    people[1].email, people[1].phone, people[1].consent_name = HIDDEN_EMAIL, HIDDEN_PHONE, False
    records += people
    for p in people:
        for d in days:
            status = "absent" if rng.random() < 0.1 else "present"
            records.append(Attendance(id=Attendance.key(p.id, d.id), participant_id=p.id,
                                      day_id=d.id, status=status))
    for lane in ("personal", "world", "topic"):
        for i in range(12):
            year = 1995 + rng.randint(0, 30)
            records.append(TimelineEntry(lane=lane, year=year, text=f"{lane} mijlpaal {i} "
                                         f"in {year}", group_id=rng.choice(groups).id,
                                         position=float(i)))
        records.append(TimelineReading(lane=lane, table_no=1, stories=f"Verhaal over {lane}",
                                       implications="Samen optrekken loont."))
    trends = [Trend(text=f"Trend {i}: meer toezicht en ontmoeting", position=float(i))
              for i in range(12)]
    trends.append(Trend(text="Subtrend: cameratoezicht", parent_id=trends[0].id, position=12.0))
    records += trends
    for g in groups:
        for t in rng.sample(trends, 4):
            records += [Dot(target_id=t.id, group_id=g.id) for _ in range(rng.randint(1, 3))]
        for kind in ("doing", "wanting", "proud", "sorry"):
            for i in range(2):
                records.append(GroupStatement(group_id=g.id, kind=kind, position=float(i),
                                              text=f"{g.name} {kind} uitspraak {i}"))
    scenarios = [Scenario(table_no=i + 1, title=f"Binnenstad van iedereen {i + 1}", horizon=2036,
                          narrative="In 2036 is de binnenstad 's avonds levendig en veilig. "
                                    * 4, features="Meer licht\nBuurtconciërges\nJongerenplek",
                          position=float(i)) for i in range(4)]
    records += scenarios
    if photos:
        records.append(Attachment(owner_id=scenarios[0].id, file_name="flip.png",
                                  mime="image/png", caption="Flap van tafel 1", data=photo()))
    ground = []
    for i, status in enumerate(["agreed"] * 4 + ["not_agreed"] * 2 + ["unresolved"] * 2
                               + ["project"] * 2):
        ground.append(CommonGround(text=f"Gedeelde grond {i}: {status}", status=status,
                                   tables="1, 3", position=float(i)))
    records += ground
    plans = []
    for i in range(4):
        owner = people[i * 3]
        plan = ActionPlan(title=f"Actieplan {i + 1}: lichte looproutes", goal="Veilig naar huis",
                          common_ground_id=ground[i].id, owner_id=owner.id,
                          deadline=f"2027-0{i + 3}-15", needs="Budget en vrijwilligers",
                          follow_up="2027-06-09", position=float(i))
        plans.append(plan)
        records.append(plan)
        for p in people[i * 3: i * 3 + 4]:
            records.append(PlanMember(id=PlanMember.key(plan.id, p.id), plan_id=plan.id,
                                      participant_id=p.id))
        for j in range(3):
            records.append(ActionStep(plan_id=plan.id, what=f"Stap {j + 1} van plan {i + 1}",
                                      who="Gemeente", due=f"2027-0{j + 1}-01", position=float(j)))
    plans[1].owner_id = people[1].id  # the hidden person owns a plan
    for k, p in enumerate(people[:12]):
        records.append(Commitment(participant_id=p.id, plan_id=plans[k % len(plans)].id,
                                  text=f"Ik zet me in voor plan {k % len(plans) + 1}",
                                  due="2027-02-01"))
    book.insert_many(records)
    return {"people": people, "plans": plans, "groups": groups}


def test_fill_boards_gives_every_board(book: Workbook) -> None:
    fill_boards(book)
    for cls in (TimelineEntry, Trend, Dot, GroupStatement, Scenario, CommonGround, ActionPlan,
                ActionStep, Commitment, Attachment):
        assert book.count(cls) > 0, cls.__name__
