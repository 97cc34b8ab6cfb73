#!/usr/bin/env python3
"""Set-up in one command, on Linux, macOS and Windows alike (stdlib only).

    python dev.py run     # make .venv, install Oogst, open it on the demo workbook
    python dev.py test    # make .venv, install Oogst with its test extras, run the tests
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("OOGST_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _run(*args: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def ensure_venv(extras: str = "") -> None:
    if not PYTHON.exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    print(f"Installing Oogst {target} ...", flush=True)
    if _run(PYTHON, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", target):
        sys.exit("Installing failed; see the messages above.")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    if command == "run":
        ensure_venv()
        return _run(PYTHON, "-m", "app", "demo", *argv[1:])
    if command == "test":
        ensure_venv("test")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return _run(PYTHON, "-m", "pytest", *argv[1:], env=env)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
