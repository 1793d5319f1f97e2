"""«Changer les colonnes…»: choose which columns hold the comments to analyse.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..labels import format_number
from . import answer_buttons


class ColumnsDialog(QDialog):
    """One checkbox per column of each table; the detected comment columns are ticked."""

    def __init__(
        self,
        tables: list[tuple[str, list[str], int]],
        selected: dict[str, list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Colonnes de commentaires"))
        self.setMinimumSize(440, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Cochez les colonnes qui contiennent des commentaires libres. L'analyse sera "
                "relancée ; les corrections déjà faites sont conservées."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        self.boxes: dict[str, list[tuple[str, QCheckBox]]] = {}
        for name, header, rows in tables:
            title = name or self.tr("Colonnes du fichier")
            group = QGroupBox(f"{title} — " + self.tr("{0} lignes").format(format_number(rows)))
            group_layout = QVBoxLayout(group)
            boxes = []
            for column in header:
                box = QCheckBox(column or self.tr("(colonne sans titre)"))
                box.setChecked(column in selected.get(name, []))
                box.setAccessibleName(self.tr("Analyser la colonne {0}").format(column))
                group_layout.addWidget(box)
                boxes.append((column, box))
            self.boxes[name] = boxes
            body_layout.addWidget(group)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        relaunch = self.tr("Relancer l'analyse")
        layout.addWidget(answer_buttons(self, relaunch, self.accept, self.tr("Annuler")))

    def selected(self) -> dict[str, list[str]]:
        return {
            name: [column for column, box in boxes if box.isChecked()]
            for name, boxes in self.boxes.items()
        }
