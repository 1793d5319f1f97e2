"""«Mode atelier»: a quiz for projection, and «Générer un fichier d'exercice…».

The quiz shows one fictional comment at a time in large type. The room answers «sensible ?»,
the trainer notes the room's answer (S / N), reveals with the space bar (categories, reason,
suggested rewrite) and moves with the arrows; after the last comment, a score. Everything works
from the keyboard, so the trainer can drive it from a presentation remote.

Entry point for the main window: :func:`open_workshop(parent)` — the quiz window (F11: full
screen, Échap: leave); its «Générer un fichier d'exercice…» button opens
:mod:`.dialogs.exercise`. Threading: GUI thread only.
"""

from __future__ import annotations

import logging
from html import escape as _escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.detect.detector import Detector
from ..core.report.quiz import Quiz, Reveal, draw
from .dialogs.exercise import generate_exercise_file
from .labels import category_label, reason_explanation, rule_explanation
from .style import number_box, paragraph, spaced

logger = logging.getLogger(__name__)


def escape(text: str) -> str:
    """Text for a rich-text label (apostrophes kept as they are)."""
    return _escape(text, quote=False)


HIGHLIGHT = "#fde2c8"
HIGHLIGHT_LINE = "#c0392b"
WRONG = "#a93226"  # a wrong answer of the room: red, with the right answer
RIGHT = "#1e8449"
NEUTRAL = "#1f4e79"  # no answer noted
KEY_HELP = (
    "S : la salle dit « sensible »  ·  N : « rien à redire »  ·  Espace : révéler  ·  "
    "← → : commentaire précédent / suivant  ·  P : pourquoi ?  ·  F11 : plein écran  ·  "
    "Échap : quitter"
)


class QuizView(QWidget):
    """One quiz on screen: the comment, the room's answer, the reveal; then the score."""

    finished = Signal()

    def __init__(self, quiz: Quiz, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quiz = quiz
        self.setObjectName("quizView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.progress = QLabel(self)
        self.progress.setObjectName("quizProgress")
        self.comment = QLabel(self)
        self.comment.setObjectName("quizComment")
        self.comment.setWordWrap(True)
        self.comment.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.comment.setTextFormat(Qt.TextFormat.RichText)
        self.comment.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.comment.setAccessibleName(self.tr("Commentaire fictif"))
        self.answer = QLabel(self)
        self.answer.setObjectName("quizAnswer")
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.verdict = QLabel(self)
        self.verdict.setObjectName("quizVerdict")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.categories = QLabel(self)
        self.categories.setObjectName("quizCategories")
        self.categories.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.categories.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("quizExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("quizSuggestion")
        self.suggestion.setWordWrap(True)
        self.suggestion.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reveal_box = QFrame(self)
        self.reveal_box.setObjectName("quizReveal")
        policy = self.reveal_box.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the comment does not jump when revealed
        self.reveal_box.setSizePolicy(policy)
        reveal_layout = QVBoxLayout(self.reveal_box)
        for label in (self.verdict, self.categories, self.explanation, self.suggestion):
            label.setTextFormat(Qt.TextFormat.RichText)
            reveal_layout.addWidget(label)

        self.keys = QLabel(self.tr(KEY_HELP), self)
        self.keys.setObjectName("quizKeys")
        self.keys.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys.setWordWrap(True)

        self.score_label = QLabel(self)
        self.score_label.setObjectName("quizScore")
        self.score_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score_label.setWordWrap(True)
        self.score_label.hide()

        layout = spaced(QVBoxLayout(self), (48, 24, 48, 16))
        layout.addWidget(self.progress)
        layout.addWidget(self.comment, 3)
        layout.addWidget(self.answer)
        layout.addWidget(self.reveal_box, 3)
        layout.addWidget(self.score_label, 6)
        layout.addWidget(self.keys)
        self._apply_scale()
        self.refresh()

    # --- keyboard ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.reveal()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down):
            self.next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.previous()
        elif key in (Qt.Key.Key_S, Qt.Key.Key_O):
            self.record_answer(True)
        elif key == Qt.Key.Key_N:
            self.record_answer(False)
        elif key in (Qt.Key.Key_P, Qt.Key.Key_Question, Qt.Key.Key_F1):
            self.explain_rule()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- actions -----------------------------------------------------------------------------
    def record_answer(self, sensitive: bool) -> None:
        if self.score_label.isVisible():
            return
        self.quiz.answer(sensitive)
        self.refresh()

    def reveal(self) -> None:
        if self.score_label.isVisible():
            return
        self.quiz.reveal()
        self.refresh()

    def explain_rule(self) -> None:
        """«Pourquoi ?»: the rule behind the current comment (the CNIL overview before reveal)."""
        from .help_dialog import show_help

        topic = self.quiz.reveal().topic if self.quiz.is_revealed() else "cnil_comments"
        show_help(self.window(), topic)

    def next(self) -> None:
        if self.score_label.isVisible():
            return
        if self.quiz.next():
            self.refresh()
        elif self.quiz.is_revealed():
            self.show_score()
        else:
            self.reveal()

    def previous(self) -> None:
        if self.score_label.isVisible():
            self.score_label.hide()
            self._set_quiz_visible(True)
            self.refresh()
            return
        if self.quiz.previous():
            self.refresh()

    def show_score(self) -> None:
        score = self.quiz.score()
        if score.answered:
            headline = f"{score.correct} / {score.answered}"
            detail = self.tr("bonnes réponses de la salle")
        else:
            headline = f"{score.total}"
            detail = self.tr("commentaires passés en revue (réponses non notées)")
        self.score_label.setText(
            f'<p align="center" style="font-size: {self._px(160)}px; font-weight: bold; '
            f'color: #1f4e79;">{headline}</p>'
            f'<p align="center" style="font-size: {self._px(36)}px;">{escape(detail)}</p>'
            f'<p align="center" style="font-size: {self._px(22)}px; color: #566573;">'
            + escape(
                self.tr(
                    "À retenir : le besoin pratique, pas la maladie ; ni rumeur, ni proche, "
                    "ni jugement. ← pour revenir."
                )
            )
            + "</p>"
        )
        self._set_quiz_visible(False)
        self.score_label.show()
        self.finished.emit()

    def _set_quiz_visible(self, visible: bool) -> None:
        # the hidden reveal keeps its room during the quiz only: the score takes the screen
        policy = self.reveal_box.sizePolicy()
        policy.setRetainSizeWhenHidden(visible)
        self.reveal_box.setSizePolicy(policy)
        for widget in (self.progress, self.comment, self.answer, self.reveal_box):
            widget.setVisible(visible)

    # --- drawing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        quiz = self.quiz
        item = quiz.current
        revealed = quiz.is_revealed()
        reveal = quiz.reveal() if revealed else None
        self.progress.setText(
            self.tr("Commentaire {n} sur {total} — fictif").format(
                n=quiz.index + 1, total=len(quiz)
            )
        )
        self.comment.setText(_comment_html(item.text, reveal))
        answered = quiz.answers.get(quiz.index)
        if answered is None:
            self.answer.setText(self.tr("La salle : sensible ? (S = oui, N = non)"))
        else:
            said = self.tr("sensible") if answered else self.tr("rien à redire")
            self.answer.setText(self.tr("La salle a répondu : {said}").format(said=said))
        self.reveal_box.setVisible(reveal is not None)
        if reveal is not None:
            self._show_reveal(reveal, quiz.is_correct())

    def _show_reveal(self, reveal: Reveal, correct: bool | None) -> None:
        verdict = self.tr("Sensible") if reveal.sensitive else self.tr("Rien à redire")
        # the room's answer decides the colour: red when it was wrong, never green
        if correct is False:
            text, colour = self.tr("✗ Mauvaise réponse — c'était : {0}").format(verdict), WRONG
        elif correct is True:
            text, colour = self.tr("✓ Bonne réponse : {0}").format(verdict), RIGHT
        else:
            text, colour = verdict, NEUTRAL
        self.verdict.setText(f'<span style="color: {colour};">{escape(text)}</span>')
        self.categories.setText(" · ".join(category_label(c) for c in reveal.categories))
        self.categories.setVisible(bool(reveal.categories))
        if not reveal.sensitive:
            explanation = self.tr(
                "Rien à corriger : ce commentaire est objectif et utile à l'organisation du "
                "cabinet."
            )
        else:
            explanation = rule_explanation(reveal.rule, reveal.explanation)
        lines = [explanation, *(reason_explanation(r) for r in reveal.reason_ids)]
        if reveal.note:
            lines.append(reveal.note)
        self.explanation.setText("<br>".join(escape(line) for line in lines if line))
        if reveal.suggestion:
            self.suggestion.setText(
                escape(self.tr("Plutôt : ")) + f"<b>« {escape(reveal.suggestion)} »</b>"
            )
        elif reveal.suggestion == "":
            self.suggestion.setText(
                escape(self.tr("Plutôt : effacer le commentaire — rien d'utile à garder."))
            )
        elif reveal.sensitive:
            self.suggestion.setText(escape(self.tr("Plutôt : retirer le passage signalé.")))
        else:
            self.suggestion.setText("")
        self.suggestion.setVisible(bool(self.suggestion.text()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def _px(self, size: float) -> int:
        """A size designed for 1366×768, scaled to the window."""
        scale = min(max(self.width(), 1) / 1366, max(self.height(), 1) / 768)
        return max(8, round(size * max(scale, 0.5)))

    def _apply_scale(self) -> None:
        self.setStyleSheet(
            f"#quizView {{ background: #fbfcfc; }}"
            f"#quizProgress {{ font-size: {self._px(18)}px; color: #566573; }}"
            f"#quizComment {{ font-size: {self._px(44)}px; color: #1c2833;"
            f" background: white; border: 2px solid #d5dbdb; border-radius: 12px;"
            f" padding: {self._px(24)}px; }}"
            f"#quizAnswer {{ font-size: {self._px(20)}px; color: #1f4e79; }}"
            f"#quizVerdict {{ font-size: {self._px(34)}px; font-weight: bold; }}"
            f"#quizCategories {{ font-size: {self._px(24)}px; color: #1f4e79;"
            f" font-weight: bold; }}"
            f"#quizExplanation {{ font-size: {self._px(20)}px; color: #1c2833; }}"
            f"#quizSuggestion {{ font-size: {self._px(24)}px; color: #1e8449; }}"
            f"#quizKeys {{ font-size: {self._px(13)}px; color: #808b96; }}"
        )
        if self.score_label.isVisible():
            self.show_score()


def _comment_html(text: str, reveal: Reveal | None) -> str:
    """The comment, with the sensitive passages highlighted once revealed."""
    if reveal is None or not reveal.spans:
        return f"« {escape(text)} »"
    pieces: list[str] = []
    position = 0
    for start, end in sorted(reveal.spans):
        if start < position:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(
            f'<span style="background-color: {HIGHLIGHT}; color: {HIGHLIGHT_LINE};'
            f' text-decoration: underline;">{escape(text[start:end])}</span>'
        )
        position = end
    pieces.append(escape(text[position:]))
    return "« " + "".join(pieces) + " »"


class WorkshopWindow(QWidget):
    """The workshop: choose the quiz length, run it, or generate an exercise file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        # the platform appends the application's name («… — Huis clos»): not written twice
        self.setWindowTitle(self.tr("Mode atelier — Huis clos"))
        self.setObjectName("workshopWindow")
        self.resize(1366, 768)
        self.stack = QStackedWidget(self)
        self.setup = self._setup_page()
        self.stack.addWidget(self.setup)
        self.view: QuizView | None = None
        layout = spaced(QVBoxLayout(self), (0, 0, 0, 0))
        layout.addWidget(self.stack)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)

    def _setup_page(self) -> QWidget:
        outer = QWidget(self)
        page = QWidget(outer)
        page.setMaximumWidth(860)
        page.setStyleSheet("font-size: 15px;")
        centred = QHBoxLayout(outer)
        centred.addStretch(1)
        centred.addWidget(page, 4)
        centred.addStretch(1)
        title = QLabel(self.tr("Mode atelier"), page)
        title.setStyleSheet("font-size: 34px; font-weight: bold; color: #1f4e79;")
        intro = paragraph(
            self.tr(
                "Un quiz à projeter : des commentaires fictifs, un à la fois. La salle dit s'il "
                "est sensible, vous révélez la réponse, la raison et une formulation neutre. "
                "Aucun patient réel : les commentaires viennent du lexique et d'une liste "
                "d'exemples inventés."
            ),
            page,
        )
        self.count = number_box(page, (3, 60), 10, self.tr("Nombre de commentaires"))
        self.count.setMaximumWidth(140)
        self.share = number_box(
            page, (0, 100), 60, self.tr("Part de commentaires sensibles"), step=10, suffix=" %"
        )
        self.share.setMaximumWidth(140)
        form = QFormLayout()
        form.addRow(self.tr("Nombre de commentaires :"), self.count)
        form.addRow(self.tr("Part de commentaires sensibles :"), self.share)
        self.start_button = QPushButton(self.tr("Commencer le quiz"), page)
        self.start_button.setDefault(True)
        self.start_button.setToolTip(self.tr("Projeter les commentaires fictifs, un par un"))
        self.start_button.clicked.connect(self.start_quiz)
        self.generate_button = QPushButton(self.tr("Générer un fichier d'exercice…"), page)
        self.generate_button.setToolTip(
            self.tr("Un export de patients fictifs pour s'entraîner à la revue")
        )
        self.generate_button.clicked.connect(lambda: generate_exercise_file(self))
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        keys = paragraph(self.tr(KEY_HELP), page)
        keys.setStyleSheet("color: #566573; font-size: 13px;")
        layout = spaced(QVBoxLayout(page), (0, 72, 0, 48))
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(16)
        layout.addLayout(form)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(1)
        layout.addWidget(keys)
        return outer

    def start_quiz(self, quiz: Quiz | None = None) -> QuizView:
        """Start a quiz (a fresh draw with the chosen length and share by default)."""
        if not isinstance(quiz, Quiz):
            items = draw(self.count.value(), self.share.value() / 100)
            quiz = Quiz(items, Detector.default())
        if self.view is not None:
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
        self.view = QuizView(quiz, self)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.view.setFocus()
        return self.view

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def _escape(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        elif self.stack.currentWidget() is not self.setup:
            self.stack.setCurrentWidget(self.setup)
        else:
            self.close()


def open_workshop(parent: QWidget | None = None) -> WorkshopWindow:
    """Open the workshop window (a separate top-level window, ready to be projected)."""
    window = WorkshopWindow(parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    return window


# --- «Générer un fichier d'exercice…» ---------------------------------------------------------
