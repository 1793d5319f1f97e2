"""Asks for the log's passphrase when the computer has no usable keyring.

With a key file already there, the passphrase is asked once per session; with nothing yet, the
user chooses one (typed twice). The core keeps it in memory only (``keys.unlock``).

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import keys
from ...core.errors import HuisclosError
from . import answer_buttons

MIN_LENGTH = 8


class PassphraseDialog(QDialog):
    """Type (or choose) the journal's passphrase."""

    def __init__(self, choose: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choose = choose
        self.setWindowTitle(self.tr("Phrase de passe du journal"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if choose:
            text = self.tr(
                "Ce poste n'a pas de trousseau sécurisé. Choisissez une phrase de passe pour "
                "protéger le journal chiffré (au moins {0} caractères). Notez-la en lieu sûr : "
                "sans elle, le journal ne peut pas être relu."
            ).format(MIN_LENGTH)
        else:
            text = self.tr("Le journal est protégé par une phrase de passe. Saisissez-la.")
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Phrase de passe"))
        form.addRow(self.tr("&Phrase de passe :"), self.first)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Confirmation de la phrase de passe"))
        if choose:
            form.addRow(self.tr("&Confirmation :"), self.second)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("errorLabel")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(answer_buttons(self, None, self._try_accept, self.tr("Plus tard")))

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _try_accept(self) -> None:
        phrase = self.first.text()
        if self.choose:
            if len(phrase) < MIN_LENGTH:
                self._fail(
                    self.tr("La phrase de passe doit avoir au moins {0} caractères.").format(
                        MIN_LENGTH
                    )
                )
                return
            if phrase != self.second.text():
                self._fail(self.tr("Les deux saisies ne correspondent pas."))
                return
        try:
            keys.unlock(phrase)
        except HuisclosError as error:
            self._fail(error.message)
            return
        self.accept()


def ensure_log_unlocked(parent: QWidget | None = None) -> bool:
    """True when the log's keys can be used, asking for the passphrase if needed."""
    status = keys.key_status()
    if status.state is keys.KeyState.AVAILABLE:
        return True
    if status.storage == "keyring" and status.state is keys.KeyState.LOCKED:
        return False  # the system keyring must be unlocked by the user; nothing to type here
    dialog = PassphraseDialog(status.needs_new_passphrase, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
