"""The same figures, with the same words, on every face: the review screen, the journal view,
the self-check report and the command line, all built from one scan of one export."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import open_and_wait

from huisclos.__main__ import main
from huisclos.core.audit.events import describe
from huisclos.core.audit.log import open_log
from huisclos.core.report.figures import report_from_session
from huisclos.core.report.layout import report_html
from huisclos.core.review import counts as review_counts


def test_app_journal_report_and_cli_show_the_same_figures(
    qtbot, window, leaked_export: Path, tmp_path: Path, capsys
) -> None:
    open_and_wait(qtbot, window, leaked_export)
    session = window.session
    window.review_page.select_row(0)
    assert window.review.apply_suggestion()
    window.recorder.wait()
    counts = session.counts()
    assert counts.corrected == 1 and counts.flagged > counts.to_review > 0
    assert counts.passages >= counts.flagged
    words = review_counts.phrases(counts)  # «N commentaires à revoir», «P passages…», «1 …»

    # the review screen
    summary = window.review_page.summary_label.text()
    for phrase in words:
        assert phrase in summary

    # the report made from the app
    report = report_from_session(session)
    html = report_html(report)
    assert report.flagged_comments == counts.flagged
    for phrase in (*words, review_counts.flagged(counts.flagged)):
        assert phrase in html.replace("\u00a0", " ")
    by_category = {line.category: line.comments for line in report.categories}
    assert by_category == dict(counts.by_category)

    # the journal view: the scan event in comments and passages, the edit in comments
    with open_log() as log:
        lines = {event["event"]: describe(event) for event in log.events()}
    assert review_counts.to_review(counts.flagged) in lines["scan"]
    assert review_counts.passages(counts.passages) in lines["scan"]
    assert review_counts.corrected(1) in lines["edit"]

    # the command line: scan, then the report (the correction comes from the journal)
    capsys.readouterr()
    assert main(["scan", str(leaked_export)]) == 0
    out = capsys.readouterr().out
    assert f"Commentaires à revoir : {counts.flagged}" in out
    assert f"Passages repérés : {counts.passages}" in out
    assert main(["report", str(leaked_export), "-o", str(tmp_path / "rapport.html")]) == 0
    out = capsys.readouterr().out
    for phrase in words:
        assert phrase in out
