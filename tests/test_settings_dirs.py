"""Oogst's per-user folders: where platformdirs puts them, found without its cost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from app import settings

ROOT = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the XDG folders are read directly on Linux only")


@linux_only
@pytest.mark.parametrize("env", [
    {},
    {"XDG_CONFIG_HOME": "/srv/xdg-config", "XDG_DATA_HOME": "/srv/xdg-data/"},
    {"XDG_CONFIG_HOME": "relatief/config", "XDG_DATA_HOME": ""},
    {"HOME": "/home/wijkpunt/"},
    {"HOME": "relatief"},
])
def test_folders_are_where_platformdirs_puts_them(monkeypatch, env: dict[str, str]) -> None:
    monkeypatch.delenv("OOGST_HOME", raising=False)
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    assert settings.config_dir() == Path(platformdirs.user_config_dir("Oogst", False))
    assert settings.data_dir() == Path(platformdirs.user_data_dir("Oogst", False))
    assert settings.backup_dir() == settings.data_dir() / "backups"


def test_oogst_home_holds_every_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OOGST_HOME", str(tmp_path))
    assert settings.config_dir() == tmp_path / "config"
    assert settings.data_dir() == tmp_path / "data"


@linux_only
def test_finding_the_folders_loads_no_tempfile_at_start_up(tmp_path: Path) -> None:
    # platformdirs' Unix module imports tempfile, shutil, random, bz2 and lzma: ~8 ms
    env = {k: v for k, v in os.environ.items() if k not in ("OOGST_HOME", "XDG_CONFIG_HOME")}
    env["HOME"] = str(tmp_path)
    code = ("import sys; from app import settings; settings.config_dir(); settings.data_dir(); "
            "print(*(name in sys.modules for name in ('platformdirs', 'tempfile')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]
