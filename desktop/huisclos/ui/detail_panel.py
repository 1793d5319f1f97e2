"""The detail panel of the review screen: the selected comment, each finding with its French
category, explanation and reasons, and the suggested comment as a before/after preview, with
the actions («Appliquer», other suggestions, «Modifier…», «Ignorer», «Toujours autoriser»).

The panel decides nothing: it shows what the session computed and emits what the user asked.

Threading: GUI thread only.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.detect.findings import Finding
from ..core.edits import CellKey
from ..core.review.session import ReviewSession
from ..core.rewrite.suggestions import Suggestion
from .delegates import segments
from .flow_layout import FlowLayout
from .labels import (
    category_label,
    category_marker,
    reason_explanation,
    reason_label,
    rule_explanation,
    severity_label,
    suggestion_label,
)
from .style import rich_view, spaced
from .theme import highlight_background, marker_colour, severity_colour


def highlighted_html(text: str, findings: list[Finding]) -> str:
    """The comment as HTML with each finding tinted, underlined and marked."""
    parts: list[str] = []
    for run, finding in segments(text, findings):
        escaped = html.escape(run).replace("\n", "<br>")
        if finding is None:
            parts.append(escaped)
            continue
        background = highlight_background(finding.category).name()
        colour = marker_colour(finding.category).name()
        marker = category_marker(finding.category)
        parts.append(
            f'<span style="background-color:{background}; text-decoration: underline; '
            f'text-decoration-color:{colour};">{escaped}</span>'
            f'<sup style="color:{colour}; font-weight:bold;">{marker}</sup>'
        )
    return "".join(parts) or "<i>(vide)</i>"


def _quote(text: str) -> str:
    return html.escape(text).replace("\n", "<br>") if text else ""


def proposal_html(suggestion: Suggestion | None, empty: str, missing: str) -> str:
    """A proposal as the «Après» view shows it: its text, or ``empty`` (in italics) when it
    empties the comment, or ``missing`` when there is no proposal at all."""
    if suggestion is None:
        return f"<i>{html.escape(missing)}</i>"
    return _quote(suggestion.text) or f"<i>{html.escape(empty)}</i>"


def other_proposals_button(text: str) -> tuple[QToolButton, QMenu]:
    """«Autres propositions»: a button whose menu lists the other proposals
    (:func:`fill_suggestion_menu` fills it)."""
    button = QToolButton()
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setAccessibleName(text)
    button.setToolTip(
        QCoreApplication.translate("DetailPanel", "D'autres façons de corriger ce commentaire")
    )
    menu = QMenu(button)
    button.setMenu(menu)
    return button, menu


def fill_suggestion_menu(
    menu: QMenu, suggestions: list[Suggestion], picked: Callable[[int], object], empty: str
) -> None:
    """«Autres propositions»: one entry per suggestion after the first (its label and a preview
    of its text); choosing one calls ``picked`` with its index in ``suggestions``."""
    menu.clear()
    for index, suggestion in enumerate(suggestions[1:], start=1):
        preview = suggestion.text if len(suggestion.text) < 70 else suggestion.text[:67] + "…"
        label = (
            QCoreApplication.translate("DetailPanel", "{0} : « {1} »").format(
                suggestion_label(suggestion.label), preview
            )
            if suggestion.label
            else preview
        )
        action = QAction(label or empty, menu)
        action.triggered.connect(lambda _=False, i=index: picked(i))
        menu.addAction(action)


class FindingCard(QFrame):
    """One finding: category, matched words, severity, explanation, reasons and actions
    («Ignorer» and «Toujours autoriser» only for a comment under review, ``review_actions``)."""

    ignore_requested = Signal(object)
    allow_requested = Signal(object)
    why_requested = Signal(object)

    def __init__(
        self, finding: Finding, parent: QWidget | None = None, *, review_actions: bool = True
    ) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("findingCard")
        layout = spaced(QVBoxLayout(self), (10, 8, 10, 8), 4)
        colour = marker_colour(finding.category).name()
        severity = severity_colour(finding.severity).name()
        title = QLabel(
            f'<span style="color:{colour}; font-size:large;">■</span> '
            f"<b>{html.escape(category_label(finding.category))}</b> "
            f'<span style="color:{colour}; font-weight:bold;">'
            f"[{category_marker(finding.category)}]</span> — "
            + html.escape(self.tr("« {0} »").format(finding.match))
            + " — "
            f'<span style="color:{severity};">'
            + html.escape(self.tr("gravité {0}").format(severity_label(finding.severity)))
            + "</span>"
        )
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        if finding.explanation:
            explanation = QLabel(rule_explanation(finding.rule, finding.explanation))
            explanation.setWordWrap(True)
            layout.addWidget(explanation)
        for reason in finding.reasons:
            label = QLabel(
                self.tr("<b>{0}</b> : {1}").format(
                    html.escape(reason_label(reason).capitalize()),
                    html.escape(reason_explanation(reason)),
                )
            )
            label.setWordWrap(True)
            label.setObjectName("reasonLabel")
            layout.addWidget(label)
        buttons = FlowLayout()  # wraps in a narrow panel, a longer language, a larger font
        self.ignore_button = QPushButton(self.tr("Ignorer"))
        self.ignore_button.setToolTip(
            self.tr("Laisser ce passage tel quel dans ce commentaire (Ctrl+I)")
        )
        self.ignore_button.setAccessibleName(self.tr("Ignorer « {0} »").format(finding.match))
        self.ignore_button.clicked.connect(lambda: self.ignore_requested.emit(self.finding))
        self.allow_button = QPushButton(self.tr("Toujours autoriser ce terme"))
        self.allow_button.setToolTip(
            self.tr("Ne plus jamais signaler « {0} » dans ce cabinet").format(finding.match)
        )
        self.allow_button.setAccessibleName(
            self.tr("Toujours autoriser « {0} »").format(finding.match)
        )
        self.allow_button.clicked.connect(lambda: self.allow_requested.emit(self.finding))
        self.why_button = QPushButton(self.tr("Pourquoi ?"))
        self.why_button.setObjectName("linkButton")
        self.why_button.setToolTip(self.tr("La règle qui s'applique, en quelques mots"))
        self.why_button.setAccessibleName(self.tr("Pourquoi est-ce un problème ?"))
        self.why_button.clicked.connect(lambda: self.why_requested.emit(self.finding))
        if review_actions:
            buttons.addWidget(self.ignore_button)
            buttons.addWidget(self.allow_button)
        else:
            self.ignore_button.hide()
            self.allow_button.hide()
        buttons.addWidget(self.why_button)
        layout.addLayout(buttons)


class DetailPanel(QWidget):
    """Shows the selected comment and emits the user's decisions."""

    apply_requested = Signal(object, int)  # CellKey, suggestion index
    edit_requested = Signal(object)  # CellKey
    ignore_requested = Signal(object)  # Finding
    allow_requested = Signal(object)  # Finding
    why_requested = Signal(object)  # Finding: show the rule («Pourquoi ?»)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.key: CellKey | None = None
        self.suggestions: list[Suggestion] = []
        self.setMinimumWidth(360)
        outer = spaced(QVBoxLayout(self), (0, 0, 0, 0))

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        # the panel wraps its texts and buttons to its width: never a sideways scroll
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)
        body = QWidget()
        self.scroll.setWidget(body)
        self.body = spaced(QVBoxLayout(body), (12, 10, 12, 10), 8)

        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.comment = rich_view("commentView", self.tr("Commentaire sélectionné"))
        self.findings_title = QLabel(self.tr("Ce qui pose problème"))
        self.findings_title.setObjectName("sectionTitle")
        self.cards = QVBoxLayout()
        self.cards.setSpacing(6)
        self.preview_title = QLabel(self.tr("Commentaire proposé"))
        self.preview_title.setObjectName("sectionTitle")
        self.before = rich_view("beforeView", selectable=False)
        self.after = rich_view("afterView", self.tr("Commentaire proposé"))
        # passages of other categories the proposal keeps (in one category's view)
        self.left = rich_view("leftForLater", selectable=False)

        actions = FlowLayout()
        self.apply_button = QPushButton(self.tr("Appliquer"))
        self.apply_button.setObjectName("primaryButton")
        self.apply_button.setToolTip(
            self.tr("Remplacer le commentaire par la proposition (Entrée)")
        )
        self.apply_button.setAccessibleName(self.tr("Appliquer la proposition"))
        self.apply_button.clicked.connect(lambda: self._apply(0))
        self.other_button, self.other_menu = other_proposals_button(self.tr("Autres propositions"))
        self.edit_button = QPushButton(self.tr("Modifier…"))
        self.edit_button.setToolTip(self.tr("Écrire le commentaire vous-même (F2)"))
        self.edit_button.setAccessibleName(self.tr("Modifier le commentaire"))
        self.edit_button.clicked.connect(lambda: self.key and self.edit_requested.emit(self.key))
        actions.addWidget(self.apply_button)
        actions.addWidget(self.other_button)
        actions.addWidget(self.edit_button)

        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        for widget in (self.heading, self.comment, self.findings_title):
            self.body.addWidget(widget)
        self.body.addLayout(self.cards)
        self.body.addWidget(self.preview_title)
        self.body.addWidget(self.before)
        self.body.addWidget(self.after)
        self.body.addWidget(self.left)
        self.body.addLayout(actions)
        self.body.addWidget(self.placeholder)
        self.body.addStretch(1)
        self._detail_widgets = [
            self.heading,
            self.comment,
            self.findings_title,
            self.preview_title,
            self.before,
            self.after,
            self.apply_button,
            self.other_button,
            self.edit_button,
        ]
        self.show_nothing()

    # --- states ----------------------------------------------------------------------------
    def _clear_cards(self) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def _set_detail_visible(self, visible: bool) -> None:
        for widget in self._detail_widgets:
            widget.setVisible(visible)
        self.placeholder.setVisible(not visible)

    def show_nothing(self, message: str | None = None) -> None:
        self.key = None
        self.suggestions = []
        self._clear_cards()
        self.left.setVisible(False)
        self._set_detail_visible(False)
        self.placeholder.setText(
            message
            or self.tr(
                "Choisissez un commentaire dans le tableau pour voir ce qui pose problème et la "
                "correction proposée.\n\nF8 : commentaire suivant · Maj+F8 : précédent"
            )
        )

    def show_cell(
        self, session: ReviewSession, key: CellKey, *, category: str | None = None
    ) -> None:
        """Show the cell ``key`` as the session sees it now; in the view of ``category`` the
        proposal resolves only that category's findings (as «Tout appliquer» there does) and
        says which passages stay to review in the other categories."""
        self.key = key
        self._clear_cards()
        self.left.setVisible(False)
        sheet, row, column = key
        text = session.text(key)
        findings = session.findings(key)
        where = self.tr("Ligne {0} · {1}").format(row, column)
        if sheet:
            where = f"{sheet} · {where}"
        self.heading.setText(where)
        self._set_detail_visible(True)
        self.comment.setText(highlighted_html(text, findings))
        if not findings:
            self.findings_title.setText(
                self.tr("Rien à revoir dans ce commentaire.")
                if not session.is_changed(key)
                else self.tr("Commentaire corrigé (Ctrl+Z pour annuler).")
            )
            self.cards.addWidget(QLabel())
            self.preview_title.setVisible(session.is_changed(key))
            self.preview_title.setText(self.tr("Correction faite"))
            self.before.setVisible(session.is_changed(key))
            self.after.setVisible(session.is_changed(key))
            self.before.setText(
                "<b>" + self.tr("Avant :") + "</b> " + _quote(session.original(key))
            )
            self.after.setText("<b>" + self.tr("Après :") + "</b> " + (_quote(text) or "—"))
            self.apply_button.setVisible(False)
            self.other_button.setVisible(False)
            self.edit_button.setVisible(True)
            self.suggestions = []
            return
        self.comment.setVisible(False)  # the «Avant» preview shows it, highlighted
        self.findings_title.setText(self.tr("Ce qui pose problème ({0})").format(len(findings)))
        for finding in findings:
            card = FindingCard(finding)
            card.ignore_requested.connect(self.ignore_requested)
            card.allow_requested.connect(self.allow_requested)
            card.why_requested.connect(self.why_requested)
            self.cards.addWidget(card)
        self.suggestions = session.suggestions(key, category=category)
        self._show_left(session.left_for_later(key, category) if self.suggestions else [])
        self.preview_title.setText(self.tr("Commentaire proposé"))
        self.before.setText("<b>" + self.tr("Avant :") + "</b> " + highlighted_html(text, findings))
        first = self.suggestions[0] if self.suggestions else None
        after = proposal_html(
            first,
            self.tr("(commentaire vidé)"),
            self.tr("pas de proposition : utilisez « Modifier… »"),
        )
        self.after.setText(f"<b>{self.tr('Après :')}</b> {after}")
        self.apply_button.setEnabled(first is not None)
        if first is not None:
            self.apply_button.setToolTip(
                self.tr("{0} — remplacer le commentaire (Entrée)").format(
                    suggestion_label(first.label)
                )
                if first.label
                else self.tr("Remplacer le commentaire par la proposition (Entrée)")
            )
        fill_suggestion_menu(
            self.other_menu, self.suggestions, self._apply, self.tr("(commentaire vidé)")
        )
        self.other_button.setEnabled(len(self.suggestions) > 1)
        self.other_button.setVisible(True)
        self.apply_button.setVisible(True)
        self.edit_button.setVisible(True)

    def _show_left(self, findings: list[Finding]) -> None:
        """«Restent à revoir dans d'autres catégories : « suicidés » (Santé)»."""
        if not findings:
            self.left.setVisible(False)
            return
        passages = ", ".join(
            f"« {html.escape(finding.match)} » ({html.escape(category_label(finding.category))})"
            for finding in findings
        )
        self.left.setText(
            "<i>"
            + self.tr("Restent à revoir dans d'autres catégories : {0}").format(passages)
            + "</i>"
        )
        self.left.setVisible(True)

    def _apply(self, index: int) -> None:
        if self.key is not None and index < len(self.suggestions):
            self.apply_requested.emit(self.key, index)

    def sizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 420))
        return hint


__all__ = [
    "DetailPanel",
    "FindingCard",
    "fill_suggestion_menu",
    "highlighted_html",
    "other_proposals_button",
    "proposal_html",
]
