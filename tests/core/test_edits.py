"""Undo is data: any batch of edits, applied then inverted, gives back the exact original texts.

Property tests (hypothesis) over random cells and random edit sequences — including edits of the
same cell several times in one batch, empty texts, line breaks and non-Latin characters.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huisclos.core.edits import CellOverlay, Edit, EditBatch, EditConflict, batch_from

KEYS = [("", row, column) for row in range(1, 5) for column in ("Commentaire", "Notes")]
KEYS += [("Feuil2", 1, "Commentaire")]

texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30
) | st.sampled_from(["", "porteuse sida !!! !!!!", "Préfère RDV le matin.", "ligne 1\r\nligne 2"])

cells_strategy = st.fixed_dictionaries({key: texts for key in KEYS})


@st.composite
def cells_and_batches(draw: st.DrawFn, count: int = 1) -> tuple[dict, list[EditBatch]]:
    """Original cells and ``count`` successive batches, each valid on the state left by the
    previous ones."""
    cells = draw(cells_strategy)
    state = dict(cells)
    batches = []
    for _ in range(count):
        edits = []
        for _ in range(draw(st.integers(0, 8))):
            key = draw(st.sampled_from(KEYS))
            after = draw(texts)
            rules = tuple(
                draw(st.lists(st.sampled_from(["health.hiv", "religion.islam"]), max_size=2))
            )
            edits.append(Edit(key[1], key[2], state[key], after, rules, key[0]))
            state[key] = after
        batches.append(EditBatch(tuple(edits), "Tout appliquer"))
    return cells, batches


@settings(max_examples=150)
@given(cells_and_batches())
def test_apply_then_invert_restores_the_exact_original(data: tuple[dict, list[EditBatch]]) -> None:
    cells, (batch,) = data
    working = dict(cells)
    batch.apply(working)
    batch.inverted().apply(working)
    assert working == cells


@settings(max_examples=150)
@given(cells_and_batches(count=2))
def test_merge_equals_sequential_application(data: tuple[dict, list[EditBatch]]) -> None:
    cells, (first, second) = data
    one_by_one = dict(cells)
    first.apply(one_by_one)
    second.apply(one_by_one)
    merged_cells = dict(cells)
    merged = first.merged(second)
    merged.apply(merged_cells)
    assert merged_cells == one_by_one
    # The merged batch is one undo step back to the original.
    merged.inverted().apply(merged_cells)
    assert merged_cells == cells
    # A cell edited twice appears once; a cell back to its start does not appear at all.
    assert len({edit.key for edit in merged}) == len(merged)
    assert all(edit.before != edit.after for edit in merged)


@settings(max_examples=100)
@given(cells_and_batches(count=3))
def test_undo_redo_of_several_batches(data: tuple[dict, list[EditBatch]]) -> None:
    cells, batches = data
    working = dict(cells)
    states = [dict(working)]
    for batch in batches:
        batch.apply(working)
        states.append(dict(working))
    for batch, state in zip(reversed(batches), reversed(states[:-1]), strict=True):
        batch.inverted().apply(working)
        assert working == state
    for batch, state in zip(batches, states[1:], strict=True):
        batch.apply(working)
        assert working == state


@settings(max_examples=100)
@given(cells_and_batches(), st.data())
def test_a_conflicting_batch_changes_nothing(
    data: tuple[dict, list[EditBatch]], more: st.DataObject
) -> None:
    cells, (batch,) = data
    key = more.draw(st.sampled_from(KEYS))
    stale = Edit(key[1], key[2], cells[key] + "\u2062changé", "x", (), key[0])
    position = more.draw(st.integers(0, len(batch)))
    edits = list(batch.edits)
    edits.insert(position, stale)
    working = dict(cells)
    # The stale edit conflicts unless an earlier edit of the batch put exactly that text there.
    with pytest.raises(EditConflict) as error:
        EditBatch(tuple(edits)).apply(working)
    assert working == cells
    assert "a changé entre-temps" in str(error.value)


@settings(max_examples=100)
@given(cells_and_batches(count=2))
def test_overlay_net_edits_rebuild_the_current_texts(data: tuple[dict, list[EditBatch]]) -> None:
    cells, batches = data
    overlay = CellOverlay(original=cells.__getitem__)
    for batch in batches:
        batch.apply(overlay)
    expected = dict(cells)
    for batch in batches:
        batch.apply(expected)
    # Only cells whose text really changed are held, and net edits go from the file to now.
    assert {key for key in KEYS if expected[key] != cells[key]} == set(overlay)
    rebuilt = dict(cells)
    batch_from(overlay.net_edits()).apply(rebuilt)
    assert rebuilt == expected
    for batch in reversed(batches):
        batch.inverted().apply(overlay)
    assert len(overlay) == 0
    assert overlay.net_edits() == []


def test_batch_from_drops_edits_that_change_nothing() -> None:
    batch = batch_from(
        [Edit(1, "Commentaire", "a", "a"), Edit(2, "Commentaire", "a", "b")], "Un clic"
    )
    assert [edit.row for edit in batch] == [2]
    assert batch.label == "Un clic"
