"""Prevention, for the window: the «Vérifier un commentaire» box, the clipboard watch, life in the
notification area, starting with the session, and the day's figures for the journal.

- The check box (:mod:`.check_box`) opens from the start page, Outils ▸ Vérifier un commentaire
  (Ctrl+K), the tray menu and a notification's «Ouvrir».
- The clipboard watch (:mod:`.clipboard_watch`) is opt-in (``settings.clipboard_watch``, off by
  default) and needs a system tray: while it is on, the tray icon (:mod:`.tray`) is shown,
  closing the window keeps Huis clos running there, and «Quitter» in the tray menu quits.
  Without a system tray the option says so and stays off.
- Starting with the session (:mod:`huisclos.core.check.autostart`) is a sub-option of the
  watch: switching the watch off removes the entry too. ``huisclos --tray`` (what the entry
  runs) starts hidden with the watch on.
- Use is counted per day (:class:`huisclos.core.check.usage.DailyUsage`) and each finished day
  becomes one ``prevention`` journal event: at start, at midnight, after each use — once the
  journal's key can be read without asking (a passphrase is never asked for this).

Threading: GUI thread only.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ..core.check import autostart
from ..core.check.comment import CommentCheck, Notice
from ..core.check.usage import CHECK_BOX, WATCHER, DailyUsage
from ..core.detect.detector import Detector
from ..core.errors import HuisclosError
from . import settings
from .clipboard_watch import ClipboardWatch
from .errors import show_error
from .workers import CallJob

if TYPE_CHECKING:
    from .check_box import CheckDialog
    from .main_window import MainWindow
    from .tray import Tray

logger = logging.getLogger(__name__)

translate = QCoreApplication.translate

LAST_KEPT_MS = 5 * 60 * 1000  # the last flagged text stays in memory this long, for its actions
TRAY_RETRIES = 15  # at session start the tray may appear a little after the app
TRAY_RETRY_MS = 2_000


def tray_available() -> bool:
    """Whether this desktop has a notification area (tests replace it)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class Prevention(QObject):
    """The window's prevention tools."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._detector_ready = False
        self._warming = False
        self._warm_job: CallJob | None = None  # kept: its signals may still be emitting
        self.watch = ClipboardWatch(QGuiApplication.clipboard(), self, detector=self.detector)
        self.watch.flagged.connect(self._flagged)
        self.watch.looked_at.connect(self._looked_at)
        self.usage = DailyUsage()
        self.tray: Tray | None = None
        self.check_dialog: CheckDialog | None = None
        self.last: CommentCheck | None = None
        self._told_about_tray = False
        self._forget_timer = QTimer(self)
        self._forget_timer.setSingleShot(True)
        self._forget_timer.setInterval(LAST_KEPT_MS)
        self._forget_timer.timeout.connect(self.forget_last)
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._new_day)
        self._arm_midnight()
        self.flush_usage()
        if settings.clipboard_watch.value():
            self.set_watch(True, remember=False)

    # --- the check box -------------------------------------------------------------------------
    def open_check(self, text: str | None = None) -> CheckDialog:
        """«Vérifier un commentaire» in front, with ``text`` when given."""
        if self.check_dialog is None:
            from .check_box import CheckDialog
            from .help_dialog import show_help_for_finding

            dialog = CheckDialog(self.window, detector=self.detector, copy=self.copy_text)
            dialog.panel.comment_done.connect(
                lambda check: self._count(CHECK_BOX, check.categories)
            )
            dialog.panel.proposal_copied.connect(lambda _text: self._copied(CHECK_BOX))
            dialog.panel.why_requested.connect(
                lambda finding: show_help_for_finding(dialog, finding)
            )
            self.check_dialog = dialog
        self.check_dialog.open_with(text)
        return self.check_dialog

    # --- the detector --------------------------------------------------------------------------
    def detector(self) -> Detector | None:
        """The practice's detector, or None while it is being prepared in the background (the
        first build reads and compiles the lexicon: seconds the GUI thread must not wait)."""
        if self._detector_ready:
            return Detector.default()  # cached; rebuilt at once if the practice's terms changed
        self.warm_up()
        return None

    @property
    def detector_ready(self) -> bool:
        return self._detector_ready

    def warm_up(self) -> None:
        """Prepare the detector on the window's thread pool (once)."""
        if self._detector_ready or self._warming:
            return
        job = CallJob(Detector.default)
        job.signals.done.connect(self._warmed)
        job.signals.failed.connect(self._warm_failed)
        self._warming = True
        self._warm_job = job
        self.window.pool.start(job)

    def _warmed(self, _detector: Detector) -> None:
        self._warming = False
        self._detector_ready = True
        if self.check_dialog is not None:
            self.check_dialog.panel.recheck()
        self.watch.detector_ready()

    def _warm_failed(self, message: str) -> None:
        self._warming = False
        show_error(self.window, HuisclosError(message))

    def copy_text(self, text: str) -> None:
        """Put ``text`` on the clipboard as Huis clos's own write (the watch ignores it)."""
        self.watch.write(text)

    # --- the clipboard watch -------------------------------------------------------------------
    @property
    def watching(self) -> bool:
        return self.watch.active

    def set_watch(self, on: bool, *, remember: bool = True) -> bool:
        """Switch the watch on or off; returns whether it is on. Without a system tray it
        stays off. Off also removes the session's autostart entry."""
        if on and not tray_available():
            on = False
        if remember:
            settings.clipboard_watch.set(on)
        in_tray = self.keeps_running() and not self.window.isVisible()
        if on:
            tray = self._tray()
            tray.set_watching(True)
            tray.set_visible(True)
            self.warm_up()
            self.watch.start()
            QApplication.setQuitOnLastWindowClosed(False)  # the tray keeps the app running
        else:
            self.watch.stop()
            self.forget_last()
            if self.tray is not None:
                self.tray.set_watching(False)
                self.tray.hide()
            QApplication.setQuitOnLastWindowClosed(True)
            if remember and self.autostart_enabled():
                self.set_autostart(False)
            if in_tray:
                self.window.show_from_tray()  # never running with nothing on screen
        return on

    def keeps_running(self) -> bool:
        """True when closing the window should leave Huis clos in the tray."""
        return self.watching and self.tray is not None and self.tray.icon.isVisible()

    def _tray(self) -> Tray:
        if self.tray is None:
            from .tray import Tray

            tray = Tray(self.window.windowIcon(), self)
            tray.check_requested.connect(self.open_check)
            tray.watch_toggled.connect(self.set_watch)
            tray.show_window_requested.connect(self.window.show_from_tray)
            tray.quit_requested.connect(self.window.quit_app)
            tray.copy_neutral_requested.connect(self.copy_neutral)
            tray.open_last_requested.connect(self.open_last)
            self.tray = tray
        return self.tray

    def _flagged(self, notice: Notice, check: CommentCheck) -> None:
        """One notification for a copied text: the tray shows it (category and reason only)."""
        self.last = check
        self._forget_timer.start()
        self._tray().show_notice(notice)

    def _looked_at(self, check: CommentCheck, notice: Notice | None) -> None:
        self._count(WATCHER, notice.categories if notice is not None else ())

    def copy_neutral(self) -> bool:
        """«Copier la formulation neutre»: the last flagged text's proposal replaces it on the
        clipboard (an empty proposal empties the clipboard: the text is not pasted by mistake)."""
        check = self.last
        if check is None or check.proposal is None:
            return False
        self.copy_text(check.proposal)
        self._copied(WATCHER)
        if self.tray is not None and self.tray.icon.isVisible():
            self.tray.icon.showMessage(
                translate("Prevention", "Formulation neutre copiée"),
                translate("Prevention", "Collez-la dans votre logiciel (Ctrl+V).")
                if check.proposal
                else translate(
                    "Prevention",
                    "La proposition est de vider le commentaire : effacez-le dans votre logiciel.",
                ),
                QSystemTrayIcon.MessageIcon.Information,
                5_000,
            )
        return True

    def open_last(self) -> CheckDialog | None:
        """«Ouvrir»: the check box with the last flagged text."""
        if self.last is None:
            return None
        return self.open_check(self.last.text)

    def forget_last(self) -> None:
        """Drop the last flagged text from memory (and its actions from the tray menu)."""
        self.last = None
        self._forget_timer.stop()
        if self.tray is not None:
            self.tray.set_last_available(False)

    # --- the window and the tray ---------------------------------------------------------------
    def tell_still_running(self) -> None:
        """The first time the window closes into the tray, say where Huis clos went."""
        if self._told_about_tray or self.tray is None:
            return
        self._told_about_tray = True
        self.tray.icon.showMessage(
            translate("Prevention", "Huis clos reste ouvert"),
            translate(
                "Prevention",
                "La veille du presse-papiers continue ici. Pour quitter : clic droit sur "
                "l'icône ▸ Quitter.",
            ),
            QSystemTrayIcon.MessageIcon.Information,
            8_000,
        )

    def start_in_tray(self, attempt: int = 0) -> None:
        """``huisclos --tray`` (the session's autostart): hidden, watching. The tray may come
        up after the app at log-in, so wait a little for it; without one, show the window."""
        if tray_available():
            self.set_watch(True)
            return
        if attempt >= TRAY_RETRIES:
            self.window.show_from_tray()
            return
        QTimer.singleShot(TRAY_RETRY_MS, lambda: self.start_in_tray(attempt + 1))

    def shutdown(self) -> None:
        """Quitting: the box reports its last comment, the watch stops, the icon goes."""
        if self.check_dialog is not None:
            self.check_dialog.panel.finish()
            self.check_dialog.close()
        self.watch.stop()
        self.forget_last()
        if self.tray is not None:
            self.tray.hide()
        self.flush_usage()

    # --- starting with the session -------------------------------------------------------------
    def autostart_enabled(self) -> bool | None:
        """Whether the session starts Huis clos; None where it is not offered (macOS)."""
        entry = autostart.session_autostart()
        return entry.is_enabled() if entry is not None else None

    def set_autostart(self, on: bool) -> bool:
        """Write or remove the session's entry; False (and a French message) if it failed."""
        entry = autostart.session_autostart()
        if entry is None:
            return False
        try:
            if on:
                entry.enable()
            else:
                entry.disable()
        except HuisclosError as error:
            show_error(self.window, error)
            return False
        return True

    def apply_settings(self, changes: dict) -> None:
        """What the settings dialog changed: the watch, then the autostart entry."""
        if "watch" in changes:
            self.set_watch(bool(changes["watch"]))
        if "autostart" in changes and (self.watching or not changes["autostart"]):
            self.set_autostart(bool(changes["autostart"]))

    # --- the day's figures ---------------------------------------------------------------------
    def _count(self, source: str, categories: tuple[str, ...] | list[str]) -> None:
        self.usage.checked(source, categories)
        self.flush_usage()

    def _copied(self, source: str) -> None:
        self.usage.proposal_copied(source)

    def flush_usage(self) -> None:
        """Journal each finished day's figures, when the journal opens without asking."""
        if not self.usage.has_finished_days():
            return
        from ..core.audit import keys

        if keys.key_status().state is not keys.KeyState.AVAILABLE:
            return  # kept for later: a passphrase is asked only for real work
        for event in self.usage.finished_days():
            self.window.recorder.record(*event)

    def _arm_midnight(self) -> None:
        now = datetime.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), time(0, 0, 5))
        self._midnight.start(int((midnight - now).total_seconds() * 1000))

    def _new_day(self) -> None:
        self.flush_usage()
        self._arm_midnight()


__all__ = ["Prevention", "tray_available"]
