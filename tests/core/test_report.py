"""The self-check report: right figures, corrections from the log, the log's status, the rules,
the next steps — and never a patient's words or names unless masked examples are asked for."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from huisclos.core.detect.findings import Finding
from huisclos.core.report.figures import (
    Corrections,
    LogStatus,
    build_report,
    corrections_from_log,
    summarise,
)
from huisclos.core.report.layout import report_html
from huisclos.core.report.masking import mask_comment

LEAKED = {
    (1, "porteuse sida !!! !!!!"): [("health", "high", "sida")],
    (2, "serait homosexuelle d'après sa mère"): [("sex_life", "high", "homosexuelle")],
    (3, "mère musulmane voilée"): [
        ("religion", "high", "musulmane"),
        ("religion", "high", "voilée"),
    ],
    (4, "catholique non pratiquante car ses 2 frères sont suicidés"): [
        ("religion", "high", "catholique"),
        ("health", "high", "suicidés"),
    ],
    (5, "malentendant, parler fort, appeler Mme DURAND"): [("health", "low", "malentendant")],
    (6, "CMU, RDV le matin"): [("social", "medium", "CMU")],
}
FINGERPRINT = "9c1e" * 16


def _findings() -> list[Finding]:
    found = []
    for (row, text), spans in LEAKED.items():
        for category, severity, word in spans:
            start = text.index(word)
            end = start + len(word)
            found.append(
                Finding(
                    row=row,
                    column="Commentaire",
                    start=start,
                    end=end,
                    category=category,
                    severity=severity,
                    rule=f"{category}.test",
                    match=text[start:end],
                )
            )
    return found


def _report(**options):  # type: ignore[no-untyped-def]
    return build_report(
        file_name="export_patients.csv",
        fingerprint=FINGERPRINT,
        rows=200,
        findings=_findings(),
        columns={"": ["Commentaire"]},
        generated=datetime(2026, 11, 23, 17, 5),
        **options,
    )


def test_figures_count_comments_once_per_category_at_their_worst_severity() -> None:
    lines, comments, patients = summarise(_findings(), rows=200)
    by_category = {line.category: line for line in lines}
    assert comments == 6 and patients == 6
    # row 3 has two religion findings: one comment, one patient
    assert by_category["religion"].comments == 2
    assert by_category["religion"].patients == 2
    assert by_category["health"].by_severity == {"high": 2, "low": 1}
    assert by_category["health"].patients == 3
    assert by_category["health"].share == 3 / 200
    assert lines[0].category == "health"  # most patients first


def test_report_shows_date_practice_file_and_figures() -> None:
    html = report_html(_report(practice="Cabinet du Dr Martin"))
    assert "23 novembre 2026" in html
    assert "Cabinet du Dr Martin" in html
    assert "export_patients.csv" in html
    assert FINGERPRINT in html
    assert ">200<" in html  # rows
    assert "Santé" in html and "Religion et convictions" in html
    assert "1,5\u00a0%" in html  # 3 patients out of 200 for health
    assert "RGPD, art. 9" in html and "L1111-7" in html
    assert "Supprimer l'export" in html
    assert "Former l'équipe" in html


def test_report_never_contains_a_patients_words_or_names() -> None:
    html = report_html(_report(practice="Cabinet Martin")).lower()
    for (_row, text), spans in LEAKED.items():
        assert text.lower() not in html
        for _category, _severity, word in spans:
            word = word.lower()
            assert f">{word}<" not in html and f" {word} " not in html, word
    assert "durand" not in html


def test_masked_examples_hide_passages_names_and_digits() -> None:
    findings = _findings()
    cells = [(text, [f for f in findings if f.row == row]) for (row, text) in LEAKED]
    html = report_html(_report(examples_from=cells))
    assert "Exemples masqués" in html
    assert "sida" not in html.lower()
    assert "DURAND" not in html
    assert "suicidés" not in html
    assert "[santé]" in html
    assert mask_comment(
        "catholique non pratiquante car ses 2 frères sont suicidés", findings[4:6]
    ) == ("[religion et convictions] non pratiquante car ses • frères sont [santé]")
    assert (
        mask_comment("RDV chez Mme DURAND 06 12 34 56 78", [])
        == "RDV chez Mme [nom] •• •• •• •• ••"
    )
    # the trade's abbreviations and ordinary capitalised words are not names
    assert mask_comment("Vit en EHPAD, suivi CCAS. Attention DURAND Claire", []) == (
        "Vit en EHPAD, suivi CCAS. Attention [nom] [nom]"
    )


def test_no_finding_says_so_plainly() -> None:
    data = build_report(
        file_name="propre.csv", fingerprint=FINGERPRINT, rows=50, findings=[], columns={}
    )
    html = report_html(data)
    assert "Aucun commentaire sensible" in html


def _edit(  # type: ignore[no-untyped-def]
    when: str,
    rules: list[list[str]],
    action: str = "apply",
    fingerprint: str = FINGERPRINT,
    rows: list[int] | None = None,
):
    rows = rows or list(range(1, len(rules) + 1))
    categories: dict[str, int] = {}
    for cell in rules:
        for category in {rule.split(".")[0] for rule in cell}:  # these ids name their category
            categories[category] = categories.get(category, 0) + 1
    return {
        "event": "edit",
        "time": when,
        "payload": {
            "action": action,
            "cells": len(rules),
            "categories": categories,
            "fingerprint": fingerprint,
            "edits": [
                {
                    "row": row,
                    "column": "Commentaire",
                    "rules": cell,
                    "categories": sorted({rule.split(".")[0] for rule in cell}),
                }
                for row, cell in zip(rows, rules, strict=True)
            ],
        },
    }


def _save(when: str, cells: int, fingerprint: str = FINGERPRINT):  # type: ignore[no-untyped-def]
    return {
        "event": "save_copy",
        "time": when,
        "payload": {
            "fingerprint": fingerprint,
            "target_fingerprint": "ab" * 32,
            "cells_changed": cells,
        },
    }


def test_corrections_are_read_from_the_log_for_this_file_only() -> None:
    events = [
        {
            "event": "scan",
            "time": "2026-11-20T09:00:00",
            "payload": {"fingerprint": FINGERPRINT, "findings": 7},
        },
        _edit("2026-11-20T09:10:00+00:00", [["health.hiv"], ["religion.muslim", "religion.veil"]]),
        _edit(
            "2026-11-20T09:11:00",
            [["social.cmu"], ["social.cmu"], ["judgement.insult"]],
            rows=[3, 4, 5],
        ),
        _edit("2026-11-20T09:12:00", [["judgement.insult"]], action="undo", rows=[5]),
        _save("2026-11-20T09:15:00", 4),
        _edit("2026-11-21T15:40:00", [["health.cancer"]], rows=[6]),
        _save("2026-11-21T15:45:00", 5),
        _edit("2026-11-22T10:00:00", [["social.cmu"]] * 9, fingerprint="another-file"),
        _save("2026-11-22T10:05:00", 9, fingerprint="another-file"),
    ]
    corrections = corrections_from_log(events, FINGERPRINT)
    assert corrections.saves == 2
    assert corrections.cells == 5  # the latest copy holds every correction
    assert corrections.by_category == {"health": 2, "religion": 1, "social": 2}
    assert corrections.last == datetime(2026, 11, 21, 15, 45)
    html = report_html(_report(corrections=corrections))
    assert "5 commentaires corrigés" in html
    assert "2 enregistrements" in html
    assert "21 novembre 2026" in html
    assert "Restent 1 commentaire à revoir sur 6 commentaires signalés" in html


def test_a_comment_corrected_twice_counts_once_in_total_and_per_category() -> None:
    """``clean`` run twice on the same export: the same three cells, corrected twice."""
    batch = [["health.hiv"], ["health.diabetes", "religion.veil"], ["health.cancer"]]
    events = [
        _edit("2026-11-20T09:10:00", batch),
        _save("2026-11-20T09:10:01", 3),
        _edit("2026-11-20T09:20:00", batch),
        _save("2026-11-20T09:20:01", 3),
    ]
    corrections = corrections_from_log(events, FINGERPRINT)
    assert (corrections.saves, corrections.cells) == (2, 3)
    assert corrections.by_category == {"health": 3, "religion": 1}
    html = report_html(_report(corrections=corrections))
    assert "Santé\u00a0: 3" in html and "Santé\u00a0: 6" not in html
    assert "3 commentaires corrigés" in html


def test_an_undo_takes_back_the_last_correction_of_its_cells_only() -> None:
    events = [
        _edit("2026-11-20T09:10:00", [["health.hiv"]], rows=[1]),
        _edit("2026-11-20T09:11:00", [[]], action="manual", rows=[1]),  # corrected again
        _edit("2026-11-20T09:12:00", [[]], action="undo", rows=[1]),
        _edit("2026-11-20T09:13:00", [["social.cmu"]], rows=[2]),
        _edit("2026-11-20T09:14:00", [["social.cmu"]], action="undo", rows=[2]),
    ]
    corrections = corrections_from_log(events, FINGERPRINT)
    assert (corrections.cells, corrections.by_category) == (1, {"health": 1})


def test_the_high_severity_tile_counts_comments_not_passages() -> None:
    data = _report()
    # row 3 has two high passages in one category, row 4 two in two categories
    assert data.high_comments == 4
    html = report_html(data)
    tile = '<span class="big">4</span><br><span class="small">commentaires de gravité élevée'
    assert tile in html


def test_corrections_not_yet_saved_are_counted_from_the_edits() -> None:
    events = [_edit("2026-11-20T09:10:00", [["health.hiv"], ["religion.veil"]])]
    corrections = corrections_from_log(events, FINGERPRINT)
    assert corrections.saves == 0 and corrections.cells == 2


def test_log_status_is_shown_whether_intact_altered_or_unavailable() -> None:
    ok = report_html(_report(log=LogStatus(True, "Journal intègre : 12 événements.", 12)))
    assert "Journal intègre\u00a0: 12 événements." in ok
    bad = report_html(
        _report(log=LogStatus(False, "Journal altéré : l'événement 4 a été modifié.", 12))
    )
    assert "l'événement 4 a été modifié" in bad
    assert "signalez-le" in bad
    unknown = report_html(_report(log=LogStatus(None, "Journal non consulté : pas de clé.")))
    assert "pas de clé" in unknown


def test_the_report_comes_out_without_a_usable_log() -> None:
    import keyring
    import keyring.backends.fail

    from huisclos.core.report.figures import read_log

    corrections, status = read_log(FINGERPRINT)  # the test keyring: a fresh, intact log
    assert (corrections, status.ok) == (Corrections(), True)
    assert status.message == "journal intègre : 0 événement"
    keyring.set_keyring(keyring.backends.fail.Keyring())  # no keyring, no passphrase
    corrections, status = read_log(FINGERPRINT, unsaved=2)
    assert corrections == Corrections(unsaved=2)
    assert status.ok is None and status.message.startswith("Journal non consulté : ")


def test_a_report_from_the_review_screen_counts_corrected_cells_as_found_and_unsaved(
    tmp_path: Path,
) -> None:
    from huisclos.core.report.figures import report_from_session
    from review_sessions import reviewed

    path = tmp_path / "export.csv"
    path.write_bytes(
        "NOM;Commentaire\r\nLEFEBVRE;porteuse sida !!! !!!!\r\nBERTRAND;serait homosexuelle "
        "d'après sa mère\r\nGAUTHIER;préfère RDV le matin\r\n".encode("cp1252")
    )
    session = reviewed(path)
    before = report_from_session(session, practice="Cabinet Test", read_the_log=False)
    assert (before.flagged_comments, before.flagged_patients, before.rows) == (2, 2, 3)

    key = ("", 1, "Commentaire")
    session.apply(session.manual_batch(key, "RDV en fin de journée"))
    after = report_from_session(session, read_the_log=False, with_examples=True)
    # the corrected comment still counts as found: it moved to «Corrections»
    assert (after.flagged_comments, after.flagged_patients) == (2, 2)
    assert after.corrections.unsaved == 1
    html = report_html(after)
    assert "1 correction faite dans l'application n'est pas encore enregistrée" in html
    assert "LEFEBVRE" not in html and "BERTRAND" not in html
    assert "sida" not in html.lower() and "homosexuelle" not in html.lower()
