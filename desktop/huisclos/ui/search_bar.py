"""The search bar of the review screen (Ctrl+F): a patient's name, a file number or a word of
the comments, across every row of the sheet, with «Précédent» / «Suivant» and «3 sur 12».

The matching is the core's (:class:`huisclos.core.review.search.RowIndex`: case and accents
ignored, comments as edited); this widget only asks and says where the user is. A match in a
row the list does not show (only comments to review, one category) makes the list show every
row, and says so.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..core.review.search import RowIndex
from ..core.review.session import ReviewSession
from .labels import format_number
from .style import spaced


class SearchBar(QFrame):
    """«Rechercher : [      ] Précédent Suivant  3 sur 12  ×»; emits ``row_found(sheet row)``."""

    row_found = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        layout = spaced(QHBoxLayout(self), (0, 2, 0, 2), 6)
        label = QLabel(self.tr("&Rechercher :"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Nom, n° de dossier ou mot d'un commentaire"))
        self.field.setAccessibleName(self.tr("Rechercher un patient ou un mot"))
        self.field.setAccessibleDescription(
            self.tr("Entrée : suivant, Maj+Entrée : précédent, Échap : fermer")
        )
        self.field.setClearButtonEnabled(True)
        label.setBuddy(self.field)
        self.previous_button = QPushButton(self.tr("Précédent"))
        self.previous_button.setToolTip(self.tr("Résultat précédent (Maj+Entrée)"))
        self.next_button = QPushButton(self.tr("Suivant"))
        self.next_button.setToolTip(self.tr("Résultat suivant (Entrée, F3)"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Résultats de la recherche"))
        close = QPushButton("×")
        close.setFlat(True)
        close.setAccessibleName(self.tr("Fermer la recherche"))
        close.setToolTip(self.tr("Fermer la recherche (Échap)"))
        for widget in (label, self.field):
            layout.addWidget(widget)
        layout.setStretchFactor(self.field, 1)
        for widget in (self.previous_button, self.next_button, self.count_label, close):
            layout.addWidget(widget)
        self.previous_button.clicked.connect(lambda: self.step(False))
        self.next_button.clicked.connect(lambda: self.step(True))
        close.clicked.connect(self.close_bar)
        self.field.returnPressed.connect(lambda: self.step(True))
        self.field.installEventFilter(self)
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, lambda: self.step(True))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)  # search once the user pauses typing
        self._timer.timeout.connect(self.search)
        self.field.textEdited.connect(lambda _text: self._timer.start())
        self.session: ReviewSession | None = None
        self.sheet = ""
        self._index: RowIndex | None = None
        self.matches: list[int] = []
        self.position = -1
        self._update_buttons()

    def set_session(self, session: ReviewSession | None, sheet: str) -> None:
        """The table searched (the row index is rebuilt on the next search)."""
        self.session, self.sheet = session, sheet
        self._index = None
        self.matches, self.position = [], -1
        self._update_buttons()

    def open_bar(self) -> None:
        """Ctrl+F: show the bar, the field selected for a new search."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if watched is self.field and isinstance(event, QKeyEvent):
            keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
            if event.type() == event.Type.ShortcutOverride and event.key() in keys:
                event.accept()  # Enter searches here: it must not apply a suggestion
                return True
            if event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if (
                event.type() == event.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.step(False)
                return True
        return super().eventFilter(watched, event)

    def search(self) -> list[int]:
        """Find the rows holding the field's text; goes to the first one."""
        self._timer.stop()
        session = self.session
        if session is None:
            return []
        if self._index is None:
            self._index = RowIndex(session.table_named(self.sheet))
        self.matches = self._index.find(self.field.text(), session.overlay)
        self.position = -1
        self._update_buttons()
        if self.matches:
            self.step(True)
        return self.matches

    def step(self, forward: bool) -> None:
        """«Suivant» / «Précédent», wrapping around at the ends."""
        if self._timer.isActive() or (not self.matches and self.field.text().strip()):
            if not self.search():
                return
            if forward:
                return  # the search itself went to the first match
        if not self.matches:
            return
        count = len(self.matches)
        self.position = (self.position + (1 if forward else -1)) % count
        self._update_buttons()
        self.row_found.emit(self.matches[self.position])

    def say_all_rows_shown(self) -> None:
        """The result was hidden by «Seulement les commentaires à revoir»: the list now shows
        every row, and the bar says so."""
        self.count_label.setText(self.count_label.text() + self.tr(" · tous les patients affichés"))

    def _update_buttons(self) -> None:
        count = len(self.matches)
        self.previous_button.setEnabled(count > 0)
        self.next_button.setEnabled(count > 0)
        if not self.field.text().strip():
            self.count_label.setText("")
        elif not count:
            self.count_label.setText(self.tr("Aucun résultat"))
        else:
            self.count_label.setText(
                self.tr("{0} sur {1}").format(
                    format_number(self.position + 1), format_number(count)
                )
            )
