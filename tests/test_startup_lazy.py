"""The start-up shortcuts give what the full paths give (see bench/startup.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n import language, set_language
from sessions.templates import all_templates
from widgets.formatting import _head_names, _method_names, method_label
from widgets.style import FUSION_SET, apply_style


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_method_label_is_the_parsed_template_name(lang: str) -> None:
    before = language()
    set_language(lang)
    try:
        for key in [*all_templates(), "unknown-method"]:
            names = _method_names(key)  # the full parse
            expected = key if names is None else (
                names[1] if lang == "en" and names[1] else names[0])
            assert method_label(key) == expected
    finally:
        set_language(before)


def test_template_heads_name_every_method() -> None:
    for key in all_templates():
        assert _head_names(key) == _method_names(key)  # the fast path is taken, and agrees


def test_apply_style_keeps_fusion_and_zooms(qapp: QApplication) -> None:
    sheet, palette, font, flag = (qapp.styleSheet(), qapp.palette(), qapp.font(),
                                  qapp.property(FUSION_SET))
    try:
        apply_style(qapp)
        apply_style(qapp, 1.2)  # a zoom: the style stays, the sheet and font follow
        assert qapp.property(FUSION_SET) is True
        assert qapp.font().pointSizeF() == pytest.approx(10.5 * 1.2)
        assert "font-size: 25.2pt" in qapp.styleSheet()  # h1 at 1.2
        qapp.setStyleSheet("")
        assert qapp.style().name().lower() == "fusion"
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)
        qapp.setFont(font)
        qapp.setProperty(FUSION_SET, flag)
