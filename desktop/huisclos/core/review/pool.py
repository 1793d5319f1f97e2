"""Worker processes that analyse batches while the scanning process reads the file.

Workers get the same lexicon and allowlist, so rule indices agree with the scanning process's
detector. Forked workers (Linux, macOS) inherit the detector as it is and the open export too:
they read their batches themselves, so the scanning process does not even read. Spawned
workers (Windows) rebuild the detector and are sent the batches' texts. A bundled (frozen)
app has no safe way to start itself again: it scans in one process.

Threading: a :class:`WorkerPool` belongs to the generator that started it; the worker
functions run in the worker processes, with the module's globals as their state.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import sys
import threading
from collections import Counter
from multiprocessing.pool import AsyncResult, Pool

from ..detect.detector import Detector
from ..detect.findings import RawFinding
from ..detect.lexicon import Lexicon
from ..exports.model import Table
from .analysis import AnalysedCell, ScanOptions, analyse_batch
from .batches import Batch, gc_paused, read_batch
from .json_lines import batch_lines, count_cells, flagged_rows, placed, tally_findings

logger = logging.getLogger(__name__)

# The state of a worker process (and, while a forked pool runs, of the scanning process, whose
# memory the workers inherit).
_worker_detector: Detector | None = None
_worker_tables: dict[str, Table] | None = None


class WorkerPool:
    """``processes`` worker processes analysing batches for one scan."""

    def __init__(self, pool: Pool, processes: int, shared: bool) -> None:
        self._pool = pool
        self.processes = processes
        self.shared = shared  # forked: the workers read their batches from the open export

    @classmethod
    def start(
        cls, detector: Detector, processes: int, tables: dict[str, Table]
    ) -> WorkerPool | None:
        """A pool of ``processes`` workers; None in a frozen app (the scan runs in one)."""
        global _worker_detector, _worker_tables
        _worker_tables = None
        if getattr(sys, "frozen", False):  # PyInstaller's documented flag
            return None
        methods = multiprocessing.get_all_start_methods()
        fork = "fork" in methods and threading.active_count() == 1
        if fork:
            _worker_detector = detector  # inherited as is: no rebuild in the child
            _worker_tables = tables
        context = multiprocessing.get_context("fork" if fork else "spawn")
        if fork:  # the workers' collector leaves the inherited objects alone: no page copied
            gc.freeze()
        try:
            pool = context.Pool(
                processes,
                initializer=_init_worker,
                initargs=(detector.lexicon, detector.allowlist),
            )
        except BaseException:
            _forget_tables()
            raise
        finally:
            if fork:
                gc.unfreeze()
        _widen_results_pipe(pool)
        return cls(pool, processes, fork)

    def has_room(self, busy: int, left: int | None = None) -> bool:
        """Up to four batches a worker, so none waits while the scanning process works; near
        the end (``left``: batches still to hand out, this one included), no more than the
        scanning process will analyse meanwhile, so that it does not sit waiting for the
        workers' queue once it has read the last batch."""
        if left is not None and busy >= self.processes * (left - 1):
            return False
        return busy < 4 * self.processes

    def submit(self, batch: Batch, options: ScanOptions) -> AsyncResult[Analysis]:
        """Hand ``batch`` to a worker: its place in the export (forked workers read it), or its
        texts."""
        if batch.texts is None:
            where = (batch.sheet, batch.headers, batch.first, batch.count)
            return self._pool.apply_async(read_and_analyse_in_worker, (where, options))
        place = (batch.sheet, batch.headers, batch.first)
        return self._pool.apply_async(analyse_in_worker, (batch.texts, options, place))

    def close(self) -> None:
        """Stop the workers (the scan ended or was cancelled) and forget the export."""
        self._pool.terminate()
        self._pool.join()
        _forget_tables()


RESULTS_PIPE_BYTES = 1 << 20
"""What the pipe bringing the workers' results may hold: more than a batch's analysis and JSON
lines."""


def _widen_results_pipe(pool: Pool) -> None:
    """Let a worker hand over a whole batch's analysis without waiting for this process.

    A pipe holds 64 KB unless asked for more (Linux), a fraction of a batch's results. The
    pool's thread that reads them here needs the interpreter lock between two reads, and waits
    for it while this process analyses: the worker, unable to write the rest, would wait too.
    The pipe is the pool's own (a private attribute of ``multiprocessing.pool``): where it is
    missing or the system refuses the size, results go through the usual 64 KB.
    """
    if sys.platform != "linux":
        return
    import fcntl  # Unix only

    try:
        writer = pool._outqueue._writer  # type: ignore[attr-defined]
        fcntl.fcntl(writer.fileno(), fcntl.F_SETPIPE_SZ, RESULTS_PIPE_BYTES)
    except (AttributeError, OSError):
        logger.debug("the results pipe keeps its size")


def _init_worker(lexicon: Lexicon, allowlist: tuple[str, ...]) -> None:
    global _worker_detector
    if _worker_detector is None:
        _worker_detector = Detector(lexicon, allowlist)


def _forget_tables() -> None:
    """The workers are gone: do not keep the export alive."""
    global _worker_tables
    _worker_tables = None


# A batch's analysis on its way back from a worker: the cells as plain tuples (pickle copies an
# exact tuple at C speed; a named tuple goes through Python, many times slower), the
# findings of equal comments sent once.
Wired = list[tuple[int, str, tuple[tuple[int, int, int, str, tuple[str, ...]], ...], str | None]]


def wire(cells: list[AnalysedCell]) -> Wired:
    """The cells of an analysis as plain tuples, for the way back to the scanning process."""
    plain: dict[int, tuple[tuple[int, int, int, str, tuple[str, ...]], ...]] = {}
    out: Wired = []
    for index, text, raw, suggestion in cells:
        sent = plain.get(id(raw))  # equal comments share their findings' tuple (detector memo)
        if sent is None:
            sent = plain[id(raw)] = tuple(map(tuple, raw))
        out.append((index, text, sent, suggestion))
    return out


def unwire(wired: Wired) -> list[tuple[int, str, tuple[RawFinding, ...], str | None]]:
    """The cells sent back by :func:`wire`, their findings named again (``tuple.__new__``
    makes a named tuple without a Python call)."""
    new = tuple.__new__
    named: dict[int, tuple[RawFinding, ...]] = {}
    out: list[tuple[int, str, tuple[RawFinding, ...], str | None]] = []
    for index, text, raw, suggestion in wired:
        found = named.get(id(raw))
        if found is None:
            found = named[id(raw)] = tuple([new(RawFinding, item) for item in raw])
        out.append((index, text, found, suggestion))
    return out


# What a worker sends back for a batch: its cells (:func:`wire`; none when the scan writes JSON
# lines, which are then all that is asked of them), their counts, their JSON lines when the
# scan writes them, the scan event's figures: the findings by (rule, severity) and the rows
# flagged, and the number of flagged cells.
Analysis = tuple[Wired, dict[str, dict[str, int]], str | None, Counter[tuple[int, str]], int, int]

# The JSON lines' tails already written by this worker, per sheet (see json_lines.batch_lines).
_worker_seen: dict[str, dict[str, list[str]]] = {}


def _analysis(
    texts: list[str], options: ScanOptions, where: tuple[str, list[str], int]
) -> Analysis:
    """A worker's analysis of a batch (``where``: sheet, headers, first row)."""
    assert _worker_detector is not None
    sheet, headers, first = where
    cells = analyse_batch(_worker_detector, texts, options)
    rules = _worker_detector.rules
    counts: dict[str, dict[str, int]] = {}
    count_cells(cells, rules, counts, raw_at=2)
    tally: Counter[tuple[int, str]] = Counter()
    tally_findings(cells, 2, tally)
    rows = flagged_rows(cells, len(headers))
    if not options.json_lines:
        return wire(cells), counts, None, tally, rows, len(cells)
    text = None
    if cells:
        seen = _worker_seen.setdefault(sheet, {})
        text = batch_lines(rules, placed(cells, first, headers), sheet, seen)
    return [], counts, text, tally, rows, len(cells)


def analyse_in_worker(
    texts: list[str], options: ScanOptions, where: tuple[str, list[str], int]
) -> Analysis:
    """A worker's analysis of texts sent to it."""
    with gc_paused():
        return _analysis(texts, options, where)


def read_and_analyse_in_worker(
    where: tuple[str, list[str], int, int], options: ScanOptions
) -> Analysis:
    """A forked worker's analysis of a batch (sheet, headers, first row, rows) it reads from the
    export it shares with the scanning process."""
    assert _worker_tables is not None
    sheet, headers, first, count = where
    with gc_paused():
        texts = read_batch(_worker_tables[sheet], headers, first, count)
        return _analysis(texts, options, (sheet, headers, first))
