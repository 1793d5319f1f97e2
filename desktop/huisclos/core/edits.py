"""Edits to cells as plain data, so undo is data too.

An :class:`Edit` says «this cell went from *before* to *after*»; an :class:`EditBatch` groups
edits that the user made in one action («Tout appliquer» is one batch, hence one undo step).
Applying a batch then its inverse restores the exact original texts. The desktop app wraps
batches in ``QUndoCommand`` objects; nothing here knows about Qt.

:class:`CellOverlay` holds the current text of every edited cell on top of the untouched export,
and gives the net edits (original → current) that ``Export.write_copy`` splices into the copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field

from .errors import HuisclosError

CellKey = tuple[str, int, str]
"""(sheet, 1-based data row, column header); sheet is "" for CSV files."""


class EditConflict(HuisclosError):
    """An edit was applied to a cell whose text is not what the edit expected."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One cell changed from ``before`` to ``after`` because of the rules ``rule_ids``."""

    row: int
    column: str
    before: str
    after: str
    rule_ids: tuple[str, ...] = ()
    sheet: str = ""

    @property
    def key(self) -> CellKey:
        return (self.sheet, self.row, self.column)

    def inverted(self) -> Edit:
        """The edit that undoes this one."""
        return Edit(self.row, self.column, self.after, self.before, self.rule_ids, self.sheet)

    def apply(self, cells: MutableMapping[CellKey, str]) -> None:
        """Set the cell to ``after``; refuses if the cell does not currently hold ``before``."""
        current = cells[self.key]
        if current != self.before:
            raise EditConflict(
                f"La ligne {self.row} (colonne « {self.column} ») a changé entre-temps : "
                "la modification n'a pas été appliquée."
            )
        cells[self.key] = self.after


@dataclass(frozen=True, slots=True)
class EditBatch:
    """Edits made by one user action; applied and undone as a whole."""

    edits: tuple[Edit, ...] = ()
    label: str = ""

    def __len__(self) -> int:
        return len(self.edits)

    def __iter__(self) -> Iterator[Edit]:
        return iter(self.edits)

    def apply(self, cells: MutableMapping[CellKey, str]) -> None:
        """Apply every edit in order; on a conflict, edits already applied are rolled back."""
        done: list[Edit] = []
        try:
            for edit in self.edits:
                edit.apply(cells)
                done.append(edit)
        except EditConflict:
            for edit in reversed(done):
                edit.inverted().apply(cells)
            raise

    def inverted(self) -> EditBatch:
        """The batch that undoes this one (inverse edits, in reverse order)."""
        return EditBatch(tuple(edit.inverted() for edit in reversed(self.edits)), self.label)

    def merged(self, other: EditBatch) -> EditBatch:
        """One batch with the effect of this one followed by ``other``.

        Successive edits of the same cell collapse into one (first *before*, last *after*);
        a cell that ends where it started disappears from the batch.
        """
        by_key: dict[CellKey, Edit] = {}
        for edit in (*self.edits, *other.edits):
            previous = by_key.get(edit.key)
            if previous is None:
                by_key[edit.key] = edit
            else:
                rules = tuple(dict.fromkeys((*previous.rule_ids, *edit.rule_ids)))
                by_key[edit.key] = Edit(
                    edit.row, edit.column, previous.before, edit.after, rules, edit.sheet
                )
        kept = tuple(edit for edit in by_key.values() if edit.before != edit.after)
        return EditBatch(kept, self.label or other.label)


@dataclass
class CellOverlay(MutableMapping[CellKey, str]):
    """Current texts of edited cells over the original export.

    ``original`` returns a cell's text as read from the file; the overlay stores only cells
    that were touched, so a million-row export costs nothing until the user edits.
    """

    original: Callable[[CellKey], str]
    _changed: dict[CellKey, str] = field(default_factory=dict)

    def __getitem__(self, key: CellKey) -> str:
        if key in self._changed:
            return self._changed[key]
        return self.original(key)

    def __setitem__(self, key: CellKey, value: str) -> None:
        if value == self.original(key):
            self._changed.pop(key, None)
        else:
            self._changed[key] = value

    def __delitem__(self, key: CellKey) -> None:
        del self._changed[key]

    def __iter__(self) -> Iterator[CellKey]:
        return iter(self._changed)

    def __len__(self) -> int:
        return len(self._changed)

    def is_changed(self, key: CellKey) -> bool:
        return key in self._changed

    def net_edits(self) -> list[Edit]:
        """The edits from the original file to the current texts, in row order."""
        return [
            Edit(row, column, self.original((sheet, row, column)), text, (), sheet)
            for (sheet, row, column), text in sorted(self._changed.items())
        ]


def batch_from(edits: Iterable[Edit], label: str = "") -> EditBatch:
    """A batch from any iterable of edits, dropping no-op ones."""
    return EditBatch(tuple(edit for edit in edits if edit.before != edit.after), label)
