"""A question with named answers («Enregistrer quand même» / «Continuer la revue»), the one
message box the window's questions share: the user reads the choices, not «Oui / Non».

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

Choice = tuple[str, str, QMessageBox.ButtonRole]
"""(answer key, button text, role)."""


def ask_choice(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: list[Choice],
    default: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str:
    """Show ``text`` with one button per choice (``default`` on Entrée); the key of the one
    clicked, or of the last choice when the box is closed otherwise (Échap)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    buttons = {key: box.addButton(label, role) for key, label, role in choices}
    box.setDefaultButton(buttons[default])
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), choices[-1][0])
