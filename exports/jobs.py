"""Several exports in one run, in plain Python: the GUI runs :func:`run_jobs` in a worker
(progress, cancel, "open folder" when done) and the CLI runs it directly.

Give the worker a workbook *path* (it opens its own connection, SQLite connections
belong to one thread) and a list of :class:`ExportJob`. PDFs are written next to their
target as ``.part`` and renamed into place, so a failed or cancelled export never
leaves half a file under the real name.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.i18n import tr
from app.storage import Workbook

Progress = Callable[[int, int, str], None]

LABELS: dict[str, str] = {
    "report": "Verslag",
    "recap": "Terugblik",
    "action_plans": "Actieplannen per plan",
    "summary": "Samenvatting op één pagina",
    "commitments": "Toezeggingen per persoon",
    "badges": "Naambadges",
    "xlsx": "Excel-bestand",
    "csv": "CSV-bestanden",
    "ics": "Agenda (ICS)",
    "json": "Archief (JSON)",
    "decidim": "Decidim (CSV)",
    "openstad": "OpenStad",
}
KINDS = tuple(LABELS)
PDF_KINDS = ("report", "recap", "action_plans", "summary", "commitments", "badges")


@dataclass(frozen=True)
class ExportJob:
    kind: str
    path: Path
    day: int | None = None  # the day of a recap (1-based)

    def __post_init__(self) -> None:
        if self.kind not in LABELS:
            raise ValueError(f"unknown export kind: {self.kind}")
        object.__setattr__(self, "path", Path(self.path))

    @property
    def label(self) -> str:
        text = tr(LABELS[self.kind])
        return tr("{label} dag {n}", label=text, n=self.day) if self.kind == "recap" else text


@dataclass
class JobResult:
    job: ExportJob
    ok: bool
    detail: str = ""  # pages written, or the error in one sentence
    seconds: float = 0.0


@dataclass
class RunReport:
    results: list[JobResult] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.cancelled and all(r.ok for r in self.results)

    def folders(self) -> list[Path]:
        """Where the written files are (for "open folder")."""
        out: list[Path] = []
        for r in self.results:
            folder = r.job.path if r.job.kind == "csv" else r.job.path.parent
            if r.ok and folder not in out:
                out.append(folder)
        return out


def _run_one(book: Workbook, job: ExportJob, personal: bool) -> str:
    kind, path = job.kind, job.path
    if kind in PDF_KINDS:
        tmp = path.with_name(path.name + ".part")
        try:
            pages = _pdf(book, job, tmp, personal)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        return tr("1 pagina") if pages == 1 else tr("{n} pagina's", n=pages)
    if kind == "xlsx":
        from exports.data import write_xlsx_export

        write_xlsx_export(book, path, personal)
    elif kind == "csv":
        from exports.data import write_csv_folder

        return tr("{n} bestanden", n=len(write_csv_folder(book, path, personal)))
    elif kind == "ics":
        from exports.data import write_ics

        return tr("{n} afspraken", n=write_ics(book, path, personal))
    elif kind == "json":
        from exports.archive import write_archive

        write_archive(book, path, include_personal=personal)
    elif kind == "decidim":
        from exports.decidim import write_decidim

        write_decidim(book, path, personal)
    elif kind == "openstad":
        from exports.decidim import write_openstad

        write_openstad(book, path, personal)
    return ""


def _pdf(book: Workbook, job: ExportJob, target: Path, personal: bool) -> int:
    if job.kind == "report":
        from exports.report import write_report

        return write_report(book, target, personal)
    if job.kind == "recap":
        from exports.recap import write_recap

        return write_recap(book, job.day or 1, target, personal)
    if job.kind == "action_plans":
        from exports.handouts import write_handouts

        return write_handouts(book, target, personal)
    if job.kind == "summary":
        from exports.summary import write_summary

        return write_summary(book, target, personal)
    if job.kind == "commitments":
        from exports.commitments import write_commitments

        return write_commitments(book, target, personal)
    from exports.badges import write_badges

    return write_badges(book, target, personal)


def run_jobs(source: Workbook | str | Path, jobs: Sequence[ExportJob],
             include_personal: bool = False, progress: Progress | None = None,
             cancelled: Callable[[], bool] | None = None, passphrase: str | None = None,
             stop_on_error: bool = False) -> RunReport:
    """Run ``jobs`` in order; ``progress(done, total, label)`` before each and at the end.

    ``cancelled()`` is asked before each job; the run then stops (files already written
    stay). An error in one job is reported in its result and the others still run,
    unless ``stop_on_error``.
    """
    report = RunReport()
    total = len(jobs)
    own = not isinstance(source, Workbook)
    book: Any = Workbook.open(source, passphrase) if own else source
    try:
        for done, job in enumerate(jobs):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if progress is not None:
                progress(done, total, job.label)
            started = time.perf_counter()
            try:
                job.path.parent.mkdir(parents=True, exist_ok=True)
                detail = _run_one(book, job, include_personal)
                report.results.append(JobResult(job, True, detail,
                                                time.perf_counter() - started))
            except Exception as exc:  # one failed export must not lose the others
                report.results.append(JobResult(job, False, str(exc) or type(exc).__name__,
                                                time.perf_counter() - started))
                if stop_on_error:
                    break
        if progress is not None and not report.cancelled:
            progress(total, total, tr("Klaar"))
    finally:
        if own:
            book.close()
    return report
