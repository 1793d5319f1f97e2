"""The report in the desktop app's English mode: English titles, figures' words, category
names, rules and dates/numbers — and the French report unchanged, byte for byte."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from huisclos.core.detect.findings import Finding
from huisclos.core.report.figures import Corrections, LogStatus, build_report
from huisclos.core.report.layout import report_html

FRENCH_REPORT = Path(__file__).parent.parent / "data" / "report" / "french_report.html"

SPANS = {
    (1, "porteuse sida !!! !!!!"): [("health", "high", "sida")],
    (2, "mère musulmane voilée"): [("religion", "high", "musulmane")],
    (3, "CMU, RDV le matin"): [("social", "medium", "CMU")],
}


def _findings() -> list[Finding]:
    found = []
    for (row, text), spans in SPANS.items():
        for category, severity, word in spans:
            start = text.index(word)
            found.append(
                Finding(
                    row,
                    "Commentaire",
                    start,
                    start + len(word),
                    category,
                    severity,
                    f"{category}.test",
                    word,
                )
            )
    return found


def _report(**options):  # type: ignore[no-untyped-def]
    findings = _findings()
    return build_report(
        file_name="export_patients.csv",
        fingerprint="9c1e" * 16,
        rows=12431,
        findings=findings,
        columns={"": ["Commentaire"]},
        practice="Cabinet des Tilleuls",
        corrections=Corrections(
            saves=1,
            cells=2,
            by_category={"health": 1, "religion": 1},
            last=datetime(2026, 11, 1, 9, 7),
            unsaved=1,
        ),
        log=LogStatus(True, "journal intègre : 12 événements", 12),
        examples_from=[(text, [f for f in findings if f.row == row]) for row, text in SPANS],
        generated=datetime(2026, 11, 23, 17, 5),
        **options,
    )


def test_the_french_report_is_unchanged_byte_for_byte() -> None:
    assert report_html(_report()) == FRENCH_REPORT.read_text(encoding="utf-8")
