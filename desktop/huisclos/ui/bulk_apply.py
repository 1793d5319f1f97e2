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
from collections.abc import Callable
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
# Undoing or redoing a batch of this many edits or more is done between repaints too.
STEPPED_EDITS = 500
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


class WindowHold:
    """The window's widgets and actions disabled (not the window itself, whose child a progress
    dialog is), and its central widget's repaints held back, until :meth:`release`: nothing
    may change the session while a batch is being made or applied."""

    def __init__(self, window: QMainWindow, keep: tuple[QAction, ...] = ()) -> None:
        """``keep``: actions left as they are (undo and redo, which their stack manages)."""
        self._central = window.centralWidget()
        self._disabled: list[QWidget | QAction] = [
            item
            for item in [self._central, window.menuBar(), *window.findChildren(QAction)]
            if item is not None and item.isEnabled() and item not in keep
        ]
        self.hold_repaints(True)
        for item in self._disabled:
            item.setEnabled(False)

    def hold_repaints(self, held: bool) -> None:
        if self._central is not None:
            self._central.setUpdatesEnabled(not held)

    def release(self) -> None:
        for item in self._disabled:
            item.setEnabled(True)
        self._disabled = []
        self.hold_repaints(False)


class StepsBetweenRepaints:
    """``batch`` applied a few edits at a time between two turns of the event loop
    (:meth:`ReviewSession.apply_in_steps`), all or nothing: ``progress(applied)`` after each
    slice of APPLY_SLICE seconds, then ``done(keys)`` in a turn of its own (``keys``: the cells
    changed); after a failure, what was applied is put back and ``failed(message)`` is called.
    """

    def __init__(
        self,
        session: ReviewSession,
        batch: EditBatch,
        progress: Callable[[int], None],
        done: Callable[[list[CellKey]], None],
        failed: Callable[[str], None],
    ) -> None:
        self.session = session
        self.batch = batch
        self._progress = progress
        self._done = done
        self._failed = failed
        self.applied = 0  # edits of the batch applied so far
        self.finished = False
        self.restored = True  # after a failure: whether every comment is as it was before
        self.failed = False
        self._keys: list[CellKey] | None = None  # the cells changed, once all is applied
        self._steps = session.apply_in_steps(batch, APPLY_STEP)
        # the first slice in a turn of its own: the caller has set up and answered first
        QTimer.singleShot(0, self._apply_slice)

    def _apply_slice(self) -> None:
        """Apply edits for APPLY_SLICE seconds, then let the window breathe."""
        if self.finished:
            return
        deadline = time.perf_counter() + APPLY_SLICE
        while self._step() and time.perf_counter() < deadline:
            pass
        if self.finished:
            return
        if self._keys is not None:  # the views refreshed in a turn of their own
            QTimer.singleShot(0, self._end)
            return
        self._progress(self.applied)
        QTimer.singleShot(0, self._apply_slice)

    def _step(self) -> bool:
        """Apply one step; False once all is applied or it failed."""
        try:
            self.applied = next(self._steps)
        except StopIteration as stop:
            self._keys = stop.value
            return False
        except HuisclosError as error:  # refused before anything changed
            self._fail(error.message)
            return False
        except Exception as error:  # a defect: put the comments back, never leave it stuck
            logger.exception("A batch failed while being applied")
            self._put_back(self.batch.edits[: self.applied])
            self._fail(error_message(error))
            return False
        return True

    def finish_now(self) -> None:
        """Apply what is left at once (another batch must be applied after this one)."""
        while not self.finished and self._keys is None and self._step():
            pass
        self._end()

    def _end(self) -> None:
        if self.finished or self._keys is None:
            return
        self.finished = True
        self._done(self._keys)

    def _fail(self, message: str) -> None:
        self.finished = True
        self.failed = True
        self._failed(message)

    def _put_back(self, edits: tuple[Edit, ...]) -> None:
        """Undo the edits of the batch already applied (all or nothing); :attr:`restored` says
        whether that worked."""
        try:
            self.session.apply(EditBatch(edits, self.batch.label).inverted())
        except Exception:
            logger.exception("The comments already changed could not be put back")
            self.restored = False


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
        self._steps: StepsBetweenRepaints | None = None  # the batch being applied
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
        self._hold = WindowHold(window)  # until the batch is applied
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
        self._hold.release()
        self.dialog.close()
        self.dialog.deleteLater()
        self.over.emit()

    def _finish(self, batch: EditBatch) -> None:
        """The batch is made: ask, then apply it between repaints."""
        self._hold.hold_repaints(False)  # the window behind a question shows as it is
        go = self._decide(batch)
        if not go:
            self._close()
            return
        self._hold.hold_repaints(True)
        self.dialog.setLabelText(
            QCoreApplication.translate("MainWindow", "Application des propositions…")
        )
        self.dialog.setCancelButton(None)  # type: ignore[arg-type]  # all or nothing now
        self.dialog.setMaximum(max(len(batch), 1))
        self.dialog.setValue(0)
        self._steps = StepsBetweenRepaints(
            self.session, batch, self._applied, lambda keys: self._end(batch, keys), self._fail
        )

    def _applied(self, applied: int) -> None:
        self.dialog.setValue(applied)
        self.progress_shown = self.progress_shown or self.dialog.isVisible()

    def _end(self, batch: EditBatch, keys: list[CellKey]) -> None:
        self._close()
        self._done(batch, keys)

    def _fail(self, message: str) -> None:
        cancelled = self._cancelled  # closing the dialog says «canceled» too
        self._close()
        if not cancelled:
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
