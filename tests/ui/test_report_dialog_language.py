"""«Rapport…» in the app's English mode: the preview and the PDF it writes are in English; in
French mode the same dialog writes the French report. The journal's CSV export too."""

from __future__ import annotations

import csv
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from huisclos.core.audit.log import record_event
from huisclos.core.detect.findings import Finding
from huisclos.core.report.figures import build_report
from huisclos.ui.app import install_translations
from huisclos.ui.dialogs.journal import JournalDialog
from huisclos.ui.report_dialog import ReportDialog

PDFTOTEXT = shutil.which("pdftotext")
FINDING = Finding(1, "Commentaire", 9, 13, "health", "high", "health.hiv", "sida")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert install_translations(qapp, "en") == "en"
    yield
    install_translations(qapp, "fr")


def _build(practice: str, with_examples: bool):  # type: ignore[no-untyped-def]
    return build_report(
        file_name="export.csv",
        fingerprint="ab" * 32,
        rows=12431,
        findings=[FINDING],
        practice=practice,
        examples_from=[("porteuse sida !!! !!!!", [FINDING])] if with_examples else None,
        generated=datetime(2026, 11, 23, 17, 5),
    )


def _pdf_text(path: Path) -> str:
    result = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"],  # type: ignore[list-item]
        capture_output=True,
        check=True,
    )
    text = unicodedata.normalize("NFKC", result.stdout.decode("utf-8"))  # «ﬂ» → «fl»
    return " ".join(text.split())  # lines joined


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) not installed")
def test_in_english_the_app_writes_an_english_pdf_report(english, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ReportDialog(_build, "Cabinet des Tilleuls")
    qtbot.addWidget(dialog)
    dialog.examples.setChecked(True)
    assert "Self-check report on administrative comments" in dialog.preview.toPlainText()
    assert dialog.default_name(".pdf") == "self-check-report-export.pdf"
    pdf = dialog.save_as(".pdf", tmp_path / "report.pdf")
    assert pdf is not None
    text = _pdf_text(pdf)
    for words in (
        "Self-check report on administrative comments",
        "23 November 2026 at 17:05",
        "12,431",
        "Comments flagged by category",
        "Health",
        "[health]",
        "The rules to remember (CNIL)",
        "Huis clos — self-check report",  # the page footer
    ):
        assert words in text, words
    for french in ("Rapport d'autocontrôle", "novembre", "Santé", "Prochaines étapes"):
        assert french not in text, french
    assert "sida" not in text


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) not installed")
def test_in_french_the_app_writes_the_french_pdf_report(qapp, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ReportDialog(_build, "")
    qtbot.addWidget(dialog)
    pdf = dialog.save_as(".pdf", tmp_path / "rapport.pdf")
    assert pdf is not None
    text = _pdf_text(pdf)
    assert "Rapport d'autocontrôle des commentaires administratifs" in text
    assert "23 novembre 2026" in text and "Huis clos — rapport d'autocontrôle" in text
    assert "Self-check" not in text


def test_in_english_the_journal_exports_an_english_csv(english, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    record_event("scan", {"findings": 2, "cells_flagged": 1, "rows": 1500, "file_name": "a.csv"})
    dialog = JournalDialog(None)
    qtbot.addWidget(dialog)
    target = tmp_path / "log.csv"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: target.exists(), timeout=20_000)
    dialog.wait()
    (row,) = csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";")
    assert row["event"] == "scan" and row["label"] == "Check"  # the journal view's English name
    assert row["details"] == "a.csv — 1 comment to review, 2 passages found, in 1,500 rows"
