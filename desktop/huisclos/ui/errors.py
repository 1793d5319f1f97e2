"""Errors shown to a person: French sentences in a dialog, never a traceback.

``show_error`` displays a core :class:`HuisclosError` message; ``install_excepthook`` turns any
unexpected exception on the GUI thread into a calm French dialog (the details go to the log
file through ``logging``, not to the screen).

Threading: GUI thread only.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.errors import HuisclosError

logger = logging.getLogger(__name__)


def error_message(error: BaseException) -> str:
    """The sentence a secretary reads for ``error``."""
    if isinstance(error, HuisclosError):
        return error.message
    if isinstance(error, MemoryError):
        return QCoreApplication.translate(
            "Errors",
            "Mémoire insuffisante pour ce fichier. Fermez d'autres logiciels et réessayez.",
        )
    if isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "Errors",
            "Accès refusé au fichier. Vérifiez qu'il n'est pas ouvert dans un autre logiciel "
            "et que vous avez le droit d'y écrire.",
        )
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "Errors", "Le fichier n'a pas pu être lu ou écrit. Vérifiez le dossier et réessayez."
        )
    return QCoreApplication.translate(
        "Errors",
        "Une erreur inattendue s'est produite. Votre fichier d'origine n'a pas été modifié. "
        "Enregistrez votre travail et redémarrez Huis clos.",
    )


def show_error(parent: QWidget | None, error: BaseException | str, title: str = "") -> None:
    """A modal French message box for ``error``."""
    message = error if isinstance(error, str) else error_message(error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "Huis clos"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(QCoreApplication.translate("Errors", "Message d'erreur"))
    box.exec()


_hook_busy = False


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    global _hook_busy
    logger.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
    if _hook_busy or QApplication.instance() is None:
        return
    _hook_busy = True
    try:
        show_error(QApplication.activeWindow(), error)
    finally:
        _hook_busy = False


def install_excepthook() -> None:
    """Unexpected errors become a French dialog instead of a crash or a traceback."""
    sys.excepthook = _excepthook
