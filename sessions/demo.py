"""The demo workbook: a believable Future Search "Veilige en leefbare binnenstad".

All people are fictional; the names are generated from a fixed seed so the demo
is the same on every machine.
"""

from __future__ import annotations

import random
from pathlib import Path

from app.domain import AgendaDay, Attendance, Event, Participant, Record, StakeholderGroup
from app.storage import Workbook
from app.storage.in_use import claimed
from sessions.demo_boards import fill_demo_boards
from sessions.setup import create_workbook

TITLE = "Veilige en leefbare binnenstad"
FIRST = (
    "Anouk Bram Priya Xander Gijs Willemijn Sanne Daan Fatima Mohamed Lotte Jeroen Esmé Ümit "
    "Noor Thijs Iris Youssef Marieke Koen Ayşe Ruben Femke Bas Eline Hamza Joost Lieke Sem "
    "Nadia Wouter Ilse Tim Samira Pieter Hanneke Mehmet Roos Stijn Yara Arjen Demi Kevin Lisa "
    "Bart Sophie Erik Fleur Niels Zeynep Maarten Floor Emre Inge Rik Mila Jesse Tamara Hugo "
    "Charlotte Dirk Amira Lars Evi Frank Naomi Olaf Vera Berend Kim Ahmet"
).split()
LAST = (
    "de Vries|Jansen|van Leeuwen|Yılmaz|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|"
    "Vos|Peters|Hendriks|van Dijk|Kaya|Dekker|Brink|Haverkamp|ter Horst|Oude Luttikhuis|"
    "Nijhuis|Kamphuis|Boukhari|Wolters|Bruggink|Lammerink|El Idrissi|Schutte|Kroeze|Nieuwhof"
).split("|")
ORGS: dict[str, tuple[str, ...]] = {
    "Bewoners": ("", "", "Bewonersvereniging Binnensingel", "Wijkraad Centrum",
                 "VvE De Klanderij"),
    "Ondernemers": ("Centrummanagement", "Café De Kater", "Boekhandel Broekhuis",
                    "Koninklijke Horeca Nederland", "Modehuis Oude Markt"),
    "Politie en brandweer": ("Politie Oost-Nederland", "Brandweer Twente",
                             "Politie basisteam Centrum"),
    "Gemeente": ("Gemeente — Stadsdeel Centrum", "Gemeente — Openbare Orde en Veiligheid",
                 "Gemeente — Stadsbeheer", "Gemeente — Participatie"),
    "Maatschappelijke partners": ("Woningcorporatie Domijn", "Stichting Present",
                                  "Bibliotheek Centrum", "Humanitas"),
    "Raad en bestuur": ("Gemeenteraad", "College van B&W", "Griffie"),
    "Jongeren": ("Jong053", "Saxion studentenraad", "Jongerenwerk Alifa", ""),
    "Zorg en welzijn": ("RIBW", "Tactus Verslavingszorg", "Straatwerk", "GGD Twente",
                        "Wijkracht"),
}
DIET = ("", "", "", "", "vegetarisch", "halal", "glutenvrij", "veganistisch", "lactosevrij")


def _participants(groups: list[StakeholderGroup], rng: random.Random) -> list[Participant]:
    people = []
    sizes = [10, 9, 8, 9, 9, 8, 8, 9]  # 70 people
    firsts = FIRST[:]
    rng.shuffle(firsts)
    for group, size in zip(groups, sizes):
        for _ in range(size):
            first = firsts.pop() if firsts else rng.choice(FIRST)
            last = rng.choice(LAST)
            org = rng.choice(ORGS.get(group.name, ("",)))
            handle = f"{first}.{last}".lower().replace(" ", "").replace("ı", "i")
            people.append(Participant(
                first_name=first, last_name=last, organisation=org, group_id=group.id,
                email=f"{handle}@example.org", phone=f"06-{rng.randint(10000000, 99999999)}",
                dietary=rng.choice(DIET),
                access_needs="rolstoel, graag bij de deur" if rng.random() < 0.03 else "",
                consent_photo=rng.random() < 0.8, consent_contact=rng.random() < 0.9,
                consent_name=rng.random() < 0.85))
    facilitators = [
        Participant(first_name="Marloes", last_name="Ter Haar",
                    organisation="Gemeente — Participatie", role="facilitator",
                    email="m.terhaar@example.org", consent_name=True),
        Participant(first_name="Jurgen", last_name="Pot", organisation="Gemeente — Participatie",
                    role="facilitator", email="j.pot@example.org", consent_name=True),
    ]
    return people + facilitators


def build_demo(path: str | Path) -> Workbook:
    """Create the demo workbook at ``path`` (which must not exist yet)."""
    rng = random.Random(2022)
    book = create_workbook(path, "future-search", TITLE, start_date="2026-11-25")
    event = book.event()
    book.update(
        Event, event.id, end_date="2026-11-27", venue="De Grolsch Veste, Enschede",
        question="Hoe maken we samen een binnenstad waar iedereen zich veilig voelt, "
                 "overdag én 's nachts, en waar het fijn wonen, werken en uitgaan is?",
        participation_level="coproduceren",
        frame="Binnen de ruimte: inrichting openbare ruimte, samenwerking en toezicht in het "
              "uitgaansgebied, de agenda van de partnertafel. Buiten de ruimte: de "
              "landelijke drugswetgeving en het budget voor 2027 dat al is vastgesteld.",
        public_url="https://www.example.org/binnenstad/toekomstzoektocht",
        follow_up="2027-06-09T19:30",
        contact="Team Participatie, participatie@example.org, 14 053",
    )
    groups = book.all(StakeholderGroup)
    records: list[Record] = []
    people = _participants(groups, rng)
    records += people
    days = book.all(AgendaDay)
    for person in people:
        for d, day in enumerate(days):
            status = "present"
            if person.role == "participant" and rng.random() < 0.05:
                status = "absent" if d < 2 else "left_early"
            records.append(Attendance(id=Attendance.key(person.id, day.id),
                                      participant_id=person.id, day_id=day.id, status=status))
    with book.transaction():
        for group, target in zip(groups, [10, 9, 8, 9, 9, 8, 8, 9]):
            book.update(StakeholderGroup, group.id, target_size=target)
        book.insert_many(records)
    fill_demo_boards(book)
    return book


def rebuild_demo(path: str | Path) -> Workbook:
    """The demo at ``path`` built afresh (an old one, with its ``-wal`` and ``-shm``,
    removed first), open and claimed for this process; refused with
    :class:`~app.storage.in_use.WorkbookInUse`, the old one untouched, while another
    Oogst has it open (removed under it, its edits would go nowhere)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)

    def build() -> Workbook:
        for old in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            old.unlink(missing_ok=True)
        return build_demo(path)

    return claimed(path, build)
