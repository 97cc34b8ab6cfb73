"""The start-up shortcuts give what the full paths give (see bench/startup.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.gui import OWN_PACKAGES
from app.i18n import language, set_language
from sessions.template_heads import method_heads, read_head
from sessions.templates import all_templates
from widgets.formatting import _head_names, _method_names, method_label
from widgets.new_workbook import method_choices
from widgets.style import FUSION_SET, apply_style

ROOT = Path(__file__).resolve().parent.parent


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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_start_screen_offers_the_parsed_methods(lang: str) -> None:
    assert method_heads() is not None  # the fast path is taken...
    parsed = [(t.key, t.label(lang),
               t.description_en if lang == "en" and t.description_en else t.description)
              for t in all_templates().values()]
    assert method_choices(lang) == parsed  # ...and says what the parser says
    assert len(parsed) == 4


def test_the_start_screen_falls_back_to_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    import sessions.template_heads

    fast = method_choices("en")
    monkeypatch.setattr(sessions.template_heads, "method_heads", lambda: None)
    assert method_choices("en") == fast


def test_a_head_ends_where_the_plain_lines_do(tmp_path: Path) -> None:
    template = tmp_path / "x.toml"
    template.write_text('# a method\nkey = "x"\nname = "X" # named\n\n'
                        'description = "says \\"hi\\""\nname_en = "Y"\n', encoding="utf-8")
    assert read_head(template) == {"key": "x", "name": "X"}  # an escape: the parser's job
    assert read_head(tmp_path / "missing.toml") == {}


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


SPY_ON_SOURCE_READS = """
import inspect
read = []
original = inspect.getsource
def spy(obj):
    read.append(getattr(obj, "__name__", "?"))
    return original(obj)
inspect.getsource = spy
from app import gui
gui.make_application(["oogst"])
import widgets.app_controller, widgets.agenda_view  # what the first window imports
print(" ".join(read))
"""


def test_pyside_reads_no_source_of_oogst_or_the_standard_library_at_start_up(
        tmp_path: Path) -> None:
    # PySide6 reads a module's source to see whether it uses PySide's __feature__s;
    # make_application answers for these up front (~8 ms of start-up).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OOGST_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", SPY_ON_SOURCE_READS], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    read = done.stdout.split()
    ours_or_standard = [name for name in read if name.partition(".")[0]
                        in (*OWN_PACKAGES, *sys.stdlib_module_names)
                        and name != "enum"]  # read while PySide6 itself loads
    assert ours_or_standard == []
    assert "PySide6.QtCore" in read  # the spy sees PySide's reading (a live check)


SPY_ON_THREADS = """
import sys, threading
started = []
original_start = threading.Thread.start
def spy(thread):
    started.append((thread.name, thread._target.__name__, "PySide6" in sys.modules))
    return original_start(thread)
threading.Thread.start = spy
from app import gui
app = gui.make_application(["oogst"])
gui._font_reader.join(timeout=60)
from PySide6.QtWidgets import QLabel
label = QLabel("Agenda")  # the GUI thread's first text, after fontconfig was set up
print(label.sizeHint().width() > 0, *started[0])
"""


def test_fontconfig_sets_up_on_a_second_thread_before_qt_loads(tmp_path: Path) -> None:
    # fontconfig's set-up (~8 ms) overlaps with loading PySide6 and Oogst. It is called
    # through ctypes, which releases the GIL (a PySide call would keep it).
    import ctypes

    from app.gui import FONTCONFIG

    try:
        ctypes.CDLL(FONTCONFIG)
    except OSError:
        pytest.skip("Qt uses no fontconfig here")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OOGST_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", SPY_ON_THREADS], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "oogst-fonts", "FcInit", "False"]
