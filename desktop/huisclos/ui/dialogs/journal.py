"""«Journal»: the decrypted events of the practice's log, «Vérifier l'intégrité» and export.

Reading and verifying run on the thread pool (decryption, a keyring that may be slow); the
dialog shows the result. The passphrase is asked first when the computer has no keyring.

Threading: GUI thread; the work is done by :class:`~huisclos.ui.workers.CallJob`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import events as audit_events
from ...core.audit import log as audit_log
from ...core.audit.describe_en import describe_in_english
from ...core.audit.export import export_events, local_time
from ...core.audit.verify import VerifyResult
from ..labels import format_number, language
from ..workers import CallJob
from .passphrase import ensure_log_unlocked

logger = logging.getLogger(__name__)


def _load() -> list[dict[str, Any]]:
    log = audit_log.open_log()
    try:
        return log.events()
    finally:
        log.close()


def _verify() -> VerifyResult:
    log = audit_log.open_log()
    try:
        return log.verify()
    finally:
        log.close()


def _export(path: Path, language: str = "fr", labels: dict[str, str] | None = None) -> int:
    log = audit_log.open_log()
    try:
        return export_events(log, path, language=language, labels=labels)
    finally:
        log.close()


def event_time(event: dict[str, Any]) -> str:
    """«23/11/2026 14:05» in local time."""
    try:
        return local_time(str(event.get("time", "")))
    except ValueError:
        return str(event.get("time", ""))


class JournalDialog(QDialog):
    """Lists the log's events; verifies and exports it."""

    def __init__(self, parent: QWidget | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Journal chiffré"))
        self.resize(900, 560)
        self.pool = pool or QThreadPool.globalInstance()
        self.events: list[dict[str, Any]] = []
        self._jobs: set[CallJob] = set()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Ce journal garde la trace de vos analyses et corrections, sans aucun texte de "
                "patient. Il est chiffré et toute modification est détectée."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("N°"), self.tr("Date"), self.tr("Événement"), self.tr("Détail")]
        )
        self.table.setAccessibleName(self.tr("Événements du journal"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status = QLabel(self.tr("Lecture du journal…"))
        self.status.setObjectName("journalStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État du journal"))
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Vérifier l'intégrité"))
        self.verify_button.setToolTip(
            self.tr("Contrôler que chaque événement est intact et à sa place")
        )
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("Exporter…"))
        self.export_button.setToolTip(
            self.tr("Enregistrer le journal déchiffré (CSV ou JSON) pour votre registre RGPD")
        )
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("Fermer"))
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.verify_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.last_result: VerifyResult | None = None

    # --- background calls ------------------------------------------------------------------
    def _run(self, function, on_done, *args) -> CallJob:  # type: ignore[no-untyped-def]
        job = CallJob(function, *args)
        job.signals.done.connect(lambda value, job=job: (self._jobs.discard(job), on_done(value)))
        job.signals.failed.connect(
            lambda message, job=job: (self._jobs.discard(job), self._failed(message))
        )
        self._jobs.add(job)
        self.pool.start(job)
        return job

    def load(self) -> CallJob | None:
        """Read the events (asks the passphrase first if needed)."""
        if not ensure_log_unlocked(self):
            self._failed(
                self.tr("Le journal reste verrouillé : la phrase de passe n'a pas été donnée.")
            )
            return None
        self.status.setText(self.tr("Lecture du journal…"))
        return self._run(_load, self._loaded)

    def _loaded(self, events: list[dict[str, Any]]) -> None:
        self.events = list(events)
        self.table.setRowCount(len(self.events))
        for row, event in enumerate(self.events):
            kind = str(event.get("event", ""))
            values = [
                str(event.get("seq", row + 1)),
                event_time(event),
                self.event_label(kind)
                or str(event.get("label") or audit_events.EVENT_LABELS.get(kind, kind)),
                describe_in_english(event) if language() == "en" else audit_events.describe(event),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setToolTip(value)
                self.table.setItem(row, column, item)
        count = len(self.events)
        self.status.setText(
            (
                self.tr(
                    "{0} événement. Cliquez sur « Vérifier l'intégrité » pour contrôler le journal."
                )
                if count == 1
                else self.tr(
                    "{0} événements. Cliquez sur « Vérifier l'intégrité » pour contrôler le "
                    "journal."
                )
            ).format(format_number(count))
            if self.events
            else self.tr("Le journal est vide : aucune analyse n'a encore été enregistrée.")
        )
        self.verify_button.setEnabled(True)
        self.export_button.setEnabled(bool(self.events))

    def event_label(self, kind: str) -> str:
        """The event's name in the interface language ("" for a kind this version lacks)."""
        labels = {
            "scan": self.tr("Analyse"),
            "edit": self.tr("Corrections"),
            "save_copy": self.tr("Copie nettoyée"),
            "worklist": self.tr("Liste de corrections"),
            "settings_changed": self.tr("Réglages modifiés"),
            "key_rotated": self.tr("Nouvelle clé"),
            "verify": self.tr("Vérification du journal"),
            "report": self.tr("Rapport d'autocontrôle"),
            "prevention": self.tr("Vérifications avant saisie"),
            "ignore": self.tr("Passage ignoré"),
        }
        return labels.get(kind, "")

    def verify(self) -> CallJob:
        self.status.setText(self.tr("Vérification en cours…"))
        self.verify_button.setEnabled(False)
        return self._run(_verify, self._verified)

    def _verified(self, result: VerifyResult) -> None:
        self.last_result = result
        self.verify_button.setEnabled(True)
        if result.ok:  # in the interface language, with the app's number format
            message = (
                self.tr("Journal intègre : {0} événement.")
                if result.events <= 1
                else self.tr("Journal intègre : {0} événements.")
            ).format(format_number(result.events))
        else:
            message = result.message or result.problem or self.tr("Le journal a été modifié.")
        prefix = "✓ " if result.ok else "⚠ "
        self.status.setText(prefix + message)
        self.status.setProperty("ok", result.ok)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _failed(self, message: str) -> None:
        self.status.setText("⚠ " + message)
        self.verify_button.setEnabled(True)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le journal"),
            str(Path.home() / "journal-huisclos.csv"),
            self.tr("Tableur CSV (*.csv);;JSON (*.json)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> CallJob:
        """Write the decrypted log (CSV or JSON by extension) in the background."""
        self.status.setText(self.tr("Export en cours…"))
        labels = {kind: self.event_label(kind) for kind in audit_events.EVENT_LABELS}
        return self._run(
            _export, lambda count: self._exported(path, count), path, language(), labels
        )

    def _exported(self, path: Path, count: int) -> None:
        text = (
            self.tr("Journal exporté : {0} ({1} événement).")
            if count <= 1
            else self.tr("Journal exporté : {0} ({1} événements).")
        )
        self.status.setText(text.format(path.name, format_number(count)))

    def wait(self) -> None:
        self.pool.waitForDone(10_000)
