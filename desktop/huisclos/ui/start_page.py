"""The start page: a large drop zone, «Ouvrir un fichier…», the fictional example, recent
files (names only), «Vérifier un commentaire» (before saving one in the practice software) and
the reassurance that nothing leaves the computer.

Threading: GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .style import spaced

MISSING_ROLE = Qt.ItemDataRole.UserRole + 1  # a recent file that is no longer there
SUPPORTED_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".ods", ".xls")


def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The first local file of a drag, if it looks like an export."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                return path
    return None


class DropZone(QFrame):
    """A big dashed frame that accepts a dropped export (and opens the file dialog on click)."""

    file_dropped = Signal(Path)
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Zone de dépôt du fichier"))
        self.setAccessibleDescription(
            self.tr("Déposez ici l'export de vos patients, ou appuyez sur Entrée pour le choisir.")
        )
        layout = spaced(QVBoxLayout(self), (24, 24, 24, 24))
        layout.addStretch(1)
        self.icon = QLabel("⇩")
        self.icon.setObjectName("dropIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self.tr("Déposez l'export de vos patients — CSV, Excel ou LibreOffice"))
        self.title.setObjectName("dropTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.hint = QLabel(
            self.tr("Le fichier est seulement lu : l'original n'est jamais modifié.")
        )
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        for widget in (self.icon, self.title, self.hint):
            layout.addWidget(widget)
        layout.addSpacing(14)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(12)
        layout.addLayout(self.buttons)
        layout.addStretch(1)
        self._set_hover(False)

    def _set_hover(self, hover: bool) -> None:
        self.setProperty("hover", hover)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event) is not None:
            event.acceptProposedAction()
            self._set_hover(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._set_hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(False)
        path = dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.file_dropped.emit(path)

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)


class StartPage(QWidget):
    """What the window shows before a file is open."""

    open_requested = Signal()
    demo_requested = Signal()
    file_chosen = Signal(Path)
    clear_recent_requested = Signal()
    check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        outer = spaced(QVBoxLayout(self), (48, 28, 48, 20), 16)

        title = QLabel(self.tr("Huis clos"))
        title.setObjectName("startTitle")
        subtitle = QLabel(
            self.tr(
                "Vérifiez les commentaires administratifs de vos patients : repérez ce qui ne "
                "doit pas y figurer et corrigez-le en un clic."
            )
        )
        subtitle.setWordWrap(True)
        subtitle.setObjectName("startSubtitle")
        outer.addWidget(title)
        outer.addWidget(subtitle)

        self.drop_zone = DropZone()
        self.drop_zone.file_dropped.connect(self.file_chosen)
        self.drop_zone.clicked.connect(self.open_requested)

        self.open_button = QPushButton(self.tr("Ouvrir un fichier…"))
        self.open_button.setObjectName("primaryButton")
        self.open_button.setToolTip(self.tr("Choisir l'export CSV, Excel ou LibreOffice (Ctrl+O)"))
        self.open_button.setAccessibleName(self.tr("Ouvrir un fichier"))
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button = QPushButton(self.tr("Essayer avec un exemple fictif"))
        self.demo_button.setToolTip(
            self.tr("Ouvre une liste de patients inventés, pour découvrir le logiciel")
        )
        self.demo_button.setAccessibleName(self.tr("Essayer avec un exemple fictif"))
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = self.drop_zone.buttons
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        for button in (self.open_button, self.demo_button):
            button.setMinimumHeight(38)

        left = QVBoxLayout()
        left.addWidget(self.drop_zone, 1)

        # the side column: two cards sized to their content, stacked from the top
        recent_card = QFrame()
        recent_card.setObjectName("sideCard")
        recent_box = spaced(QVBoxLayout(recent_card), (12, 10, 12, 10), 6)
        title_row = QHBoxLayout()
        recent_title = QLabel(self.tr("Fichiers récents"))
        recent_title.setObjectName("sectionTitle")
        self.clear_button = QPushButton(self.tr("Effacer la liste"))
        self.clear_button.setObjectName("linkButton")
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.setAccessibleName(self.tr("Effacer la liste des fichiers récents"))
        self.clear_button.setToolTip(
            self.tr("Oublier ces noms de fichiers (les fichiers eux-mêmes ne sont pas touchés)")
        )
        self.clear_button.clicked.connect(self.clear_recent_requested)
        title_row.addWidget(recent_title)
        title_row.addStretch(1)
        title_row.addWidget(self.clear_button)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.setAccessibleName(self.tr("Fichiers récents"))
        self.recent_list.setFrameShape(QFrame.Shape.NoFrame)
        self.recent_list.setMinimumWidth(240)
        self.recent_list.setSpacing(2)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.setToolTip(self.tr("Cliquez ou appuyez sur Entrée pour rouvrir"))
        # one click opens (a double click must not open it twice); Enter from the keyboard
        self.recent_list.itemClicked.connect(self._recent_activated)
        self.recent_list.installEventFilter(self)
        self.recent_empty = QLabel(self.tr("Aucun fichier récent"))
        self.recent_empty.setObjectName("emptyState")
        self.recent_empty.setWordWrap(True)
        recent_box.addLayout(title_row)
        recent_box.addWidget(self.recent_list)
        recent_box.addWidget(self.recent_empty)
        check_card = QFrame()
        check_card.setObjectName("sideCard")
        check_box = spaced(QVBoxLayout(check_card), (12, 10, 12, 12), 6)
        check_title = QLabel(self.tr("Avant d'enregistrer un commentaire"))
        check_title.setObjectName("sectionTitle")
        check_text = QLabel(
            self.tr(
                "Tapez ou collez-le : Huis clos dit tout de suite s'il pose problème et propose "
                "une formulation neutre."
            )
        )
        check_text.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Vérifier un commentaire…"))
        self.check_button.setToolTip(
            self.tr("Vérifier un commentaire avant de l'enregistrer dans votre logiciel (Ctrl+K)")
        )
        self.check_button.setAccessibleName(self.tr("Vérifier un commentaire"))
        self.check_button.clicked.connect(self.check_requested)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        check_box.addWidget(check_title)
        check_box.addWidget(check_text)
        check_box.addLayout(check_row)
        howto = QLabel(
            self.tr(
                "<b>Comment ça marche ?</b><br>1. Ouvrez l'export de vos patients.<br>"
                "2. Huis clos signale les commentaires qui ne devraient pas y figurer "
                "(santé, religion, rumeurs…) et propose une correction.<br>"
                "3. Corrigez en un clic, puis enregistrez une copie nettoyée et la liste "
                "des corrections à reporter dans votre logiciel."
            )
        )
        howto.setWordWrap(True)
        howto.setObjectName("howTo")
        side = QVBoxLayout()
        side.setSpacing(14)
        side.addWidget(recent_card)
        side.addWidget(check_card)
        side.addWidget(howto)
        side.addStretch(1)

        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addLayout(left, 3)
        middle.addLayout(side, 1)
        outer.addLayout(middle, 1)

        self.banner = QLabel(self.tr("Tout reste sur cet ordinateur. Aucune donnée n'est envoyée."))
        self.banner.setObjectName("privacyBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setAccessibleName(
            self.tr("Tout reste sur cet ordinateur. Aucune donnée n'est envoyée.")
        )
        outer.addWidget(self.banner)

        QWidget.setTabOrder(self.drop_zone, self.open_button)
        QWidget.setTabOrder(self.open_button, self.demo_button)
        QWidget.setTabOrder(self.demo_button, self.recent_list)
        QWidget.setTabOrder(self.recent_list, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.check_button)
        self.set_recent_files([])

    def set_recent_files(self, files: list[str]) -> None:
        """Show recent files: the name, its folder underneath (the full path in the tooltip);
        a file that is no longer there is greyed with «introuvable» and does not open."""
        self.recent_list.setVisible(bool(files))
        self.recent_list.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for file in files:
            path = Path(file)
            folder = path.parent.name or str(path.parent)
            item = QListWidgetItem(icon, f"{path.name}\n{folder}")
            item.setData(Qt.ItemDataRole.UserRole, file)
            if path.exists():
                item.setToolTip(file)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{path.name}, {folder}")
            else:
                item.setText(f"{path.name}\n" + self.tr("{0} — introuvable").format(folder))
                item.setToolTip(self.tr("Introuvable : {0}").format(file))
                item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                item.setData(MISSING_ROLE, True)
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    self.tr("{0}, introuvable").format(path.name),
                )
            self.recent_list.addItem(item)
        # as tall as its rows (up to 8, then it scrolls): no empty box under a short list
        rows = max(1, min(len(files), 8))
        row_height = max(self.recent_list.sizeHintForRow(0), self.fontMetrics().height() + 6)
        spacing = 2 * self.recent_list.spacing()
        self.recent_list.setFixedHeight(rows * (row_height + spacing) + 4)
        has_files = bool(files)
        self.recent_empty.setVisible(not has_files)
        self.clear_button.setEnabled(has_files)
        self.clear_button.setVisible(has_files)  # nothing to clear: no link

    def _recent_activated(self, item: QListWidgetItem) -> None:
        if item.data(MISSING_ROLE):
            return  # greyed «introuvable»: nothing to open
        self.file_chosen.emit(Path(item.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if (
            watched is self.recent_list
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.recent_list.currentItem() is not None
        ):
            self._recent_activated(self.recent_list.currentItem())
            return True
        return super().eventFilter(watched, event)
