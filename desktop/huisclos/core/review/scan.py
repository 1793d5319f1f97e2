"""Scan an Export: a generator yielding progress and findings batch by batch, cancellable by
simply not asking for the next batch (close the generator).

CONTRACT (the detector work fills in the bodies).
Threading: plain generator, no shared state; the desktop app runs it on a worker thread and
cancels by closing it between batches (``cancelled`` is then reported by :func:`run_scan`
callers that stop early, see ``ScanResult.cancelled``).

Speed: the table hands over its columns a batch at a time (:meth:`Table.iter_column_batches`:
for CSV one regular expression per batch, no Python work per row);
:meth:`Detector.candidates` finds, in one pass over the whole batch, the few cells that may hold
something; only those cells get Python work. Equal comments (they repeat a lot) are analysed
once per process, and their suggestion computed once. With worker processes, this process
builds the findings and analyses a batch itself whenever every worker is busy; forked workers
read their CSV batches themselves (the open file is shared), so this process does not even read.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import sys
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from ..detect.categories import SEVERITY_RANK, at_least
from ..detect.detector import Detector, RawFinding
from ..detect.findings import Finding
from ..detect.lexicon import Lexicon, Rule
from ..exports.model import Export, Table

logger = logging.getLogger(__name__)


# One flagged cell: row, column, text, its findings as plain tuples, its suggestion.
FlaggedCell = tuple[int, str, str, tuple[RawFinding, ...], str | None]


class FlaggedCells:
    """The flagged cells of one batch, as plain tuples; their Finding objects are built only
    when asked for (the jsonl output and the log's figures need none: on a big export, building
    100,000 findings would take the main process longer than reading the file)."""

    __slots__ = ("_findings", "cells", "detector", "sheet")

    def __init__(self, detector: Detector, sheet: str, cells: list[FlaggedCell]) -> None:
        self.detector = detector
        self.sheet = sheet
        self.cells = cells
        self._findings: list[Finding] | None = None

    def findings(self) -> list[Finding]:
        """The findings of these cells, in cell order, each carrying its cell's suggestion."""
        if self._findings is None:
            self._findings = _findings(self.detector, self.cells, self.sheet)
        return self._findings


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
    cancelled: bool = False
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # category → severity → cells
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
        return sum(len(batch.cells) for batch in self.batches)


def scan_export(
    export: Export,
    detector: Detector | None = None,
    columns: dict[str, list[str]] | None = None,
    *,
    categories: set[str] | None = None,
    min_severity: str = "low",
    suggest: bool = True,
    batch_rows: int = 20_000,
    processes: int = 0,
) -> Generator[ScanProgress, None, ScanResult]:
    """Scan the free-text columns; the generator's return value is the ScanResult.

    ``columns`` maps a sheet name ("" for CSV) to the headers to scan; by default the free-text
    columns found by ``core.columns.free_text_columns``. ``categories``/``min_severity`` keep
    only some findings; ``suggest`` fills ``Finding.suggestion`` with the first rewrite.
    ``processes`` > 0 analyses batches in that many worker processes while this one reads the
    file, and analyses a batch itself whenever every worker is busy (the CLI on big files;
    ignored in a frozen app); results and their order are identical.
    """
    began = time.perf_counter()
    detector = detector or Detector.default()
    chosen = _choose_columns(export, columns)
    total = _total_rows(export, chosen)
    all_batches: list[FlaggedCells] = []
    counts: dict[str, dict[str, int]] = {}
    rows_done = 0
    tables = {table.name: table for table in export.tables}
    options = (categories, min_severity, suggest)
    pool = _start_pool(detector, processes, tables) if processes > 0 else None
    shared = pool is not None and _worker_tables is tables  # forked: workers read the file
    # (analysis or its async result, first row, rows, headers, sheet)
    Pending = tuple[Any, int, int, Sequence[str], str]
    pending: deque[Pending] = deque()

    def finish(item: Pending) -> FlaggedCells:
        result, first, _rows, headers, sheet = item
        analysed = result.get() if _is_async(result) else result
        flagged = FlaggedCells(detector, sheet, _cells(analysed, first, headers))
        _count_cells(flagged.cells, detector.rules, counts)
        all_batches.append(flagged)
        return flagged

    def analyse(batch: _Batch) -> Any:
        """Hand the batch to the workers (up to four each, so none waits while this process
        works), or, when they have enough, analyse it here rather than wait (this process would
        otherwise sit idle)."""
        if pool is not None:
            busy = sum(1 for item in pending if _is_async(item[0]) and not item[0].ready())
            if busy < 4 * processes:
                if batch.texts is None:
                    where = (batch.sheet, batch.headers, batch.first, batch.count)
                    return pool.apply_async(_read_and_analyse_in_worker, (where, options))
                return pool.apply_async(_analyse_in_worker, (batch.texts, options))
        return _analyse(detector, batch.read(), *options)

    def ready_at_head() -> bool:
        if not pending:
            return False
        head = pending[0][0]
        return not _is_async(head) or head.ready() or len(pending) > 5 * processes + 2

    try:
        for sheet, headers in chosen.items():
            table = tables[sheet]
            if not headers:
                rows_done += len(table)
                continue
            batches = _column_batches(table, sheet, list(headers), batch_rows, lazy=shared)
            while True:
                with _gc_paused():
                    batch = next(batches, None)
                    if batch is None:
                        break
                    count = batch.count
                    pending.append((analyse(batch), batch.first, count, headers, sheet))
                    rows_done += count
                    ready = []
                    while ready_at_head():
                        found = finish(pending.popleft())
                        ready.append((rows_done - sum(item[2] for item in pending), found))
                for done, found in ready:
                    yield ScanProgress(done, total, found, time.perf_counter() - began)
        while pending:
            with _gc_paused():
                found = finish(pending.popleft())
                done = rows_done - sum(item[2] for item in pending)
            yield ScanProgress(done, total, found, time.perf_counter() - began)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
            _forget_tables()
    return ScanResult(
        rows=rows_done,
        batches=all_batches,
        columns={sheet: list(headers) for sheet, headers in chosen.items()},
        seconds=time.perf_counter() - began,
        fingerprint=export.fingerprint,
        counts=counts,
    )


def run_scan(export: Export, **options) -> ScanResult:  # type: ignore[no-untyped-def]
    """Scan to the end without progress (CLI, tests)."""
    generator = scan_export(export, **options)
    while True:
        try:
            next(generator)
        except StopIteration as stop:
            return stop.value


def rescan_cell(
    text: str,
    *,
    row: int,
    column: str,
    sheet: str = "",
    detector: Detector | None = None,
    suggest: bool = True,
) -> list[Finding]:
    """Findings of one (edited) cell, with the suggestion filled like the scan does."""
    detector = detector or Detector.default()
    found = detector.detect(text, row=row, column=column, sheet=sheet)
    return _with_suggestion(text, found, detector) if suggest and found else found


def counts_of(findings: Iterable[Finding]) -> dict[str, dict[str, int]]:
    """Category → severity → number of cells (a cell counts once per category, at its most
    serious severity in that category)."""
    counts: dict[str, dict[str, int]] = {}
    _count(list(findings), counts)
    return counts


# --------------------------------------------------------------------------------- internals
@dataclass
class _Batch:
    """``count`` rows from ``first``: their cell texts, or None when they are not read yet (a
    CSV table reads any batch on its own, here or in a forked worker)."""

    table: Table
    sheet: str
    headers: list[str]
    first: int
    count: int
    texts: list[str] | None

    def read(self) -> list[str]:
        if self.texts is None:
            self.texts = _read_batch(self.table, self.headers, self.first, self.count)
        return self.texts


def _read_batch(table: Table, headers: list[str], first: int, count: int) -> list[str]:
    """The cell texts of ``count`` rows from ``first`` (any batch can be read on its own)."""
    return _texts(table.column_batch(headers, first, count))


def _column_batches(
    table: Table, sheet: str, headers: list[str], size: int, *, lazy: bool = False
) -> Iterator[_Batch]:
    """The batches of the table; with ``lazy``, left unread for their reader (a forked worker
    process that shares the open export)."""
    total = len(table)
    for first in range(1, total + 1, max(size, 1)):
        count = min(size, total - first + 1)
        texts = None if lazy else _read_batch(table, headers, first, count)
        yield _Batch(table, sheet, headers, first, count, texts)


def _texts(values: list[list[str]]) -> list[str]:
    """The cells of a batch, row by row then column by column."""
    if len(values) <= 1:
        return values[0] if values else []
    return [text for row in zip(*values, strict=True) for text in row]


# cell index in the batch, its text, its findings, its suggestion
Analysed = list[tuple[int, str, tuple[RawFinding, ...], str | None]]


def _analyse(
    detector: Detector,
    texts: list[str],
    categories: set[str] | None,
    min_severity: str,
    suggest: bool,
) -> Analysed:
    """Findings (as plain tuples) and suggestion of every cell of the batch that has some."""
    out: Analysed = []
    detect_raw = detector.detect_raw
    rules = detector.rules
    filtering = categories is not None or min_severity != "low"
    memo: dict[tuple[str, tuple[RawFinding, ...]], str | None]
    memo = detector.__dict__.setdefault("_scan_suggestions", {})
    for index in detector.candidates(texts):
        text = texts[index]
        raw = detect_raw(text)
        if not raw:
            continue
        if filtering:
            raw = tuple(
                item
                for item in raw
                if (categories is None or rules[item[2]].category in categories)
                and at_least(item[3], min_severity)
            )
            if not raw:
                continue
        suggestion = None
        if suggest:
            key = (text, raw)  # the findings follow from these: no need to build them first
            if key in memo:
                suggestion = memo[key]
            else:
                cell = detector.findings_from(text, raw)
                suggestion = _suggestion_for(text, cell, detector, complete=not filtering)
                if len(memo) > 100_000:
                    memo.clear()
                memo[key] = suggestion
        out.append((index, text, raw, suggestion))
    return out


def _cells(analysed: Analysed, first: int, headers: Sequence[str]) -> list[FlaggedCell]:
    """Batch cell indexes turned into row numbers and column names."""
    if len(headers) == 1:
        column = headers[0]
        return [(first + index, column, text, raw, sugg) for index, text, raw, sugg in analysed]
    width = len(headers)
    return [
        (first + index // width, headers[index % width], text, raw, suggestion)
        for index, text, raw, suggestion in analysed
    ]


def _count_cells(
    cells: list[FlaggedCell], rules: Sequence[Rule], counts: dict[str, dict[str, int]]
) -> None:
    """Add the cells to ``counts`` as :func:`counts_of` counts findings."""
    for cell in cells:
        raw = cell[3]
        if len(raw) == 1:  # most cells (the scan's main process counts 100,000 on a big file)
            per = counts.setdefault(rules[raw[0][2]].category, {})
            per[raw[0][3]] = per.get(raw[0][3], 0) + 1
        else:
            _count_cell([(rules[item[2]].category, item[3]) for item in raw], counts)


def _count_cell(found: list[tuple[str, str]], counts: dict[str, dict[str, int]]) -> None:
    """Count one cell's (category, severity) findings: once per category, at its worst."""
    worst: dict[str, str] = {}
    for category, severity in found:
        previous = worst.get(category)
        if previous is None or SEVERITY_RANK[severity] > SEVERITY_RANK[previous]:
            worst[category] = severity
    for category, severity in worst.items():
        per = counts.setdefault(category, {})
        per[severity] = per.get(severity, 0) + 1


def _findings(detector: Detector, cells: list[FlaggedCell], sheet: str) -> list[Finding]:
    found: list[Finding] = []
    for row, column, text, raw, suggestion in cells:
        cell = detector.findings_from(text, raw, row=row, column=column, sheet=sheet)
        if suggestion is not None:
            for finding in cell:  # just built here, seen by no one yet: set, do not copy
                object.__setattr__(finding, "suggestion", suggestion)
        found.extend(cell)
    return found


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is analysed (never across a ``yield``).

    A scan allocates millions of small objects and keeps 100,000 findings alive; Python's
    collector would walk them again and again (a third of the scan time in bench_scan.py).
    Nothing a batch allocates forms reference cycles, so reference counting frees it anyway.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# ------------------------------------------------------------------------ worker processes
_worker_detector: Detector | None = None
_worker_tables: dict[str, Table] | None = None  # the open export, when the workers are forked


def _start_pool(detector: Detector, processes: int, tables: dict[str, Table]):  # type: ignore[no-untyped-def]
    """Worker processes with the same lexicon and allowlist (so rule indices agree); forked
    ones also share the open export, and read their batches from it."""
    global _worker_detector, _worker_tables
    _worker_tables = None
    if getattr(sys, "frozen", False):  # a bundled app has no safe way to start itself again
        return None
    methods = multiprocessing.get_all_start_methods()
    method = "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"
    if method == "fork":
        _worker_detector = detector  # inherited as is: no rebuild in the child
        _worker_tables = tables
    context = multiprocessing.get_context(method)
    try:
        return context.Pool(
            processes, initializer=_init_worker, initargs=(detector.lexicon, detector.allowlist)
        )
    except BaseException:
        _forget_tables()
        raise


def _init_worker(lexicon: Lexicon, allowlist: tuple[str, ...]) -> None:
    global _worker_detector
    if _worker_detector is None:
        _worker_detector = Detector(lexicon, allowlist)


def _forget_tables() -> None:
    """The workers are gone: do not keep the export alive."""
    global _worker_tables
    _worker_tables = None


Options = tuple[set[str] | None, str, bool]  # categories, minimum severity, suggest


def _analyse_in_worker(texts: list[str], options: Options) -> Analysed:
    assert _worker_detector is not None
    with _gc_paused():
        return _analyse(_worker_detector, texts, *options)


def _read_and_analyse_in_worker(
    where: tuple[str, list[str], int, int], options: Options
) -> Analysed:
    """Read the batch (sheet, headers, first row, rows) from the shared export, analyse it."""
    assert _worker_detector is not None and _worker_tables is not None
    sheet, headers, first, count = where
    with _gc_paused():
        texts = _read_batch(_worker_tables[sheet], headers, first, count)
        return _analyse(_worker_detector, texts, *options)


def _is_async(result: Any) -> bool:
    """True for a worker's pending result, False for a batch analysed in this process."""
    return not isinstance(result, list)


def _with_suggestion(
    text: str, findings: list[Finding], detector: Detector | None = None
) -> list[Finding]:
    """Every finding of the cell (all it has) gets the same suggestion: the cell as one click
    leaves it."""
    suggestion = _suggestion_for(text, findings, detector, complete=True)
    if suggestion is None:
        return findings
    return [replace(finding, suggestion=suggestion) for finding in findings]


def _suggestion_for(
    text: str, findings: list[Finding], detector: Detector | None, *, complete: bool
) -> str | None:
    """The cell as the first suggestion leaves it; ``complete``: ``findings`` are all the
    detector finds in ``text``."""
    try:
        from ..rewrite.suggestions import first_suggestion

        return first_suggestion(text, findings, detector=detector, complete=complete)
    except NotImplementedError:  # pragma: no cover - rewrites not there yet
        return None


def _count(findings: list[Finding], counts: dict[str, dict[str, int]]) -> None:
    by_cell: dict[tuple[str, int, str], list[tuple[str, str]]] = {}
    for f in findings:
        by_cell.setdefault((f.sheet, f.row, f.column), []).append((f.category, f.severity))
    for found in by_cell.values():
        _count_cell(found, counts)


def _choose_columns(export: Export, columns: dict[str, list[str]] | None) -> dict[str, list[str]]:
    if columns is not None:  # a column named twice is scanned (and counted) once
        return {sheet: list(dict.fromkeys(headers)) for sheet, headers in columns.items()}
    from ..exports.columns import free_text_columns

    chosen: dict[str, list[str]] = {}
    for table in export.tables:
        chosen[table.name] = list(free_text_columns(table))
    return chosen


def _total_rows(export: Export, chosen: dict[str, list[str]]) -> int:
    return sum(len(table) for table in export.tables if table.name in chosen)
