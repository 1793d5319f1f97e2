"""«Vérifier un commentaire»: a text box where the secretary types or pastes a comment before
saving it in the practice software, checked as she types.

What it shows is the review's own: the passages highlighted in the text box itself, in the
review's colours and underline (:mod:`.theme`), one :class:`.detail_panel.FindingCard` per
passage (category, marker, severity, explanation, reasons, «Pourquoi ?»), and the first neutral
proposal with «Copier la proposition» and «Autres propositions». The check itself is the core's
(:func:`huisclos.core.check.comment.check_comment`, with ``Detector.default()``: the practice's
own terms and allowed terms apply).

The panel reports use, never text: ``comment_done`` once per comment left (the box closed, the
text cleared or replaced) and ``proposal_copied``; the window adds them up per day
(:mod:`huisclos.core.check.usage`).

Threading: GUI thread only. A re-check (the check and what it shows) takes a few milliseconds on
a typical comment and stays under 50 ms on a long pasted one (``tests/benchmarks/
bench_check.py``), so it runs on the GUI thread after a short pause in the typing.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.check.comment import CommentCheck, check_comment
from ..core.detect.detector import Detector
from ..core.detect.findings import Finding
from ..core.rewrite.suggestions import Suggestion
from .detail_panel import (
    FindingCard,
    fill_suggestion_menu,
    other_proposals_button,
    proposal_html,
)
from .labels import category_label, format_number
from .style import paragraph, rich_view, spaced
from .theme import highlight_background, marker_colour

MAX_CARDS = 4  # a long paste may hold dozens of passages: the highlights show them all

CardKey = tuple[str, str, str, tuple[str, ...]]


def _utf16(text: str, offset: int) -> int:
    """A Python offset in ``text`` as a position in a Qt document (UTF-16 code units)."""
    if text.isascii():
        return offset
    return len(text[:offset].encode("utf-16-le")) // 2


def card_key(finding: Finding) -> CardKey:
    """What a finding card shows: the same rule on the same words with the same reasons is the
    same card, wherever it is in the text."""
    return (finding.rule, finding.category, finding.match.casefold(), tuple(finding.reasons))


DEBOUNCE_MS = 50  # a pause of 50 ms in the typing, then the check (a few ms at most)


def copy_to_clipboard(text: str) -> None:
    """Put ``text`` on the system clipboard (the default way the box copies a proposal)."""
    QGuiApplication.clipboard().setText(text)


class CheckPanel(QWidget):
    """The text box and, live, what a check of its text finds."""

    comment_done = Signal(object)  # CommentCheck: a checked comment the user has left
    proposal_copied = Signal(str)  # the proposal just put on the clipboard
    why_requested = Signal(object)  # Finding: «Pourquoi ?»

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        detector: Callable[[], Detector | None] = Detector.default,
        copy: Callable[[str], None] = copy_to_clipboard,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checkPanel")
        self._detector = detector
        self._copy = copy
        self.check: CommentCheck | None = None
        self.proposals: list[Suggestion] = []  # the one shown first, then the others
        self._done = True  # the text on screen was already reported as done (or is empty)
        layout = spaced(QVBoxLayout(self), (16, 14, 16, 8), 8)

        intro = QLabel(self.tr("&Commentaire à vérifier, tel que vous allez l'enregistrer :"))
        intro.setObjectName("sectionTitle")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("checkEditor")
        self.editor.setAccessibleName(self.tr("Commentaire à vérifier"))
        self.editor.setPlaceholderText(
            self.tr(
                "Tapez ou collez le commentaire ici (Ctrl+V), par exemple : préfère RDV le matin"
            )
        )
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 4 + 18)
        intro.setBuddy(self.editor)
        self.status = QLabel()
        self.status.setObjectName("checkStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setAccessibleName(self.tr("Résultat de la vérification"))
        layout.addWidget(intro)
        layout.addWidget(self.editor)
        layout.addWidget(self.status)

        # what was found: the proposal first (what she came for), then the passages and why
        self.results = QWidget()
        results = spaced(QVBoxLayout(self.results), (0, 0, 0, 0), 8)
        self.proposal_title = QLabel(self.tr("Proposition neutre"))
        self.proposal_title.setObjectName("sectionTitle")
        self.proposal = rich_view("afterView", self.tr("Proposition neutre"))
        self.copy_button = QPushButton(self.tr("Copier la proposition"))
        self.copy_button.setObjectName("primaryButton")
        self.copy_button.setToolTip(
            self.tr("Mettre la proposition dans le presse-papiers, pour la coller (Ctrl+Maj+C)")
        )
        self.copy_button.clicked.connect(self.copy_proposal)
        self.other_button, self.other_menu = other_proposals_button(self.tr("Autres propositions"))
        self.copied = QLabel()
        self.copied.setObjectName("copiedLabel")
        self.copied.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.other_button)
        actions.addWidget(self.copied, 1)
        self.findings_title = QLabel()
        self.findings_title.setObjectName("sectionTitle")
        self.cards = QVBoxLayout()
        self.cards.setSpacing(6)
        self._cards: dict[CardKey, FindingCard] = {}  # the cards shown, kept while they apply
        self.more = QLabel()
        self.more.setObjectName("noticeHint")
        self.more.setWordWrap(True)
        for widget in (self.proposal_title, self.proposal):
            results.addWidget(widget)
        results.addLayout(actions)
        results.addSpacing(4)
        results.addWidget(self.findings_title)
        results.addLayout(self.cards)
        results.addWidget(self.more)
        results.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.results)
        layout.addWidget(self.scroll, 100)
        # with nothing to show: what a comment may hold, where the results would be
        self.reminder = QLabel(
            self.tr(
                "<b>Ce qu'un commentaire administratif peut contenir</b><br>Ce qui sert à "
                "l'accueil : préférences de rendez-vous, façon de joindre le patient, "
                "facturation, accès au cabinet — écrit de façon objective.<br><br>"
                "<b>Ce qu'il ne doit pas contenir</b><br>Santé, religion, vie sexuelle, "
                "origine, opinions, syndicat, justice, précarité, rumeurs, jugements, numéros "
                "et mots de passe (CNIL ; RGPD art. 9 et 10)."
            )
        )
        self.reminder.setObjectName("howTo")
        self.reminder.setWordWrap(True)
        self.reminder.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.reminder)
        layout.addStretch(1)

        shortcut = QShortcut(QKeySequence("Ctrl+Shift+C"), self)
        shortcut.activated.connect(self.copy_proposal)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.recheck)
        self.editor.textChanged.connect(self._typed)
        self.recheck()

    # --- the text --------------------------------------------------------------------------
    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        """Show ``text`` (a copied comment the user asked to open) and check it now."""
        self.finish()
        self.editor.setPlainText(text)
        self.timer.stop()
        self.recheck()

    def _typed(self) -> None:
        if not self.text().strip():
            self.finish()  # cleared: the comment before is done
        self.timer.start()

    def finish(self) -> None:
        """Report the comment on screen as done (once), if it was checked and not empty."""
        if self.timer.isActive():
            self.timer.stop()
            self.recheck()
        if not self._done and self.check is not None and self.check.text.strip():
            self._done = True
            self.comment_done.emit(self.check)

    # --- the check -------------------------------------------------------------------------
    def recheck(self) -> CommentCheck:
        """Check the text now and show what was found."""
        text = self.text()
        detector = self._detector()
        if detector is None:  # the lexicon is still being prepared: checked once it is ready
            self.check = None
            self._done = True
            self._set_status("", self.tr("Préparation du lexique… (quelques secondes)"))
            self._show_results(False)
            return CommentCheck(text, (), ())
        check = check_comment(text, detector)
        self.check = check
        self._done = not text.strip()
        self.proposals = list(check.suggestions)
        self.copied.clear()
        self._highlight(check.findings)
        if not check.flagged:
            self._show_cards([])
        if not text.strip():
            self._set_status(
                "",
                self.tr("Le résultat s'affiche pendant que vous tapez. Rien n'est enregistré."),
            )
            self._show_results(False)
            return check
        if not check.flagged:
            self._set_status("ok", "✓ " + self.tr("Rien à signaler dans ce commentaire."))
            self._show_results(False)
            return check
        count = len(check.findings)
        self._set_status(
            "warn",
            "⚠ "
            + (
                self.tr("À revoir avant de l'enregistrer : 1 passage sensible.")
                if count == 1
                else self.tr("À revoir avant de l'enregistrer : {0} passages sensibles.").format(
                    count
                )
            ),
        )
        self.findings_title.setText(self.tr("Ce qui pose problème"))
        self._show_cards(list(check.findings))
        self._show_proposal()
        self._show_results(True)
        return check

    def _highlight(self, findings: tuple[Finding, ...]) -> None:
        """Each passage found tinted and underlined in the category's colours, in the text box
        (as a spelling checker would): the highlights follow the text while she types on."""
        text = self.text()
        selections = []
        for finding in findings:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(_utf16(text, finding.start))
            cursor.setPosition(_utf16(text, finding.end), QTextCursor.MoveMode.KeepAnchor)
            style = QTextCharFormat()
            style.setBackground(highlight_background(finding.category))
            style.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            style.setUnderlineColor(marker_colour(finding.category))
            style.setToolTip(category_label(finding.category))
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = style  # type: ignore[attr-defined]
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def highlighted(self) -> list[str]:
        """The passages highlighted in the text box now (tests, screenshots)."""
        return [selection.cursor.selectedText() for selection in self.editor.extraSelections()]

    def _show_results(self, shown: bool) -> None:
        """The findings and the proposal, or (when there are none) the reminder."""
        if self.scroll.isVisibleTo(self) != shown or self.reminder.isVisibleTo(self) == shown:
            self.scroll.setVisible(shown)
            self.reminder.setVisible(not shown)

    def _set_status(self, state: str, text: str) -> None:
        self.status.setText(html.escape(text))
        if self.status.property("state") != state:  # re-styling lays the whole box out again
            self.status.setProperty("state", state)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)

    def _show_proposal(self) -> None:
        first = self.proposals[0] if self.proposals else None
        shown = proposal_html(
            first,
            self.tr("(commentaire vidé : rien à garder)"),
            self.tr("pas de proposition : réécrivez le commentaire"),
        )
        if shown != self.proposal.text():
            self.proposal.setText(shown)
        self.proposal.setToolTip(first.label if first is not None else "")
        self.copy_button.setEnabled(first is not None)
        fill_suggestion_menu(
            self.other_menu, self.proposals, self._pick, self.tr("(commentaire vidé)")
        )
        self.other_button.setEnabled(len(self.proposals) > 1)

    def _pick(self, index: int) -> None:
        """«Autres propositions»: the chosen one becomes the proposal shown (and copied)."""
        chosen = self.proposals.pop(index)
        self.proposals.insert(0, chosen)
        self.copied.clear()
        self._show_proposal()

    def _show_cards(self, findings: list[Finding]) -> None:
        """One card per distinct passage (a word repeated in a long paste is one card), at most
        :data:`MAX_CARDS`; the cards of passages still there are kept, so typing in a comment
        rebuilds nothing but what changed."""
        wanted: dict[CardKey, Finding] = {}
        for finding in findings:
            wanted.setdefault(card_key(finding), finding)
        shown = list(wanted)[:MAX_CARDS]
        for key in [key for key in self._cards if key not in shown]:
            card = self._cards.pop(key)
            self.cards.removeWidget(card)
            card.hide()  # gone from the layout and the screen now, deleted by the event loop
            card.deleteLater()
        for index, key in enumerate(shown):
            card = self._cards.get(key)
            if card is None:
                card = FindingCard(wanted[key], review_actions=False)
                card.why_requested.connect(self.why_requested)
                self._cards[key] = card
            else:
                card.finding = wanted[key]
            if self.cards.indexOf(card) != index:
                self.cards.removeWidget(card)  # (no-op for a new card)
                self.cards.insertWidget(index, card)
        hidden = len(wanted) - len(shown)
        more = (
            self.tr("… et {0} autre passage, surligné dans le texte ci-dessus.")
            if hidden == 1
            else self.tr("… et {0} autres passages, surlignés dans le texte ci-dessus.")
        )
        self.more.setText(more.format(format_number(hidden)) if hidden else "")
        self.more.setVisible(hidden > 0)

    # --- copying ---------------------------------------------------------------------------
    def copy_proposal(self) -> bool:
        """«Copier la proposition»: the proposal shown goes on the clipboard."""
        if self.timer.isActive():
            self.timer.stop()
            self.recheck()
        if not self.proposals or not self.check or not self.check.flagged:
            return False
        text = self.proposals[0].text
        self._copy(text)
        self.copied.setText(
            self.tr("Copiée : collez-la dans votre logiciel (Ctrl+V).")
            if text
            else self.tr("Copiée (vide) : videz le commentaire dans votre logiciel.")
        )
        self.proposal_copied.emit(text)
        return True


class CheckDialog(QDialog):
    """«Vérifier un commentaire» as a window of its own, not modal: the secretary keeps it
    beside her practice software (Ctrl+K from the main window, the tray menu, a notification's
    «Ouvrir»)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        detector: Callable[[], Detector | None] = Detector.default,
        copy: Callable[[str], None] = copy_to_clipboard,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vérifier un commentaire — Huis clos"))
        self.setModal(False)
        self.setMinimumSize(560, 420)
        self.resize(680, 620)
        layout = spaced(QVBoxLayout(self), (0, 0, 0, 12), 4)
        self.panel = CheckPanel(self, detector=detector, copy=copy)
        layout.addWidget(self.panel, 1)
        footer = QHBoxLayout()
        footer.setContentsMargins(16, 0, 16, 0)
        note = paragraph(
            self.tr(
                "La vérification se fait sur cet ordinateur : le commentaire n'est ni "
                "enregistré ni envoyé."
            ),
            self,
        )
        note.setObjectName("privacyNote")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.close)
        footer.addWidget(note, 1)
        footer.addWidget(buttons)
        layout.addLayout(footer)

    def open_with(self, text: str | None = None) -> None:
        """Show the box in front (with ``text`` in it when given), the cursor in the text."""
        if text is not None:
            self.panel.set_text(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.panel.editor.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.finish()
        super().closeEvent(event)

    def reject(self) -> None:  # Échap
        self.panel.finish()
        super().reject()

    def findings(self) -> list[Finding]:
        """What the box shows now (tests, screenshots)."""
        return list(self.panel.check.findings) if self.panel.check else []


__all__ = ["CheckDialog", "CheckPanel", "copy_to_clipboard"]
