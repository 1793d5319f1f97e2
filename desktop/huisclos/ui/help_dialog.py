"""«Pourquoi ?»: the rules behind the findings, in a few short French paragraphs.

A small non-modal window: the topics on the left, the text on the right. The texts are data
(:mod:`huisclos.core.report.help_text`); this module only shows them.

Entry points for the main window:
- :func:`show_help(parent, topic=None)` — open (or bring forward) the help on a topic id;
- :func:`show_help_for_finding(parent, finding)` — the topic that explains a finding
  (the «Pourquoi ?» link under every finding's explanation);
- :func:`show_location_warning` — the once-per-file warning about where the export sits.
Threading: GUI thread only.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.detect.findings import Finding
from ..core.report.help_text import TOPICS, in_language, topic, topic_for, topic_html
from .labels import language

TOPIC_ROLE = Qt.ItemDataRole.UserRole


class HelpDialog(QDialog):
    """The «Pourquoi ?» window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pourquoi ? — Les règles des commentaires"))
        self.setObjectName("helpDialog")
        self.resize(760, 480)
        self.topics = QListWidget(self)
        self.topics.setAccessibleName(self.tr("Sujets"))
        self.topics.setMaximumWidth(260)
        self.topics.setWordWrap(True)
        self.topics.setSpacing(4)
        for item in TOPICS:
            entry = QListWidgetItem(in_language(item, language()).title)
            entry.setData(TOPIC_ROLE, item.id)
            self.topics.addItem(entry)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Explication"))
        self.text.setOpenLinks(False)
        font = self.text.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.text.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))

        body = QHBoxLayout()
        body.addWidget(self.topics)
        body.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.topics.currentItemChanged.connect(self._show_current)
        self.show_topic(TOPICS[0].id)

    def show_topic(self, topic_id: str) -> None:
        """Select a topic (the CNIL overview for an unknown id)."""
        wanted = topic(topic_id).id
        for row in range(self.topics.count()):
            if self.topics.item(row).data(TOPIC_ROLE) == wanted:
                self.topics.setCurrentRow(row)
                break
        self._show_current()

    def current_topic(self) -> str:
        item = self.topics.currentItem()
        return str(item.data(TOPIC_ROLE)) if item else TOPICS[0].id

    def _show_current(self, *_: object) -> None:
        self.text.setHtml(topic_html(in_language(topic(self.current_topic()), language())))


_orphan: list[HelpDialog] = []  # the window opened without a parent, kept alive


def show_help(parent: QWidget | None = None, topic: str | None = None) -> HelpDialog:
    """Open the help window on ``topic`` (one window per parent, brought forward)."""
    dialog: HelpDialog | None
    if parent is not None:
        dialog = parent.findChild(
            HelpDialog, "helpDialog", Qt.FindChildOption.FindDirectChildrenOnly
        )
    else:
        dialog = _orphan[0] if _orphan and shiboken6.isValid(_orphan[0]) else None
    if dialog is None:
        dialog = HelpDialog(parent)
        if parent is None:
            _orphan[:] = [dialog]
    if topic:
        dialog.show_topic(topic)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_help_for_finding(parent: QWidget | None, finding: Finding) -> HelpDialog:
    """Open the help on the rule that explains ``finding``."""
    item = topic_for(finding.category, finding.reasons, finding.severity)
    return show_help(parent, item.id)


def show_location_warning(parent: QWidget | None, message: str) -> QMessageBox:
    """The workstation warning: non-modal, closed with «Compris»."""
    box = QMessageBox(parent)
    box.setObjectName("locationWarning")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("QMessageBox", "Emplacement de l'export"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(
        QCoreApplication.translate("QMessageBox", "Compris")
    )
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.show()
    return box
