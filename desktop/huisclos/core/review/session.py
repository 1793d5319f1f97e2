"""A review session: one opened export, its findings per cell, and the user's edits.

This is the logic behind the desktop review screen, kept free of Qt so that the command line
drives exactly the same decisions: which cells still need review, what a single click writes
into a cell, what «Tout appliquer» changes, what happens after a manual edit (the cell is
re-scanned), and what the cleaned copy and the correction list contain.

Cleaning is one path for both faces: :meth:`ReviewSession.bulk_batch` (the first suggestion of
every comment to review, fitted to what the file can hold) → :meth:`ReviewSession.apply` →
:meth:`ReviewSession.write_copy` → :meth:`ReviewSession.write_worklist`, each step's journal
event built by :mod:`.journal_events` — «Tout appliquer» then «Enregistrer» in the app,
``huisclos clean`` on the command line.

Edits go through :class:`~huisclos.core.edits.EditBatch` objects on a
:class:`~huisclos.core.edits.CellOverlay`; the caller keeps the batches for undo
(``session.apply(batch.inverted())`` undoes one).

Threading: a session is not thread-safe. Build it on the GUI thread and feed it the findings
that a worker's scan yields (``add_findings``); only the scan itself runs on the worker.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from ..audit.events import EditEvent, JournalEvent
from ..detect.categories import CATEGORIES, at_least
from ..detect.detector import Detector
from ..detect.findings import Finding, RawFinding
from ..edits import CellKey, CellOverlay, Edit, EditBatch, batch_from
from ..exports.model import Export, Table
from ..rewrite import suggestions as rewrite
from . import journal_events
from . import worklist as worklist_mod
from .ahead import MISSING, AheadStore, ProposalsAhead
from .batches import gc_paused
from .counts import ReviewCounts
from .scan import FlaggedCell, FlaggedCells, ScanResult, scan_export
from .tally import CategorySummary, ReviewTally

logger = logging.getLogger(__name__)


class BulkCounts(NamedTuple):
    """«Tout appliquer» in numbers, for its confirmation."""

    changed: int  # comments whose text changes
    emptied: int  # … of which emptied entirely
    partial: int  # … of which keep passages of other categories, to review in their lists


def cell_key(finding: Finding) -> CellKey:
    """The cell a finding belongs to."""
    return (finding.sheet, finding.row, finding.column)


class ReviewSession:
    """Current texts and findings of one export while the user reviews it."""

    def __init__(
        self,
        export: Export,
        *,
        detector: Detector,
        columns: dict[str, list[str]] | None = None,
        categories: set[str] | None = None,
        min_severity: str = "low",
    ) -> None:
        self.export = export
        self.detector = detector
        self.columns: dict[str, list[str]] = dict(columns or {})
        self.categories = set(categories) if categories else set(CATEGORIES)
        self.min_severity = min_severity
        self._tables: dict[str, Table] = {table.name: table for table in export.tables}
        # Texts of the file's cells already read (the flagged ones, from the scan): a CSV cell
        # read again costs parsing its whole row, and «Tout appliquer» asks for each several times.
        self._originals: dict[CellKey, str] = {}
        self.overlay = CellOverlay(self._original_text)
        self._findings: dict[CellKey, list[Finding]] = {}
        self._ignored: set[tuple[CellKey, str, str]] = set()
        self._edited_categories: dict[CellKey, set[str]] = {}
        self._first_found: dict[CellKey, list[Finding]] = {}  # findings before the 1st edit
        self._tally = ReviewTally()  # the figures, kept up to date cell by cell (_retally)
        self._ahead = AheadStore()  # proposals a helper process made ahead (the app)
        self.rows_scanned = 0
        self.scan_complete = False

    # --- reading -------------------------------------------------------------------------
    @classmethod
    def of_scan(
        cls,
        export: Export,
        result: ScanResult,
        *,
        categories: set[str] | None = None,
        min_severity: str = "low",
    ) -> ReviewSession:
        """The session of a finished scan of ``export`` (the command line, tests)."""
        session = cls(
            export,
            detector=result.detector,
            columns=result.columns,
            categories=categories,
            min_severity=min_severity,
        )
        for flagged in result.batches:
            session.add_flagged(flagged)
        session.finish_scan(result.columns)
        return session

    @classmethod
    def scanning(
        cls,
        export: Export,
        *,
        detector: Detector,
        columns: dict[str, list[str]] | None = None,
        categories: set[str] | None = None,
        min_severity: str = "low",
        processes: int = 0,
    ) -> tuple[ReviewSession, ScanResult]:
        """Scan ``export`` (:func:`.scan.scan_export`, suggestions made) and build its session
        batch by batch as the scan yields them, as the app does: with worker processes, this
        process takes each batch in while they analyse the next ones (``huisclos clean``)."""
        session = cls(
            export,
            detector=detector,
            columns=columns,
            categories=categories,
            min_severity=min_severity,
        )
        scan = scan_export(
            export,
            detector=detector,
            columns=columns,
            categories=categories,
            min_severity=min_severity,
            processes=processes,
        )
        while True:
            try:
                progress = next(scan)
            except StopIteration as stop:
                result: ScanResult = stop.value
                break
            with gc_paused():  # no reference cycle among the findings: nothing to collect
                session.add_flagged(progress.flagged)
        session.finish_scan(result.columns)
        return session, result

    def set_detector(self, detector: Detector) -> None:
        if detector is not self.detector:
            self._ahead.forget()  # made with the former rules
        self.detector = detector

    @property
    def path(self) -> Path:
        return Path(self.export.path)

    @property
    def table(self) -> Table:
        return self.export.table

    def table_named(self, name: str) -> Table:
        return self._tables[name]

    def patient_count(self) -> int:
        """Data rows of every table (the patients of the export)."""
        return sum(len(table) for table in self.export.tables if table.holds_patients)

    def remember_texts(self, sheet: str, cells: Iterable[FlaggedCell]) -> None:
        """The file's texts of cells a scan read (so they are not read again)."""
        originals = self._originals
        for cell in cells:
            originals[(sheet, cell.row, cell.column)] = cell.text

    def add_flagged(self, flagged: FlaggedCells) -> set[CellKey]:
        """A batch of flagged cells a scan yielded: their texts and findings
        (:meth:`remember_texts` then :meth:`add_findings`)."""
        self.remember_texts(flagged.sheet, flagged.cells)
        return self.add_findings(flagged.findings())

    def _original_text(self, key: CellKey) -> str:
        text = self._originals.get(key)
        if text is None:
            sheet, row, column = key
            text = self._originals[key] = self._tables[sheet].cell(row, column)
        return text

    def text(self, key: CellKey) -> str:
        """The cell's current text (after the user's edits)."""
        return self.overlay[key]

    def is_changed(self, key: CellKey) -> bool:
        return self.overlay.is_changed(key)

    def original(self, key: CellKey) -> str:
        return self._original_text(key)

    # --- findings ------------------------------------------------------------------------
    def _keep(self, finding: Finding) -> bool:
        return finding.category in self.categories and at_least(finding.severity, self.min_severity)

    def add_findings(self, findings: Iterable[Finding]) -> set[CellKey]:
        """Record findings yielded by a scan; returns the cells that got new findings."""
        touched: set[CellKey] = set()
        for finding in findings:
            if not self._keep(finding):
                continue
            key = cell_key(finding)
            if self.overlay.is_changed(key):
                continue  # the scan read the file's text; this cell is re-scanned at the end
            self._findings.setdefault(key, []).append(finding)
            touched.add(key)
        for key in touched:
            self._retally(key)
        return touched

    def restart_scan(self, columns: dict[str, list[str]] | None = None) -> None:
        """Forget the findings before a new scan (other columns, new settings); the user's
        edits are kept and their cells re-scanned by :meth:`finish_scan`."""
        self._findings.clear()
        self._tally.clear()
        for key in self.overlay:
            self._retally(key)
        if columns is not None:
            self.columns = dict(columns)
        self.rows_scanned = 0
        self.scan_complete = False

    def finish_scan(self, columns: dict[str, list[str]] | None = None) -> list[CellKey]:
        """The scan is over: re-scan the cells the user already changed; returns them."""
        if columns:
            self.columns = dict(columns)
        changed = list(self.overlay)
        self.rescan(changed)
        self.scan_complete = True
        return changed

    def findings(self, key: CellKey) -> list[Finding]:
        """Findings of a cell still to review (ignored occurrences left out)."""
        if not self._ignored:  # the common case, and «Tout appliquer» asks for every cell
            return list(self._findings.get(key, ()))
        return [
            finding
            for finding in self._findings.get(key, ())
            if (key, finding.rule, finding.match) not in self._ignored
        ]

    def has_findings(self, key: CellKey) -> bool:
        if not self._ignored:
            return bool(self._findings.get(key))
        return bool(self.findings(key))

    def _retally(self, key: CellKey) -> None:
        """Tell the tally what the cell now counts for (after any change to its findings, its
        ignored passages or its text)."""
        every = self._findings.get(key, [])
        to_review = self.findings(key) if self._ignored else every
        found = self._first_found.get(key, []) if self.overlay.is_changed(key) else every
        self._tally.set(key, to_review, found)

    def pending_keys(self) -> list[CellKey]:
        """Cells that still need review, in file order."""
        order = {table.name: index for index, table in enumerate(self.export.tables)}
        keys = [key for key in self._findings if self.has_findings(key)]
        ranks: dict[tuple[str, str], int] = {}  # (sheet, column) → its rank, found once

        def place(key: CellKey) -> tuple[int, int, int]:
            rank = ranks.get((key[0], key[2]))
            if rank is None:
                rank = ranks[(key[0], key[2])] = self._column_rank(key)
            return (order.get(key[0], 0), key[1], rank)

        return sorted(keys, key=place)

    def _column_rank(self, key: CellKey) -> int:
        header = self._tables[key[0]].header
        return header.index(key[2]) if key[2] in header else len(header)

    def all_findings(self) -> list[Finding]:
        return [finding for key in self.pending_keys() for finding in self.findings(key)]

    def review_count(self) -> int:
        """Comments still to review."""
        return self._tally.to_review

    def corrected_count(self) -> int:
        """Comments whose text differs from the file."""
        return len(self.overlay)

    def counts(self) -> ReviewCounts:
        """The review's figures (:mod:`.counts`): comments flagged and passages found in the file
        as it was read — a corrected comment still counts with the passages it had — comments
        still to review, comments corrected."""
        tally = self._tally
        return ReviewCounts(
            flagged=tally.flagged,
            passages=tally.passages,
            to_review=tally.to_review,
            corrected=self.corrected_count(),
            patients=self.patient_count(),
            by_category=tally.by_category(),
        )

    def category_summaries(self) -> list[CategorySummary]:
        """Per category: findings, comments, worst severity — most serious first."""
        return self._tally.summaries()

    def detect(self, key: CellKey, text: str) -> list[Finding]:
        """Findings the current settings would report for ``text`` in this cell."""
        if not text:
            return []
        raw = self._ahead.found_in(text, self.detector)  # a proposal made ahead: known
        if raw is None:
            raw = self.detector.detect_raw(text)
        return self._kept(key, text, raw)

    def _kept(self, key: CellKey, text: str, raw: Sequence[RawFinding]) -> list[Finding]:
        """The findings of ``raw`` in this cell that the current settings report."""
        sheet, row, column = key
        found = self.detector.findings_from(text, raw, row=row, column=column, sheet=sheet)
        return [finding for finding in found if self._keep(finding)]

    def rescan(self, keys: Iterable[CellKey]) -> None:
        """Re-detect the given cells from their current text (after an edit). What a proposal
        made ahead still holds is known; the other texts are detected together, as in a scan
        (a «Tout appliquer» changes 100,000 comments on a big export): those already seen are
        known, and only those the batch pass may flag are looked at."""
        keys = list(keys)
        texts = [self.text(key) for key in keys]
        found: dict[CellKey, list[Finding]] = {}
        unknown: list[int] = []  # positions of the texts to detect
        for index, (key, text) in enumerate(zip(keys, texts, strict=True)):
            if not text.strip():
                continue
            raw = self._ahead.found_in(text, self.detector)
            if raw is None:
                unknown.append(index)
            else:
                found[key] = self._kept(key, text, raw)
        detected = self.detector.detect_batch([texts[index] for index in unknown])
        for index in unknown:
            raw = detected.get(texts[index])
            if raw:
                found[keys[index]] = self._kept(keys[index], texts[index], raw)
        for key in keys:
            kept = found.get(key)
            if kept:
                self._findings[key] = kept
            else:
                self._findings.pop(key, None)
            self._retally(key)

    def ignore(self, finding: Finding) -> None:
        """Leave this occurrence as it is (for this session)."""
        self._ignored.add((cell_key(finding), finding.rule, finding.match))
        self._retally(cell_key(finding))

    def unignore(self, finding: Finding) -> None:
        """Undo :meth:`ignore`: the occurrence is to review again."""
        self._ignored.discard((cell_key(finding), finding.rule, finding.match))
        self._retally(cell_key(finding))

    def ignore_event(self, finding: Finding, action: str) -> JournalEvent:
        """The journal's ``ignore`` event once ``action`` (apply, undo, redo) is done."""
        return journal_events.ignore_event(finding, action, export=self.export)

    # --- suggestions and edits -----------------------------------------------------------
    def _chosen(self, key: CellKey, category: str | None) -> list[Finding]:
        """The cell's findings a proposal resolves in the view of ``category`` (None: all)."""
        chosen = self.findings(key)
        if category is None:
            return chosen
        return [finding for finding in chosen if finding.category == category]

    def suggestions(
        self,
        key: CellKey,
        findings: Sequence[Finding] | None = None,
        *,
        category: str | None = None,
    ) -> list[rewrite.Suggestion]:
        """Ranked whole-cell rewrites resolving ``findings`` (default: all of the cell's, or
        those of ``category`` — the detail panel in that category's view)."""
        chosen = self._chosen(key, category) if findings is None else list(findings)
        if not chosen:
            return []
        found = rewrite.suggest(self.text(key), chosen, detector=self.detector)
        return [replace(item, text=self._writable(item.text)) for item in found]

    def _writable(self, text: str) -> str:
        """``text`` as the copy will hold it, so the user sees exactly what is written: what
        the file's encoding can hold, with a CSV copy's apostrophe before a would-be formula."""
        return self.export.copy_text(self.export.fit_text(text))

    def proposal(self, key: CellKey, category: str | None = None) -> str | None:
        """The proposal the detail panel shows first for this comment in the view of
        ``category`` (None: every category) — what one click, «Tout appliquer» and ``huisclos
        clean`` put in the cell; None when there is nothing to resolve. The same computation as
        ``suggestions(key, category=category)[0]``, only the first suggestion made (the scan's
        own when it answers exactly these findings)."""
        chosen = self._chosen(key, category)
        if not chosen:
            return None
        text = self._scanned_suggestion(key, self._findings.get(key, []), chosen)
        if text is None:
            made = self._ahead.proposal(key, self.text(key), chosen, self.detector)
            if made is MISSING:
                made = rewrite.first_suggestion(self.text(key), chosen, detector=self.detector)
            text = made  # type: ignore[assignment]
        return None if text is None else self._writable(text)

    def propose_ahead(self, helper: ProposalsAhead, keys: Iterable[CellKey]) -> bytes | None:
        """The message asking ``helper`` to make the proposals (every category) of these
        comments while the scan goes on (the caller sends it); :meth:`proposal` uses each
        one while its comment and findings stay as they were asked for."""
        cells = [(key, self.text(key), found) for key in keys if (found := self.findings(key))]
        return self._ahead.ask(helper, self.detector, cells)

    def detect_ahead(self, texts: Iterable[str]) -> None:
        """Detect these texts now (the «Tout appliquer» job, before its batch is applied on the
        window's thread) so that applying the batch finds them already detected."""
        for text in texts:
            if text.strip() and self._ahead.found_in(text, self.detector) is None:
                self.detector.detect_raw(text)

    def left_for_later(self, key: CellKey, category: str | None) -> list[Finding]:
        """Findings of the cell that a proposal in the view of ``category`` leaves as they are
        (the other categories): the comment stays in their lists."""
        if category is None:
            return []
        return [finding for finding in self.findings(key) if finding.category != category]

    def edit(self, key: CellKey, new_text: str, rule_ids: Sequence[str] = ()) -> Edit:
        """The edit that puts ``new_text`` in the cell."""
        sheet, row, column = key
        return Edit(row, column, self.text(key), new_text, tuple(rule_ids), sheet)

    def suggestion_batch(
        self, key: CellKey, index: int = 0, label: str = "", *, category: str | None = None
    ) -> EditBatch:
        """The one-click edit: the cell's ``index``-th suggestion in the view of ``category``
        (empty batch if none)."""
        suggestions = self.suggestions(key, category=category)
        if index >= len(suggestions):
            return EditBatch((), label)
        rules = tuple(dict.fromkeys(f.rule for f in self._chosen(key, category)))
        return batch_from([self.edit(key, suggestions[index].text, rules)], label)

    def manual_batch(self, key: CellKey, new_text: str, label: str = "") -> EditBatch:
        """A hand-written text for the cell."""
        rules = tuple(dict.fromkeys(f.rule for f in self.findings(key)))
        return batch_from([self.edit(key, new_text, rules)], label)

    def bulk_batch(
        self,
        category: str | None = None,
        label: str = "",
        progress: Callable[[int, int], None] | None = None,
    ) -> EditBatch:
        """«Tout appliquer» and ``huisclos clean``: for every comment to review, exactly the
        proposal the detail panel shows for it in the same view (:meth:`proposal`: only the
        findings of ``category`` when given), fitted to what the file can hold («’» becomes «'»
        in a Windows-1252 export), as one batch, hence one undo step.

        ``progress(done, total)`` hears how many comments are done every hundred (the app runs
        this on a worker thread while the session is left alone, and shows a progress bar)."""
        edits: list[Edit] = []
        pending = self.pending_keys()
        proposals = self._bulk_proposals(pending, category, progress)
        for key in pending:
            new_text = proposals[key]
            if new_text is None or new_text == self.text(key):
                continue
            rules = tuple(dict.fromkeys(f.rule for f in self._chosen(key, category)))
            edits.append(self.edit(key, new_text, rules))
        return batch_from(edits, label)

    def _bulk_proposals(
        self,
        pending: list[CellKey],
        category: str | None,
        progress: Callable[[int, int], None] | None,
    ) -> dict[CellKey, str | None]:
        """:meth:`proposal` of each comment. Those made ahead are gathered as they arrive; the
        others are made here from the last comment back, while the helper works from the first:
        the two meet in the middle."""
        proposals: dict[CellKey, str | None] = {}
        gather = self._ahead.gather
        for done, key in enumerate(reversed(pending)):
            if done % 10 == 0:
                gather()
            if progress is not None and done % 100 == 0:
                progress(done, len(pending))
            proposals[key] = self.proposal(key, category)
        return proposals

    def bulk_counts(self, batch: EditBatch, category: str | None = None) -> BulkCounts:
        """What the confirmation of «Tout appliquer» says about ``batch`` (not applied yet):
        comments changed, emptied entirely, and keeping passages of other categories."""
        emptied = sum(1 for edit in batch if not edit.after.strip())
        partial = sum(1 for edit in batch if self.left_for_later(edit.key, category))
        return BulkCounts(len(batch), emptied, partial)

    def _scanned_suggestion(
        self, key: CellKey, every: list[Finding], chosen: list[Finding]
    ) -> str | None:
        """The scan's own first suggestion when it still answers exactly these findings: the
        cell is unchanged and every one of its findings is chosen (none ignored or left out)."""
        if self.overlay.is_changed(key) or len(chosen) != len(every):
            return None
        suggestions = {finding.suggestion for finding in every}
        if len(suggestions) != 1:
            return None
        return next(iter(suggestions))

    def apply(self, batch: EditBatch) -> list[CellKey]:
        """Apply a batch (or an inverted one, for undo) and re-scan the cells it touched."""
        keys = [edit.key for edit in batch]
        for key in keys:
            before = self._findings.get(key, [])
            if not self.overlay.is_changed(key):
                self._first_found[key] = list(before)
            found = {finding.category for finding in before}
            self._edited_categories.setdefault(key, set()).update(found)
        batch.apply(self.overlay)
        keys = list(dict.fromkeys(keys))
        self.rescan(keys)
        return keys

    def apply_in_steps(
        self, batch: EditBatch, step: int = 100
    ) -> Generator[int, None, list[CellKey]]:
        """:meth:`apply`, ``step`` edits at a time: yields the edits applied so far, returns the
        cells touched — the window applies ten thousand edits between its repaints. Nothing
        changes when the batch is refused (a cell no longer holds an edit's *before*); a batch
        that edits a cell twice is applied in one step."""
        keys = [edit.key for edit in batch]
        cells = list(dict.fromkeys(keys))
        text = self.overlay.__getitem__
        if len(cells) != len(keys) or any(text(edit.key) != edit.before for edit in batch):
            return self.apply(batch)  # a conflict is refused there, all or nothing
        for start in range(0, len(batch), step):
            self.apply(EditBatch(batch.edits[start : start + step], batch.label))
            yield min(start + step, len(batch))
        return cells

    def batch_categories(self, batch: EditBatch) -> dict[str, int]:
        """Categories resolved by a batch, counted per edited comment (for the log)."""
        counts: Counter[str] = Counter()
        for edit in batch:
            for category in {
                f.category for f in self.findings(edit.key) if f.rule in edit.rule_ids
            }:
                counts[category] += 1
        return dict(counts)

    def edit_event(self, batch: EditBatch, action: str) -> EditEvent:
        """The journal's ``edit`` event once ``action`` (apply, undo, redo) is done on ``batch``."""
        return journal_events.edit_event(batch, action, export=self.export, detector=self.detector)

    # --- saving --------------------------------------------------------------------------
    def net_edits(self) -> list[Edit]:
        return self.overlay.net_edits()

    def changed_categories(self) -> dict[CellKey, list[str]]:
        """For each changed cell, the categories it was flagged for before the user's edits."""
        ordered: dict[frozenset[str], list[str]] = {}  # a few category sets, many cells
        out: dict[CellKey, list[str]] = {}
        for key in self.overlay:
            found = frozenset(self._edited_categories.get(key, ()))
            known = ordered.get(found)
            if known is None:
                known = ordered[found] = [c for c in CATEGORIES if c in found]
            out[key] = list(known)
        return out

    def worklist(self, with_original: bool = False) -> worklist_mod.Worklist:
        """The correction list: one line per changed comment, to report in the practice
        software (the source of truth)."""
        return worklist_mod.build_worklist(
            self.export,
            self.net_edits(),
            categories=self.changed_categories(),
            with_original=with_original,
        )

    def write_worklist(self, path: Path, with_original: bool = False) -> SavedWorklist:
        """Write the correction list (never over the export); the lines written, whether the
        export's encoding could hold them, and the journal's ``worklist`` event."""
        target = Path(path)
        worklist = self.worklist(with_original)
        same_encoding = worklist_mod.write_worklist(target, worklist, self.export)
        event = journal_events.worklist_event(self.export, target, len(worklist))
        return SavedWorklist(len(worklist), same_encoding, event)

    def default_copy_path(self) -> Path:
        """``<nom>-nettoye.<ext>`` beside the original, in the format its copy is written in
        (.xlsx for an .xls)."""
        return self.export.default_copy_path()

    def write_copy(self, path: Path) -> JournalEvent:
        """Write the cleaned copy (never over the export) and return the journal's
        ``save_copy`` event."""
        target = Path(path)
        edits = self.net_edits()
        self.export.write_copy(edits, target)
        return journal_events.save_copy_event(self.export, edits, target)


class SavedWorklist(NamedTuple):
    entries: int
    same_encoding: bool
    event: JournalEvent
