"""Scanning a whole export: every flagged cell, the right rows, progress, counts, suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huisclos.core.detect.detector import Detector
from huisclos.core.detect.lexicon import load_lexicon
from huisclos.core.exports.model import CellSource, Export, Table
from huisclos.core.review.scan import ScanProgress, rescan_cell, run_scan, scan_export

LEXICON = {
    "health.toml": 'category = "health"\n[defaults]\nseverity = "high"\n'
    '[[rule]]\nid = "health.hiv"\nterms = ["vih", "sida", "séropo"]\n',
    "social.toml": 'category = "social"\n[defaults]\nseverity = "medium"\n'
    '[[rule]]\nid = "social.cmu"\nterms = ["CMU"]\nrewrite = "Tiers payant intégral"\n',
    "judgement.toml": 'category = "judgement"\n[defaults]\nseverity = "medium"\n'
    '[[rule]]\nid = "judgement.insult"\nterms = ["pénible"]\n',
}


class FakeTable(Table):
    """A table held in memory: the scan reads any Table."""

    def __init__(self, name: str, header: list[str], rows: list[list[str]]) -> None:
        self.name = name
        self.header = header
        self.raw_header = header
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    def iter_rows(self):  # type: ignore[no-untyped-def]
        yield from enumerate(self.rows, start=1)

    def iter_column_values(self, columns: list[str]):  # type: ignore[no-untyped-def]
        positions = [self.header.index(c) for c in columns]
        for number, row in enumerate(self.rows, start=1):
            yield number, [row[p] if p < len(row) else "" for p in positions]

    def column_batch(self, columns: list[str], first_row: int, count: int) -> list[list[str]]:
        rows = self.iter_column_values(columns)
        chosen = [values for number, values in rows if first_row <= number < first_row + count]
        return [list(column) for column in zip(*chosen, strict=True)]

    def row(self, row: int) -> list[str]:
        return self.rows[row - 1]

    def source_of(self, row: int, column: str) -> CellSource:
        return CellSource("memory")


class FakeExport(Export):
    def __init__(self, *tables: FakeTable) -> None:
        self.tables = list(tables)
        self.fingerprint = "ab" * 32
        self.path = Path("patients.csv")
        self.kind = "csv"

    def write_copy(self, edits, path):  # type: ignore[no-untyped-def]
        raise AssertionError("a scan never writes")

    @property
    def description(self) -> str:
        return "en mémoire"


@pytest.fixture
def detector(tmp_path: Path) -> Detector:
    for name, text in LEXICON.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Detector(load_lexicon(tmp_path))


def export_of(comments: list[str], notes: list[str] | None = None) -> FakeExport:
    notes = notes or [""] * len(comments)
    rows = [[f"NOM{i}", c, n] for i, (c, n) in enumerate(zip(comments, notes, strict=True))]
    return FakeExport(FakeTable("", ["Nom", "Commentaire", "Notes"], rows))


def test_findings_carry_row_column_and_shared_suggestion(detector: Detector) -> None:
    export = export_of(
        ["RDV le matin", "CMU, pénible", "", "porteuse sida"],
        ["", "", "séropo", "ras"],
    )
    result = run_scan(export, detector=detector, columns={"": ["Commentaire", "Notes"]})
    where = [(f.row, f.column, f.match) for f in result.findings]
    assert where == [
        (2, "Commentaire", "CMU"),
        (2, "Commentaire", "pénible"),
        (3, "Notes", "séropo"),
        (4, "Commentaire", "sida"),
    ]
    cmu, penible = result.findings[:2]
    assert cmu.suggestion == penible.suggestion
    assert result.rows == 4
    assert result.flagged_cells == 3
    assert result.counts == {
        "social": {"medium": 1},
        "judgement": {"medium": 1},
        "health": {"high": 2},
    }
    assert result.fingerprint == "ab" * 32


def test_progress_is_reported_batch_by_batch_and_can_stop(detector: Detector) -> None:
    export = export_of(["sida"] * 25 + ["ok"] * 25)
    scan = scan_export(export, detector=detector, columns={"": ["Commentaire"]}, batch_rows=10)
    first = next(scan)
    assert isinstance(first, ScanProgress)
    assert (first.rows_done, first.rows_total, len(first.findings)) == (10, 50, 10)
    scan.close()  # the user pressed Cancel: nothing more is read
    progress = list(
        scan_export(export, detector=detector, columns={"": ["Commentaire"]}, batch_rows=10)
    )
    assert [p.rows_done for p in progress] == [10, 20, 30, 40, 50]


def test_filters_and_no_suggestion(detector: Detector) -> None:
    export = export_of(["CMU, pénible, sida"])
    result = run_scan(
        export,
        detector=detector,
        columns={"": ["Commentaire"]},
        categories={"social", "health"},
        min_severity="high",
        suggest=False,
    )
    assert [(f.category, f.suggestion) for f in result.findings] == [("health", None)]


def test_short_rows_and_equal_comments(detector: Detector) -> None:
    table = FakeTable("", ["Nom", "Commentaire"], [["A", "sida"], ["B"], ["C", "sida"]])
    result = run_scan(FakeExport(table), detector=detector, columns={"": ["Commentaire"]})
    assert [f.row for f in result.findings] == [1, 3]


def test_rescan_one_edited_cell(detector: Detector) -> None:
    (finding,) = rescan_cell("CMU", row=7, column="Commentaire", detector=detector)
    assert (finding.row, finding.rule) == (7, "social.cmu")
    assert (
        rescan_cell("Tiers payant intégral", row=7, column="Commentaire", detector=detector) == []
    )


def test_counts_count_cells_at_their_worst_severity(detector: Detector) -> None:
    result = run_scan(
        export_of(["sida sida", "CMU", "séropo !!! pénible"]),
        detector=detector,
        columns={"": ["Commentaire"]},
    )
    assert len(result.findings) == 5
    assert result.counts == {
        "health": {"high": 2},  # the third cell's «séropo» is raised by the emphasis
        "social": {"medium": 1},
        "judgement": {"high": 1},
    }


def test_worker_processes_give_the_same_findings(detector: Detector) -> None:
    comments = ["RDV le matin", "CMU, pénible", "", "porteuse sida", "séropo"] * 30
    export = export_of(comments)
    options = {"detector": detector, "columns": {"": ["Commentaire"]}, "batch_rows": 7}
    alone = run_scan(export, **options)
    parallel = run_scan(export, processes=2, **options)
    assert parallel.findings == alone.findings
    assert parallel.counts == alone.counts and parallel.rows == alone.rows == 150
    scan = scan_export(export, processes=1, **options)
    next(scan)
    scan.close()  # cancelling stops the workers


def test_json_lines_written_where_batches_are_analysed_are_the_findings_lines(
    detector: Detector,
) -> None:
    """``scan --format jsonl`` writes what the workers (or this process) wrote for each batch:
    exactly the contract's line of every finding, in file order, equal comments included."""
    from huisclos.core.detect.findings import json_line

    comments = ["RDV le matin", "CMU, pénible", "", "porteuse sida", "séropo !!"] * 30
    export = export_of(comments, ["pénible", "", "sida"] * 50)
    options = {"detector": detector, "columns": {"": ["Commentaire", "Notes"]}, "batch_rows": 7}
    plain = run_scan(export, **options)
    expected = "".join(json_line(f) for f in plain.findings)
    for processes in (0, 1, 2):
        seen: dict[str, dict[str, list[str]]] = {}
        scan = scan_export(export, processes=processes, json_lines=True, **options)
        written = []
        while True:
            try:
                progress = next(scan)
            except StopIteration as stop:
                result = stop.value
                break
            written.append(progress.flagged.jsonl(seen.setdefault(progress.flagged.sheet, {})))
        assert "".join(written) == expected, processes
        # the summary's and the journal's figures, whoever wrote the lines
        assert result.flagged_cells == plain.flagged_cells, processes
        assert result.counts == plain.counts, processes
        assert result.findings_by_rule == plain.findings_by_rule, processes
        assert result.rows_flagged == plain.rows_flagged, processes


def test_the_scan_event_figures_are_the_findings_figures_with_or_without_workers(
    detector: Detector,
) -> None:
    """The journal's figures, added up where each batch was analysed (equal comments counted
    once and multiplied), are those of the findings counted one by one: two comment columns,
    repeated comments, batches analysed here and by workers."""
    from collections import Counter

    from huisclos.core.review.journal_events import scan_event

    comments = ["RDV le matin", "CMU, pénible", "", "porteuse sida", "séropo !!", "sida"] * 30
    export = export_of(comments, ["pénible", "", "sida", "sida", "CMU", ""] * 30)
    options = {"detector": detector, "columns": {"": ["Commentaire", "Notes"]}, "batch_rows": 7}
    for processes in (0, 1, 2):
        result = run_scan(export, processes=processes, **options)
        findings = result.findings
        _kind, payload = scan_event(result, "patients.csv")
        assert payload["findings"] == len(findings) > 100, processes
        assert payload["rows_flagged"] == len({f.row for f in findings}) < payload["cells_flagged"]
        assert payload["by_rule"] == dict(sorted(Counter(f.rule for f in findings).items()))
        pairs = Counter((f.category, f.severity) for f in findings)
        assert sum(sum(per.values()) for per in payload["by_category_severity"].values()) == sum(
            pairs.values()
        )
        assert payload["by_severity"] == dict(sorted(Counter(f.severity for f in findings).items()))


def test_batch_scan_finds_exactly_what_the_detector_finds_on_the_corpus() -> None:
    """The batch pre-filter must never hide a finding (real lexicon, real comments)."""
    import csv

    corpus = Path(__file__).resolve().parents[1] / "data" / "corpus" / "comments.csv"
    if not corpus.is_file():
        pytest.skip("labelled corpus not present")
    with corpus.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle, delimiter=";")]
    texts += [t.upper() for t in texts[:200]] + [t.replace(" ", "  ") for t in texts[:200]]
    detector = Detector.default()
    export = export_of(texts)
    result = run_scan(export, detector=detector, columns={"": ["Commentaire"]}, suggest=False,
                      batch_rows=97)  # fmt: skip
    expected = [f for row, text in enumerate(texts, 1) for f in detector.detect(text, row=row,
                column="Commentaire")]  # fmt: skip
    assert result.findings == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "sida",
                "SIDAAA",
                "s.i.d.a",
                "séropo",
                "K du sein",
                "AME",
                "l'âme",
                "CMU",
                "RDV",
                "1 85 05 78 006 084 91",
                "vote RN",
                "RN 7",
                "musulmane",
                "Mme GAY",
                "pénible",
            ]
        )
        | st.text(alphabet="aàbcdeéèfgiklmnoprstuvz .,;:!?'’-()+\n0123456789", max_size=12),
        max_size=8,
    )
)
def test_candidates_never_hide_a_finding(pieces: list[str]) -> None:
    detector = Detector.default()
    texts = [" ".join(pieces), "".join(pieces), "-".join(pieces)]
    picked = set(detector.candidates(texts))
    for index, text in enumerate(texts):
        if detector.detect(text):
            assert index in picked, text


def test_scanning_a_real_csv_file_reads_every_cell_as_written(
    detector: Detector, tmp_path: Path
) -> None:
    """The CSV batch reader (quotes, quoted line breaks and delimiters, short and blank lines)
    gives the findings and suggestions of each cell scanned one by one, in file order."""
    from huisclos.core.exports.reading import read_export

    comments = ["CMU", 'dit "séropo"', "RDV; CMU\nrappeler", "", "pénible;\r\nsida", "sida"]
    notes = ["pénible", "", "CMU", "vih", "", 'a "b" c']
    lines = ["N° dossier;NOM;Commentaire;Notes"]
    for i, (comment, note) in enumerate(zip(comments * 40, notes * 40, strict=True)):
        cells = [f"{i:05d}", f"NOM{i}", comment, note]
        if i % 7 == 3:
            cells = cells[:3]  # a short row: no «Notes»
        if i % 11 == 5:
            cells = []  # a blank line
        lines.append(
            ";".join(
                '"' + c.replace('"', '""') + '"' if any(x in c for x in ';"\r\n') else c
                for c in cells
            )
        )
    path = tmp_path / "export.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    export = read_export(path)
    table = export.table
    columns = ["Commentaire", "Notes"]
    expected = [
        finding
        for row, values in table.iter_column_values(columns)
        for column, text in zip(columns, values, strict=True)
        for finding in rescan_cell(text, row=row, column=column, detector=detector)
    ]
    assert len(expected) > 300
    for batch_rows in (1, 13, 20_000):
        for processes in (0, 2) if batch_rows == 13 else (0,):
            result = run_scan(
                export,
                detector=detector,
                columns={"": columns},
                batch_rows=batch_rows,
                processes=processes,
            )
            assert result.findings == expected
            assert result.rows == len(table) == 240


def test_spawned_worker_processes_give_the_same_findings(
    detector: Detector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no fork: workers started afresh rebuild the detector from its lexicon and
    still find exactly what one process finds, with the same suggestions, in the same order."""
    import multiprocessing

    import huisclos.core.review.pool as pool_module

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(pool_module, "_worker_detector", None)
    comments = ["RDV le matin", "CMU, pénible", "", "porteuse sida", "séropo"] * 40
    export = export_of(comments, ["pénible"] * len(comments))
    options = {"detector": detector, "columns": {"": ["Commentaire", "Notes"]}, "batch_rows": 9}
    alone = run_scan(export, **options)
    spawned = run_scan(export, processes=2, **options)
    assert spawned.findings == alone.findings
    assert any(f.suggestion for f in alone.findings)
    assert spawned.counts == alone.counts and spawned.rows == alone.rows == 200
