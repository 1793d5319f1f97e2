"""Analysing one batch of cell texts: the cells that hold findings, and the suggestion of each.

The scan's hot path. :meth:`Detector.candidates` finds, in one pass over the whole batch, the
few cells that may hold something; only those cells get Python work. Findings stay plain named
tuples (:class:`~huisclos.core.detect.findings.RawFinding`: cheap to build, to compare and to
send back from a worker process); Finding objects are built later, only when asked for. The
same function, :func:`analyse_batch`, runs in the scanning process and in worker processes
(:mod:`.pool`).

Threading: a memo of suggestions per detector, filled by whichever thread scans with it; one
scan at a time per detector (the app's scan job, or one command).
"""

from __future__ import annotations

import weakref
from itertools import compress
from typing import NamedTuple

from ..detect.categories import at_least
from ..detect.detector import Detector
from ..detect.findings import RawFinding


class ScanOptions(NamedTuple):
    """What the scan keeps: ``categories`` (None: all) and findings of ``min_severity`` or more;
    ``suggest``: compute each flagged cell's first suggestion; ``json_lines``: write each
    batch's JSON lines where it is analysed (the CLI's ``--format jsonl``)."""

    categories: frozenset[str] | None
    min_severity: str
    suggest: bool
    json_lines: bool = False

    @property
    def filtering(self) -> bool:
        return self.categories is not None or self.min_severity != "low"


class AnalysedCell(NamedTuple):
    """A flagged cell of a batch: its position in the batch, its text, its findings, and its
    suggestion (None when not asked for)."""

    index: int
    text: str
    raw: tuple[RawFinding, ...]
    suggestion: str | None


class SuggestionMemo:
    """First suggestions already computed, by (text, findings): exports repeat comments a lot,
    and the findings of a text decide its suggestion."""

    LIMIT = 100_000

    def __init__(self) -> None:
        self._known: dict[tuple[str, tuple[RawFinding, ...]], str | None] = {}

    def get(self, text: str, raw: tuple[RawFinding, ...]) -> tuple[bool, str | None]:
        key = (text, raw)
        if key in self._known:
            return True, self._known[key]
        return False, None

    def put(self, text: str, raw: tuple[RawFinding, ...], suggestion: str | None) -> None:
        if len(self._known) > self.LIMIT:
            self._known.clear()
        self._known[(text, raw)] = suggestion


_memos: weakref.WeakKeyDictionary[Detector, SuggestionMemo] = weakref.WeakKeyDictionary()


def suggestion_memo(detector: Detector) -> SuggestionMemo:
    """The memo of suggestions made with ``detector`` in this process (forgotten with it)."""
    memo = _memos.get(detector)
    if memo is None:
        memo = _memos[detector] = SuggestionMemo()
    return memo


def analyse_batch(detector: Detector, texts: list[str], options: ScanOptions) -> list[AnalysedCell]:
    """The flagged cells of the batch, in batch order, with their suggestion when asked for.
    Equal comments of the batch share one analysis (and one findings tuple)."""
    found = detector.detect_batch(texts)
    if not found:
        return []
    rules = detector.rules
    categories, min_severity, suggest, _ = options
    filtering = options.filtering
    memo = suggestion_memo(detector)
    if suggest:  # the rewriting modules load only for a scan that makes suggestions
        from ..rewrite.suggestions import first_suggestion
    kept: dict[str, tuple[tuple[RawFinding, ...], str | None]] = {}
    for text, raw in found.items():
        if filtering:
            raw = tuple(
                item
                for item in raw
                if (categories is None or rules[item.rule].category in categories)
                and at_least(item.severity, min_severity)
            )
            if not raw:
                continue
        suggestion = None
        if suggest:
            known, suggestion = memo.get(text, raw)
            if not known:
                cell = detector.findings_from(text, raw)
                suggestion = first_suggestion(text, cell, detector=detector, complete=not filtering)
                memo.put(text, raw, suggestion)
        kept[text] = (raw, suggestion)
    new = tuple.__new__
    return [
        new(AnalysedCell, (index, texts[index], *kept[texts[index]]))
        for index in compress(range(len(texts)), map(kept.__contains__, texts))
    ]
