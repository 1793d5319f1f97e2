"""The status bar's word when the journal is locked and the user chose «Plus tard»: one line
that says what to do *in the app* — «Journal verrouillé : vos actions ne sont pas enregistrées.
Cliquez ici pour le déverrouiller.» — never the command line's environment variable.

Clicking it asks for the passphrase (:func:`.dialogs.passphrase.ensure_log_unlocked`); once
the journal opens, the notice goes. Other journal warnings are shown as they are, elided to fit.

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton, QStatusBar, QWidget

from ..core.audit import keys


class LogLockNotice:
    """A flat, clickable status-bar line shown while the journal is locked."""

    def __init__(self, bar: QStatusBar, on_unlocked: Callable[[], None]) -> None:
        self.bar = bar
        self.on_unlocked = on_unlocked
        self.button = QPushButton(
            QCoreApplication.translate(
                "LogLockNotice",
                "Journal verrouillé : vos actions ne sont pas enregistrées. "
                "Cliquez ici pour déverrouiller le journal.",
            )
        )
        self.button.setObjectName("logLockNotice")
        self.button.setFlat(True)
        self.button.setAccessibleName(
            QCoreApplication.translate("LogLockNotice", "Déverrouiller le journal")
        )
        self.button.clicked.connect(self.unlock)
        bar.addWidget(self.button, 1)
        self.button.hide()

    def warn(self, message: str) -> None:
        """A journal warning: the clickable line when the journal is locked by a passphrase,
        otherwise ``message`` elided to the window's width."""
        if self.is_locked():
            self.button.show()
            return
        width = max(200, self.bar.width() - 40)
        self.bar.showMessage(
            self.bar.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, width), 15_000
        )
        self.bar.setToolTip(message)

    @staticmethod
    def is_locked() -> bool:
        """True when the journal needs a passphrase the user can type here."""
        status = keys.key_status()
        return status.state is not keys.KeyState.AVAILABLE and status.storage != "keyring"

    def unlock(self) -> bool:
        """Ask for the passphrase; hides the line and calls ``on_unlocked`` once it opens."""
        from .dialogs.passphrase import ensure_log_unlocked

        parent: QWidget | None = self.bar.window()
        if not ensure_log_unlocked(parent):
            return False
        self.button.hide()
        self.on_unlocked()
        return True
