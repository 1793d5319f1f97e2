"""The report in the desktop app's English mode: English titles, figures' words, category
names, rules and dates/numbers — and the French report unchanged, byte for byte."""

from __future__ import annotations

import re
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


def _text(html: str) -> str:
    """The report's visible text, roughly (tags dropped, entities left)."""
    return re.sub(r"<[^>]+>", " ", html.split("<body>", 1)[1])


def test_the_english_report_is_in_english_with_english_numbers_and_dates() -> None:
    html = report_html(_report(), "en")
    text = _text(html)
    assert '<html lang="en">' in html
    for words in (
        "Self-check report on administrative comments",
        "Drawn up on 23 November 2026 at 17:05",
        "File checked",
        "12,431",  # the English thousands separator, not «12 431»
        "comments flagged",
        "Comments flagged by category",
        "Religion and beliefs",  # the journal view's English category names
        "Social hardship",
        "High",
        "last on 1 November 2026 at 9:07",
        "Log intact: 12 events",
        "The rules to remember (CNIL)",
        "write nothing you could not show them",
        "Next steps",
        "Masked examples",
        "[health]",
        "Date and signature:",
    ):
        assert words in text, words
    assert "&lt; 0.1%" in text and "0,1" not in text  # 3 patients of 12,431, an English point
    for french in (
        "Rapport",
        "commentaire",
        "Santé",
        "novembre",
        "Prochaines",
        "[santé]",
        "\u202f",
    ):
        assert french not in text, french


def test_the_english_report_says_so_when_nothing_was_found() -> None:
    data = build_report(
        file_name="export.csv",
        fingerprint="",
        rows=3000,
        findings=[],
        generated=datetime(2026, 5, 1, 8, 0),
    )
    text = _text(report_html(data, "en"))
    assert "No sensitive comment was found" in text
    assert "Log not consulted" in text
    assert "3,000" in text and "1 May 2026" in text
