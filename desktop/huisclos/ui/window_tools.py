"""The window's tools: the journal, the settings, the self-check report, the workshop, the
rules (F1), «À propos», and the warning about where an opened export sits.

Each opens a dialog of its own module; what a change of settings implies (a new detector, a
rescan, a journal event) is decided here for the window.

Threading: GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from .. import __version__
from ..core.audit import events as audit_events
from ..core.detect.detector import Detector
from . import settings

if TYPE_CHECKING:
    from .main_window import MainWindow


class WindowTools:
    """The «Outils» and «Aide» commands of the window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._locations_told: set[str] = set()

    def show_journal(self) -> None:
        from .dialogs.journal import JournalDialog

        self.window.recorder.wait(5_000)
        dialog = JournalDialog(self.window, self.window.pool)
        dialog.load()
        dialog.exec()
        dialog.wait()

    def show_settings(self) -> None:
        from .dialogs.settings_dialog import SettingsDialog
        from .prevention import tray_available

        prevention = self.window.prevention
        dialog = SettingsDialog(
            self.window,
            self.window.session,
            tray_available=tray_available(),
            autostart=prevention.autostart_enabled(),
        )
        if not dialog.exec():
            return
        changes = dialog.apply()
        prevention.apply_settings(changes)
        if changes.get("terms") or changes.get("scan"):
            if changes.get("scan"):
                disabled = len(settings.disabled_categories.value())
                self.window.recorder.record(
                    "settings_changed",
                    audit_events.settings_payload(categories_disabled=disabled, scan_options=1),
                )
            if changes.get("terms"):
                self.window.detector = Detector.default(refresh=True)
                self.window.recorder.record(
                    "settings_changed", audit_events.settings_payload(**changes["terms"])
                )
            if self.window.session is not None and self.window.detector is not None:
                self.window.session.set_detector(self.window.detector)
                self.window.rescan()
        if changes.get("language"):
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("MainWindow", "Langue"),
                QCoreApplication.translate(
                    "MainWindow",
                    "La nouvelle langue sera utilisée au prochain démarrage de Huis clos.",
                ),
            )

    def show_report(self) -> None:
        """«Rapport d'autocontrôle…» for the file open, once its scan is over."""
        from .report_dialog import show_report_dialog

        if self.window.session is None:
            return
        if not self.window.session.scan_complete:
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("MainWindow", "Rapport d'autocontrôle"),
                QCoreApplication.translate(
                    "MainWindow", "Attendez la fin de l'analyse pour produire le rapport."
                ),
            )
            return
        show_report_dialog(self.window, self.window.session)

    def show_workshop(self) -> None:
        from .workshop import open_workshop

        open_workshop(self.window)

    def generate_exercise(self) -> None:
        from .dialogs.exercise import generate_exercise_file

        generate_exercise_file(self.window, open_file=self.window.open_file)

    def show_rules(self) -> None:
        """«Pourquoi ? Les règles des commentaires» (F1)."""
        from .help_dialog import show_help

        show_help(self.window)

    def check_location(self) -> None:
        """An export opened from a synchronised folder (OneDrive, Dropbox…) or from
        Téléchargements/Bureau: say so once per file, in a dismissible message, with the
        reminder to delete the export after use."""
        from ..core.report.workstation import location_message
        from .help_dialog import show_location_warning

        if self.window.session is None:
            return
        path = str(self.window.session.path)
        if path in self._locations_told:
            return
        self._locations_told.add(path)
        message = location_message(path)
        if message:
            show_location_warning(self.window, message)

    def show_about(self) -> None:
        QMessageBox.about(
            self.window,
            QCoreApplication.translate("MainWindow", "À propos de Huis clos"),
            QCoreApplication.translate(
                "MainWindow",
                "<b>Huis clos {0}</b><br>Autocontrôle des commentaires administratifs des "
                "cabinets médicaux.<br><br>Tout reste sur cet ordinateur : aucune donnée "
                "n'est envoyée.<br>Licence EUPL-1.2.",
            ).format(__version__),
        )
