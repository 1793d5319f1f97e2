"""«Tout appliquer» on a large file: the proposals are made ahead by a helper process while the
scan runs, the result is exactly what the panel shows, undo restores every comment, and the
helper ends with the window."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import open_and_wait

from huisclos.core.detect.detector import Detector
from huisclos.core.exports.reading import read_export
from huisclos.core.review.scan import run_scan
from huisclos.core.review.session import ReviewSession


def plain_proposals(path: Path) -> dict:  # type: ignore[type-arg]
    """What «Tout appliquer» writes, made without any helper."""
    export = read_export(path)
    session = ReviewSession.of_scan(export, run_scan(export, detector=Detector.default()))
    return {edit.key: edit.after for edit in session.bulk_batch()}


def test_proposals_made_ahead_during_the_scan_are_what_tout_appliquer_writes(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    from huisclos.ui import proposals_ahead, review_actions

    monkeypatch.setattr(proposals_ahead, "AHEAD_COMMENTS", 1)
    monkeypatch.setattr(review_actions, "BACKGROUND_COMMENTS", 1)
    open_and_wait(qtbot, window, leaked_export)
    qtbot.waitUntil(lambda: window.ahead.helper is not None, timeout=30_000)
    helper = window.ahead.helper
    session = window.session
    originals = {key: session.text(key) for key in session.pending_keys()}
    expected = plain_proposals(leaked_export)

    assert window.review.apply_all(None)
    assert window.review.wait_for_apply(30_000)

    assert {key: session.text(key) for key in expected} == expected
    assert window.undo_stack.count() == 1
    window.menus.undo.trigger()
    assert {key: session.text(key) for key in originals} == originals
    window.close()
    window.wait_for_jobs()
    assert window.ahead.helper is None and not helper._process.is_alive()


def test_a_small_file_starts_no_helper(qtbot, window, leaked_export: Path) -> None:
    open_and_wait(qtbot, window, leaked_export)
    qtbot.wait(50)
    assert window.ahead.helper is None and window.ahead._starting is None


def test_a_big_export_starts_its_helper_with_the_scan_and_it_still_writes_the_proposals(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    """From a big export on, the helper is started as the scan starts, before any comment is
    found (its start took a third of the time it had to work), and what «Tout appliquer»
    writes is unchanged."""
    from huisclos.ui import proposals_ahead, review_actions

    monkeypatch.setattr(proposals_ahead, "AHEAD_ROWS", 1)
    monkeypatch.setattr(review_actions, "BACKGROUND_COMMENTS", 1)
    starts: list[int] = []  # comments found when the helper's start was asked for
    real_start = proposals_ahead.ProposalsAheadControl._start

    def start(self, session):  # type: ignore[no-untyped-def]
        starts.append(session.review_count())
        real_start(self, session)

    monkeypatch.setattr(proposals_ahead.ProposalsAheadControl, "_start", start)
    open_and_wait(qtbot, window, leaked_export)
    qtbot.waitUntil(lambda: window.ahead.helper is not None, timeout=30_000)
    session = window.session
    expected = plain_proposals(leaked_export)

    assert window.review.apply_all(None, confirm=False)
    assert window.review.wait_for_apply(30_000)

    assert starts == [0]
    assert {key: session.text(key) for key in expected} == expected


def test_the_window_keeps_turning_and_the_bar_moves_while_the_batch_is_applied(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    """A large «Tout appliquer» is applied a few edits at a time: between two, the window
    handles its events (a timer fires) and the progress bar shows how far it is."""
    from PySide6.QtCore import QTimer

    from huisclos.ui import bulk_apply, review_actions

    monkeypatch.setattr(review_actions, "BACKGROUND_COMMENTS", 1)
    monkeypatch.setattr(bulk_apply, "APPLY_SLICE", 0.0)  # one step per turn of the loop
    monkeypatch.setattr(bulk_apply, "APPLY_STEP", 1)
    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    originals = {key: session.text(key) for key in session.pending_keys()}
    expected = plain_proposals(leaked_export)
    assert len(expected) >= 4
    seen: list[int] = []  # the bar's value each time the window's timer fired

    def tick() -> None:
        bulk = window.review.bulk
        if bulk is not None and bulk._steps is not None:
            seen.append(bulk.dialog.value())

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(0)
    assert window.review.apply_all(None)
    assert window.review.wait_for_apply(30_000)
    timer.stop()

    assert len(set(seen)) >= 3 and seen == sorted(seen)  # the bar moved, turn after turn
    assert {key: session.text(key) for key in expected} == expected
    assert window.undo_stack.count() == 1 and window.review_page.isEnabled()
    window.menus.undo.trigger()
    assert {key: session.text(key) for key in originals} == originals


def test_a_failure_while_the_batch_is_applied_puts_every_comment_back(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    """A defect part-way through the batch leaves no comment half changed and no window
    stuck: what was applied is put back, the window is usable and the user is told."""
    from huisclos.ui import bulk_apply, review_actions

    monkeypatch.setattr(review_actions, "BACKGROUND_COMMENTS", 1)
    monkeypatch.setattr(bulk_apply, "APPLY_SLICE", 0.0)
    monkeypatch.setattr(bulk_apply, "APPLY_STEP", 1)
    told: list[str] = []
    monkeypatch.setattr(review_actions, "show_error", lambda parent, message: told.append(message))
    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    originals = {key: session.text(key) for key in session.pending_keys()}
    assert len(originals) >= 4
    _failing_third_apply(monkeypatch)
    assert window.review.apply_all(None, confirm=False)
    window.review.wait_for_apply(30_000)

    assert {key: session.text(key) for key in originals} == originals
    assert told and window.review_page.isEnabled() and window.undo_stack.count() == 0
    assert window.review.bulk is None


def _applied_to_all(qtbot, window, export: Path):  # type: ignore[no-untyped-def]
    """Open ``export``, apply every proposal and wait: the session, each pending comment's
    text before (``originals``) and after (``applied``)."""
    open_and_wait(qtbot, window, export)
    session = window.session
    originals = {key: session.text(key) for key in session.pending_keys()}
    assert len(originals) >= 4
    assert window.review.apply_all(None, confirm=False)
    assert window.wait_for_edits(30_000)
    applied = {key: session.text(key) for key in originals}
    return session, originals, applied


def _big_batches_in_steps(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every batch counts as big: its undo and redo go one edit per turn of the loop."""
    from huisclos.ui import bulk_apply, review_actions

    monkeypatch.setattr(review_actions, "STEPPED_EDITS", 1)
    monkeypatch.setattr(bulk_apply, "APPLY_SLICE", 0.0)
    monkeypatch.setattr(bulk_apply, "APPLY_STEP", 1)


def test_the_window_keeps_turning_while_a_big_undo_and_its_redo_are_applied(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    """Undoing «Tout appliquer» on ten thousand comments is applied a few edits at a time: the
    window handles its events between two (a timer fires), the table is locked meanwhile, and
    in the end every comment is back; redo writes every proposal again the same way."""
    from PySide6.QtCore import QTimer

    _big_batches_in_steps(monkeypatch)
    session, originals, applied = _applied_to_all(qtbot, window, leaked_export)
    assert applied != originals
    turns: list[int] = []  # comments already back each time the window's timer fired

    def tick() -> None:
        if window.review.steps is not None:
            assert not window.review_page.isEnabled()
            turns.append(sum(session.text(key) == text for key, text in originals.items()))

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(0)
    window.menus.undo.trigger()
    assert window.wait_for_edits(30_000)
    undone = list(turns)
    window.menus.redo.trigger()
    assert window.wait_for_edits(30_000)
    timer.stop()

    assert len(set(undone)) >= 3 and undone == sorted(undone)  # turn after turn, more back
    assert len(turns) > len(undone)  # the redo went by steps too
    assert {key: session.text(key) for key in originals} == applied
    assert window.review_page.isEnabled() and window.menus.undo.isEnabled()
    window.menus.undo.trigger()
    assert window.wait_for_edits(30_000)
    assert {key: session.text(key) for key in originals} == originals
    assert window.review_page.isEnabled() and not window.menus.undo.isEnabled()


def test_a_redo_asked_for_while_the_undo_is_applied_comes_after_it(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    """Undo and redo pressed in a row on a big batch: the undo is finished first, so the
    comments end as the redo leaves them, none half changed."""
    _big_batches_in_steps(monkeypatch)
    session, originals, applied = _applied_to_all(qtbot, window, leaked_export)

    window.menus.undo.trigger()
    assert window.review.steps is not None  # the undo is under way
    window.undo_stack.redo()
    assert window.wait_for_edits(30_000)

    assert {key: session.text(key) for key in originals} == applied
    assert window.undo_stack.canUndo() and not window.undo_stack.canRedo()
    assert window.review_page.isEnabled()


def _failing_third_apply(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """From now on, the session's third apply fails (a defect part-way through a batch)."""
    from huisclos.core.review.session import ReviewSession

    real_apply = ReviewSession.apply
    calls: list[int] = []

    def failing_apply(self, batch, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(batch))
        if len(calls) == 3:
            raise RuntimeError("défaut simulé")
        return real_apply(self, batch, *args, **kwargs)

    monkeypatch.setattr(ReviewSession, "apply", failing_apply)
    return calls


def test_a_big_undo_failing_part_way_leaves_the_change_applied_and_still_undoable(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    """Undoing a big «Tout appliquer» fails part-way: every comment keeps its proposal, the
    undo menu still offers to undo it (nothing to redo), the user reads why in French, and a
    second undo then puts every comment back."""
    from huisclos.ui import review_actions

    _big_batches_in_steps(monkeypatch)
    told: list[str] = []
    monkeypatch.setattr(review_actions, "show_error", lambda parent, message: told.append(message))
    session, originals, applied = _applied_to_all(qtbot, window, leaked_export)
    qtbot.wait(50)  # the apply's journal event, in a turn of its own
    journalled: list[object] = []
    monkeypatch.setattr(window.recorder, "record_edits", journalled.append)

    _failing_third_apply(monkeypatch)
    window.menus.undo.trigger()
    assert window.review.wait_for_steps(30_000)

    assert {key: session.text(key) for key in originals} == applied
    assert window.undo_stack.canUndo() and not window.undo_stack.canRedo()
    assert window.menus.undo.isEnabled() and not window.menus.redo.isEnabled()
    assert len(told) == 1 and "L'annulation n'a pas pu aller jusqu'au bout" in told[0]
    assert "la modification est toujours appliquée" in told[0]
    assert window.review_page.isEnabled()
    qtbot.wait(50)
    assert journalled == []  # no undo journalled: none happened

    monkeypatch.undo()  # the defect is gone: undo now works
    _big_batches_in_steps(monkeypatch)
    window.menus.undo.trigger()
    assert window.wait_for_edits(30_000)
    assert {key: session.text(key) for key in originals} == originals
    assert not window.undo_stack.canUndo() and window.undo_stack.canRedo()


def test_a_big_redo_failing_part_way_leaves_the_change_undone_and_still_redoable(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    from huisclos.ui import review_actions

    _big_batches_in_steps(monkeypatch)
    told: list[str] = []
    monkeypatch.setattr(review_actions, "show_error", lambda parent, message: told.append(message))
    session, originals, _ = _applied_to_all(qtbot, window, leaked_export)
    window.menus.undo.trigger()
    assert window.wait_for_edits(30_000)
    assert {key: session.text(key) for key in originals} == originals

    _failing_third_apply(monkeypatch)
    window.menus.redo.trigger()
    assert window.review.wait_for_steps(30_000)

    assert {key: session.text(key) for key in originals} == originals
    assert not window.undo_stack.canUndo() and window.undo_stack.canRedo()
    assert len(told) == 1 and "Le rétablissement n'a pas pu aller jusqu'au bout" in told[0]


def test_a_big_undo_failing_while_a_redo_waits_for_it_leaves_the_change_applied(
    qtbot, window, leaked_export: Path, monkeypatch
) -> None:
    """Undo then redo at once on a big batch, and the undo fails part-way: the comments keep
    their proposals, which is what the redo asked for, and the stack says so."""
    from huisclos.ui import review_actions

    _big_batches_in_steps(monkeypatch)
    told: list[str] = []
    monkeypatch.setattr(review_actions, "show_error", lambda parent, message: told.append(message))
    session, originals, applied = _applied_to_all(qtbot, window, leaked_export)

    _failing_third_apply(monkeypatch)
    window.menus.undo.trigger()
    assert window.review.steps is not None  # the undo is under way
    window.undo_stack.redo()
    assert window.wait_for_edits(30_000)

    assert {key: session.text(key) for key in originals} == applied
    assert window.undo_stack.canUndo() and not window.undo_stack.canRedo()
    assert len(told) == 1 and window.review_page.isEnabled()
