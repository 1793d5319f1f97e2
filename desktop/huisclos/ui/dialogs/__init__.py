"""Dialogs of the desktop app (columns, manual edit, exercise file, journal, settings,
passphrase), and the button row they share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox


def answer_buttons(
    dialog: QDialog, accept: str | None, on_accept: Callable[[], object], cancel: str
) -> QDialogButtonBox:
    """A dialog's two buttons: ``accept`` (Entrée; Qt's «OK» when None) runs ``on_accept``,
    ``cancel`` (Échap) closes the dialog."""
    ok, no = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
    buttons = QDialogButtonBox(ok | no, dialog)
    if accept is not None:
        buttons.button(ok).setText(accept)
    buttons.button(no).setText(cancel)
    # what each does, for screen readers (Qt reads the description after the name)
    buttons.button(ok).setAccessibleDescription(
        QCoreApplication.translate("Dialogs", "Valide et ferme la fenêtre (Entrée)")
    )
    buttons.button(no).setAccessibleDescription(
        QCoreApplication.translate("Dialogs", "Ferme la fenêtre sans rien changer (Échap)")
    )
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
