"""The main window: start page, review page, and the wiring to the core.

The window owns the :class:`~huisclos.core.review.session.ReviewSession` (the review state),
the ``QUndoStack`` of edit batches, the scan jobs (:class:`.scan_controller.ScanController`)
and the journal recorder. Every decision — what is sensitive, what a click writes, what the
copy contains, what the journal keeps — is a core call; the window only turns user actions
into those calls and shows the result. Its actions and menus live in :mod:`.menus`, the
writing of the copy and of the correction list in :mod:`.saving`.

Threading: GUI thread only; long work goes to ``QThreadPool`` through ``workers``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from ..core import resources
from ..core.detect.detector import Detector
from ..core.edits import CellKey
from ..core.errors import HuisclosError
from ..core.exports.model import Export
from ..core.review.journal_events import scan_event
from ..core.review.scan import FlaggedCells, ScanResult
from ..core.review.session import ReviewSession
from . import folders, settings
from .audit import AuditRecorder
from .errors import show_error
from .labels import format_decimal, format_number
from .log_lock_notice import LogLockNotice
from .menus import Menus
from .prevention import Prevention
from .proposals_ahead import ProposalsAheadControl
from .review_actions import ReviewActions
from .review_page import ReviewPage
from .saving import Saving
from .scan_controller import ScanController
from .start_page import StartPage, dropped_file
from .status_undo import UndoNotice
from .window_tools import WindowTools
from .workers import ScanJob

logger = logging.getLogger(__name__)

SUMMARY_INTERVAL_MS = 300  # the summary's refreshes while a scan runs, at most


def demo_path() -> Path:
    """The bundled fictional export."""
    return resources.resource("demo", "patients-demo.csv")


class MainWindow(QMainWindow):
    """Huis clos's single window."""

    scan_finished = Signal()  # a scan ended (complete, cancelled or failed)
    first_findings_shown = Signal()
    session_changed = Signal()  # edits, undo, settings: anything the summary shows

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Huis clos")
        self.setAcceptDrops(True)
        self.resize(1366, 768)
        icon = resources.resource("icons", "huisclos.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.pool = pool or QThreadPool.globalInstance()
        self.session: ReviewSession | None = None
        self.detector: Detector | None = None
        self.scans = ScanController(self.pool, self)
        self.scans.opened.connect(self._opened)
        self.scans.found.connect(self._found)
        self.scans.progress.connect(self._progress)
        self.scans.finished.connect(self._finished)
        self.scans.failed.connect(self._failed)
        self.scans.cancelled.connect(self._cancelled)
        self.scans.slow.connect(lambda: self.review_page.set_progress_visible(True))
        self.scans.preparing.connect(self._preparing_lexicon)
        self.scans.ended.connect(lambda: self.review_page.set_progress_visible(False))
        self._first_shown = False
        self._log_checked = False
        self._pending_recent: str | None = None
        self._shown_detector_warnings: tuple[str, ...] = ()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_notice = UndoNotice(self.statusBar(), self.undo_stack)
        self.log_lock_notice = LogLockNotice(self.statusBar(), self.recorder_unlocked)
        self.recorder = AuditRecorder(self)
        self.recorder.warning.connect(self._log_warning)
        self.recorder.damaged.connect(self._log_warning)
        self.review = ReviewActions(self)
        self.ahead = ProposalsAheadControl(self.pool, self)  # proposals made during the scan
        self.saving = Saving(self)
        self.prevention = Prevention(self)  # the check box, the clipboard watch, the tray
        self._quitting = False

        self.start_page = StartPage()
        self.review_page = ReviewPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.review_page)
        self.setCentralWidget(self.stack)

        self.start_page.open_requested.connect(self.choose_file)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.file_chosen.connect(self.open_file)
        self.start_page.clear_recent_requested.connect(self.clear_recent)
        self.start_page.check_requested.connect(lambda: self.prevention.open_check())
        page = self.review_page
        page.progress.cancel_requested.connect(self.cancel_scan)
        page.current_cell_changed.connect(self.show_current)
        page.table_painted.connect(self.scans.window_painted)
        page.apply_category_requested.connect(self.review.apply_all)
        page.change_columns_requested.connect(self.change_columns)
        page.detail.apply_requested.connect(self.review.apply_suggestion)
        page.detail.edit_requested.connect(self.review.edit_comment)
        page.detail.ignore_requested.connect(self.review.ignore_finding)
        page.detail.allow_requested.connect(self.review.allow_term)
        page.detail.why_requested.connect(self.review.explain_finding)
        page.only_to_review.setChecked(settings.only_to_review.value())
        page.only_to_review.toggled.connect(self._filter_toggled)

        # During a scan the summary follows the findings when the scan's progress is shown:
        # the scan then waits for the window, so the refresh never competes with it.
        self._summary_due = False
        self._summary_clock = QElapsedTimer()
        self._summary_clock.start()

        self.tools = WindowTools(self)
        self.menus = Menus(self)
        self.session_changed.connect(self.tools.check_location)
        self.start_page.set_recent_files(settings.recent_files.value())
        self._update_actions()
        self.statusBar()

    def recorder_unlocked(self) -> None:
        """The journal was unlocked from the status bar: warn again if it locks later."""
        self.recorder.reset_warning()
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Journal déverrouillé."), 5_000
        )

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _log_warning(self, message: str) -> None:
        self.log_lock_notice.warn(message)

    def _update_actions(self) -> None:
        self.menus.update()

    # --- opening and scanning ------------------------------------------------------------------
    def choose_file(self) -> None:
        recent = settings.recent_files.value()
        folder = str(folders.last_folder("exports", Path(recent[0]).parent if recent else None))
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Ouvrir l'export de vos patients"),
            folder,
            QCoreApplication.translate(
                "MainWindow",
                "Exports de patients (*.csv *.tsv *.txt *.xlsx *.xlsm *.ods *.xls);;"
                "Tous les fichiers (*)",
            ),
        )
        if path:
            folders.remember("exports", Path(path))
            self.open_file(Path(path))

    def open_demo(self) -> None:
        try:
            path = demo_path()
        except HuisclosError as error:
            show_error(self, error)
            return
        self.open_file(path, remember=False)

    def open_file(self, path: Path, remember: bool = True) -> None:
        """Read and scan ``path`` in the background; the review page fills as findings come."""
        if not self.saving.confirm_discard():
            return
        self._stop_job()
        self.ensure_log_ready()
        path = Path(path)
        # Remembered once the file has really opened: a missing or broken file never
        # lands in «Fichiers récents».
        self._pending_recent = str(path) if remember else None
        self._set_session(None)
        self.review_page.file_label.setText(path.name)
        self.review_page.summary_label.setText(
            QCoreApplication.translate("MainWindow", "Ouverture du fichier…")
        )
        self.review_page.columns_label.setText("")
        self.review_page.progress.reset()
        self.stack.setCurrentWidget(self.review_page)
        self.setWindowTitle(f"{path.name}[*] — Huis clos")
        self._start_job(
            ScanJob(
                path,
                detector=self.detector,
                categories=settings.enabled_categories(),
                min_severity=settings.min_severity.value(),
            )
        )

    def ensure_log_ready(self) -> None:
        """Once per session: without a keyring, ask for the log's passphrase before the first
        event is written (otherwise the status bar says events are not logged)."""
        if self._log_checked:
            return
        self._log_checked = True
        from ..core.audit import keys
        from .dialogs.passphrase import ensure_log_unlocked

        if keys.key_status().state is not keys.KeyState.AVAILABLE:
            ensure_log_unlocked(self)

    def _start_job(self, job: ScanJob) -> None:
        self._first_shown = False
        self.scans.start(job)
        self._update_actions()

    def _preparing_lexicon(self) -> None:
        """The first scan on this computer compiles the lexicon's generated forms (seconds)."""
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow",
                "Préparation du lexique pour ce poste (une seule fois, quelques secondes)…",
            ),
            30_000,
        )
        self.review_page.set_progress_visible(True)

    def _opened(self, export: Export, detector: Detector, columns: dict[str, list[str]]) -> None:
        if self._pending_recent:
            self.start_page.set_recent_files(settings.add_recent_file(self._pending_recent))
            self._pending_recent = None
        self.detector = detector
        self._warn_about_practice_files(detector)
        if self.session is not None and self.session.export is export:
            self.session.restart_scan(columns)
            self.session.set_detector(detector)
            self.review_page.set_session(self.session)
            return
        session = ReviewSession(
            export,
            detector=detector,
            columns=columns,
            categories=settings.enabled_categories(),
            min_severity=settings.min_severity.value(),
        )
        self._set_session(session)
        self.ahead.scan_starts(session)

    def _warn_about_practice_files(self, detector: Detector) -> None:
        """Say once (without blocking the scan) that the practice's own term files were
        unreadable and the bundled lexicon alone is in use."""
        warnings = detector.warnings
        if not warnings or warnings == self._shown_detector_warnings:
            return
        self._shown_detector_warnings = warnings
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Termes du cabinet"))
        box.setText("\n\n".join(warnings))
        box.setAccessibleName(QCoreApplication.translate("MainWindow", "Avertissement"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal but not blocking: the scan goes on behind it

    def _found(self, batches: list[FlaggedCells]) -> None:
        session = self.session
        if session is None:
            return
        keys: set[CellKey] = set()
        for flagged in batches:  # the texts too: reading a CSV cell again parses its row
            session.remember_texts(flagged.sheet, flagged.cells)
            keys |= session.add_findings(flagged.findings())
        self.ahead.found(self.session, keys)
        self.review_page.model.refresh_cells(keys)
        if not self._first_shown and keys:
            self._first_shown = True
            self.refresh_summary()
            # the first comment selected and its detail shown in a turn of its own: with the
            # rows and the figures, one block of the window long enough to be felt
            QTimer.singleShot(0, lambda: self._show_first(session))
        else:
            self._summary_due = True

    def _show_first(self, session: ReviewSession) -> None:
        """The first comment to review selected, its detail shown."""
        if session is not self.session:
            return
        if not self.review_page.table.currentIndex().isValid():  # (a short scan has ended)
            self.review_page.step(True)
        self.first_findings_shown.emit()

    def _progress(self, done: int, total: int, seconds: float) -> None:
        if self.session is not None:
            self.session.rows_scanned = done
        self.review_page.show_rate(done, total, seconds)
        if self._summary_due and self._summary_clock.elapsed() >= SUMMARY_INTERVAL_MS:
            self.refresh_summary()

    def _finished(self, result: ScanResult) -> None:
        session = self.session
        if session is not None:
            changed = session.finish_scan(result.columns)
            self.review_page.model.refresh_cells(changed)
            self.review_page.refresh_columns_label(session)
            self.recorder.record(*scan_event(result, session.path.name))
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Analyse terminée : {0} lignes en {1} s."
                ).format(format_number(result.rows), format_decimal(result.seconds)),
                10_000,
            )
            if not self.review_page.table.currentIndex().isValid():
                self.review_page.step(True)
            self.refresh_summary()
        self._update_actions()
        self.scan_finished.emit()

    def _failed(self, message: str) -> None:
        self._set_session(None)
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle("Huis clos")
        self._update_actions()
        self.scan_finished.emit()
        show_error(self, message)

    def _cancelled(self) -> None:
        if (
            self.session is not None
            and self.session.scan_complete is False
            and self.undo_stack.count() == 0
        ):
            self._set_session(None)
            self.stack.setCurrentWidget(self.start_page)
            self.setWindowTitle("Huis clos")
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Analyse annulée."), 8_000
        )
        if self._summary_due and self.session is not None:
            self.refresh_summary()
        self._update_actions()
        self.scan_finished.emit()

    def cancel_scan(self) -> None:
        self.scans.cancel()

    def _stop_job(self) -> None:
        """Cancel the running scan and forget it (its late signals are ignored)."""
        self.scans.stop()
        self.review_page.set_progress_visible(False)

    def wait_for_jobs(self, msecs: int = 30_000) -> bool:
        """Block until background work is over (closing, tests)."""
        if self.review.steps is not None:  # a big undo or redo: what is left, at once
            self.review.steps.finish_now()
        done = self.scans.wait(msecs) and self.review.wait_for_apply(msecs)
        self.ahead.stop()  # after the pool's jobs: a helper that was starting is ended too
        return self.recorder.wait(msecs) and done

    def wait_for_edits(self, msecs: int = 60_000) -> bool:
        """Run the event loop until a big batch applied between repaints (an undo, a redo) is
        done (tests, benchmarks)."""
        return self.review.wait_for_steps(msecs)

    def change_columns(self) -> None:
        from .dialogs.columns import ColumnsDialog

        session = self.session
        if session is None or self.scans.running:
            return
        tables = [(t.name, list(t.header), len(t)) for t in session.export.tables]
        dialog = ColumnsDialog(tables, session.columns, self)
        if dialog.exec():
            self.rescan(dialog.selected())

    def rescan(self, columns: dict[str, list[str]] | None = None) -> None:
        """Scan the open export again (other columns, new settings); edits are kept."""
        session = self.session
        if session is None:
            return
        self._stop_job()
        session.categories = settings.enabled_categories()
        session.min_severity = settings.min_severity.value()
        self.review_page.progress.reset()
        self._start_job(
            ScanJob(
                export=session.export,
                detector=self.detector,
                columns=columns if columns is not None else session.columns,
                categories=session.categories,
                min_severity=session.min_severity,
            )
        )

    def _set_session(self, session: ReviewSession | None) -> None:
        self.ahead.stop()
        self.session = session
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.review_page.set_session(session)
        self.review_page.detail.show_nothing()
        if session is not None:
            self.refresh_summary()
        self._update_actions()

    # --- reviewing -------------------------------------------------------------------------
    def refresh_summary(self) -> None:
        self._summary_due = False
        self._summary_clock.restart()
        if self.session is not None:
            self.review_page.refresh_summary(self.session)
        self._update_actions()
        self.session_changed.emit()

    def show_current(self) -> None:
        key = self.review_page.current_key()
        if self.session is None or key is None:
            self.review_page.detail.show_nothing()
        else:
            self.review_page.detail.show_cell(
                self.session, key, category=self.review_page.proxy.category
            )
        self._update_actions()

    def _filter_toggled(self, checked: bool) -> None:
        self.menus.filter.setChecked(checked)
        if not self.review_page.showing_for_search:  # a search result, not a preference
            settings.only_to_review.set(checked)
        self.refresh_summary()

    def step(self, forward: bool) -> None:
        if not self.review_page.step(forward):
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Plus de commentaire à revoir dans ce sens."
                )
                if self.session and self.session.review_count()
                else QCoreApplication.translate("MainWindow", "Plus aucun commentaire à revoir."),
                5_000,
            )

    # --- closing ---------------------------------------------------------------------------
    def ask(self, title: str, question: str, *, default_yes: bool = True) -> bool:
        """A yes/no question, «Oui» by default unless ``default_yes`` is False (tests replace
        it)."""
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def close_file(self) -> None:
        if not self.saving.confirm_discard():
            return
        self._stop_job()
        self._set_session(None)
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle("Huis clos")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.prevention.keeps_running() and not self._quitting:
            # the clipboard watch is on: closing the window leaves Huis clos in the tray,
            # the open file and its corrections with it
            event.ignore()
            self.hide()
            self.prevention.tell_still_running()
            return
        if not self.saving.confirm_discard():
            event.ignore()
            return
        self._stop_job()
        settings.window_geometry.set(self.saveGeometry())
        self.prevention.shutdown()
        self.wait_for_jobs(10_000)
        event.accept()

    def show_from_tray(self) -> None:
        """Bring the window back (the tray icon, «Afficher Huis clos»)."""
        if self.isMinimized() or not self.isVisible():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_app(self) -> bool:
        """«Quitter» (the File and tray menus): really close, whether or not the clipboard
        watch keeps Huis clos in the tray; False when the user kept unsaved corrections."""
        unsaved = self.session is not None and not self.undo_stack.isClean()
        if unsaved and not self.isVisible():
            self.show_from_tray()  # the question about unsaved corrections needs the window
        self._quitting = True
        closed = self.close()
        self._quitting = False
        if closed:
            QApplication.quit()
        return closed

    def clear_recent(self) -> None:
        settings.clear_recent_files()
        self.start_page.set_recent_files([])

    # --- drag and drop on the whole window ---------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_file(path)


__all__ = ["MainWindow", "demo_path"]
