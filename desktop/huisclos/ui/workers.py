"""Background work: reading and scanning an export on the Qt thread pool.

The core's ``scan_export`` is a plain generator; :class:`ScanJob` runs it on a worker thread
and turns each yield into a queued signal. Cancel is a flag checked between batches of rows
(the generator is then closed). Like Anki's ``CollectionOp``: the job never touches a widget
or the review session — it only emits data, and the GUI thread decides what to do with it.

Threading: construct and connect on the GUI thread; ``run`` executes on a pool thread.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from ..core.detect.detector import Detector
from ..core.errors import HuisclosError
from ..core.exports.columns import free_text_columns
from ..core.exports.model import Export
from ..core.exports.reading import read_export
from ..core.review.scan import ScanProgress, ScanResult, scan_export
from .errors import error_message

logger = logging.getLogger(__name__)

PROGRESS_ROWS = 2_000  # rows per batch: small enough that first findings show quickly
EMIT_INTERVAL = 0.2  # seconds between two updates sent to the window (the first: at once)
RESUME_TIMEOUT = 0.2  # longest pause waiting for the window to show an update


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
        generator = scan_export(
            export,
            detector=detector,
            columns=columns,
            categories=self.categories,
            min_severity=self.min_severity,
            suggest=False,  # a comment's proposals are made when it is shown or applied
            batch_rows=self.batch_rows,
        )
        result: ScanResult | None = None
        pending: list = []
        last_emit = 0.0
        shown_any = False
        progress: ScanProgress | None = None
        try:
            while True:
                if self._cancel:
                    self.signals.cancelled.emit()
                    return
                try:
                    progress = next(generator)
                except StopIteration as stop:
                    result = stop.value
                    break
                if progress.flagged.cells:
                    progress.flagged.findings()  # built here, not on the window's thread
                    pending.append(progress.flagged)
                now = time.monotonic()
                # few, larger updates: every queued signal costs the window a turn at the GIL
                if (pending and not shown_any) or now - last_emit >= EMIT_INTERVAL:
                    shown_any = shown_any or bool(pending)
                    self._emit(pending, progress)
                    pending = []
                    last_emit = now
        finally:
            generator.close()
        if progress is not None:
            self._emit(pending, progress)
        self.signals.finished.emit(result)

    def _emit(self, flagged: list, progress: ScanProgress) -> None:
        """Send an update, then pause until the window has shown it (or RESUME_TIMEOUT).

        While this thread runs Python, every Python call the window makes (painting the table
        calls the model and the delegate hundreds of times) waits for the interpreter lock;
        pausing here lets the window paint at full speed, so it never looks frozen.
        """
        self._resume.clear()
        if flagged:
            self.signals.findings.emit(flagged)
        self.signals.progress.emit(progress.rows_done, progress.rows_total, progress.seconds)
        self._resume.wait(RESUME_TIMEOUT)

    def resume(self) -> None:
        """The window has handled the last update (called from the GUI thread)."""
        self._resume.set()


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
