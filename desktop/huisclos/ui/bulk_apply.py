"""«Tout appliquer» on many comments: their rewrites are prepared on the thread pool, with a
progress bar, while the window stays responsive.

Making the first rewrite of ten thousand comments takes seconds: :class:`BulkPreparation` runs
the session's ``bulk_batch`` on the window's pool and shows a window-modal progress dialog when
it lasts longer than half a second (it can be cancelled). The window is disabled meanwhile, so
nothing changes the session under the job; the finished batch comes back to the GUI thread,
which asks for confirmation and pushes it on the undo stack as one step.

Threading: constructed and driven on the GUI thread; only ``bulk_batch`` runs on the pool,
reading a session nothing else touches while it runs. After each progress report the job waits
until the window has handled it (as the scan does, :meth:`ScanJob._emit`): while the job runs
Python, every Python call the window makes — painting the table calls the model and the delegate
hundreds of times — waits for the interpreter lock, so without these pauses the repaint after the
window is disabled, or the progress dialog appearing, froze the window for seconds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from ..core.edits import EditBatch
from .workers import CallJob

if TYPE_CHECKING:
    from ..core.review.session import ReviewSession

# Below this many comments to review, the batch is made at once (well under half a second).
BACKGROUND_COMMENTS = 500
SHOW_AFTER_MS = 500
RESUME_TIMEOUT = 0.2  # longest pause of the job waiting for the window to handle a report


def _prepare(
    session: ReviewSession, category: str | None, report: Callable[[int, int], None]
) -> EditBatch:
    """The batch, and each new text detected once here (pool thread): applying the batch
    re-checks every changed cell on the GUI thread, which then finds them in the detector's
    memo instead of blocking the window for a second."""
    batch = session.bulk_batch(category, "apply_all", report)
    session.detect_ahead(edit.after for edit in batch)
    return batch


class _Stopped(Exception):
    """The user cancelled the preparation (raised in the job, between two comments)."""


class _Progress(QObject):
    changed = Signal(int, int)


class BulkPreparation(QObject):
    """One «Tout appliquer» being prepared: ``done(batch)`` is called on the GUI thread, or
    ``failed(message)`` when the job failed (nothing when the user cancelled); ``over`` is
    emitted either way."""

    over = Signal()

    def __init__(
        self,
        window: QMainWindow,
        pool: QThreadPool,
        session: ReviewSession,
        category: str | None,
        done: Callable[[EditBatch], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._done = done
        self._failed = failed
        self._cancelled = False
        self._resume = threading.Event()
        self.finished = False
        self.progress_shown = False
        self._progress = _Progress()
        self.dialog = QProgressDialog(
            QCoreApplication.translate("MainWindow", "Préparation des propositions…"),
            QCoreApplication.translate("MainWindow", "Annuler"),
            0,
            max(session.review_count(), 1),
            window,
        )
        self.dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Tout appliquer"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel)
        self._progress.changed.connect(self._show_progress)
        self.dialog.setValue(0)
        self.job = CallJob(_prepare, session, category, self._report)
        self.job.signals.done.connect(self._finish)
        self.job.signals.failed.connect(self._fail)
        # Nothing may change the session while the job reads it: the window's widgets and
        # actions are disabled (not the window itself, whose child the progress dialog is).
        self._disabled: list[QWidget | QAction] = [
            item
            for item in [window.centralWidget(), window.menuBar(), *window.findChildren(QAction)]
            if item is not None and item.isEnabled()
        ]
        for item in self._disabled:
            item.setEnabled(False)
        pool.start(self.job)

    def _report(self, done: int, total: int) -> None:  # pool thread
        """Send the progress, then pause until the window has handled it and what was
        waiting before it (a repaint), or RESUME_TIMEOUT."""
        if self._cancelled:
            raise _Stopped
        self._resume.clear()
        self._progress.changed.emit(done, total)
        self._resume.wait(RESUME_TIMEOUT)
        if self._cancelled:
            raise _Stopped

    def _show_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)
        self.progress_shown = self.progress_shown or self.dialog.isVisible()
        # queued: the repaints this update asked for are handled before the job goes on
        QTimer.singleShot(0, self._resume.set)

    def _cancel(self) -> None:
        self._cancelled = True
        self._resume.set()

    def _close(self) -> None:
        self.finished = True
        self.progress_shown = self.progress_shown or self.dialog.isVisible()
        for item in self._disabled:
            item.setEnabled(True)
        self.dialog.close()
        self.dialog.deleteLater()
        self.over.emit()

    def _finish(self, batch: EditBatch) -> None:
        self._close()
        self._done(batch)

    def _fail(self, message: str) -> None:
        self._close()
        if not self._cancelled:
            self._failed(message)

    def wait(self, msecs: int = 60_000) -> bool:
        """Run the event loop until the job is over and its result handled (tests,
        benchmarks); False on time-out."""
        if not self.finished:
            loop = QEventLoop()
            self.over.connect(loop.quit)
            QTimer.singleShot(msecs, loop.quit)
            loop.exec()
        return self.finished
