"""The review screen: summary bar and chart, scan progress, findings grouped by category,
the patients table and the detail panel.

The page lays out widgets and forwards the user's intentions; the main window owns the
session, the undo stack and the background jobs.

Threading: GUI thread only.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.detect.categories import SEVERITY_RANK
from ..core.exports.columns import identity_columns
from ..core.review.counts import ReviewCounts
from ..core.review.session import ReviewSession
from .chart import CategoryChart
from .chips import CategoryChipDelegate, chips_width
from .delegates import HighlightDelegate
from .detail_panel import DetailPanel
from .labels import category_label, category_word, format_number, format_rate
from .models import CATEGORY_ROLE, CategoryModel, PatientTableModel, ReviewFilterProxy
from .search_bar import SearchBar
from .style import spaced


def summary_text(counts: ReviewCounts) -> str:
    """«238 commentaires à revoir sur 12 431 patients · 300 passages repérés · 112 commentaires
    corrigés»: the figures of :mod:`huisclos.core.review.counts`, in their words."""
    review = (
        QCoreApplication.translate("Review", "{n} commentaire à revoir")
        if counts.to_review <= 1
        else QCoreApplication.translate("Review", "{n} commentaires à revoir")
    ).format(n=format_number(counts.to_review))
    people = (
        QCoreApplication.translate("Review", "sur {n} patient")
        if counts.patients <= 1
        else QCoreApplication.translate("Review", "sur {n} patients")
    ).format(n=format_number(counts.patients))
    found = (
        QCoreApplication.translate("Review", "{n} passage repéré")
        if counts.passages <= 1
        else QCoreApplication.translate("Review", "{n} passages repérés")
    ).format(n=format_number(counts.passages))
    fixed = (
        QCoreApplication.translate("Review", "{n} commentaire corrigé")
        if counts.corrected <= 1
        else QCoreApplication.translate("Review", "{n} commentaires corrigés")
    ).format(n=format_number(counts.corrected))
    return f"{review} {people} · {found} · {fixed}"


class ProgressStrip(QFrame):
    """«Analyse en cours…» with a progress bar, rows per second and «Annuler»."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressStrip")
        layout = spaced(QHBoxLayout(self), (12, 6, 12, 6))
        self.label = QLabel(self.tr("Lecture du fichier…"))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Progression de l'analyse"))
        self.bar.setRange(0, 0)
        self.bar.setMinimumWidth(240)
        self.rate = QLabel()
        self.cancel_button = QPushButton(self.tr("Annuler"))
        self.cancel_button.setToolTip(self.tr("Arrêter l'analyse (Échap)"))
        self.cancel_button.setAccessibleName(self.tr("Annuler l'analyse"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self._last_update = 0.0
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.rate)
        layout.addWidget(self.cancel_button)

    def reset(self) -> None:
        self._last_update = 0.0
        self.label.setText(self.tr("Lecture du fichier…"))
        self.bar.setRange(0, 0)
        self.rate.setText("")

    def set_progress(self, done: int, total: int, seconds: float) -> None:
        # QProgressBar.setValue repaints at once: at most ~4 updates a second keep the window
        # free during a scan (the last one, done == total, always shows)
        now = time.monotonic()
        if done != total and now - self._last_update < 0.25:
            return
        self._last_update = now
        self.label.setText(self.tr("Analyse des commentaires…"))
        if total > 0:
            # setValue repaints the window at once, before the rows just inserted are laid
            # out, and they are painted a second time moments later: with updates off, the bar
            # is painted with the rest, once
            self.bar.setUpdatesEnabled(False)
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setFormat(
                self.tr("{0} / {1} lignes").format(format_number(done), format_number(total))
            )
            self.bar.setUpdatesEnabled(True)
        rate = done / seconds if seconds > 0 else 0
        if rate:
            self.rate.setText(self.tr("{0} lignes/s").format(format_rate(rate)))


class RoomyDelegate(QStyledItemDelegate):
    """Rows of the category list with a little air, one or two lines high."""

    def sizeHint(self, option, index) -> QSize:  # type: ignore[no-untyped-def]
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height() + 10, 28))


class ReviewPage(QWidget):
    """What the window shows once a file is open."""

    apply_category_requested = Signal(object)  # category id, or None for everything
    change_columns_requested = Signal()
    current_cell_changed = Signal()
    table_painted = Signal()  # the patients table repainted (a scan waits for it: main_window)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        outer = spaced(QVBoxLayout(self), (10, 8, 10, 6), 6)

        # summary bar
        summary = QFrame()
        summary.setObjectName("summaryBar")
        summary_layout = spaced(QHBoxLayout(summary), (12, 6, 12, 6))
        texts = QVBoxLayout()
        self.file_label = QLabel()
        self.file_label.setObjectName("fileLabel")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setAccessibleName(self.tr("Résumé"))
        self.summary_label.setWordWrap(True)
        columns_row = QHBoxLayout()
        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        self.columns_button = QPushButton(self.tr("Changer les colonnes…"))
        self.columns_button.setToolTip(
            self.tr("Choisir les colonnes de commentaires à analyser, puis relancer l'analyse")
        )
        self.columns_button.setAccessibleName(self.tr("Changer les colonnes analysées"))
        self.columns_button.clicked.connect(self.change_columns_requested)
        columns_row.addWidget(self.columns_label, 1)
        columns_row.addWidget(self.columns_button)
        texts.addWidget(self.file_label)
        texts.addWidget(self.summary_label)
        texts.addLayout(columns_row)
        self.chart = CategoryChart()
        self.chart.category_clicked.connect(self.show_category)
        summary_layout.addLayout(texts, 1)
        summary_layout.addWidget(self.chart)
        outer.addWidget(summary)

        self.progress = ProgressStrip()
        self.progress.hide()
        outer.addWidget(self.progress)

        # left: categories
        left = QWidget()
        left_layout = spaced(QVBoxLayout(left), (0, 0, 0, 0))
        categories_title = QLabel(self.tr("À revoir par catégorie"))
        categories_title.setObjectName("sectionTitle")
        self.category_model = CategoryModel(self)
        self.category_view = QTableView()
        self.category_view.setModel(self.category_model)
        self.category_view.setAccessibleName(self.tr("Catégories à revoir"))
        self.category_view.setAccessibleDescription(
            self.tr("Choisissez une catégorie pour n'afficher que ses commentaires")
        )
        self.category_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.category_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.category_view.verticalHeader().hide()
        self.category_view.setShowGrid(False)
        # long names («Vie sexuelle et identité de genre») wrap onto a second line rather
        # than being cut; the row grows to fit, the tooltip repeats name and counts
        self.category_view.setWordWrap(True)
        self.category_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.category_view.setItemDelegate(RoomyDelegate(self.category_view))
        self.category_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        header = self.category_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.category_view.selectionModel().currentRowChanged.connect(self._category_changed)
        self.apply_category_button = QPushButton(self.tr("Tout appliquer"))
        self.apply_category_button.setAccessibleName(
            self.tr("Appliquer toutes les propositions de la catégorie choisie")
        )
        self.apply_category_button.clicked.connect(
            lambda: self.apply_category_requested.emit(self.proxy.category)
        )
        left_layout.addWidget(categories_title)
        left_layout.addWidget(self.category_view, 1)
        left_layout.addWidget(self.apply_category_button)

        # middle: the table
        middle = QWidget()
        middle_layout = spaced(QVBoxLayout(middle), (0, 0, 0, 0))
        self.only_to_review = QCheckBox(self.tr("Seulement les commentaires à revoir"))
        self.only_to_review.setChecked(True)
        self.only_to_review.setAccessibleName(self.tr("Seulement les commentaires à revoir"))
        self.only_to_review.setToolTip(
            self.tr("Décochez pour voir tous les patients du fichier (Ctrl+R)")
        )
        self.model = PatientTableModel(self)
        self.proxy = ReviewFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.only_to_review.toggled.connect(self.proxy.set_only_to_review)
        self.table = QTableView()
        self.table.setObjectName("patientsTable")
        self.table.setAccessibleName(self.tr("Patients"))
        self.table.setAccessibleDescription(
            self.tr(
                "Une ligne par patient ; F8 : commentaire à revoir suivant, Entrée : appliquer "
                "la proposition, F2 : modifier, Ctrl+F : rechercher"
            )
        )
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setHighlightSections(False)
        self.delegate = HighlightDelegate(self.table)
        self.chip_delegate = CategoryChipDelegate(self.table)
        self._identity: list[int] = []  # NOM, Prénom columns shown beside the comment
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentChanged.connect(
            lambda *_: self.current_cell_changed.emit()
        )
        self.empty_label = QLabel()
        self.empty_label.setObjectName("placeholder")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.notice_label = QLabel()
        self.notice_label.setObjectName("sheetNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setAccessibleName(self.tr("Remarque sur la feuille"))
        self.notice_label.hide()
        filters = QHBoxLayout()
        filters.addWidget(self.only_to_review)
        filters.addStretch(1)
        self.sheet_label = QLabel(self.tr("&Feuille :"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName(self.tr("Feuille du classeur"))
        self.sheet_label.setBuddy(self.sheet_combo)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        filters.addWidget(self.sheet_label)
        filters.addWidget(self.sheet_combo)
        self.sheet_label.hide()
        self.sheet_combo.hide()
        middle_layout.addLayout(filters)
        self.showing_for_search = False
        self.search_bar = SearchBar()
        self.search_bar.hide()
        self.search_bar.row_found.connect(self.go_to_row)
        self.search_bar.closed.connect(self.table.setFocus)
        middle_layout.addWidget(self.search_bar)
        middle_layout.addWidget(self.notice_label)
        middle_layout.addWidget(self.table, 1)
        middle_layout.addWidget(self.empty_label)

        self.detail = DetailPanel()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([300, 640, 410])
        left.setMinimumWidth(280)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)

        QWidget.setTabOrder(self.category_view, self.apply_category_button)
        QWidget.setTabOrder(self.apply_category_button, self.only_to_review)
        QWidget.setTabOrder(self.only_to_review, self.table)
        QWidget.setTabOrder(self.table, self.detail.apply_button)
        QWidget.setTabOrder(self.detail.apply_button, self.detail.other_button)
        QWidget.setTabOrder(self.detail.other_button, self.detail.edit_button)

    # --- setup -----------------------------------------------------------------------------
    def set_session(self, session: ReviewSession | None, sheet: str | None = None) -> None:
        """Show ``session`` (its main table, or ``sheet`` of a workbook)."""
        for column in range(self.model.columnCount()):
            self.table.setItemDelegateForColumn(column, None)  # type: ignore[arg-type]
        self.model.set_session(session, sheet)
        self.search_bar.set_session(session, self.model.sheet)
        self._fill_sheets(session)
        if session is None:
            self.detail.show_nothing()
            self.notice_label.hide()
            return
        self.file_label.setText(session.path.name)
        self.file_label.setToolTip(str(session.path))
        for name in self.model.comment_columns:
            self.table.setItemDelegateForColumn(self.model.column_of(name), self.delegate)
        self.table.setItemDelegateForColumn(self.model.COL_STATE, self.chip_delegate)
        self._size_columns()
        self.refresh_columns_label(session)
        self.refresh_summary(session)
        self._refresh_notice(session)

    def _refresh_notice(self, session: ReviewSession) -> None:
        """Say what a spreadsheet hides and the review does not: a hidden sheet, hidden
        columns, notes a format does not give, a copy in another format."""
        table = session.table_named(self.model.sheet)
        lines = []
        if getattr(table, "hidden", False):
            lines.append(
                self.tr(
                    "Cette feuille est masquée dans le classeur : ses commentaires sont "
                    "analysés comme les autres."
                )
            )
        hidden_columns = getattr(table, "hidden_columns", [])
        if hidden_columns:
            names = ", ".join(self.tr("« {0} »").format(name) for name in hidden_columns)
            lines.append(
                self.tr("Colonnes masquées dans le tableur, analysées aussi : {0}.").format(names)
            )
        if session.export.kind == "xls":
            lines.append(
                self.tr(
                    "Classeur Excel 97-2003 (.xls) : les notes des cellules ne sont pas lues, et "
                    "la copie nettoyée sera un classeur .xlsx qui reprend les textes tels qu'ils "
                    "s'affichent (mise en forme, formules, images et notes non reprises)."
                )
            )
        lines += self._reading_notes(session, table)
        self.notice_label.setText("\n".join(lines))
        self.notice_label.setVisible(bool(lines))

    def _reading_notes(self, session: ReviewSession, table: object) -> list[str]:
        """How the file was read, when it matters (the command line says the same)."""
        lines = []
        header_line = getattr(table, "header_line", 0)
        if header_line > 1:
            lines.append(
                self.tr(
                    "L'en-tête est à la ligne {0} : les lignes au-dessus (un titre, des lignes "
                    "vides) ne sont pas des patients et ne sont pas analysées."
                ).format(header_line)
            )
        mixed = len(getattr(table, "utf8_records", ()))
        if mixed:
            lines.append(
                self.tr(
                    "Encodage mélangé : {0} ligne(s) en UTF-8 dans un fichier en {1} ; chacune "
                    "est lue, et corrigée, dans son propre encodage."
                ).format(format_number(mixed), getattr(session.export, "encoding_label", ""))
            )
        return lines

    def _fill_sheets(self, session: ReviewSession | None) -> None:
        """A sheet chooser for workbooks whose comments sit in several sheets (a hidden sheet
        is marked «masquée»)."""
        tables = list(session.export.tables) if session is not None else []
        names = [t.name for t in tables]
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for table in tables:
            label = table.name or self.tr("(feuille)")
            if getattr(table, "hidden", False):
                label = self.tr("{0} (masquée)").format(label)
            self.sheet_combo.addItem(label, table.name)
        self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(self.model.sheet)))
        self.sheet_combo.blockSignals(False)
        several = len(names) > 1
        self.sheet_label.setVisible(several)
        self.sheet_combo.setVisible(several)

    def _sheet_chosen(self, index: int) -> None:
        session = self.model.session
        sheet = self.sheet_combo.itemData(index)
        if session is not None and sheet != self.model.sheet:
            self.set_session(session, sheet)
            self.step(True)

    def _size_columns(self) -> None:
        """Who the patient is next to what was written: «État» (compact), NOM, Prénom, then
        the comment, which takes the rest of the width; the other columns follow."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = self.table.fontMetrics()
        comment_columns = sorted(self.model.column_of(name) for name in self.model.comment_columns)
        self._identity = self._identity_columns()
        # visual order only; the file keeps its own order
        front = [*self._identity, *comment_columns]
        for position, column in enumerate(front, start=1):
            header.moveSection(header.visualIndex(column), position)
        # room for the widest single chip, and two short ones («Santé» «Religion»)
        sample = max(
            chips_width([category_word("social")], self.table.font()),
            chips_width([category_word("health"), category_word("religion")], self.table.font()),
        )
        self.table.setColumnWidth(self.model.COL_STATE, max(sample + 8, 64))
        for column in range(1, self.model.columnCount()):
            if column in comment_columns:
                continue
            name = self.model.column_name(column) or ""
            width = metrics.horizontalAdvance(name) + 32
            if column in self._identity:
                width = max(width, metrics.horizontalAdvance("BOUSQUET") + 16)
                self.table.setColumnWidth(column, min(width, 120))
            else:
                self.table.setColumnWidth(column, min(max(width, 90), 170))
        self._fit_comment_columns()

    def _identity_columns(self) -> list[int]:
        """NOM and Prénom (model columns) when the export has them."""
        session = self.model.session
        if session is None:
            return []
        roles = identity_columns(session.table_named(self.model.sheet))
        names = [roles[role] for role in ("nom", "prenom") if role in roles]
        return [
            self.model.column_of(name)
            for name in names
            if name in self.model.header and name not in self.model.comment_columns
        ]

    def _fit_comment_columns(self) -> None:
        """The comment columns share what «État» and the identity columns leave visible."""
        comment_columns = [self.model.column_of(name) for name in self.model.comment_columns]
        if not comment_columns:
            return
        used = self.table.columnWidth(self.model.COL_STATE) + sum(
            self.table.columnWidth(column) for column in self._identity
        )
        available = self.table.viewport().width() - used - 2
        width = max(260, available // len(comment_columns))
        for column in comment_columns:
            self.table.setColumnWidth(column, width)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if watched is self.table.viewport():
            if event.type() == QEvent.Type.Resize:
                self._fit_comment_columns()
            elif event.type() == QEvent.Type.Paint:
                self.table_painted.emit()
        return super().eventFilter(watched, event)

    def refresh_columns_label(self, session: ReviewSession) -> None:
        names = [name for columns in session.columns.values() for name in columns]
        if names:
            quoted = ", ".join(self.tr("« {0} »").format(name) for name in names)
            text = self.tr("Colonnes analysées : {0}").format(quoted)
        else:
            text = self.tr("Aucune colonne de commentaires trouvée : choisissez-en une.")
        self.columns_label.setText(text)

    def refresh_summary(self, session: ReviewSession) -> None:
        # most serious first, then the most comments (the counts the list and the chart show)
        summaries = sorted(
            session.category_summaries(),
            key=lambda s: (-SEVERITY_RANK.get(s.severity, 0), -s.cells),
        )
        counts = session.counts()
        to_review = counts.to_review
        self.summary_label.setText(summary_text(counts))
        current = self.proxy.category
        self.category_model.set_summaries(summaries, to_review)
        self.chart.set_summaries(summaries)
        row = self.category_model.row_of(current)
        if current is not None and row == 0:
            self.proxy.set_category(None)
        selection = self.category_view.selectionModel()
        if selection.currentIndex().row() != row:
            selection.blockSignals(True)
            selection.setCurrentIndex(
                self.category_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            selection.blockSignals(False)
        self._update_apply_button()
        self._update_empty_state(session)

    def _update_apply_button(self) -> None:
        category = self.proxy.category
        if category is None:
            self.apply_category_button.setText(self.tr("Tout appliquer"))
            self.apply_category_button.setToolTip(
                self.tr("Appliquer la proposition de chaque commentaire à revoir (Ctrl+Maj+Entrée)")
            )
        else:
            self.apply_category_button.setText(
                self.tr("Tout appliquer : {0}").format(category_label(category))
            )
            self.apply_category_button.setToolTip(
                self.tr("Appliquer les propositions de cette catégorie — une seule annulation")
            )
        self.apply_category_button.setEnabled(bool(self.category_model.summaries))

    def _update_empty_state(self, session: ReviewSession) -> None:
        empty = session.scan_complete and session.review_count() == 0 and self.proxy.only_to_review
        if empty:
            self.empty_label.setText(
                self.tr(
                    "Plus aucun commentaire à revoir. Enregistrez la copie nettoyée "
                    "(Ctrl+S) et la liste de corrections."
                )
            )
        self.empty_label.setVisible(empty)

    def show_category(self, category: str | None) -> None:
        """Filter the list to ``category`` (a chart bar was clicked), as its row in the
        category list does."""
        row = self.category_model.row_of(category)
        self.category_view.selectionModel().setCurrentIndex(
            self.category_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _category_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        category = current.data(CATEGORY_ROLE) if current.isValid() else None
        self.proxy.set_category(category or None)
        self._update_apply_button()
        self.current_cell_changed.emit()  # the panel's proposal follows the view's category

    # --- navigation ------------------------------------------------------------------------
    def current_key(self):  # type: ignore[no-untyped-def]
        """The comment cell the user is on (the row's first comment with findings)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        key = self.model.cell_key(source)
        if key is not None and key[2] in self.model.comment_columns:
            return key
        return self.row_comment_key(self.model.row_number(source))

    def row_comment_key(self, row: int):  # type: ignore[no-untyped-def]
        session = self.model.session
        if session is None or not self.model.comment_columns:
            return None
        keys = [(self.model.sheet, row, column) for column in self.model.comment_columns]
        for key in keys:
            if session.findings(key):
                return key
        for key in keys:
            if session.is_changed(key):
                return key
        return keys[0]

    def go_to_row(self, row: int) -> None:
        """Show and select data row ``row`` (a search result), on its comment column; when the
        list hides it (only comments to review, one category), the list shows every row."""
        if self.model.position_of(row) < 0 and self.only_to_review.isChecked():
            self.showing_for_search = True  # for this result only: not a new preference
            try:
                self.only_to_review.setChecked(False)
            finally:
                self.showing_for_search = False
            self.search_bar.say_all_rows_shown()
        source = self.model.index_of(row, 0)
        if source.isValid() and not self.proxy.mapFromSource(source).isValid():
            self.show_category(None)
            source = self.model.index_of(row, 0)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.select_row(index.row())

    def select_row(self, proxy_row: int) -> None:
        """Make ``proxy_row`` current, on its comment column."""
        if proxy_row < 0 or proxy_row >= self.proxy.rowCount():
            return
        source_row = self.model.row_number(self.proxy.mapToSource(self.proxy.index(proxy_row, 0)))
        key = self.row_comment_key(source_row)
        column = self.model.column_of(key[2]) if key else 0
        index = self.proxy.index(proxy_row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def step(self, forward: bool) -> bool:
        """Move to the next (or previous) row with something to review; False at the end."""
        count = self.proxy.rowCount()
        if not count:
            return False
        current = self.table.currentIndex().row()
        rows = range(current + 1, count) if forward else range(current - 1, -1, -1)
        if current < 0:
            rows = range(0, count) if forward else range(count - 1, -1, -1)
        for proxy_row in rows:
            source_row = self.model.row_number(
                self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
            )
            if self.model.row_categories(source_row):
                self.select_row(proxy_row)
                return True
        return False

    def set_progress_visible(self, visible: bool) -> None:
        self.progress.setVisible(visible)

    def show_rate(self, done: int, total: int, seconds: float) -> None:
        self.progress.set_progress(done, total, seconds)


__all__ = ["ReviewPage", "format_rate", "summary_text"]
