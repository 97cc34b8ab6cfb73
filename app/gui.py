"""The desktop app's entry point. Imports stay light: Qt and the widgets load on call."""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def _few_collections() -> Iterator[None]:
    """Start-up without dozens of cyclic-GC passes over objects that stay alive.

    Building the first window allocates Qt's enum types, modules and widgets (about
    50 collections, ~10 ms, finding almost no garbage). Collections are made rare
    while it runs (not off: a passphrase or error dialog may wait for the user), then
    what was built is frozen so that later collections do not rescan it.
    """
    old = gc.get_threshold()
    if old[0]:
        gc.set_threshold(max(old[0], 200_000), *old[1:])
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*old)


def _load_core_first() -> None:
    """Import the Qt-free core before PySide6, as ``oogst`` (app.cli) does.

    Once PySide6 is imported, its ``__feature__`` import hook reads the source of every
    module imported after it; the core loaded first skips that (a few ms at start-up).
    """
    import importlib

    for name in ("app.settings", "app.storage"):
        importlib.import_module(name)


OWN_PACKAGES = ("app", "widgets", "sessions", "exports")


def _own_module_names() -> Iterator[str]:
    """The dotted names of Oogst's modules, from the files in its package folders."""
    root = Path(__file__).resolve().parent.parent
    folders = [(package, root / package) for package in OWN_PACKAGES]
    while folders:
        prefix, folder = folders.pop()
        yield prefix
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            stem, suffix = os.path.splitext(entry.name)
            if suffix == ".py" and stem != "__init__":
                yield f"{prefix}.{stem}"
            elif entry.is_dir() and not stem.startswith(("_", ".")):  # not __pycache__
                folders.append((f"{prefix}.{stem}", Path(entry.path)))


def _spare_pyside_the_source_scan() -> None:
    """Tell PySide6 up front what it would read module source files to find out.

    Once loaded, PySide6 checks each module that an ``import`` statement names, the
    first time, for whether it may switch on one of PySide's optional ``__feature__``s
    (snake_case, true_property): it reads the module's whole source looking for
    "PySide6", and notes 0 (uses PySide, no feature) or -1 (not a PySide user) in the
    table its ``__feature__`` module keeps. At Oogst's start-up that is ~45 files
    (``os``, ``typing``, ``inspect``, Oogst's own modules...): ~8 ms, 12 M instructions
    on the way to the first idle window. Oogst switches on no feature, so the
    table gets its answers first: -1 for the standard library (never a PySide user)
    and 0 for Oogst's own modules (for the Qt-free core that differs from PySide's
    -1 in name only: either way the module sees no feature). Other modules are
    still read. With a PySide6 that keeps no such table this does nothing.
    """
    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    loaded = [name for name in sys.modules if name.partition(".")[0] in sys.stdlib_module_names]
    for name in (*sys.stdlib_module_names, *loaded):
        table.setdefault(name, -1)
    for name in _own_module_names():
        table.setdefault(name, 0)


_font_reader: threading.Thread | None = None
FONTCONFIG = "libfontconfig.so.1"  # what Qt reads system fonts with on Linux and the BSDs


def _read_fonts_meanwhile() -> None:
    """Let fontconfig read its configuration on the second core while Qt and Oogst load.

    The first text a window measures (the status bar, while the main window is built)
    otherwise waits for fontconfig to parse its XML configuration (``FcInit``): ~24 M
    instructions, about 8 ms, on the GUI thread. Called through ctypes, which releases
    the GIL for the call, ``FcInit`` runs beside the imports of PySide6 and Oogst; Qt's
    own ``FcInit`` later finds it done. (A thread calling PySide's
    ``QFontDatabase.families`` gains nothing: PySide keeps the GIL for the call, and the
    GUI thread waits for it.) fontconfig's set-up is thread-safe: should Qt ask before
    it is done, it does the same work itself. Where Qt uses no fontconfig (Windows,
    macOS) there is no library to load and no thread. Joined by ``run_gui``.
    """
    global _font_reader
    try:
        import ctypes

        fontconfig = ctypes.CDLL(FONTCONFIG)
    except OSError:
        return
    _font_reader = threading.Thread(target=fontconfig.FcInit, name="oogst-fonts",
                                    daemon=True)
    _font_reader.start()


def _no_application_yet() -> bool:
    widgets = sys.modules.get("PySide6.QtWidgets")
    return widgets is None or widgets.QApplication.instance() is None


def make_application(argv: list[str] | None = None) -> Any:
    """The QApplication, named and styled (reused if one exists)."""
    with _few_collections():
        return _make_application(argv)


def _make_application(argv: list[str] | None) -> Any:
    if _no_application_yet():
        _read_fonts_meanwhile()  # first: PySide6 and the core take ~100 ms to load
    _load_core_first()
    from PySide6.QtWidgets import QApplication

    _spare_pyside_the_source_scan()

    from widgets.style import FUSION_SET, apply_style

    app = QApplication.instance()
    if app is None:
        args = list(argv if argv is not None else sys.argv[:1])
        # Qt builds Fusion straight away (no default style first, no Python QStyle).
        app = QApplication([*args[:1], "-style", "fusion", *args[1:]])
        app.setProperty(FUSION_SET, True)
    app.setApplicationName("Oogst")
    app.setApplicationDisplayName("Oogst")
    app.setOrganizationName("Gemeente")
    apply_style(app)
    return app


def start(path: str | None = None, *, demo: bool = False,
          passphrase: str | None = None) -> Any:
    """Show the first window (start screen, a workbook or the demo); returns the controller."""
    with _few_collections():
        return _start(path, demo, passphrase)


def _start(path: str | None, demo: bool, passphrase: str | None) -> Any:
    from app.i18n import set_language
    from app.settings import Settings
    from app.storage.check_ahead import CheckAhead

    # The workbook's page check runs on a second core while the windows' modules load.
    ahead = CheckAhead(path) if path and not demo else None
    from widgets.app_controller import AppController

    settings = Settings()
    set_language(str(settings.get("language")))
    controller = AppController(settings)
    window = None
    if demo:
        window = controller.open_demo()
    elif path:
        window = controller.open_path(path, passphrase, ahead)
    if window is None:
        controller.show_start()
    return controller


def run_gui(path: str | None = None, *, demo: bool = False,
            passphrase: str | None = None) -> int:
    """Run Oogst's window until the last one closes; returns the exit code."""
    app = make_application()
    controller = start(path, demo=demo, passphrase=passphrase)  # kept alive while running
    code = app.exec()
    if _font_reader is not None:
        _font_reader.join()  # long done: never tear Qt down under a running thread
    controller.deleteLater()
    return int(code)


if __name__ == "__main__":
    sys.exit(run_gui(sys.argv[1] if len(sys.argv) > 1 else None,
                     demo="--demo" in sys.argv))
