"""The board kinds a method's phases can use. Each kind has one widget and one
exporter; methods only name them, so Social Design and network meetings reuse
the Future Search boards."""

from __future__ import annotations

BOARD_KINDS: dict[str, str] = {
    "none": "Geen bord",
    "timeline": "Tijdlijn",
    "mindmap": "Trendkaart",
    "group_lists": "Lijsten per groep",
    "prouds_sorries": "Trots & spijt",
    "scenarios": "Toekomstbeelden",
    "common_ground": "Gemeenschappelijke grond",
    "action_plans": "Actieplannen",
    "commitments": "Toezeggingen",
    "questions": "Vraagstukken",
    "votes": "Stemmen",
    "open_agenda": "Open agenda",
    "concerns": "Meldingen",
}

GROUPINGS: dict[str, str] = {
    "plenary": "Plenair",
    "stakeholder": "Belanghebbendengroepen",
    "mixed": "Gemengde tafels",
    "self_selected": "Zelfgekozen groepen",
    "none": "—",
}
