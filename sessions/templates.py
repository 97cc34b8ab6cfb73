"""Method templates (TOML in ``sessions/templates/``) as frozen dataclasses.

A template is copied into a workbook when it is created; editing a template
later never changes an existing workbook.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from sessions.boards import BOARD_KINDS, GROUPINGS
from sessions.template_heads import TEMPLATE_DIR


class TemplateError(ValueError):
    pass


@dataclass(frozen=True)
class BlockTemplate:
    start: str
    minutes: int
    title: str
    title_en: str
    phase: str
    board: str
    grouping: str
    prompt: str
    prompt_en: str

    def localised(self, lang: str) -> tuple[str, str]:
        if lang == "en":
            return self.title_en or self.title, self.prompt_en or self.prompt
        return self.title, self.prompt


@dataclass(frozen=True)
class DayTemplate:
    title: str
    title_en: str
    blocks: tuple[BlockTemplate, ...]


@dataclass(frozen=True)
class GroupTemplate:
    name: str
    name_en: str
    colour: str


@dataclass(frozen=True)
class MethodTemplate:
    key: str
    name: str
    name_en: str
    description: str
    description_en: str
    days: tuple[DayTemplate, ...]
    stakeholder_groups: tuple[GroupTemplate, ...]

    def label(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name


def _block(raw: dict[str, Any], where: str) -> BlockTemplate:
    try:
        block = BlockTemplate(
            start=str(raw["start"]), minutes=int(raw["minutes"]), title=str(raw["title"]),
            title_en=str(raw.get("title_en", "")), phase=str(raw.get("phase", "")),
            board=str(raw.get("board", "none")), grouping=str(raw.get("grouping", "none")),
            prompt=str(raw.get("prompt", "")), prompt_en=str(raw.get("prompt_en", "")),
        )
    except KeyError as exc:
        raise TemplateError(f"{where}: missing {exc}") from exc
    if block.board not in BOARD_KINDS:
        raise TemplateError(f"{where}: unknown board kind {block.board!r}")
    if block.grouping not in GROUPINGS:
        raise TemplateError(f"{where}: unknown grouping {block.grouping!r}")
    if not re.fullmatch(r"\d{2}:\d{2}", block.start) or block.minutes <= 0:
        raise TemplateError(f"{where}: bad start {block.start!r} or minutes {block.minutes}")
    return block


def parse_template(text: str, source: str = "template") -> MethodTemplate:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{source}: {exc}") from exc
    days = tuple(
        DayTemplate(
            title=str(day.get("title", "")), title_en=str(day.get("title_en", "")),
            blocks=tuple(_block(b, f"{source} day {d + 1} block {i + 1}")
                         for i, b in enumerate(day.get("blocks", []))),
        )
        for d, day in enumerate(raw.get("days", []))
    )
    groups = tuple(GroupTemplate(*g) for g in raw.get("stakeholder_groups", []))
    try:
        return MethodTemplate(
            key=raw["key"], name=raw["name"], name_en=raw.get("name_en", raw["name"]),
            description=raw.get("description", ""),
            description_en=raw.get("description_en", ""), days=days, stakeholder_groups=groups)
    except KeyError as exc:
        raise TemplateError(f"{source}: missing {exc}") from exc


@cache
def all_templates() -> dict[str, MethodTemplate]:
    """Every method template, by key (future-search, social-design, ...)."""
    found = {}
    for path in sorted(TEMPLATE_DIR.glob("*.toml")):
        template = parse_template(path.read_text(encoding="utf-8"), path.name)
        found[template.key] = template
    return found


def template(key: str) -> MethodTemplate:
    try:
        return all_templates()[key]
    except KeyError:
        known = ", ".join(all_templates())
        raise TemplateError(f"unknown method {key!r} (known: {known})") from None
