"""The JSON lines (``huisclos scan --format jsonl``) and the counts of one analysed batch.

Both are made where the batch was analysed — in a worker process when there are some — so the
scanning process only writes what it receives: on a big export, encoding 100,000 findings would
otherwise keep it busy while the workers wait.

Threading: pure functions; ``seen`` belongs to the caller (one scan, one sheet).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from operator import itemgetter

from ..detect.categories import SEVERITY_RANK
from ..detect.findings import RawFinding, json_head, json_tail
from ..detect.lexicon import Rule

# A flagged cell in its place: (row, column, text, findings, suggestion).
PlacedCell = tuple[int, str, str, Sequence[RawFinding], "str | None"]

SEEN_LIMIT = 100_000
"""The most comments whose lines' tails are kept for equal comments to come."""


def placed(
    cells: Sequence[tuple[int, str, Sequence[RawFinding], str | None]],
    first: int,
    headers: Sequence[str],
) -> list[PlacedCell]:
    """A batch's analysed cells (index in the batch, text, findings, suggestion) with their row
    and column (rows from ``first``, cells row by row then column by column over ``headers``)."""
    if len(headers) == 1:
        column = headers[0]
        return [(first + index, column, text, raw, sug) for index, text, raw, sug in cells]
    width = len(headers)
    return [
        (first + index // width, headers[index % width], text, raw, sug)
        for index, text, raw, sug in cells
    ]


def batch_lines(
    rules: Sequence[Rule], cells: Sequence[PlacedCell], sheet: str, seen: dict[str, list[str]]
) -> str:
    """The JSON lines of every finding of flagged ``cells``.

    What follows the row and column is the same for equal comments of a sheet in one scan (its
    options decide the findings of a text): it is written once and kept in ``seen`` (comment →
    its lines' tails), which the caller keeps per sheet for the whole scan.
    """
    lines: list[str] = []
    for row, column, text, raw, suggestion in cells:
        ends = seen.get(text)
        if ends is None:
            ends = [
                json_tail(
                    item.start,
                    item.end,
                    rules[item.rule].category,
                    item.severity,
                    rules[item.rule].id,
                    text[item.start : item.end],
                    item.reasons,
                    suggestion,
                    sheet,
                )
                for item in raw
            ]
            if len(seen) > SEEN_LIMIT:
                seen.clear()
            seen[text] = ends
        head = json_head(row, column)
        lines.extend([head + end for end in ends])
    return "".join(lines)


def count_cells(
    cells: Sequence[tuple[object, ...]],
    rules: Sequence[Rule],
    counts: dict[str, dict[str, int]],
    raw_at: int,
) -> None:
    """Add the cells to ``counts`` (category → severity → cells): a cell counts once per
    category, at its most serious severity in that category; ``raw_at`` is where a cell tuple
    holds its findings."""
    for cell in cells:
        raw: Sequence[RawFinding] = cell[raw_at]  # type: ignore[assignment]
        if len(raw) == 1:  # most cells
            only = raw[0]
            per = counts.setdefault(rules[only.rule].category, {})
            per[only.severity] = per.get(only.severity, 0) + 1
            continue
        worst: dict[str, str] = {}
        for item in raw:
            category = rules[item.rule].category
            previous = worst.get(category)
            if previous is None or SEVERITY_RANK[item.severity] > SEVERITY_RANK[previous]:
                worst[category] = item.severity
        for category, severity in worst.items():
            per = counts.setdefault(category, {})
            per[severity] = per.get(severity, 0) + 1


def add_counts(counts: dict[str, dict[str, int]], more: dict[str, dict[str, int]]) -> None:
    """Add ``more`` (a batch's counts) to ``counts``."""
    for category, per_severity in more.items():
        per = counts.setdefault(category, {})
        for severity, number in per_severity.items():
            per[severity] = per.get(severity, 0) + number


def tally_findings(
    cells: Sequence[tuple[object, ...]], raw_at: int, tally: Counter[tuple[int, str]]
) -> None:
    """Add to ``tally`` ((rule index, severity) → findings, for the journal's scan event) the
    findings of ``cells``; ``raw_at`` is where a cell tuple holds its findings. Equal comments
    share one findings tuple (the detector's memo): it is counted once, times its cells."""
    raws: list[Sequence[RawFinding]] = list(map(itemgetter(raw_at), cells))  # type: ignore[arg-type]
    times = Counter(map(id, raws))
    if len(times) == len(raws):
        tally.update((item.rule, item.severity) for raw in raws for item in raw)
        return
    for raw in {id(raw): raw for raw in raws}.values():
        cells_with_it = times[id(raw)]
        for item in raw:
            tally[(item.rule, item.severity)] += cells_with_it


def flagged_rows(cells: Sequence[tuple[object, ...]], width: int) -> int:
    """How many rows a batch's analysed cells (index in the batch first; cells row by row,
    ``width`` a row) are in."""
    if width == 1:
        return len(cells)
    return len({cell[0] // width for cell in cells})  # type: ignore[operator]
