"""Scan an Export: a generator yielding progress and findings batch by batch, cancellable by
simply not asking for the next batch (close the generator).

Each batch of rows (:mod:`.batches`) is analysed (:func:`.analysis.analyse_batch`) in this
process or, with ``processes``, by worker processes (:mod:`.pool`) while this process reads on;
this process then analyses a batch itself whenever every worker is busy. Results come back in
file order whoever analysed them. Flagged cells stay plain named tuples; their Finding objects
are built only when asked for (the JSONL output and the journal's figures need none).

Threading: plain generator, no shared state; the desktop app runs it on a worker thread and
cancels by closing it between batches.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, deque
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.pool import AsyncResult
from typing import NamedTuple

from ..detect.detector import Detector
from ..detect.findings import Finding, RawFinding
from ..errors import ExportError
from ..exports.columns import free_text_columns
from ..exports.model import Export
from .analysis import AnalysedCell, ScanOptions, analyse_batch
from .batches import Batch, column_batches, gc_paused
from .json_lines import add_counts, batch_lines, count_cells, flagged_rows, placed, tally_findings
from .pool import Analysis, Wired, WorkerPool, unwire

logger = logging.getLogger(__name__)


class FlaggedCell(NamedTuple):
    """A cell with findings: where it is, its text, its findings, its suggestion."""

    row: int
    column: str
    text: str
    raw: tuple[RawFinding, ...]
    suggestion: str | None


class FlaggedCells:
    """The flagged cells of one batch (one sheet); their Finding objects are built only when
    asked for: on a big export, building 100,000 findings would take the scanning process longer
    than reading the file. The cells a worker sent are named tuples again only when asked for
    too (``huisclos scan --format jsonl`` writes the lines the worker wrote, and counts)."""

    __slots__ = ("_cells", "_findings", "_sent", "count", "detector", "sheet", "text")

    def __init__(
        self,
        detector: Detector,
        sheet: str,
        cells: list[FlaggedCell] | None,
        text: str | None = None,
        sent: tuple[Wired, int, list[str]] | None = None,
        count: int | None = None,
    ) -> None:
        self.detector = detector
        self.sheet = sheet
        self._cells = cells
        self._sent = sent  # a worker's cells (:func:`.pool.wire`), first row, headers
        if count is None:
            count = len(cells) if cells is not None else len(sent[0]) if sent else 0
        self.count = count
        self.text = text  # the JSON lines, when the analysis wrote them
        self._findings: list[Finding] | None = None

    @property
    def cells(self) -> list[FlaggedCell]:
        if self._cells is None:
            wired, first, headers = self._sent or ([], 1, [])
            self._cells = _cells(unwire(wired), first, headers)
            self._sent = None
        return self._cells

    def findings(self) -> list[Finding]:
        """The findings of these cells, in cell order, each carrying its cell's suggestion."""
        if self._findings is None:
            self._findings = _findings(self.detector, self.cells, self.sheet)
        return self._findings

    def jsonl(self, seen: dict[str, list[str]]) -> str:
        """The JSON lines of every finding of these cells, without building the findings;
        ``seen`` (comment → its lines' tails) is kept by the caller per sheet for the whole
        scan (:func:`.json_lines.batch_lines`)."""
        if self.text is not None:
            return self.text
        return batch_lines(self.detector.rules, self.cells, self.sheet, seen)


@dataclass
class ScanProgress:
    """Yielded every batch of rows: how far the scan is, and the findings of this batch."""

    rows_done: int
    rows_total: int
    flagged: FlaggedCells
    seconds: float

    @property
    def findings(self) -> list[Finding]:
        return self.flagged.findings()


@dataclass
class ScanResult:
    """Everything a summary, a report or the log needs — the findings carry their suggestion."""

    rows: int
    batches: list[FlaggedCells]
    columns: dict[str, list[str]]  # sheet name ("" for CSV) → scanned free-text columns
    seconds: float
    fingerprint: str
    detector: Detector  # the rules the raw findings' indices point into
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # category → severity → cells
    # (rule index, severity) → findings, and the rows with a flagged cell: the journal's figures
    findings_by_rule: Counter[tuple[int, str]] = field(default_factory=Counter)
    rows_flagged: int = 0
    _findings: list[Finding] | None = field(default=None, repr=False, compare=False)

    @property
    def findings(self) -> list[Finding]:
        """Every finding, in file order (built on first use)."""
        if self._findings is None:
            self._findings = [f for batch in self.batches for f in batch.findings()]
        return self._findings

    @property
    def flagged_cells(self) -> int:
        """Number of distinct cells with at least one finding."""
        return sum(batch.count for batch in self.batches)


class _Pending:
    """A batch handed over for analysis, analysed here (``analysed``) or by a worker (``job``)."""

    __slots__ = ("analysed", "count", "first", "headers", "job", "sheet")

    def __init__(
        self,
        batch: Batch,
        analysed: list[AnalysedCell] | None,
        job: AsyncResult[Analysis] | None,
    ) -> None:
        self.analysed = analysed
        self.job = job
        self.first = batch.first
        self.count = batch.count
        self.headers = batch.headers
        self.sheet = batch.sheet

    def ready(self) -> bool:
        return self.job is None or self.job.ready()


def analyse_here(detector: Detector, batch: Batch, options: ScanOptions) -> _Pending:
    """Analyse ``batch`` in this process."""
    return _Pending(batch, analyse_batch(detector, batch.read(), options), None)


def analyse_in_pool(pool: WorkerPool, batch: Batch, options: ScanOptions) -> _Pending:
    """Hand ``batch`` to the worker processes."""
    return _Pending(batch, None, pool.submit(batch, options))


def scan_export(
    export: Export,
    *,
    detector: Detector,
    columns: dict[str, list[str]] | None = None,
    categories: set[str] | None = None,
    min_severity: str = "low",
    suggest: bool = True,
    batch_rows: int = 20_000,
    processes: int = 0,
    json_lines: bool = False,
) -> Generator[ScanProgress, None, ScanResult]:
    """Scan the free-text columns; the generator's return value is the ScanResult.

    ``columns`` maps a sheet name ("" for CSV) to the headers to scan; by default the free-text
    columns found by :func:`~huisclos.core.exports.columns.free_text_columns`.
    ``categories``/``min_severity`` keep only some findings; ``suggest`` fills
    ``Finding.suggestion`` with the first rewrite. ``processes`` > 0 analyses batches in that
    many worker processes (the CLI on big files; one process in a frozen app); results and their
    order are identical. ``json_lines``: each batch's JSON lines are written where it is
    analysed (:meth:`FlaggedCells.jsonl` then only returns them); the workers then send back
    only the lines and the figures (counts, journal figures), not the flagged cells: the
    batches they analysed have no cells or findings (``huisclos scan --format jsonl`` needs
    none, and receiving them cost this process time the workers waited for).
    """
    began = time.perf_counter()
    chosen = _choose_columns(export, columns)
    total = sum(len(table) for table in export.tables if table.name in chosen)
    options = ScanOptions(
        frozenset(categories) if categories is not None else None,
        min_severity,
        suggest,
        json_lines,
    )
    seen: dict[str, dict[str, list[str]]] | None = {} if json_lines else None
    tables = {table.name: table for table in export.tables}
    pool = WorkerPool.start(detector, processes, tables) if processes > 0 else None
    lazy = pool is not None and pool.shared
    batches: list[FlaggedCells] = []
    counts: dict[str, dict[str, int]] = {}
    figures = _Figures()
    pending: deque[_Pending] = deque()
    rows_done = 0

    try:
        for sheet, headers in chosen.items():
            table = tables[sheet]
            if not headers:
                rows_done += len(table)
                continue
            for batch in column_batches(table, sheet, headers, batch_rows, lazy=lazy):
                with gc_paused():
                    left = -(-(total - rows_done) // max(batch_rows, 1))  # this one included
                    if pool is not None and pool.has_room(_busy(pending), left):
                        pending.append(analyse_in_pool(pool, batch, options))
                    else:  # the workers have enough: this process would otherwise sit idle
                        pending.append(analyse_here(detector, batch, options))
                    rows_done += batch.count
                    ready = []
                    while pending and _head_ready(pending, pool):
                        flagged = _collect(pending.popleft(), detector, counts, figures, seen)
                        batches.append(flagged)
                        ready.append((rows_done - sum(item.count for item in pending), flagged))
                for done, flagged in ready:
                    yield ScanProgress(done, total, flagged, time.perf_counter() - began)
        while pending:
            with gc_paused():
                flagged = _collect(pending.popleft(), detector, counts, figures, seen)
                batches.append(flagged)
                done = rows_done - sum(item.count for item in pending)
            yield ScanProgress(done, total, flagged, time.perf_counter() - began)
    finally:
        if pool is not None:
            pool.close()
    return ScanResult(
        rows=rows_done,
        batches=batches,
        columns={sheet: list(headers) for sheet, headers in chosen.items()},
        seconds=time.perf_counter() - began,
        fingerprint=export.fingerprint,
        detector=detector,
        counts=counts,
        findings_by_rule=figures.by_rule,
        rows_flagged=figures.rows,
    )


def run_scan(export: Export, **options) -> ScanResult:  # type: ignore[no-untyped-def]
    """Scan to the end without progress (CLI, tests); ``options`` are :func:`scan_export`'s."""
    generator = scan_export(export, **options)
    while True:
        try:
            next(generator)
        except StopIteration as stop:
            return stop.value


def rescan_cell(
    text: str, *, row: int, column: str, detector: Detector, sheet: str = ""
) -> list[Finding]:
    """Findings of one (edited) cell, each carrying the cell's suggestion as the scan fills it."""
    from ..rewrite.suggestions import first_suggestion  # loaded when a rewrite is needed

    found = detector.detect(text, row=row, column=column, sheet=sheet)
    if not found:
        return found
    suggestion = first_suggestion(text, found, detector=detector, complete=True)
    return [replace(finding, suggestion=suggestion) for finding in found]


# --------------------------------------------------------------------------------- internals
def _busy(pending: deque[_Pending]) -> int:
    return sum(1 for item in pending if not item.ready())


def _head_ready(pending: deque[_Pending], pool: WorkerPool | None) -> bool:
    """The oldest batch can be collected: analysed, or the queue is long enough to wait for it."""
    limit = 5 * pool.processes + 2 if pool is not None else 0
    return pending[0].ready() or len(pending) > limit


class _Figures:
    """The journal's figures of a scan, added up batch by batch: findings by (rule index,
    severity) and rows with a flagged cell (batches never share a row)."""

    __slots__ = ("by_rule", "rows")

    def __init__(self) -> None:
        self.by_rule: Counter[tuple[int, str]] = Counter()
        self.rows = 0


def _collect(
    item: _Pending,
    detector: Detector,
    counts: dict[str, dict[str, int]],
    figures: _Figures,
    seen: dict[str, dict[str, list[str]]] | None,
) -> FlaggedCells:
    """An analysed batch made into flagged cells, and counted; with ``seen`` (per sheet: see
    :func:`.json_lines.batch_lines`), with its JSON lines."""
    rules = detector.rules
    if item.job is not None:  # a worker counted the cells and wrote their lines
        wired, batch_counts, text, tally, rows, flagged = item.job.get()
        add_counts(counts, batch_counts)
        figures.by_rule.update(tally)
        figures.rows += rows
        sent = (wired, item.first, item.headers)
        return FlaggedCells(detector, item.sheet, None, text, sent, flagged)
    analysed = item.analysed or []
    cells = _cells(analysed, item.first, item.headers)
    count_cells(cells, rules, counts, raw_at=3)
    tally_findings(cells, 3, figures.by_rule)
    figures.rows += flagged_rows(analysed, len(item.headers))
    text = None
    if seen is not None and cells:
        text = batch_lines(rules, cells, item.sheet, seen.setdefault(item.sheet, {}))
    return FlaggedCells(detector, item.sheet, cells, text)


def _cells(
    analysed: Sequence[tuple[int, str, tuple[RawFinding, ...], str | None]],
    first: int,
    headers: list[str],
) -> list[FlaggedCell]:
    """Batch cell indexes turned into row numbers and column names (:func:`.json_lines.placed`),
    as named tuples (``tuple.__new__`` makes one without a Python call)."""
    new = tuple.__new__
    return [new(FlaggedCell, cell) for cell in placed(analysed, first, headers)]


def _findings(detector: Detector, cells: list[FlaggedCell], sheet: str) -> list[Finding]:
    found: list[Finding] = []
    for row, column, text, raw, suggestion in cells:
        cell = detector.findings_from(text, raw, row=row, column=column, sheet=sheet)
        if suggestion is not None:
            for finding in cell:  # just built here, seen by no one yet: set, do not copy
                object.__setattr__(finding, "suggestion", suggestion)
        found.extend(cell)
    return found


MAX_SCANNED_COLUMNS = 200
"""The most comment columns one scan reads (a real export has one to a few)."""


def _choose_columns(export: Export, columns: dict[str, list[str]] | None) -> dict[str, list[str]]:
    if columns is not None:  # a column named twice is scanned (and counted) once
        chosen = {sheet: list(dict.fromkeys(headers)) for sheet, headers in columns.items()}
    else:
        chosen = {table.name: free_text_columns(table) for table in export.tables}
    total = sum(len(headers) for headers in chosen.values())
    if total > MAX_SCANNED_COLUMNS:
        raise ExportError(
            f"« {export.path.name} » compte {total} colonnes de commentaires à analyser : Huis "
            f"clos en analyse au plus {MAX_SCANNED_COLUMNS} à la fois. Choisissez les colonnes "
            "de commentaires (--columns, ou « Colonnes analysées » dans l'application)."
        )
    return chosen
