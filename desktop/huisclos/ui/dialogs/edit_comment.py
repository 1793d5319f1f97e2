"""«Modifier…»: the user writes the comment; each keystroke is re-scanned (debounced) so what
is still sensitive shows while typing.

Threading: GUI thread only (a single cell's detection takes microseconds).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.edits import CellKey
from ...core.review.session import ReviewSession
from ..detail_panel import highlighted_html
from ..labels import category_label
from . import answer_buttons


class EditCommentDialog(QDialog):
    """Edit one comment by hand, with a live check."""

    def __init__(
        self,
        session: ReviewSession,
        key: CellKey,
        initial: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.key = key
        self.setWindowTitle(self.tr("Modifier le commentaire — ligne {0}").format(key[1]))
        self.setMinimumSize(560, 360)
        layout = QVBoxLayout(self)
        original = QLabel(
            "<b>"
            + self.tr("Commentaire actuel :")
            + "</b> "
            + highlighted_html(session.text(key), session.findings(key))
        )
        original.setWordWrap(True)
        original.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(original)
        label = QLabel(self.tr("&Nouveau commentaire :"))
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Nouveau commentaire"))
        self.editor.setTabChangesFocus(True)
        label.setBuddy(self.editor)
        start = initial if initial is not None else session.text(key)
        self.editor.setPlainText(start)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        self.check = QLabel()
        self.check.setWordWrap(True)
        self.check.setTextFormat(Qt.TextFormat.RichText)
        self.check.setAccessibleName(self.tr("Vérification du nouveau commentaire"))
        layout.addWidget(self.check)
        layout.addWidget(
            answer_buttons(self, self.tr("Enregistrer"), self.accept, self.tr("Annuler"))
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.recheck)
        self.editor.textChanged.connect(self.timer.start)
        self.recheck()

    def text(self) -> str:
        return self.editor.toPlainText()

    def recheck(self) -> None:
        """Re-scan the text being typed and say what is still sensitive."""
        text = self.text()
        findings = self.session.detect(self.key, text) if text.strip() else []
        if not findings:
            self.check.setText("✓ " + html.escape(self.tr("Rien à signaler dans ce texte.")))
            return
        words = ", ".join(
            f"« {html.escape(f.match)} » ({html.escape(category_label(f.category))})"
            for f in findings
        )
        self.check.setText(
            "⚠ "
            + html.escape(self.tr("Encore à revoir :"))
            + f" {words}<br>"
            + highlighted_html(text, findings)
        )
