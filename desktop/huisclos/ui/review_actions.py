"""What the user does to the comments under review: apply a suggestion, apply all, write a
comment by hand, ignore a passage, always allow a term, ask why.

Each action is a batch of the core's review session (:meth:`ReviewSession.suggestion_batch`,
``bulk_batch``, ``manual_batch``) pushed on the window's undo stack as one step; when it is
applied, undone or redone, the journal gets its ``edit`` event and the page is refreshed.

Threading: GUI thread only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from ..core.audit import events as audit_events
from ..core.detect import practice
from ..core.detect.detector import Detector
from ..core.detect.findings import Finding
from ..core.edits import CellKey, EditBatch
from ..core.errors import HuisclosError
from .bulk_apply import (
    BACKGROUND_COMMENTS,
    STEPPED_EDITS,
    BulkPreparation,
    StepsBetweenRepaints,
    WindowHold,
)
from .errors import show_error
from .labels import category_label, format_number
from .undo import EditBatchCommand, IgnoreCommand

if TYPE_CHECKING:
    from ..core.review.session import BulkCounts
    from .main_window import MainWindow


def _steps_failed(action: str, restored: bool, message: str) -> str:
    """What the user reads when a big undo or redo failed part-way (``message``: why)."""
    if not restored:
        what = QCoreApplication.translate(
            "MainWindow",
            "L'opération n'a pas pu aller jusqu'au bout, et certains commentaires n'ont pas pu "
            "être remis comme avant : vérifiez-les avant d'enregistrer la copie nettoyée.",
        )
    elif action == "undo":
        what = QCoreApplication.translate(
            "MainWindow",
            "L'annulation n'a pas pu aller jusqu'au bout : aucun commentaire n'a été changé, "
            "la modification est toujours appliquée.",
        )
    else:
        what = QCoreApplication.translate(
            "MainWindow",
            "Le rétablissement n'a pas pu aller jusqu'au bout : aucun commentaire n'a été "
            "changé, la modification est toujours annulée.",
        )
    return f"{what}\n\n{message}"


class ReviewActions:
    """The window's editing actions on the review session."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.bulk: BulkPreparation | None = None  # a «Tout appliquer» being prepared
        self.steps: StepsBetweenRepaints | None = None  # a big undo or redo being applied
        self.progress_shown = False  # whether the last one showed its progress bar
        self._finishing = False  # a big undo or redo being finished before the next one
        self._steps_not_done: Callable[[], None] | None = None  # its command's «change nothing»

    def _current_key(self, key: CellKey | None) -> CellKey | None:
        return key if key is not None else self.window.review_page.current_key()

    def push_batch(self, batch: EditBatch, text: str, applied: list[CellKey] | None = None) -> bool:
        """Apply ``batch`` as one undo step (``applied``: the cells it changed, when it is
        already applied); False when there was nothing to change."""
        if self.window.session is None or not len(batch):
            return False
        command = EditBatchCommand(
            self.window.session, batch, text, self._edits_changed, applied, self._in_steps
        )
        try:
            self.window.undo_stack.push(command)
        except HuisclosError as error:
            show_error(self.window, error)
            return False
        return True

    def _in_steps(
        self,
        batch: EditBatch,
        action: str,
        done: Callable[[list[CellKey]], None],
        not_done: Callable[[], None],
    ) -> bool:
        """Undo or redo a big batch a few edits at a time between the window's repaints (the
        window's widgets disabled meanwhile), then call ``done``; False for a small batch.
        When it fails part-way, what was changed is put back and the undo stack steps back
        over the command (``not_done`` tells it to change nothing then): the stack says what
        the comments are, and the user is told."""
        session = self.window.session
        if self.steps is not None:  # an undo, then a redo at once: the first one ends first
            first, first_not_done = self.steps, self._steps_not_done
            self._finishing = True
            try:
                first.finish_now()
            finally:
                self._finishing = False
            if first.failed and first.restored and first_not_done is not None:
                if first_not_done == not_done:
                    # the same command's opposite: the first one changed nothing, so the
                    # comments already are as this one would leave them, as the stack now says
                    return True
                # another command: the stack's next step over the first one changes nothing
                first_not_done()
        if session is None or len(batch) < STEPPED_EDITS:
            return False
        # undo and redo stay as the stack sets them: another one finishes this one first
        hold = WindowHold(self.window, keep=(self.window.menus.undo, self.window.menus.redo))

        def end(keys: list[CellKey]) -> None:
            hold.release()
            self.steps, self._steps_not_done = None, None
            done(keys)

        def failed(message: str) -> None:
            hold.release()
            restored = steps.restored
            self.steps, self._steps_not_done = None, None
            if restored and not self._finishing:  # else the next one steps back itself
                not_done()
                stack = self.window.undo_stack
                if action == "undo":
                    stack.redo()  # the command is done again on the stack, not on the comments
                else:
                    stack.undo()
            show_error(self.window, _steps_failed(action, restored, message))

        steps = StepsBetweenRepaints(session, batch, lambda _applied: None, end, failed)
        self.steps, self._steps_not_done = steps, not_done
        return True

    def wait_for_steps(self, msecs: int = 60_000) -> bool:
        """Run the event loop until a big undo or redo is applied (tests, benchmarks)."""
        clock = time.monotonic()
        while self.steps is not None and time.monotonic() - clock < msecs / 1000:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return self.steps is None

    def _edits_changed(self, keys: list[CellKey], batch: EditBatch, action: str) -> None:
        self.window.review_page.model.refresh_cells(keys)
        if len(keys) < STEPPED_EDITS:
            self._after_edits(batch, action)
        else:  # ten thousand comments: the figures and the journal in a turn of their own
            QTimer.singleShot(0, lambda: self._after_edits(batch, action))

    def _after_edits(self, batch: EditBatch, action: str) -> None:
        self.window.refresh_summary()
        self.window.show_current()
        if self.window.session is not None:
            self.window.recorder.record_edits(self.window.session.edit_event(batch, action))

    def apply_suggestion(self, key: CellKey | None = None, index: int = 0) -> bool:
        """«Appliquer»: the cell's suggestion (the first by default) in one click."""
        session = self.window.session
        key = self._current_key(key)
        if session is None or key is None or not session.findings(key):
            return False
        proxy_row = self.window.review_page.table.currentIndex().row()
        category = self.window.review_page.proxy.category
        batch = session.suggestion_batch(key, index, label="apply", category=category)
        if not self.push_batch(
            batch,
            QCoreApplication.translate("MainWindow", "Appliquer la proposition (ligne {0})").format(
                key[1]
            ),
        ):
            return False
        self._advance(proxy_row)
        return True

    def _advance(self, proxy_row: int) -> None:
        """After a fix, go on to the next comment to review."""
        page = self.window.review_page
        if page.proxy.only_to_review:
            if page.proxy.rowCount() == 0:
                page.detail.show_nothing(
                    QCoreApplication.translate(
                        "MainWindow",
                        "Plus aucun commentaire à revoir. Pensez à enregistrer la copie "
                        "nettoyée (Ctrl+S).",
                    )
                )
                return
            page.select_row(min(max(proxy_row, 0), page.proxy.rowCount() - 1))
            if not page.model.row_categories(
                page.model.row_number(page.proxy.mapToSource(page.table.currentIndex()))
            ):
                page.step(True)
        else:
            page.step(True)

    def apply_all(self, category: str | None = None, confirm: bool = True) -> bool:
        """«Tout appliquer» (for one category, or all): one batch, one undo step. With many
        comments to review, their rewrites are prepared on the pool with a progress bar
        (:mod:`.bulk_apply`) and the batch is pushed when ready: True then means started."""
        session = self.window.session
        if session is None or self.window.scans.running or self.bulk is not None:
            return False
        if session.review_count() < BACKGROUND_COMMENTS:
            return self._push_bulk(
                session.bulk_batch(category, label="apply_all"), category, confirm
            )

        def done(batch: EditBatch, keys: list[CellKey]) -> None:
            self.push_batch(batch, self._bulk_label(category), applied=keys)

        def failed(message: str) -> None:
            show_error(self.window, message)

        self.bulk = BulkPreparation(
            self.window,
            self.window.pool,
            session,
            category,
            lambda batch: self._worth_applying(batch, category, confirm),
            done,
            failed,
        )
        self.bulk.over.connect(self._forget_bulk)
        return True

    def _forget_bulk(self) -> None:
        if self.bulk is not None:
            self.progress_shown = self.bulk.progress_shown
        self.bulk = None

    def wait_for_apply(self, msecs: int = 60_000) -> bool:
        """Block until a «Tout appliquer» being prepared is pushed (tests, benchmarks)."""
        return self.bulk is None or self.bulk.wait(msecs)

    def _push_bulk(self, batch: EditBatch, category: str | None, confirm: bool) -> bool:
        if not self._worth_applying(batch, category, confirm):
            return False
        return self.push_batch(batch, self._bulk_label(category))

    @staticmethod
    def _what(category: str | None) -> str:
        if category:
            return category_label(category)
        return QCoreApplication.translate("MainWindow", "toutes catégories")

    def _bulk_label(self, category: str | None) -> str:
        """The undo step's name: «Tout appliquer : Santé»."""
        return QCoreApplication.translate("MainWindow", "Tout appliquer : {0}").format(
            self._what(category)
        )

    def _worth_applying(self, batch: EditBatch, category: str | None, confirm: bool) -> bool:
        """Whether to apply a «Tout appliquer» batch: not when it changes nothing (said in the
        status bar), nor when the user answers no to the confirmation (``confirm``)."""
        session = self.window.session
        if session is None:
            return False
        if not len(batch):
            self.window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Aucune proposition à appliquer."), 5_000
            )
            return False
        return not confirm or self.window.ask(
            QCoreApplication.translate("MainWindow", "Tout appliquer"),
            self._bulk_question(session.bulk_counts(batch, category), self._what(category)),
        )

    @staticmethod
    def _bulk_question(counts: BulkCounts, what: str) -> str:
        """The confirmation of «Tout appliquer»: how many comments change, how many are emptied
        entirely, how many keep passages of other categories (they stay to review there)."""
        lines = [
            (
                QCoreApplication.translate(
                    "MainWindow", "Remplacer {0} commentaire ({1}) par la proposition ?"
                )
                if counts.changed == 1
                else QCoreApplication.translate(
                    "MainWindow", "Remplacer {0} commentaires ({1}) par les propositions ?"
                )
            ).format(format_number(counts.changed), what)
        ]
        if counts.emptied:
            lines.append(
                (
                    QCoreApplication.translate(
                        "MainWindow", "• {0} sera vidé entièrement (« à vider » dans la liste)."
                    )
                    if counts.emptied == 1
                    else QCoreApplication.translate(
                        "MainWindow",
                        "• {0} seront vidés entièrement (« à vider » dans la liste).",
                    )
                ).format(format_number(counts.emptied))
            )
        if counts.partial:
            lines.append(
                (
                    QCoreApplication.translate(
                        "MainWindow",
                        "• {0} garde des passages d'autres catégories, à revoir ensuite.",
                    )
                    if counts.partial == 1
                    else QCoreApplication.translate(
                        "MainWindow",
                        "• {0} gardent des passages d'autres catégories, à revoir ensuite.",
                    )
                ).format(format_number(counts.partial))
            )
        lines.append(
            QCoreApplication.translate(
                "MainWindow", "Vous pourrez tout annuler d'un coup avec Ctrl+Z."
            )
        )
        return "\n".join(lines)

    def edit_comment(self, key: CellKey | None = None) -> bool:
        """«Modifier…»: write the comment by hand (checked live)."""
        from .dialogs.edit_comment import EditCommentDialog

        session = self.window.session
        key = self._current_key(key)
        if session is None or key is None:
            return False
        # start from the suggestion when there is one: the user usually just adjusts it
        suggestions = session.suggestions(key, category=self.window.review_page.proxy.category)
        initial = suggestions[0].text if suggestions and suggestions[0].text else None
        dialog = EditCommentDialog(session, key, initial, parent=self.window)
        if not dialog.exec():
            return False
        batch = session.manual_batch(key, dialog.text(), label="manual")
        return self.push_batch(
            batch,
            QCoreApplication.translate("MainWindow", "Modifier le commentaire (ligne {0})").format(
                key[1]
            ),
        )

    def _current_finding(self, finding: Finding | None) -> Finding | None:
        if finding is not None:
            return finding
        key = self.window.review_page.current_key()
        if self.window.session is None or key is None:
            return None
        findings = self.window.session.findings(key)
        return findings[0] if findings else None

    def ignore_finding(self, finding: Finding | None = None) -> bool:
        """«Ignorer»: leave this occurrence as it is — one undo step, said in the status bar
        with «Annuler», and journalled (rule id and row, never the text)."""
        finding = self._current_finding(finding)
        if self.window.session is None or finding is None:
            return False
        proxy_row = self.window.review_page.table.currentIndex().row()
        text = QCoreApplication.translate("MainWindow", "Ignorer le passage (ligne {0})").format(
            finding.row
        )
        self.window.undo_stack.push(
            IgnoreCommand(self.window.session, finding, text, self._ignore_changed)
        )
        self.window.undo_notice.show(
            QCoreApplication.translate(
                "MainWindow", "Passage ignoré ligne {0} ({1}) : il reste tel quel."
            ).format(finding.row, category_label(finding.category))
        )
        if not self.window.session.has_findings((finding.sheet, finding.row, finding.column)):
            self._advance(proxy_row)
        return True

    def _ignore_changed(self, finding: Finding, action: str) -> None:
        key = (finding.sheet, finding.row, finding.column)
        self.window.review_page.model.refresh_cells([key])
        self.window.refresh_summary()
        self.window.show_current()
        if self.window.session is not None:
            event = self.window.session.ignore_event(finding, action)
            self.window.recorder.record(event.kind, event.payload)

    def allow_term(self, finding: Finding | None = None) -> bool:
        """«Toujours autoriser ce terme»: add it to the practice allowlist (confirmed)."""
        finding = self._current_finding(finding)
        if self.window.session is None or finding is None:
            return False
        if not self.window.ask(
            QCoreApplication.translate("MainWindow", "Toujours autoriser ce terme"),
            QCoreApplication.translate(
                "MainWindow",
                "Ne plus jamais signaler « {0} » ? Le terme ne sera plus signalé dans aucun "
                "fichier, pour toutes les analyses de ce poste. Vous pourrez le retirer dans "
                "Outils › Réglages › Termes du cabinet.",
            ).format(finding.match),
            default_yes=False,
        ):
            return False
        try:
            practice.add_allowed_term(finding.match)
            self.window.detector = Detector.default(refresh=True)
        except HuisclosError as error:
            show_error(self.window, error)
            return False
        payload = audit_events.settings_payload(allowlist_added=1)
        payload.update(rule=finding.rule, category=finding.category)  # never the term itself
        self.window.recorder.record("settings_changed", payload)
        self.window.ahead.stop()  # its proposals were made with the former rules
        self.window.session.set_detector(self.window.detector)
        keys = self.window.session.pending_keys()
        self.window.session.rescan(keys)
        self.window.review_page.model.refresh_cells(keys)
        self.window.refresh_summary()
        self.window.show_current()
        return True

    def explain_finding(self, finding: Finding) -> None:
        """«Pourquoi ?»: the rule behind a finding, in plain French."""
        from .help_dialog import show_help_for_finding

        show_help_for_finding(self.window, finding)
