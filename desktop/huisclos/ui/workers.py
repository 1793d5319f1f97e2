"""Background work: reading and scanning an export on the Qt thread pool.

The core's ``scan_export`` is a plain generator; :class:`ScanJob` runs it on a worker thread
and turns each yield into a queued signal. On a big export, the batches after the first
findings come from a process of its own running the same generator (:mod:`.scan_process`):
the worker thread then only waits for them, and the window never waits for the interpreter
lock. Cancel is a flag checked between batches of rows (the generator is then closed, the
process stopped). Like Anki's ``CollectionOp``: the job never touches a widget
or the review session — it only emits data, and the GUI thread decides what to do with it.

Threading: construct and connect on the GUI thread; ``run`` executes on a pool thread.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from ..core.detect.detector import Detector
from ..core.errors import HuisclosError
from ..core.exports.columns import free_text_columns
from ..core.exports.model import Export
from ..core.exports.reading import read_export
from ..core.review.scan import FlaggedCells, ScanProgress, ScanResult, scan_export
from .errors import error_message
from .scan_process import Done, Ready, Scanned, ScanOrder, ScanProcess

logger = logging.getLogger(__name__)

PROGRESS_ROWS = 2_000  # rows per batch: small enough that first findings show quickly
EMIT_INTERVAL = 0.2  # seconds between two updates sent to the window (the first: at once)
RESUME_TIMEOUT = 0.2  # longest pause waiting for the window to show an update
PROCESS_ROWS = 20_000  # from this many rows, the scan runs in a process of its own
READY_TIMEOUT = 2.0  # longest wait for that process once the first findings are shown
LOCAL_BATCHES = 5  # batches scanned here at most before that process starts (no findings yet)
POLL = 0.05  # seconds between two looks at the cancel flag while waiting for that process


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a pool thread works.

    Python runs the collector in whichever thread happens to allocate; if that is a pool thread,
    it may finalise Qt objects that belong to the GUI thread and crash. With the collector
    paused during background work, collections happen on the GUI thread.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


class ScanSignals(QObject):
    """Signals of a :class:`ScanJob` (queued to the GUI thread)."""

    opened = Signal(object, object, object)  # Export, Detector, columns per table
    progress = Signal(int, int, float)  # rows done, rows total, seconds
    findings = Signal(list)  # FlaggedCells of the last batches (their findings built)
    finished = Signal(object)  # ScanResult
    failed = Signal(str)  # French message
    cancelled = Signal()
    status = Signal(str)  # French message: what takes time before the first row (the lexicon)


class ScanJob(QRunnable):
    """Read ``path`` (unless an Export is given) and scan it batch by batch."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        export: Export | None = None,
        detector: Detector | None = None,
        columns: dict[str, list[str]] | None = None,
        categories: set[str] | None = None,
        min_severity: str = "low",
        batch_rows: int = PROGRESS_ROWS,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = ScanSignals()
        self.path = path
        self.export = export
        self.detector = detector
        self.columns = columns
        self.categories = categories
        self.min_severity = min_severity
        self.batch_rows = batch_rows
        self._cancel = False
        self._resume = threading.Event()
        self.started_at = time.perf_counter()

    def cancel(self) -> None:
        """Ask the job to stop after the current batch."""
        self._cancel = True
        self._resume.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel

    def run(self) -> None:  # pool thread
        with gc_paused():
            self._guarded_run()

    def _guarded_run(self) -> None:
        try:
            self._run()
        except HuisclosError as error:
            self.signals.failed.emit(error.message)
        except Exception as error:  # never let an exception die silently on a pool thread
            logger.exception("Scan failed")
            self.signals.failed.emit(error_message(error))

    def _run(self) -> None:
        export = self.export if self.export is not None else read_export(self.path)  # type: ignore[arg-type]
        # The first start on a computer compiles the lexicon's generated forms (seconds): say so.
        detector = self.detector or Detector.default(progress=self.signals.status.emit)
        columns = self.columns
        if columns is None:
            columns = {table.name: free_text_columns(table) for table in export.tables}
        self.signals.opened.emit(export, detector, columns)
        if self._cancel:
            self.signals.cancelled.emit()
            return
        updates = _Updates(self, export, detector)
        local = scan_export(
            export,
            detector=detector,
            columns=columns,
            categories=self.categories,
            min_severity=self.min_severity,
            suggest=False,  # a comment's proposals are made when it is shown or applied
            batch_rows=self.batch_rows,
        )
        try:
            result = self._scan(
                updates, local, lambda: self._start_process(export, detector, columns)
            )
        finally:
            local.close()
        if result is None:
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)

    def _start_process(
        self, export: Export, detector: Detector, columns: dict[str, list[str]]
    ) -> ScanProcess | None:
        """A process scanning the export, for a big one (:mod:`.scan_process`)."""
        if sum(len(table) for table in export.tables) < PROCESS_ROWS:
            return None
        order = ScanOrder(export.path, columns, self.categories, self.min_severity, self.batch_rows)
        return ScanProcess.start(detector, order)

    def _scan(
        self, updates: _Updates, local: Generator[ScanProgress, None, ScanResult],
        start_process: Callable[[], ScanProcess | None],
    ) -> ScanResult | None:  # fmt: skip
        """Scan with ``local`` (this thread) until the first findings are shown, then take the
        batches from the process ``start_process`` starts then (its start would slow down the
        window showing them), as soon as it has read the file; ``local`` goes on whenever the
        process is missing, slow to start or gone. None when cancelled."""
        remote: ScanProcess | None = None
        started = ready = False
        scanned_here = 0  # batches scanned on this thread
        waiting_since: float | None = None
        try:
            while not self._cancel:
                if remote is not None and remote.gone:
                    remote = None
                if remote is not None and not ready:
                    if updates.shown_any:  # the window has its first findings: wait for it
                        waiting_since = waiting_since or time.monotonic()
                        if time.monotonic() - waiting_since > READY_TIMEOUT:
                            logger.info("Scan process slow to start: the scan goes on here")
                            remote.close()
                            continue
                    message = remote.receive(POLL if updates.shown_any else 0.0)
                    if isinstance(message, Ready):
                        ready = message.fingerprint == updates.export.fingerprint
                        if not ready:  # the file changed since the window read it
                            logger.info("Scan process read another file: the scan goes on here")
                            remote.close()
                        continue
                    if updates.shown_any:
                        continue
                elif remote is not None:
                    message = remote.receive(POLL)
                    if isinstance(message, Scanned):
                        flagged = FlaggedCells(updates.detector, message.sheet, message.cells)
                        updates.take(message.rows_done, message.rows_total, flagged, wait=False)
                    elif isinstance(message, Done):
                        return updates.finish_from_process(message)
                    else:
                        updates.offer(wait=False)
                    continue
                try:
                    progress = next(local)
                except StopIteration as stop:
                    return updates.finish(stop.value)
                updates.take(progress.rows_done, progress.rows_total, progress.flagged, wait=True)
                scanned_here += 1
                if not started and (updates.shown_any or scanned_here >= LOCAL_BATCHES):
                    started = True
                    remote = start_process()
            return None
        finally:
            if remote is not None:
                remote.close()

    def _emit(
        self, flagged: list[FlaggedCells], done: int, total: int, seconds: float, wait: bool
    ) -> None:
        """Send an update; with ``wait``, pause until the window has shown it (or
        RESUME_TIMEOUT).

        While this thread runs Python, every Python call the window makes (painting the table
        calls the model and the delegate hundreds of times) waits for the interpreter lock;
        pausing here lets the window paint at full speed, so it never looks frozen. Batches
        scanned by another process need no pause: this thread then only waits for them.
        """
        self._resume.clear()
        if flagged:
            self.signals.findings.emit(flagged)
        self.signals.progress.emit(done, total, seconds)
        if wait:
            self._resume.wait(RESUME_TIMEOUT)

    @property
    def window_caught_up(self) -> bool:
        """The window has handled the last update (:meth:`resume`)."""
        return self._resume.is_set()

    def resume(self) -> None:
        """The window has handled the last update (called from the GUI thread)."""
        self._resume.set()


class _Updates:
    """A scan's batches, gathered into the window's updates: few, larger ones (every queued
    signal costs the window a turn at the interpreter lock), the first as soon as there are
    findings. A batch is taken once, whichever scan brought it first (both bring the same
    batches in the same order)."""

    def __init__(self, job: ScanJob, export: Export, detector: Detector) -> None:
        self.job = job
        self.export = export
        self.detector = detector
        self.began = time.perf_counter()
        self.batches: list[FlaggedCells] = []
        self.shown_any = False  # an update with findings has been sent
        self._rows = 0  # rows of the batches taken so far
        self._total = 0
        self._pending: list[FlaggedCells] = []
        self._last_emit = 0.0

    def take(self, rows_done: int, rows_total: int, flagged: FlaggedCells, *, wait: bool) -> None:
        """A batch scanned (``wait``: by this thread, see :meth:`ScanJob._emit`)."""
        if rows_done <= self._rows:
            return  # already taken from the other scan
        self._rows, self._total = rows_done, rows_total
        self.batches.append(flagged)
        if flagged.cells:
            flagged.findings()  # built here, not on the window's thread
            self._pending.append(flagged)
        self.offer(wait=wait)

    def offer(self, *, wait: bool) -> None:
        """Send an update if one is due; without ``wait``, only once the window has handled
        the last one (or RESUME_TIMEOUT later)."""
        now = time.monotonic()
        since = now - self._last_emit
        if not ((self._pending and not self.shown_any) or since >= EMIT_INTERVAL):
            return
        if not wait and not self.job.window_caught_up and since < EMIT_INTERVAL + RESUME_TIMEOUT:
            return
        self._send(wait)
        self._last_emit = now

    def _send(self, wait: bool) -> None:
        self.shown_any = self.shown_any or bool(self._pending)
        seconds = time.perf_counter() - self.began
        self.job._emit(self._pending, self._rows, self._total, seconds, wait)
        self._pending = []

    def finish(self, result: ScanResult) -> ScanResult:
        """The last update sent; ``result`` (of the scan on this thread) with the batches taken."""
        self._send(wait=True)
        return replace(result, batches=self.batches)

    def finish_from_process(self, done: Done) -> ScanResult:
        """The last update sent; the result of the scan the process made."""
        self._send(wait=True)
        return ScanResult(
            rows=done.rows,
            batches=self.batches,
            columns=done.columns,
            seconds=time.perf_counter() - self.began,
            fingerprint=self.export.fingerprint,
            detector=self.detector,
            counts=done.counts,
        )


class CallSignals(QObject):
    done = Signal(object)
    failed = Signal(str)


class CallJob(QRunnable):
    """Run one plain function on the pool (log writes, log reading, verification)."""

    def __init__(self, function, *args) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.setAutoDelete(False)
        self.signals = CallSignals()
        self.function = function
        self.args = args

    def run(self) -> None:  # pool thread
        with gc_paused():
            self._guarded_run()

    def _guarded_run(self) -> None:
        try:
            value = self.function(*self.args)
        except HuisclosError as error:
            self.signals.failed.emit(error.message)
        except Exception as error:
            logger.exception("Background call failed")
            self.signals.failed.emit(error_message(error))
        else:
            self.signals.done.emit(value)
