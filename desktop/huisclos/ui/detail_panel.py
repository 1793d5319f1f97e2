"""The detail panel of the review screen: the selected comment, each finding with its French
category, explanation and reasons, and the suggested comment as a before/after preview, with
the actions («Appliquer», other suggestions, «Modifier…», «Ignorer», «Toujours autoriser»).

The panel decides nothing: it shows what the session computed and emits what the user asked.

Threading: GUI thread only.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
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
    reason_explanation,
    reason_label,
    rule_explanation,
    severity_label,
    suggestion_label,
)
from .style import spaced
from .theme import CATEGORY_MARKERS, highlight_background, marker_colour, severity_colour


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
        marker = CATEGORY_MARKERS.get(finding.category, "?")
        parts.append(
            f'<span style="background-color:{background}; text-decoration: underline; '
            f'text-decoration-color:{colour};">{escaped}</span>'
            f'<sup style="color:{colour}; font-weight:bold;">{marker}</sup>'
        )
    return "".join(parts) or "<i>(vide)</i>"


def _quote(text: str) -> str:
    return html.escape(text).replace("\n", "<br>") if text else ""


class FindingCard(QFrame):
    """One finding: category, matched words, severity, explanation, reasons and actions."""

    ignore_requested = Signal(object)
    allow_requested = Signal(object)
    why_requested = Signal(object)

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
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
            f"[{CATEGORY_MARKERS.get(finding.category, '?')}]</span> — "
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
        buttons.addWidget(self.ignore_button)
        buttons.addWidget(self.allow_button)
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
        self.comment = QLabel()
        self.comment.setObjectName("commentView")
        self.comment.setWordWrap(True)
        self.comment.setTextFormat(Qt.TextFormat.RichText)
        self.comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comment.setAccessibleName(self.tr("Commentaire sélectionné"))
        self.findings_title = QLabel(self.tr("Ce qui pose problème"))
        self.findings_title.setObjectName("sectionTitle")
        self.cards = QVBoxLayout()
        self.cards.setSpacing(6)
        self.preview_title = QLabel(self.tr("Commentaire proposé"))
        self.preview_title.setObjectName("sectionTitle")
        self.before = QLabel()
        self.before.setWordWrap(True)
        self.before.setObjectName("beforeView")
        self.before.setTextFormat(Qt.TextFormat.RichText)
        self.after = QLabel()
        self.after.setWordWrap(True)
        self.after.setObjectName("afterView")
        self.after.setTextFormat(Qt.TextFormat.RichText)
        self.after.setAccessibleName(self.tr("Commentaire proposé"))
        self.after.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        actions = FlowLayout()
        self.apply_button = QPushButton(self.tr("Appliquer"))
        self.apply_button.setObjectName("primaryButton")
        self.apply_button.setToolTip(
            self.tr("Remplacer le commentaire par la proposition (Entrée)")
        )
        self.apply_button.setAccessibleName(self.tr("Appliquer la proposition"))
        self.apply_button.clicked.connect(lambda: self._apply(0))
        self.other_button = QToolButton()
        self.other_button.setText(self.tr("Autres propositions"))
        self.other_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.other_button.setAccessibleName(self.tr("Autres propositions"))
        self.other_button.setToolTip(self.tr("D'autres façons de corriger ce commentaire"))
        self.other_menu = QMenu(self.other_button)
        self.other_button.setMenu(self.other_menu)
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
        self._set_detail_visible(False)
        self.placeholder.setText(
            message
            or self.tr(
                "Choisissez un commentaire dans le tableau pour voir ce qui pose problème et la "
                "correction proposée.\n\nF8 : commentaire suivant · Maj+F8 : précédent"
            )
        )

    def show_cell(self, session: ReviewSession, key: CellKey) -> None:
        """Show the cell ``key`` as the session sees it now."""
        self.key = key
        self._clear_cards()
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
        self.suggestions = session.suggestions(key)
        self.preview_title.setText(self.tr("Commentaire proposé"))
        self.before.setText("<b>" + self.tr("Avant :") + "</b> " + highlighted_html(text, findings))
        if self.suggestions:
            first = self.suggestions[0]
            after = _quote(first.text) or "<i>" + self.tr("(commentaire vidé)") + "</i>"
            self.after.setText(f"<b>{self.tr('Après :')}</b> {after}")
            self.apply_button.setEnabled(True)
            self.apply_button.setToolTip(
                self.tr("{0} — remplacer le commentaire (Entrée)").format(
                    suggestion_label(first.label)
                )
                if first.label
                else self.tr("Remplacer le commentaire par la proposition (Entrée)")
            )
        else:
            self.after.setText(
                f"<b>{self.tr('Après :')}</b> <i>"
                + self.tr("pas de proposition : utilisez « Modifier… »")
                + "</i>"
            )
            self.apply_button.setEnabled(False)
        self.other_menu.clear()
        for index, suggestion in enumerate(self.suggestions[1:], start=1):
            preview = suggestion.text if len(suggestion.text) < 70 else suggestion.text[:67] + "…"
            label = (
                self.tr("{0} : « {1} »").format(suggestion_label(suggestion.label), preview)
                if suggestion.label
                else preview
            )
            action = QAction(label or self.tr("(commentaire vidé)"), self.other_menu)
            action.triggered.connect(lambda _=False, i=index: self._apply(i))
            self.other_menu.addAction(action)
        self.other_button.setEnabled(len(self.suggestions) > 1)
        self.other_button.setVisible(True)
        self.apply_button.setVisible(True)
        self.edit_button.setVisible(True)

    def _apply(self, index: int) -> None:
        if self.key is not None and index < len(self.suggestions):
            self.apply_requested.emit(self.key, index)

    def sizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 420))
        return hint


__all__ = ["DetailPanel", "FindingCard", "highlighted_html"]
