"""The window's scan jobs: start one on the thread pool, pass on what the current one reports,
forget the ones that were replaced or cancelled.

Only the current job's signals reach the window (a job replaced by a new file or a rescan may
still report; it is ignored). The progress bar shows only for a scan that lasts (like Anki:
no flash for quick files). After each update the job waits until the window has painted it.

Threading: GUI thread only; the jobs themselves run on the pool (:mod:`.workers`).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal, SignalInstance

from .workers import ScanJob

PROGRESS_DELAY_MS = 600  # no progress bar for a file read and scanned quicker than this
RESUME_DELAY_MS = 50  # the scan pauses this long after an update and after each repaint


class ScanController(QObject):
    """Runs one scan at a time for the window and forwards the current job's signals."""

    opened = Signal(object, object, object)  # Export, Detector, columns per table
    found = Signal(list)  # FlaggedCells of the last batches
    progress = Signal(int, int, float)  # rows done, rows total, seconds
    finished = Signal(object)  # ScanResult
    failed = Signal(str)  # French message
    cancelled = Signal()
    slow = Signal()  # the scan lasts: time to show its progress
    preparing = Signal()  # the lexicon is compiled first (the first scan on this computer)
    ended = Signal()  # the current job is over (finished, failed or cancelled)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.job: ScanJob | None = None
        self._jobs: set[ScanJob] = set()
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._slow)
        self._paused: ScanJob | None = None  # the job waiting for the window to show its update
        self._resume_timer = QTimer(self)
        self._resume_timer.setSingleShot(True)
        self._resume_timer.setInterval(RESUME_DELAY_MS)
        self._resume_timer.timeout.connect(self._resume)

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, job: ScanJob) -> None:
        """Run ``job``; it becomes the current one."""
        gc.unfreeze()  # the last scan's objects are the collector's again (see _end)
        self.job = job
        self._jobs.add(job)
        signals = job.signals
        signals.opened.connect(
            lambda export, detector, columns, job=job: self._forward(
                job, self.opened, export, detector, columns
            )
        )
        signals.findings.connect(lambda flagged, job=job: self._forward(job, self.found, flagged))
        signals.progress.connect(
            lambda done, total, seconds, job=job: self._progressed(job, done, total, seconds)
        )
        signals.finished.connect(lambda result, job=job: self._end(job, self.finished, result))
        signals.failed.connect(lambda message, job=job: self._end(job, self.failed, message))
        signals.cancelled.connect(lambda job=job: self._end(job, self.cancelled))
        signals.status.connect(lambda _message, job=job: self._forward(job, self.preparing))
        self._progress_timer.start()
        self.pool.start(job)

    def cancel(self) -> None:
        """Ask the current job to stop after its batch (it then reports ``cancelled``)."""
        if self.job is not None:
            self.job.cancel()

    def stop(self) -> None:
        """Cancel the current job and forget it: its late signals are ignored."""
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self._progress_timer.stop()

    def wait(self, msecs: int = 30_000) -> bool:
        """Cancel every job and block until the pool is idle (closing, tests)."""
        for job in list(self._jobs):
            job.cancel()
        done = self.pool.waitForDone(msecs)
        gc.unfreeze()  # a collection after closing sees everything again
        QCoreApplication.processEvents()
        return done

    def _forward(self, job: ScanJob, signal: SignalInstance, *payload: object) -> None:
        if job is self.job:
            signal.emit(*payload)

    def _slow(self) -> None:
        if self.job is not None:
            self.slow.emit()

    def _progressed(self, job: ScanJob, done: int, total: int, seconds: float) -> None:
        if job is self.job:
            self.progress.emit(done, total, seconds)
        # let the worker go on once this update is painted (see ScanJob._emit): at least
        # RESUME_DELAY_MS later, and RESUME_DELAY_MS after the window's last repaint
        if self._paused is not None and self._paused is not job:
            self._paused.resume()
        self._paused = job
        self._resume_timer.start()

    def window_painted(self) -> None:
        """The window repainted while the scan waits for it: wait RESUME_DELAY_MS more.

        One update brings a few repaints in a row (the rows inserted, then the layout settling
        tens of milliseconds later); one of them made while the scan runs waits for the
        interpreter lock at each of its hundreds of Python calls and blocks the window.
        The job waits no longer than its own timeout (``workers.RESUME_TIMEOUT``).
        """
        if self._resume_timer.isActive():
            self._resume_timer.start()

    def _resume(self) -> None:
        job, self._paused = self._paused, None
        if job is not None:
            QTimer.singleShot(0, job.resume)  # after the repaints asked for meanwhile

    def _end(self, job: ScanJob, signal: SignalInstance, *payload: object) -> None:
        self._jobs.discard(job)
        # The collector was paused during the scan (workers.gc_paused), so everything it made,
        # the export's rows and the findings, sits in the youngest generation: a collection
        # here would walk all of it (100-200 ms on 100,000 rows, the window frozen). Freezing
        # moves it out of the collector's way at once; what is garbage among it is collected
        # after the next scan starts or the window closes (unfreeze), on the GUI thread.
        gc.freeze()
        if job is not self.job:
            return
        self.job = None
        self._progress_timer.stop()
        self.ended.emit()
        signal.emit(*payload)
