"""Undo as data: each user action that changes text is a core ``EditBatch`` wrapped in a
``QUndoCommand`` (after orange-canvas-core's ``commands.py``). «Tout appliquer» is one batch,
hence one undo step. «Ignorer» is a step too (:class:`IgnoreCommand`). The command calls the
session; the window refreshes through ``on_change``.

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..core.detect.findings import Finding
from ..core.edits import CellKey, EditBatch
from ..core.review.session import ReviewSession

ChangeCallback = Callable[[list[CellKey], EditBatch, str], None]
"""Called after each change with the cells touched, the batch and «apply», «undo» or «redo»."""

StepsCallback = Callable[
    [EditBatch, str, Callable[[list[CellKey]], None], Callable[[], None]], bool
]
"""Applies a big batch («apply», «undo» or «redo») between the window's repaints, then calls
back with the cells touched — or, when it failed and nothing was changed, calls the second
callback (the command then lets the stack step back over it without applying anything); False
when the batch is small enough to apply at once (the command then does)."""


class EditBatchCommand(QUndoCommand):
    """Apply ``batch`` on redo, its inverse on undo."""

    def __init__(
        self,
        session: ReviewSession,
        batch: EditBatch,
        text: str,
        on_change: ChangeCallback,
        applied: list[CellKey] | None = None,
        in_steps: StepsCallback | None = None,
    ) -> None:
        """``applied``: the cells changed when the batch is already applied (a large «Tout
        appliquer», applied between the window's repaints): pushing it then applies nothing.
        ``in_steps``: how a big batch's undo and redo are applied between repaints."""
        super().__init__(text)
        self.session = session
        self.batch = batch
        self.on_change = on_change
        self.in_steps = in_steps
        self._applied_once = False
        self._already = applied
        self._inverse: EditBatch | None = None  # made once: ten thousand edits take a while
        # an undo or redo between repaints failed and changed nothing: the stack's step back
        # over this command must change nothing either
        self._pass_next = False

    def redo(self) -> None:
        if self._pass_next:
            self._pass_next = False
            return
        action = "redo" if self._applied_once else "apply"
        self._applied_once = True
        if self._already is not None:
            keys, self._already = self._already, None
            self.on_change(keys, self.batch, action)
        else:
            self._apply(self.batch, action)

    def undo(self) -> None:
        if self._pass_next:
            self._pass_next = False
            return
        if self._inverse is None:
            self._inverse = self.batch.inverted()
        self._apply(self._inverse, "undo")

    def _apply(self, batch: EditBatch, action: str) -> None:
        """Apply ``batch`` (the command's or its inverse), between repaints when it is big."""

        def changed(keys: list[CellKey]) -> None:
            self.on_change(keys, self.batch, action)

        if self.in_steps is None or not self.in_steps(batch, action, changed, self._pass_over_next):
            changed(self.session.apply(batch))

    def _pass_over_next(self) -> None:
        """The stack's next undo or redo of this command changes nothing (a big one failed
        part-way and put every comment back: they already are as that step would leave them)."""
        self._pass_next = True


IgnoreCallback = Callable[[Finding, str], None]
"""Called after each change with the finding and «apply», «undo» or «redo»."""


class IgnoreCommand(QUndoCommand):
    """«Ignorer» as an undo step: leave ``finding`` as it is on redo, review it again on undo."""

    def __init__(
        self, session: ReviewSession, finding: Finding, text: str, on_change: IgnoreCallback
    ) -> None:
        super().__init__(text)
        self.session = session
        self.finding = finding
        self.on_change = on_change
        self._applied_once = False

    def redo(self) -> None:
        self.session.ignore(self.finding)
        action = "redo" if self._applied_once else "apply"
        self._applied_once = True
        self.on_change(self.finding, action)

    def undo(self) -> None:
        self.session.unignore(self.finding)
        self.on_change(self.finding, "undo")
