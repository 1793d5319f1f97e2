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
reads, builds the findings, and analyses a batch itself whenever every worker is busy.
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

from .categories import SEVERITY_RANK, at_least
from .detect import Detector, RawFinding
from .export import Export, Table, batches_of
from .findings import Finding
from .lexicon import Lexicon

logger = logging.getLogger(__name__)


@dataclass
class ScanProgress:
    """Yielded every batch of rows: how far the scan is, and the findings of this batch."""

    rows_done: int
    rows_total: int | None
    findings: list[Finding]
    seconds: float


@dataclass
class ScanResult:
    """Everything a summary, a report or the log needs — the findings carry their suggestion."""

    rows: int
    findings: list[Finding]
    columns: dict[str, list[str]]  # sheet name ("" for CSV) → scanned free-text columns
    seconds: float
    fingerprint: str
    cancelled: bool = False
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # category → severity → cells

    @property
    def flagged_cells(self) -> int:
        """Number of distinct cells with at least one finding."""
        return len({(f.sheet, f.row, f.column) for f in self.findings})


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
    all_findings: list[Finding] = []
    counts: dict[str, dict[str, int]] = {}
    rows_done = 0
    tables = {table.name: table for table in export.tables}
    options = (categories, min_severity, suggest)
    pool = _start_pool(detector, processes) if processes > 0 else None
    # (analysis or its async result, first row, rows, cell texts, headers, sheet)
    Pending = tuple[Any, int, int, list[str], Sequence[str], str]
    pending: deque[Pending] = deque()

    def finish(item: Pending) -> list[Finding]:
        result, first, _rows, texts, headers, sheet = item
        analysed = result.get() if _is_async(result) else result
        return _findings(detector, analysed, first, texts, headers, sheet)

    def analyse(texts: list[str]) -> Any:
        """Hand the batch to the workers (up to four each, so none waits while this process
        works), or, when they have enough, analyse it here rather than wait (reading is quick:
        this process would otherwise sit idle)."""
        if pool is not None:
            busy = sum(1 for item in pending if _is_async(item[0]) and not item[0].ready())
            if busy < 4 * processes:
                return pool.apply_async(_analyse_in_worker, (texts, options))
        return _analyse(detector, texts, *options)

    def ready_at_head() -> bool:
        if not pending:
            return False
        head = pending[0][0]
        return not _is_async(head) or head.ready() or len(pending) > 5 * processes + 2

    try:
        for sheet, headers in chosen.items():
            table = tables[sheet]
            if not headers:
                rows_done += _safe_len(table) or 0
                continue
            batches = _column_batches(table, list(headers), batch_rows)
            while True:
                with _gc_paused():
                    batch = next(batches, None)
                    if batch is None:
                        break
                    first, values = batch
                    count = len(values[0])
                    texts = _texts(values)
                    pending.append((analyse(texts), first, count, texts, headers, sheet))
                    rows_done += count
                    ready = []
                    while ready_at_head():
                        found = finish(pending.popleft())
                        _count(found, counts)
                        all_findings.extend(found)
                        ready.append((rows_done - sum(item[2] for item in pending), found))
                for done, found in ready:
                    yield ScanProgress(done, total, found, time.perf_counter() - began)
        while pending:
            with _gc_paused():
                found = finish(pending.popleft())
                _count(found, counts)
                all_findings.extend(found)
                done = rows_done - sum(item[2] for item in pending)
            yield ScanProgress(done, total, found, time.perf_counter() - began)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    return ScanResult(
        rows=rows_done,
        findings=all_findings,
        columns={sheet: list(headers) for sheet, headers in chosen.items()},
        seconds=time.perf_counter() - began,
        fingerprint=getattr(export, "fingerprint", ""),
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
def _column_batches(
    table: Table, headers: list[str], size: int
) -> Iterator[tuple[int, list[list[str]]]]:
    """The table's own batch reader (CSV: no Python work per row), or batches of its rows."""
    native = getattr(table, "iter_column_batches", None)
    if native is not None:
        return iter(native(headers, size))
    return batches_of(table.iter_column_values(headers), len(headers), size)


def _texts(values: list[list[str]]) -> list[str]:
    """The cells of a batch, row by row then column by column."""
    if len(values) == 1:
        return values[0]
    return [text for row in zip(*values, strict=True) for text in row]


Analysed = list[tuple[int, tuple[RawFinding, ...], str | None]]  # cell index, findings, suggestion


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
                suggestion = _suggestion_for(text, cell, detector)
                if len(memo) > 100_000:
                    memo.clear()
                memo[key] = suggestion
        out.append((index, raw, suggestion))
    return out


def _findings(
    detector: Detector,
    analysed: Analysed,
    first: int,
    texts: list[str],
    headers: Sequence[str],
    sheet: str,
) -> list[Finding]:
    width = len(headers)
    found: list[Finding] = []
    for index, raw, suggestion in analysed:
        cell = detector.findings_from(
            texts[index],
            raw,
            row=first + index // width,
            column=headers[index % width],
            sheet=sheet,
        )
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


def _start_pool(detector: Detector, processes: int):  # type: ignore[no-untyped-def]
    """Worker processes with the same lexicon and allowlist (so rule indices agree)."""
    global _worker_detector
    if getattr(sys, "frozen", False):  # a bundled app has no safe way to start itself again
        return None
    methods = multiprocessing.get_all_start_methods()
    method = "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"
    if method == "fork":
        _worker_detector = detector  # inherited as is: no rebuild in the child
    context = multiprocessing.get_context(method)
    return context.Pool(
        processes, initializer=_init_worker, initargs=(detector.lexicon, detector.allowlist)
    )


def _init_worker(lexicon: Lexicon, allowlist: tuple[str, ...]) -> None:
    global _worker_detector
    if _worker_detector is None:
        _worker_detector = Detector(lexicon, allowlist)


def _analyse_in_worker(texts: list[str], options: tuple[set[str] | None, str, bool]) -> Analysed:
    assert _worker_detector is not None
    with _gc_paused():
        return _analyse(_worker_detector, texts, *options)


def _is_async(result: Any) -> bool:
    """True for a worker's pending result, False for a batch analysed in this process."""
    return not isinstance(result, list)


def _with_suggestion(
    text: str,
    findings: list[Finding],
    detector: Detector | None = None,
    memo: dict[tuple, str | None] | None = None,
) -> list[Finding]:
    """Every finding of the cell gets the same suggestion: the cell as one click leaves it."""
    suggestion = _suggestion_for(text, findings, detector, memo)
    if suggestion is None:
        return findings
    return [replace(finding, suggestion=suggestion) for finding in findings]


def _suggestion_for(
    text: str,
    findings: list[Finding],
    detector: Detector | None = None,
    memo: dict[tuple, str | None] | None = None,
) -> str | None:
    """The cell as the first suggestion leaves it (memoised per text and findings)."""
    key = (text, tuple((f.start, f.end, f.rule) for f in findings))
    if memo is not None and key in memo:
        suggestion = memo[key]
    else:
        try:
            from .rewrite import first_suggestion

            suggestion = first_suggestion(text, findings, detector=detector)
        except NotImplementedError:  # pragma: no cover - rewrites not there yet
            suggestion = None
        if memo is not None:
            if len(memo) > 100_000:
                memo.clear()
            memo[key] = suggestion
    return suggestion


def _count(findings: list[Finding], counts: dict[str, dict[str, int]]) -> None:
    worst: dict[tuple[str, int, str, str], str] = {}
    for f in findings:
        key = (f.sheet, f.row, f.column, f.category)
        previous = worst.get(key)
        if previous is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[previous]:
            worst[key] = f.severity
    for (_, _, _, category), severity in worst.items():
        per = counts.setdefault(category, {})
        per[severity] = per.get(severity, 0) + 1


def _choose_columns(export: Export, columns: dict[str, list[str]] | None) -> dict[str, list[str]]:
    if columns is not None:
        return {sheet: list(headers) for sheet, headers in columns.items()}
    from .columns import free_text_columns

    chosen: dict[str, list[str]] = {}
    for table in export.tables:
        chosen[table.name] = list(free_text_columns(table))
    return chosen


def _safe_len(table: Table) -> int | None:
    try:
        return len(table)
    except Exception:  # a streaming table may not know its length
        return None


def _total_rows(export: Export, chosen: dict[str, list[str]]) -> int | None:
    total = 0
    for table in export.tables:
        if table.name not in chosen:
            continue
        size = _safe_len(table)
        if size is None:
            return None
        total += size
    return total
