"""Desktop app entry point (placeholder until the desktop issue lands)."""

from __future__ import annotations


def run_app() -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel("Huis clos")
    label.show()
    return app.exec()
