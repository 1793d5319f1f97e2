"""A status-bar message with an «Annuler» button, for actions that take effect at once
(«Ignorer»): the user sees what happened and undoes it in one click, like Ctrl+Z.

The button is the window's undo action; it hides again when the message goes.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPushButton, QStatusBar

MESSAGE_MS = 10_000


class UndoNotice:
    """Shows «<what happened>  [Annuler]» in ``bar``; «Annuler» undoes the last step."""

    def __init__(self, bar: QStatusBar, stack: QUndoStack) -> None:
        self.bar = bar
        self.stack = stack
        self.button = QPushButton(QCoreApplication.translate("UndoNotice", "Annuler"))
        self.button.setObjectName("statusUndo")
        self.button.setFlat(True)
        self.button.setAccessibleName(
            QCoreApplication.translate("UndoNotice", "Annuler la dernière action")
        )
        self.button.setToolTip(QCoreApplication.translate("UndoNotice", "Annuler (Ctrl+Z)"))
        self.button.clicked.connect(self._undo)
        bar.addPermanentWidget(self.button)
        self.button.hide()
        self._message = ""
        bar.messageChanged.connect(self._message_changed)

    def show(self, message: str) -> None:
        """``message`` for a few seconds, with «Annuler» beside it."""
        self._message = message
        self.bar.showMessage(message, MESSAGE_MS)
        self.button.show()

    def _message_changed(self, message: str) -> None:
        if message != self._message:
            self.button.hide()

    def _undo(self) -> None:
        self.button.hide()
        self.bar.clearMessage()
        if self.stack.canUndo():
            self.stack.undo()
