"""«Tout appliquer» on many comments: their rewrites are prepared on the thread pool, then
applied between the window's repaints, with a progress bar, while the window stays responsive.

Making the first rewrite of ten thousand comments takes seconds (less when a helper process
made most of them during the scan, :mod:`.proposals_ahead`): :class:`BulkPreparation` runs the
session's ``bulk_batch`` on the window's pool and shows a window-modal progress dialog when it
lasts longer than half a second (it can be cancelled while the rewrites are being made). The
window's widgets are disabled meanwhile, so nothing changes the session under the job — with
their repaints held back: repainting the whole disabled window while the job runs Python took
the window a long time, and nothing there changes until the batch is applied. The finished
batch comes back to the GUI thread, which asks for confirmation, applies it a few edits at a
time between two turns of the event loop (:meth:`ReviewSession.apply_in_steps`), and hands it
to the caller to push on the undo stack as one step, already applied.

Threading: constructed and driven on the GUI thread; only ``bulk_batch`` runs on the pool,
reading a session nothing else touches while it runs. After each progress report the job waits
until the window has handled it (as the scan does, :meth:`ScanJob._emit`): while the job runs
Python, every Python call the window makes waits for the interpreter lock, so without these
pauses the progress dialog appearing froze the window for seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from ..core.edits import CellKey, Edit, EditBatch
from ..core.errors import HuisclosError
from .errors import error_message
from .workers import CallJob

if TYPE_CHECKING:
    from ..core.review.session import ReviewSession

# Below this many comments to review, the batch is made at once (well under half a second).
BACKGROUND_COMMENTS = 500
SHOW_AFTER_MS = 500
RESUME_TIMEOUT = 0.2  # longest pause of the job waiting for the window to handle a report
APPLY_SLICE = 0.03  # seconds of applying edits between two turns of the event loop
APPLY_STEP = 100  # edits applied at a time within a slice

logger = logging.getLogger(__name__)


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
    """One «Tout appliquer» being prepared then applied. On the GUI thread, once the batch is
    made: ``decide(batch)`` says whether to apply it (the confirmation); ``done(batch, keys)``
    is called once it is applied (``keys``: the cells changed), or ``failed(message)`` when the
    job failed (nothing when the user cancelled or declined); ``over`` is emitted either way,
    before those calls."""

    over = Signal()

    def __init__(
        self,
        window: QMainWindow,
        pool: QThreadPool,
        session: ReviewSession,
        category: str | None,
        decide: Callable[[EditBatch], bool],
        done: Callable[[EditBatch, list[CellKey]], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._decide = decide
        self._done = done
        self._failed = failed
        self._steps: Generator[int, None, list[CellKey]] | None = None
        self._batch = EditBatch()
        self._applied = 0  # edits of the batch applied so far
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
        # actions are disabled (not the window itself, whose child the progress dialog is),
        # their repaint held back until the batch is applied.
        self._central = window.centralWidget()
        self._disabled: list[QWidget | QAction] = [
            item
            for item in [self._central, window.menuBar(), *window.findChildren(QAction)]
            if item is not None and item.isEnabled()
        ]
        self._hold_repaints(True)
        for item in self._disabled:
            item.setEnabled(False)
        pool.start(self.job)

    def _hold_repaints(self, held: bool) -> None:
        if self._central is not None:
            self._central.setUpdatesEnabled(not held)

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
        self._hold_repaints(False)
        self.dialog.close()
        self.dialog.deleteLater()
        self.over.emit()

    def _finish(self, batch: EditBatch) -> None:
        """The batch is made: ask, then apply it between repaints."""
        self._hold_repaints(False)  # the window behind a question shows as it is
        go = self._decide(batch)
        if not go:
            self._close()
            return
        self._hold_repaints(True)
        self._batch = batch
        self._applied = 0
        self._steps = self.session.apply_in_steps(batch, APPLY_STEP)
        self.dialog.setLabelText(
            QCoreApplication.translate("MainWindow", "Application des propositions…")
        )
        self.dialog.setCancelButton(None)  # type: ignore[arg-type]  # all or nothing now
        self.dialog.setMaximum(max(len(batch), 1))
        self.dialog.setValue(0)
        # the first slice in a turn of its own: this one already answered and set up
        QTimer.singleShot(0, self._apply_slice)

    def _apply_slice(self) -> None:
        """Apply edits for APPLY_SLICE seconds, then let the window breathe."""
        assert self._steps is not None
        deadline = time.perf_counter() + APPLY_SLICE
        try:
            self._applied = next(self._steps)
            while time.perf_counter() < deadline:
                self._applied = next(self._steps)
        except StopIteration as stop:
            # closing and refreshing the views in a turn of their own, not after a full slice
            QTimer.singleShot(0, lambda keys=stop.value: self._end(keys))
            return
        except HuisclosError as error:  # refused before anything changed
            self._close()
            self._failed(error.message)
            return
        except Exception as error:  # a defect: put the comments back, never leave it stuck
            logger.exception("«Tout appliquer» failed while applying")
            self._put_back(self._batch.edits[: self._applied])
            self._close()
            self._failed(error_message(error))
            return
        self.dialog.setValue(self._applied)
        self.progress_shown = self.progress_shown or self.dialog.isVisible()
        QTimer.singleShot(0, self._apply_slice)

    def _end(self, keys: list[CellKey]) -> None:
        self._close()
        self._done(self._batch, keys)

    def _put_back(self, edits: tuple[Edit, ...]) -> None:
        """Undo the edits of the batch already applied (all or nothing, as «Tout appliquer»)."""
        try:
            self.session.apply(EditBatch(edits, self._batch.label).inverted())
        except Exception:
            logger.exception("The comments already changed could not be put back")

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
