"""The main window: start page, review page, menus, and the wiring to the core.

The window owns the :class:`~huisclos.core.session.ReviewSession` (the review state), the
``QUndoStack`` of edit batches, the background scan job and the log recorder. Every decision —
what is sensitive, what a click writes, what the copy contains — is a core call; the window
only turns user actions into those calls and shows the result.

Hook points for other features: :meth:`MainWindow.build_tools_menu` builds the «Outils» menu
(reports, workshop mode); :attr:`MainWindow.tools_menu` and :attr:`MainWindow.help_menu` may be
extended by ``register_tools`` callables (see :data:`TOOL_HOOKS`).

Threading: GUI thread only; long work goes to ``QThreadPool`` through ``workers``.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QCursor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
)

from .. import __version__
from ..core import resources
from ..core.audit import events as audit_events
from ..core.detect import practice
from ..core.detect.detector import Detector
from ..core.detect.findings import Finding
from ..core.edits import CellKey, EditBatch
from ..core.errors import HuisclosError
from ..core.exports.model import Export
from ..core.review.journal_events import scan_event
from ..core.review.scan import ScanResult
from ..core.review.session import ReviewSession
from . import settings
from .audit import AuditRecorder
from .errors import show_error
from .labels import category_label, format_number
from .review_page import ReviewPage
from .start_page import StartPage, dropped_file
from .undo import EditBatchCommand
from .workers import ScanJob

logger = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600  # like Anki: no progress flash for quick files
RESUME_DELAY_MS = 50  # the scan pauses this long after each update so the window can paint

TOOL_HOOKS: list[Callable[[MainWindow], None]] = []
"""Callables run once when the window is built, to add actions to ``tools_menu``/``help_menu``
(e.g. «Rapport…», «Mode atelier», «Pourquoi ?»)."""


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
        self.job: ScanJob | None = None
        self._jobs: set[ScanJob] = set()
        self._scan_started = 0.0
        self._first_shown = False
        self.last_result: ScanResult | None = None
        self._log_checked = False
        self._pending_recent: str | None = None
        self._shown_detector_warnings: tuple[str, ...] = ()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.recorder = AuditRecorder(self)
        self.recorder.warning.connect(self._log_warning)

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
        page = self.review_page
        page.progress.cancel_requested.connect(self.cancel_scan)
        page.current_cell_changed.connect(self.show_current)
        page.apply_category_requested.connect(self.apply_all)
        page.change_columns_requested.connect(self.change_columns)
        page.detail.apply_requested.connect(self.apply_suggestion)
        page.detail.edit_requested.connect(self.edit_comment)
        page.detail.ignore_requested.connect(self.ignore_finding)
        page.detail.allow_requested.connect(self.allow_term)
        page.detail.why_requested.connect(self.explain_finding)
        page.only_to_review.setChecked(settings.only_to_review.value())
        page.only_to_review.toggled.connect(self._filter_toggled)

        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(150)
        self._summary_timer.timeout.connect(self.refresh_summary)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._show_progress)

        self._build_actions()
        self._build_menus()
        self.start_page.set_recent_files(settings.recent_files.value())
        self._update_actions()
        self.statusBar()
        for hook in TOOL_HOOKS:
            hook(self)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _log_warning(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    # --- actions and menus -------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | str | list | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.open_action = self._action(
            QCoreApplication.translate("MainWindow", "&Ouvrir un fichier…"),
            self.choose_file,
            QKeySequence(key.Open),
            QCoreApplication.translate("MainWindow", "Ouvrir l'export de vos patients"),
        )
        self.demo_action = self._action(
            QCoreApplication.translate("MainWindow", "Essayer avec un &exemple fictif"),
            self.open_demo,
            None,
            QCoreApplication.translate("MainWindow", "Ouvrir une liste de patients inventés"),
        )
        self.save_action = self._action(
            QCoreApplication.translate("MainWindow", "&Enregistrer une copie nettoyée…"),
            self.save_copy,
            QKeySequence(key.Save),
            QCoreApplication.translate(
                "MainWindow",
                "Écrire une copie corrigée à côté du fichier d'origine, qui reste intact",
            ),
        )
        self.worklist_action = self._action(
            QCoreApplication.translate("MainWindow", "Exporter la &liste de corrections…"),
            self.export_worklist,
            "Ctrl+E",
            QCoreApplication.translate(
                "MainWindow", "La liste des commentaires à corriger dans votre logiciel de cabinet"
            ),
        )
        self.close_action = self._action(
            QCoreApplication.translate("MainWindow", "&Fermer le fichier"),
            self.close_file,
            QKeySequence(key.Close),
        )
        self.quit_action = self._action(
            QCoreApplication.translate("MainWindow", "&Quitter"), self.close, "Ctrl+Q"
        )
        self.undo_action = self.undo_stack.createUndoAction(
            self, QCoreApplication.translate("MainWindow", "&Annuler")
        )
        self.undo_action.setShortcuts([QKeySequence(key.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(
            self, QCoreApplication.translate("MainWindow", "&Rétablir")
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.apply_action = self._action(
            QCoreApplication.translate("MainWindow", "A&ppliquer la proposition"),
            lambda: self.apply_suggestion(None, 0),
            ["Return", "Enter"],
            QCoreApplication.translate("MainWindow", "Remplacer le commentaire par la proposition"),
        )
        self.apply_all_action = self._action(
            QCoreApplication.translate("MainWindow", "&Tout appliquer"),
            lambda: self.apply_all(self.review_page.proxy.category),
            "Ctrl+Shift+Return",
            QCoreApplication.translate(
                "MainWindow",
                "Appliquer la proposition de chaque commentaire à revoir (de la catégorie "
                "choisie, le cas échéant), en une seule étape",
            ),
        )
        self.edit_action = self._action(
            QCoreApplication.translate("MainWindow", "&Modifier le commentaire…"),
            lambda: self.edit_comment(None),
            "F2",
            QCoreApplication.translate("MainWindow", "Écrire le commentaire vous-même"),
        )
        self.ignore_action = self._action(
            QCoreApplication.translate("MainWindow", "&Ignorer ce passage"),
            lambda: self.ignore_finding(None),
            "Ctrl+I",
            QCoreApplication.translate("MainWindow", "Laisser ce passage tel quel"),
        )
        self.allow_action = self._action(
            QCoreApplication.translate("MainWindow", "Toujours a&utoriser ce terme…"),
            lambda: self.allow_term(None),
            None,
            QCoreApplication.translate("MainWindow", "Ne plus signaler ce terme dans ce cabinet"),
        )
        self.next_action = self._action(
            QCoreApplication.translate("MainWindow", "Commentaire &suivant"),
            lambda: self.step(True),
            "F8",
            QCoreApplication.translate("MainWindow", "Aller au commentaire à revoir suivant"),
        )
        self.previous_action = self._action(
            QCoreApplication.translate("MainWindow", "Commentaire &précédent"),
            lambda: self.step(False),
            "Shift+F8",
            QCoreApplication.translate("MainWindow", "Aller au commentaire à revoir précédent"),
        )
        self.filter_action = QAction(
            QCoreApplication.translate("MainWindow", "Seulement les commentaires à &revoir"), self
        )
        self.filter_action.setCheckable(True)
        self.filter_action.setChecked(settings.only_to_review.value())
        self.filter_action.setShortcut(QKeySequence("Ctrl+R"))
        self.filter_action.toggled.connect(self.review_page.only_to_review.setChecked)
        self.addAction(self.filter_action)
        self.columns_action = self._action(
            QCoreApplication.translate("MainWindow", "&Colonnes analysées…"),
            self.change_columns,
            None,
            QCoreApplication.translate(
                "MainWindow", "Choisir les colonnes de commentaires et relancer l'analyse"
            ),
        )
        self.journal_action = self._action(
            QCoreApplication.translate("MainWindow", "&Journal…"),
            self.show_journal,
            "Ctrl+J",
            QCoreApplication.translate("MainWindow", "Consulter et vérifier le journal chiffré"),
        )
        self.settings_action = self._action(
            QCoreApplication.translate("MainWindow", "&Réglages…"),
            self.show_settings,
            QKeySequence(key.Preferences)
            if not QKeySequence(key.Preferences).isEmpty()
            else "Ctrl+,",
            QCoreApplication.translate("MainWindow", "Catégories, termes du cabinet, langue"),
        )
        self.about_action = self._action(
            QCoreApplication.translate("MainWindow", "À &propos de Huis clos"), self.show_about
        )
        self.cancel_action = self._action(
            QCoreApplication.translate("MainWindow", "Arrêter l'analyse"),
            self.cancel_scan,
            "Escape",
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Fichier"))
        file_menu.addActions([self.open_action, self.demo_action])
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.worklist_action])
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "É&dition"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.apply_action, self.apply_all_action, self.edit_action])
        edit_menu.addActions([self.ignore_action, self.allow_action])
        review_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Revue"))
        review_menu.addActions([self.next_action, self.previous_action])
        review_menu.addSeparator()
        review_menu.addActions([self.filter_action, self.columns_action])
        self.tools_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Outils"))
        self.build_tools_menu(self.tools_menu)
        self.help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Aide"))
        self.help_menu.addAction(self.about_action)

    def build_tools_menu(self, menu: QMenu) -> None:
        """The «Outils» menu: journal and settings; reports and workshop mode add theirs here
        (through :data:`TOOL_HOOKS`, or by overriding this method)."""
        menu.addAction(self.journal_action)
        menu.addSeparator()
        self.tools_extra_separator = menu.addSeparator()
        menu.addAction(self.settings_action)

    def add_tool_action(self, action: QAction) -> None:
        """Insert ``action`` in «Outils» above the settings (for reports, workshop mode)."""
        self.addAction(action)
        self.tools_menu.insertAction(self.tools_extra_separator, action)

    def _update_actions(self) -> None:
        has_session = self.session is not None
        scanning = self.job is not None
        has_findings = has_session and self.session.review_count() > 0  # type: ignore[union-attr]
        key = self.review_page.current_key() if has_session else None
        has_current = key is not None and bool(self.session.findings(key))  # type: ignore[union-attr]
        self.save_action.setEnabled(has_session and not scanning)
        self.worklist_action.setEnabled(has_session and not scanning)
        self.close_action.setEnabled(has_session or scanning)
        self.apply_all_action.setEnabled(has_findings and not scanning)
        self.review_page.apply_category_button.setEnabled(has_findings and not scanning)
        for action in (self.apply_action, self.ignore_action, self.allow_action):
            action.setEnabled(has_current)
        self.edit_action.setEnabled(key is not None)
        self.next_action.setEnabled(has_findings)
        self.previous_action.setEnabled(has_findings)
        self.columns_action.setEnabled(has_session and not scanning)
        self.review_page.columns_button.setEnabled(has_session and not scanning)
        self.cancel_action.setEnabled(scanning)

    # --- opening and scanning ------------------------------------------------------------------
    def choose_file(self) -> None:
        start = settings.recent_files.value()
        folder = str(Path(start[0]).parent) if start else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Ouvrir l'export de vos patients"),
            folder,
            QCoreApplication.translate(
                "MainWindow",
                "Exports de patients (*.csv *.tsv *.txt *.xlsx *.xlsm);;Tous les fichiers (*)",
            ),
        )
        if path:
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
        if not self.confirm_discard():
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
        self.job = job
        self._jobs.add(job)
        self._first_shown = False
        self._scan_started = time.perf_counter()
        job.signals.opened.connect(
            lambda export, detector, columns, job=job: self._opened(job, export, detector, columns)
        )
        job.signals.findings.connect(lambda findings, job=job: self._found(job, findings))
        job.signals.progress.connect(
            lambda done, total, seconds, job=job: self._progress(job, done, total, seconds)
        )
        job.signals.finished.connect(lambda result, job=job: self._finished(job, result))
        job.signals.failed.connect(lambda message, job=job: self._failed(job, message))
        job.signals.cancelled.connect(lambda job=job: self._cancelled(job))
        job.signals.status.connect(lambda _message: self._preparing_lexicon())
        self._progress_timer.start()
        self._update_actions()
        self.pool.start(job)

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

    def _show_progress(self) -> None:
        if self.job is not None:
            self.review_page.set_progress_visible(True)

    def _opened(self, job: ScanJob, export: Export, detector: Detector, columns: dict) -> None:
        if job is not self.job:
            return
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

    def _warn_about_practice_files(self, detector: Detector) -> None:
        """Say once (without blocking the scan) that the practice's own term files were
        unreadable and the bundled lexicon alone is in use."""
        warnings = tuple(getattr(detector, "warnings", ()))
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

    def _found(self, job: ScanJob, findings: list[Finding]) -> None:
        if job is not self.job or self.session is None:
            return
        keys = self.session.add_findings(findings)
        self.review_page.model.refresh_cells(keys)
        if not self._first_shown and keys:
            self._first_shown = True
            self.review_page.step(True)
            self.refresh_summary()
            self.first_findings_shown.emit()
        else:
            self._summary_timer.start()

    def _progress(self, job: ScanJob, done: int, total: int, seconds: float) -> None:
        # let the worker go on once this update is painted (see ScanJob._emit)
        QTimer.singleShot(RESUME_DELAY_MS, job.resume)
        if job is not self.job:
            return
        if self.session is not None:
            self.session.rows_scanned = done
        self.review_page.show_rate(done, total, seconds)

    def _end_job(self, job: ScanJob) -> bool:
        self._jobs.discard(job)
        gc.collect()  # on the GUI thread (see workers.gc_paused)
        if job is not self.job:
            return False
        self.job = None
        self._progress_timer.stop()
        self.review_page.set_progress_visible(False)
        return True

    def _finished(self, job: ScanJob, result: ScanResult | None) -> None:
        if not self._end_job(job):
            return
        session = self.session
        if session is not None:
            columns = result.columns if result is not None else None
            changed = session.finish_scan(columns)
            self.review_page.model.refresh_cells(changed)
            self.review_page.refresh_columns_label(session)
            if result is not None:
                self.last_result = result
                self.recorder.record(*scan_event(result, session.path.name))
                self.statusBar().showMessage(
                    QCoreApplication.translate(
                        "MainWindow", "Analyse terminée : {0} lignes en {1} s."
                    ).format(format_number(result.rows), f"{result.seconds:.1f}".replace(".", ",")),
                    10_000,
                )
            if not self.review_page.table.currentIndex().isValid():
                self.review_page.step(True)
            self.refresh_summary()
        self._update_actions()
        self.scan_finished.emit()

    def _failed(self, job: ScanJob, message: str) -> None:
        if not self._end_job(job):
            return
        self._set_session(None)
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle("Huis clos")
        self._update_actions()
        self.scan_finished.emit()
        show_error(self, message)

    def _cancelled(self, job: ScanJob) -> None:
        if not self._end_job(job):
            return
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
        self._update_actions()
        self.scan_finished.emit()

    def cancel_scan(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _stop_job(self) -> None:
        """Cancel the running scan and forget it (its late signals are ignored)."""
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self._progress_timer.stop()
        self.review_page.set_progress_visible(False)

    def wait_for_jobs(self, msecs: int = 30_000) -> bool:
        """Block until background work is over (closing, tests)."""
        for job in list(self._jobs):
            job.cancel()
        done = self.pool.waitForDone(msecs)
        QCoreApplication.processEvents()
        return self.recorder.wait(msecs) and done

    def change_columns(self) -> None:
        from .dialogs.columns import ColumnsDialog

        session = self.session
        if session is None or self.job is not None:
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
        if self.session is not None:
            self.review_page.refresh_summary(self.session)
        self._update_actions()
        self.session_changed.emit()

    def show_current(self) -> None:
        key = self.review_page.current_key()
        if self.session is None or key is None:
            self.review_page.detail.show_nothing()
        else:
            self.review_page.detail.show_cell(self.session, key)
        self._update_actions()

    def _filter_toggled(self, checked: bool) -> None:
        self.filter_action.setChecked(checked)
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

    def _current_key(self, key: CellKey | None) -> CellKey | None:
        return key if key is not None else self.review_page.current_key()

    def push_batch(self, batch: EditBatch, text: str) -> bool:
        """Apply ``batch`` as one undo step; False when there was nothing to change."""
        if self.session is None or not len(batch):
            return False
        command = EditBatchCommand(self.session, batch, text, self._edits_changed)
        try:
            self.undo_stack.push(command)
        except HuisclosError as error:
            show_error(self, error)
            return False
        return True

    def _edits_changed(self, keys: list[CellKey], batch: EditBatch, action: str) -> None:
        page = self.review_page
        page.model.refresh_cells(keys)
        self.refresh_summary()
        self.show_current()
        if self.session is not None:
            self.recorder.record_edits(self.session.edit_event(batch, action))

    def apply_suggestion(self, key: CellKey | None = None, index: int = 0) -> bool:
        """«Appliquer»: the cell's suggestion (the first by default) in one click."""
        session = self.session
        key = self._current_key(key)
        if session is None or key is None or not session.findings(key):
            return False
        proxy_row = self.review_page.table.currentIndex().row()
        batch = session.suggestion_batch(key, index, label="apply")
        if not self.push_batch(
            batch,
            QCoreApplication.translate("MainWindow", "Appliquer la proposition (ligne {0})").format(
                key[1]
            ),
        ):
            return False
        self._advance(proxy_row)
        return True

    def _advance(self, proxy_row: int) -> None:
        """After a fix, go on to the next comment to review."""
        page = self.review_page
        if page.proxy.only_to_review:
            if page.proxy.rowCount() == 0:
                page.detail.show_nothing(
                    QCoreApplication.translate(
                        "MainWindow",
                        "Plus aucun commentaire à revoir. Pensez à enregistrer la copie "
                        "nettoyée (Ctrl+S).",
                    )
                )
                return
            page.select_row(min(max(proxy_row, 0), page.proxy.rowCount() - 1))
            if not page.model.row_categories(
                page.model.row_number(page.proxy.mapToSource(page.table.currentIndex()))
            ):
                page.step(True)
        else:
            page.step(True)

    def apply_all(self, category: str | None = None, confirm: bool = True) -> bool:
        """«Tout appliquer» (for one category, or all): one batch, one undo step."""
        session = self.session
        if session is None or self.job is not None:
            return False
        batch = session.bulk_batch(category, label="apply_all")
        if not len(batch):
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Aucune proposition à appliquer."), 5_000
            )
            return False
        what = (
            category_label(category)
            if category
            else QCoreApplication.translate("MainWindow", "toutes catégories")
        )
        if confirm and not self.ask(
            QCoreApplication.translate("MainWindow", "Tout appliquer"),
            QCoreApplication.translate(
                "MainWindow",
                "Remplacer {0} commentaire(s) ({1}) par les propositions ? "
                "Vous pourrez tout annuler d'un coup avec Ctrl+Z.",
            ).format(format_number(len(batch)), what),
        ):
            return False
        return self.push_batch(
            batch, QCoreApplication.translate("MainWindow", "Tout appliquer : {0}").format(what)
        )

    def edit_comment(self, key: CellKey | None = None) -> bool:
        """«Modifier…»: write the comment by hand (checked live)."""
        from .dialogs.edit_comment import EditCommentDialog

        session = self.session
        key = self._current_key(key)
        if session is None or key is None:
            return False
        # start from the suggestion when there is one: the user usually just adjusts it
        suggestions = session.suggestions(key)
        initial = suggestions[0].text if suggestions and suggestions[0].text else None
        dialog = EditCommentDialog(session, key, initial, parent=self)
        if not dialog.exec():
            return False
        batch = session.manual_batch(key, dialog.text(), label="manual")
        return self.push_batch(
            batch,
            QCoreApplication.translate("MainWindow", "Modifier le commentaire (ligne {0})").format(
                key[1]
            ),
        )

    def _current_finding(self, finding: Finding | None) -> Finding | None:
        if finding is not None:
            return finding
        key = self.review_page.current_key()
        if self.session is None or key is None:
            return None
        findings = self.session.findings(key)
        return findings[0] if findings else None

    def ignore_finding(self, finding: Finding | None = None) -> None:
        """«Ignorer»: leave this occurrence as it is."""
        finding = self._current_finding(finding)
        if self.session is None or finding is None:
            return
        self.session.ignore(finding)
        key = (finding.sheet, finding.row, finding.column)
        self.review_page.model.refresh_cells([key])
        self.refresh_summary()
        self.show_current()

    def allow_term(self, finding: Finding | None = None) -> bool:
        """«Toujours autoriser ce terme»: add it to the practice allowlist (confirmed)."""
        finding = self._current_finding(finding)
        if self.session is None or finding is None:
            return False
        if not self.ask(
            QCoreApplication.translate("MainWindow", "Toujours autoriser ce terme"),
            QCoreApplication.translate(
                "MainWindow",
                "Ne plus jamais signaler « {0} » dans ce cabinet ? Ce choix s'applique à toutes "
                "les analyses ; vous pourrez le retirer dans les réglages.",
            ).format(finding.match),
        ):
            return False
        try:
            practice.add_allowed_term(finding.match)
            self.detector = Detector.default(refresh=True)
        except HuisclosError as error:
            show_error(self, error)
            return False
        self.recorder.record("settings_changed", audit_events.settings_payload(allowlist_added=1))
        self.session.set_detector(self.detector)
        keys = self.session.pending_keys()
        self.session.rescan(keys)
        self.review_page.model.refresh_cells(keys)
        self.refresh_summary()
        self.show_current()
        return True

    def explain_finding(self, finding: Finding) -> None:
        """«Pourquoi ?»: the rule behind a finding, in plain French."""
        from .help_dialog import show_help_for_finding

        show_help_for_finding(self, finding)

    # --- saving ----------------------------------------------------------------------------
    def save_copy(self) -> None:
        session = self.session
        if session is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "Enregistrer une copie nettoyée"),
            str(session.default_copy_path()),
            QCoreApplication.translate("MainWindow", "Même format que l'original (*{0})").format(
                session.path.suffix
            ),
        )
        if path:
            self.save_copy_to(Path(path))

    def save_copy_to(self, path: Path) -> bool:
        """Write the cleaned copy (never the original) and log it."""
        session = self.session
        if session is None:
            return False
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            saved = session.write_copy(path)
        except (HuisclosError, OSError) as error:
            QApplication.restoreOverrideCursor()
            show_error(self, error)
            return False
        QApplication.restoreOverrideCursor()
        self.recorder.record(*saved)
        self.undo_stack.setClean()
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "Copie nettoyée enregistrée : {0} ({1} commentaire(s) corrigé(s))."
            ).format(path.name, format_number(session.corrected_count())),
            10_000,
        )
        return True

    def export_worklist(self) -> None:
        session = self.session
        if session is None:
            return
        default = session.path.with_name(f"{session.path.stem}-corrections.csv")
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "Exporter la liste de corrections"),
            str(default),
            QCoreApplication.translate("MainWindow", "Tableur CSV (*.csv)"),
        )
        if path:
            self.export_worklist_to(Path(path))

    def export_worklist_to(self, path: Path) -> bool:
        """Write the correction list a secretary works through in the practice software."""
        session = self.session
        if session is None:
            return False
        try:
            saved = session.write_worklist(path)
        except (HuisclosError, OSError) as error:
            show_error(self, error)
            return False
        self.recorder.record(*saved.event)
        if not saved.same_encoding:
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Liste de corrections"),
                QCoreApplication.translate(
                    "MainWindow",
                    "Certains caractères n'existent pas dans l'encodage de votre export : la "
                    "liste a été enregistrée en UTF-8.",
                ),
            )
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "Liste de corrections enregistrée : {0} ({1} ligne(s))."
            ).format(path.name, format_number(saved.entries)),
            10_000,
        )
        return True

    # --- closing ---------------------------------------------------------------------------
    def ask(self, title: str, question: str) -> bool:
        """A yes/no question (tests replace it)."""
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_discard(self) -> bool:
        """With unsaved corrections, ask: save a copy, drop them, or stay."""
        if self.session is None or self.undo_stack.isClean():
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            self.save_copy()
            return self.undo_stack.isClean()
        return answer == "discard"

    def ask_unsaved(self) -> str:
        """«save», «discard» or «cancel» (tests replace it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Corrections non enregistrées"))
        box.setText(
            QCoreApplication.translate(
                "MainWindow",
                "Vos corrections n'ont pas été enregistrées dans une copie nettoyée. "
                "Que voulez-vous faire ?",
            )
        )
        save = box.addButton(
            QCoreApplication.translate("MainWindow", "Enregistrer une copie…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        discard = box.addButton(
            QCoreApplication.translate("MainWindow", "Ne pas enregistrer"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(
            QCoreApplication.translate("MainWindow", "Annuler"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def close_file(self) -> None:
        if not self.confirm_discard():
            return
        self._stop_job()
        self._set_session(None)
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle("Huis clos")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self._stop_job()
        settings.window_geometry.set(self.saveGeometry())
        self.wait_for_jobs(10_000)
        event.accept()

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

    # --- dialogs ---------------------------------------------------------------------------
    def show_journal(self) -> None:
        from .dialogs.journal import JournalDialog

        self.recorder.wait(5_000)
        dialog = JournalDialog(self, self.pool)
        dialog.load()
        dialog.exec()
        dialog.wait()

    def show_settings(self) -> None:
        from .dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, self.session)
        if not dialog.exec():
            return
        changes = dialog.apply()
        if changes.get("terms") or changes.get("scan"):
            if changes.get("scan"):
                disabled = len(settings.disabled_categories.value())
                self.recorder.record(
                    "settings_changed",
                    audit_events.settings_payload(categories_disabled=disabled, scan_options=1),
                )
            if changes.get("terms"):
                self.detector = Detector.default(refresh=True)
                self.recorder.record(
                    "settings_changed", audit_events.settings_payload(**changes["terms"])
                )
            if self.session is not None:
                self.session.set_detector(self.detector)  # type: ignore[arg-type]
                self.rescan()
        if changes.get("language"):
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Langue"),
                QCoreApplication.translate(
                    "MainWindow",
                    "La nouvelle langue sera utilisée au prochain démarrage de Huis clos.",
                ),
            )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "À propos de Huis clos"),
            QCoreApplication.translate(
                "MainWindow",
                "<b>Huis clos {0}</b><br>Autocontrôle des commentaires administratifs des "
                "cabinets médicaux.<br><br>Tout reste sur cet ordinateur : aucune donnée "
                "n'est envoyée.<br>Licence EUPL-1.2.",
            ).format(__version__),
        )


__all__ = ["TOOL_HOOKS", "MainWindow", "demo_path"]
