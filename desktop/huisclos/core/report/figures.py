"""The self-check report's figures: from a scan and the log, the counts a GP can file.

The report shows that the practice checked its patient list (GDPR accountability, a CNIL
inspection): which file (fingerprint, rows), how many comments were flagged per category and
severity and the share of patients concerned, what was corrected according to the log, and
whether the log is intact. It never contains a patient's words or names: figures only; an
explicit option adds a few *masked* examples (:mod:`.masking`).

Plain data in, plain data out: :func:`summarise` and :func:`corrections_from_log` compute,
:func:`build_report` and :func:`report_from_session` gather; :mod:`.layout` lays out.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from ... import __version__
from ..audit.log import open_log, record_event
from ..detect.categories import CATEGORIES, CATEGORY_LABELS, SEVERITY_RANK
from ..detect.findings import Finding
from ..errors import HuisclosError
from ..review import counts as review_counts
from ..review.counts import ReviewCounts
from ..review.session import ReviewSession
from .masking import MaskedExample, masked_examples

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CategoryLine:
    """One category's figures: comments flagged by severity, and the patients concerned."""

    category: str
    label: str
    by_severity: Mapping[str, int]  # severity → comments whose worst finding of it is that
    comments: int
    patients: int
    share: float  # patients / rows of the export (0..1)


@dataclass(frozen=True, slots=True)
class Corrections:
    """What the log says was corrected in this file (counts only)."""

    saves: int = 0  # cleaned copies written
    cells: int = 0  # comments corrected
    by_category: Mapping[str, int] = field(default_factory=dict)
    last: datetime | None = None
    unsaved: int = 0  # corrections made in the desktop app but not saved yet


@dataclass(frozen=True, slots=True)
class LogStatus:
    """The log's integrity, in French; ``ok`` None when the log could not be consulted."""

    ok: bool | None
    message: str
    events: int = 0


@dataclass
class ReportData:
    """Everything the report shows: figures, never a patient's words (unless masked examples)."""

    file_name: str
    fingerprint: str
    rows: int
    categories: list[CategoryLine]
    flagged_comments: int
    flagged_patients: int
    corrections: Corrections = field(default_factory=Corrections)
    log: LogStatus = field(default_factory=lambda: LogStatus(None, "Journal non consulté."))
    practice: str = ""
    generated: datetime = field(default_factory=datetime.now)
    columns: list[str] = field(default_factory=list)
    examples: list[MaskedExample] = field(default_factory=list)
    app_version: str = __version__
    high_cells: int | None = None  # comments with at least one high-severity finding
    counts: ReviewCounts | None = None  # the review's figures, worded as every face words them

    @property
    def review_counts(self) -> ReviewCounts:
        """Comments flagged, passages found, to review and corrected (:mod:`..review.counts`);
        built from the other figures when the data was made by hand."""
        if self.counts is not None:
            return self.counts
        corrected = self.corrections.cells + self.corrections.unsaved
        return ReviewCounts(
            flagged=self.flagged_comments,
            passages=self.flagged_comments,
            to_review=max(0, self.flagged_comments - corrected),
            corrected=corrected,
            patients=self.rows,
        )

    @property
    def share_flagged(self) -> float:
        return self.flagged_patients / self.rows if self.rows else 0.0

    @property
    def high_comments(self) -> int:
        """Comments (cells) with at least one finding of high severity, each counted once.

        Without ``high_cells`` (ReportData built by hand), an upper bound from the category
        lines, where a comment flagged in two categories appears twice.
        """
        if self.high_cells is not None:
            return self.high_cells
        return sum(line.by_severity.get("high", 0) for line in self.categories)


# --- figures ---------------------------------------------------------------------------------


def summarise(findings: Iterable[Finding], rows: int) -> tuple[list[CategoryLine], int, int]:
    """Per-category lines (most patients first), comments flagged, patients flagged.

    A comment counts once per category, under the most serious severity found in it for that
    category; a patient (a row) counts once per category however many comments they have.
    """
    worst: dict[tuple[str, tuple[str, int, str]], str] = {}
    all_cells: set[tuple[str, int, str]] = set()
    all_rows: set[tuple[str, int]] = set()
    for finding in findings:
        cell = (finding.sheet, finding.row, finding.column)
        all_cells.add(cell)
        all_rows.add((finding.sheet, finding.row))
        key = (finding.category, cell)
        previous = worst.get(key)
        if previous is None or SEVERITY_RANK[finding.severity] > SEVERITY_RANK[previous]:
            worst[key] = finding.severity
    by_severity: dict[str, Counter[str]] = defaultdict(Counter)
    patients: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for (category, (sheet, row, _column)), severity in worst.items():
        by_severity[category][severity] += 1
        patients[category].add((sheet, row))
    lines = [
        CategoryLine(
            category=category,
            label=CATEGORY_LABELS.get(category, category),
            by_severity=dict(by_severity[category]),
            comments=sum(by_severity[category].values()),
            patients=len(patients[category]),
            share=len(patients[category]) / rows if rows else 0.0,
        )
        for category in by_severity
    ]
    order = {name: index for index, name in enumerate(CATEGORIES)}
    lines.sort(key=lambda line: (-line.patients, order.get(line.category, 99)))
    return lines, len(all_cells), len(all_rows)


def high_severity_comments(findings: Iterable[Finding]) -> int:
    """Comments (distinct cells) with at least one high-severity finding."""
    return len({(f.sheet, f.row, f.column) for f in findings if f.severity == "high"})


def corrections_from_log(
    events: Iterable[Mapping[str, Any]], fingerprint: str, *, unsaved: int = 0
) -> Corrections:
    """What the log says was corrected in the file whose fingerprint is ``fingerprint``.

    The log keeps counts, row numbers and rule ids — never text — so this is all we show.
    Corrections are counted per distinct cell (sheet, row, column) from the ``edit`` events: a
    comment corrected twice (``clean`` run twice, or corrected again in a later session) counts
    once, and once in each of its categories; an ``undo`` takes back the last correction of its
    cells. ``save_copy`` events give the cleaned copies written; once a copy was saved, the
    figures are those of the cells corrected up to the latest copy (later corrections are
    ``unsaved`` in the desktop app). Events about other files are skipped.
    """
    saves = 0
    last: datetime | None = None
    tracker = _CellTracker()
    saved: tuple[int, Counter[str]] | None = None
    saved_cells = 0
    for event in events:
        payload = event["payload"]
        if payload.get("fingerprint") != fingerprint:
            continue
        if event["event"] == "save_copy":
            saves += 1
            saved_cells = int(payload["cells_changed"])
            saved = tracker.snapshot()
        elif event["event"] == "edit":
            tracker.add(payload["action"] == "undo", payload["edits"])
        else:
            continue
        when = _local_time(event["time"])
        if last is None or when > last:
            last = when
    cells, by_category = saved if saved is not None else tracker.snapshot()
    if saved is not None:
        cells = max(cells, saved_cells)  # a copy whose edits the log missed still counts
    categories = {k: v for k, v in by_category.items() if v > 0}
    return Corrections(saves, cells, categories, last, unsaved)


class _CellTracker:
    """The corrections in force per cell, replayed from ``edit`` events in log order."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, str], list[frozenset[str]]] = {}

    def add(self, undo: bool, edits: Iterable[Mapping[str, Any]]) -> None:
        """One ``edit`` event's cells: each correction stacked on its cell (with the categories
        the cell was flagged for), or, for an undo, the cell's last correction taken back."""
        for edit in edits:
            key = (str(edit.get("sheet", "")), int(edit["row"]), str(edit["column"]))
            stack = self.cells.setdefault(key, [])
            if undo:
                if stack:
                    stack.pop()
            else:
                stack.append(frozenset(edit["categories"]))

    def snapshot(self) -> tuple[int, Counter[str]]:
        """(cells corrected, cells per category) now."""
        live = [stack for stack in self.cells.values() if stack]
        by_category: Counter[str] = Counter()
        for stack in live:
            by_category.update(frozenset().union(*stack))
        return len(live), by_category


def _local_time(iso: str) -> datetime:
    """An event's time (ISO 8601, UTC) as a naive local time, as the report shows it."""
    moment = datetime.fromisoformat(iso)
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def read_log(fingerprint: str, *, unsaved: int = 0) -> tuple[Corrections, LogStatus]:
    """Corrections and integrity status from the practice's log; never raises.

    When the log cannot be opened (no keyring and no passphrase, or not created yet) the report
    still comes out, and says so.
    """
    try:
        with open_log() as log:
            result = log.verify()
            events = log.events() if result.ok else []
    except HuisclosError as error:
        logger.info("Log not consulted for the report: %s", error)
        return Corrections(unsaved=unsaved), LogStatus(
            None, f"Journal non consulté : {error.message}"
        )
    except Exception as error:  # a report must come out even when the log cannot be read
        logger.info("Log not consulted for the report: %r", error)
        return Corrections(unsaved=unsaved), LogStatus(
            None, "Journal non consulté : le journal n'a pas pu être ouvert."
        )
    corrections = corrections_from_log(events, fingerprint, unsaved=unsaved)
    return corrections, LogStatus(result.ok, result.message, result.events)


# --- building from a scan ----------------------------------------------------------------------


def build_report(
    *,
    file_name: str,
    fingerprint: str,
    rows: int,
    findings: Sequence[Finding],
    columns: Mapping[str, Sequence[str]] | None = None,
    practice: str = "",
    corrections: Corrections | None = None,
    log: LogStatus | None = None,
    examples_from: Iterable[tuple[str, Sequence[Finding]]] | None = None,
    generated: datetime | None = None,
) -> ReportData:
    """ReportData from plain figures; ``examples_from`` (cell text, its findings) only when the
    user asked for masked examples."""
    lines, flagged_comments, flagged_patients = summarise(findings, rows)
    corrections = corrections or Corrections()
    counts = review_counts.of_findings(
        findings, patients=rows, corrected=corrections.cells + corrections.unsaved
    )
    column_names: list[str] = []
    for sheet, names in (columns or {}).items():
        column_names.extend(
            f"{sheet} : {n}" if sheet and len(columns or {}) > 1 else n for n in names
        )
    return ReportData(
        file_name=file_name,
        fingerprint=fingerprint,
        rows=rows,
        categories=lines,
        flagged_comments=flagged_comments,
        flagged_patients=flagged_patients,
        corrections=corrections,
        log=log or LogStatus(None, "Journal non consulté."),
        practice=practice,
        generated=generated or datetime.now(),
        columns=column_names,
        examples=masked_examples(examples_from) if examples_from is not None else [],
        high_cells=high_severity_comments(findings),
        counts=counts,
    )


def cells_with_findings(
    findings: Sequence[Finding], cell_text: Callable[[str, int, str], str]
) -> list[tuple[str, list[Finding]]]:
    """(cell text, findings of that cell) for each flagged cell; ``cell_text(sheet, row,
    column)`` reads the export."""
    grouped: dict[tuple[str, int, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[(finding.sheet, finding.row, finding.column)].append(finding)
    return [(cell_text(*key), found) for key, found in grouped.items()]


def report_from_session(
    session: ReviewSession,
    *,
    practice: str = "",
    with_examples: bool = False,
    read_the_log: bool = True,
) -> ReportData:
    """ReportData for the review session of the desktop app.

    The figures describe the file as it was opened: cells the user already corrected are
    re-detected on their original text, so correcting does not make the problems vanish from
    the report — they move to «Corrections».
    """
    changed = set(session.overlay)
    findings: list[Finding] = [
        finding
        for key in session.pending_keys()
        if key not in changed
        for finding in session.findings(key)
    ]
    for key in sorted(changed):
        findings.extend(session.detect(key, session.original(key)))
    fingerprint = session.export.fingerprint
    if read_the_log:
        corrections, log_status = read_log(fingerprint)
    else:
        corrections, log_status = Corrections(), LogStatus(None, "Journal non consulté.")
    unsaved = max(0, session.corrected_count() - corrections.cells)
    if unsaved:
        corrections = Corrections(
            corrections.saves,
            corrections.cells,
            corrections.by_category,
            corrections.last,
            unsaved,
        )
    examples = None
    if with_examples:
        examples = cells_with_findings(
            findings, lambda sheet, row, column: session.original((sheet, row, column))
        )
    data = build_report(
        file_name=session.path.name,
        fingerprint=fingerprint,
        rows=session.patient_count(),
        findings=findings,
        columns=session.columns,
        practice=practice,
        corrections=corrections,
        log=log_status,
        examples_from=examples,
    )
    # still to review and corrected: what the review screen shows at this moment
    data.counts = replace(
        data.review_counts,
        to_review=session.review_count(),
        corrected=session.corrected_count(),
    )
    return data


def report_payload(data: ReportData, fmt: str) -> dict[str, Any]:
    """The ``report`` log event: which file, the figures, the format — never text."""
    return {
        "fingerprint": data.fingerprint,
        "rows": data.rows,
        "flagged_comments": data.flagged_comments,
        "passages": data.review_counts.passages,
        "to_review": data.review_counts.to_review,
        "corrected": data.review_counts.corrected,
        "flagged_patients": data.flagged_patients,
        "counts": {line.category: dict(line.by_severity) for line in data.categories},
        "format": fmt.lower().lstrip("."),
        "with_examples": bool(data.examples),
    }


def record_report(data: ReportData, fmt: str) -> str | None:
    """Note in the log that a report was produced; a French warning if the log is unusable."""
    return record_event("report", report_payload(data, fmt))
