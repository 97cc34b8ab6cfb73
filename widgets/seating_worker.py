"""Work off the GUI thread: a plain function in a QThread, its result posted back.

``BackgroundTask`` runs ``func(progress, cancelled)`` in its own thread; the function
gets plain data (never widgets) and may report progress (0..1) and look at
``cancelled()``. The result, an error sentence or the cancellation arrives as a
signal in the GUI thread. The thread ends by itself when the function returns, and a
module-level registry keeps it alive until then, so closing a page while work runs
only cancels that work. ``SeatingWorker`` is the one for the seating planner.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)
Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]
_ALIVE: list[tuple[QThread, QObject, threading.Event]] = []


def _prune() -> None:
    _ALIVE[:] = [entry for entry in _ALIVE if not entry[0].isFinished()]


def stop_all(msecs: int = 10_000) -> None:
    """Cancel every running task and wait for its thread (the application quits)."""
    for thread, _runner, stop in list(_ALIVE):
        stop.set()
        thread.wait(msecs)
    _prune()


_hooked = False


def _hook_quit() -> None:
    global _hooked
    app = QCoreApplication.instance()
    if app is not None and not _hooked:
        app.aboutToQuit.connect(stop_all)
        _hooked = True


class _Runner(QObject):
    progressed = Signal(float)
    done = Signal(object)
    failed = Signal(str)
    stopped = Signal()

    def __init__(self, job: Job, stop: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._stop = stop

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self._stop.is_set)
        except Exception as exc:  # reported as a sentence, never a crash
            if self._stop.is_set() or type(exc).__name__ == "SeatingCancelled":
                self.stopped.emit()
            else:
                log.warning("background task failed", exc_info=True)
                self.failed.emit(str(exc) or type(exc).__name__)
        else:
            if self._stop.is_set():
                self.stopped.emit()
            else:
                self.done.emit(result)
        finally:
            thread = self.thread()
            if thread is not None:
                thread.quit()


class BackgroundTask(QObject):
    """One run of ``job`` in a new thread. Emits exactly one of finished/failed/cancelled."""

    progressed = Signal(float)  # 0..1
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a sentence for the user
    cancelled = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        _prune()
        _hook_quit()
        self._stop = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("oogst-background")
        self._runner = _Runner(job, self._stop)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progressed.connect(self.progressed)
        self._runner.done.connect(self._on_runner_done)
        self._runner.failed.connect(self._on_runner_failed)
        self._runner.stopped.connect(self._on_runner_stopped)
        stop = self._stop
        self.destroyed.connect(lambda *_: stop.set())  # the owner went away: stop working
        self.running = False

    def start(self) -> None:
        if not self.running and not self._thread.isFinished():
            self.running = True
            _ALIVE.append((self._thread, self._runner, self._stop))
            self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop; ``cancelled`` follows when it has."""
        self._stop.set()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread has ended (for closing windows and tests)."""
        return self._thread.wait(msecs)

    def _finish(self) -> None:
        self.running = False
        self._thread.wait()

    def _on_runner_done(self, result: object) -> None:
        self._finish()
        self.finished.emit(result)

    def _on_runner_failed(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)

    def _on_runner_stopped(self) -> None:
        self._finish()
        self.cancelled.emit()


class SeatingWorker(BackgroundTask):
    """Runs ``plan_seating(request)`` in a thread; ``finished`` carries the SeatingPlan."""

    def __init__(self, request: Any, parent: QObject | None = None) -> None:
        def job(progress: Progress, cancelled: Cancelled) -> Any:
            from sessions.seating import plan_seating

            return plan_seating(request, progress=progress, cancelled=cancelled)

        super().__init__(job, parent)
        self.request = request
