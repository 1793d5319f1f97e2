"""The review session (core, no Qt): what a click writes, what «Tout appliquer» changes, what
undo restores, what the cleaned copy contains — the same decisions for the app and the CLI."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from huisclos.core.edits import EditConflict
from huisclos.core.errors import ExportError
from huisclos.core.exports.reading import read_export
from huisclos.core.review.scan import run_scan
from huisclos.core.review.session import ReviewSession
from practice_files import write_practice_csv
from review_sessions import reviewed

LEAKED = [
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée",
    "catholique non pratiquante car ses 2 frères sont suicidés",
]


@pytest.fixture
def export_path(tmp_path: Path) -> Path:
    rows = [(f"{100 + i}", f"NOM{i}", text) for i, text in enumerate(LEAKED, start=1)]
    rows += [("105", "LEROY", "Préfère RDV le matin"), ("106", "GAY", "code porte 1234B")]
    path = write_practice_csv(
        tmp_path / "patients.csv", "Dossier;Nom;Commentaire administratif", rows
    )
    return path


@pytest.fixture
def session(export_path: Path) -> ReviewSession:
    return reviewed(export_path)


def test_the_leaked_comments_are_to_review_and_the_rest_is_quiet(session: ReviewSession) -> None:
    rows = {key[1] for key in session.pending_keys()}
    assert rows == {1, 2, 3, 4}
    assert session.review_count() == 4
    assert session.patient_count() == 6
    assert session.corrected_count() == 0


def test_one_click_writes_the_first_suggestion_and_undo_restores(session: ReviewSession) -> None:
    key = session.pending_keys()[0]
    before = session.text(key)
    first = session.suggestions(key)[0].text
    batch = session.suggestion_batch(key)
    session.apply(batch)
    assert session.text(key) == first
    assert session.corrected_count() == 1
    assert not [f for f in session.findings(key) if f.severity != "low"]
    session.apply(batch.inverted())
    assert session.text(key) == before
    assert session.findings(key)
    assert session.corrected_count() == 0


def test_apply_all_is_one_batch_resolving_every_comment(session: ReviewSession) -> None:
    batch = session.bulk_batch()
    assert len(batch) == 4
    session.apply(batch)
    assert all(f.severity == "low" for k in session.pending_keys() for f in session.findings(k))
    session.apply(batch.inverted())
    assert session.review_count() == 4


def test_apply_all_of_one_category_leaves_the_others(session: ReviewSession) -> None:
    batch = session.bulk_batch("religion")
    changed = {edit.row for edit in batch}
    assert changed and changed <= {3, 4}
    session.apply(batch)
    assert session.findings(("", 1, "Commentaire administratif"))  # health untouched


def test_a_manual_edit_is_rescanned(session: ReviewSession) -> None:
    key = session.pending_keys()[0]
    session.apply(session.manual_batch(key, "Porteuse du VIH"))
    assert session.findings(key)
    session.apply(session.manual_batch(key, "RDV le matin"))
    assert not session.findings(key)


def test_ignore_hides_one_occurrence_without_changing_the_text(session: ReviewSession) -> None:
    key = session.pending_keys()[0]
    for finding in session.findings(key):
        session.ignore(finding)
    assert not session.findings(key)
    assert session.corrected_count() == 0


def test_the_copy_is_what_export_write_copy_writes_and_never_the_original(
    session: ReviewSession, export_path: Path, tmp_path: Path
) -> None:
    original = export_path.read_bytes()
    session.apply(session.bulk_batch())
    target = session.default_copy_path()
    assert target.name == "patients-nettoye.csv"
    session.write_copy(target)
    expected = tmp_path / "expected.csv"
    read_export(export_path).write_copy(session.net_edits(), expected)
    assert target.read_bytes() == expected.read_bytes()
    with pytest.raises(ExportError):
        session.write_copy(export_path)
    assert export_path.read_bytes() == original


def test_the_correction_list_names_the_changed_comments(
    session: ReviewSession, tmp_path: Path
) -> None:
    session.apply(session.bulk_batch())
    saved = session.write_worklist(tmp_path / "corrections.csv")
    assert saved.entries == 4 and saved.same_encoding
    assert saved.event.kind == "worklist" and saved.event.payload["entries"] == 4
    worklist = session.worklist()
    assert [entry.row for entry in worklist.entries] == [1, 2, 3, 4]
    assert all(entry.categories for entry in worklist.entries)


def test_a_new_scan_keeps_the_user_edits(session: ReviewSession) -> None:
    key = session.pending_keys()[0]
    session.apply(session.manual_batch(key, "RDV le matin"))
    export = session.export
    session.restart_scan(session.columns)
    result = run_scan(export, detector=session.detector, columns=session.columns)
    session.add_findings(result.findings)
    session.finish_scan(result.columns)
    assert session.text(key) == "RDV le matin"
    assert not session.findings(key)
    assert session.review_count() == 3


def test_new_text_is_fitted_to_what_the_file_can_hold(tmp_path: Path) -> None:
    """A rewrite holding «≥» goes into a Windows-1252 file as «>=», in the app's copy as in
    ``huisclos clean``'s: the copy can always be written."""
    from huisclos.cli import main
    from huisclos.core.detect import practice

    practice.save_extra_terms_text(
        '[[rule]]\nid = "cabinet.surnom"\ncategory = "judgement"\nseverity = "medium"\n'
        'terms = ["le râleur"]\nrewrite = "Échange difficile : rappeler ≥ 9 h"\n'
    )
    path = tmp_path / "patients.csv"
    path.write_bytes("Dossier;Nom;Commentaire\r\n1;MARTIN;le râleur\r\n".encode("latin-1"))
    session = reviewed(path)
    (key,) = session.pending_keys()
    assert session.suggestions(key)[0].text == "Échange difficile : rappeler >= 9 h"
    batch = session.bulk_batch(label="apply_all")
    session.apply(batch)
    session.write_copy(tmp_path / "app.csv")
    assert main(["clean", str(path), "-o", str(tmp_path / "cli.csv")]) == 0
    copy = (tmp_path / "app.csv").read_bytes()
    assert copy == (tmp_path / "cli.csv").read_bytes()
    assert copy.decode("cp1252").endswith("1;MARTIN;Échange difficile : rappeler >= 9 h\r\n")


def _state(session: ReviewSession) -> tuple:  # type: ignore[type-arg]
    keys = sorted({*session.pending_keys(), *session.overlay})
    return (
        {key: session.text(key) for key in keys},
        {key: [replace(f, suggestion=None) for f in session.findings(key)] for key in keys},
        session.counts(),
        session.category_summaries(),
        session.changed_categories(),
        session.net_edits(),
    )


def test_tout_appliquer_applied_a_few_edits_at_a_time_is_applying_it_at_once(
    export_path: Path,
) -> None:
    """The window applies a large «Tout appliquer» between its repaints: the comments, their
    findings, the figures and the correction list are the same as when it is applied at once,
    and undo restores every comment."""
    at_once, in_steps = reviewed(export_path), reviewed(export_path)
    originals = _state(in_steps)
    batch = in_steps.bulk_batch()
    assert len(batch) >= 4
    at_once.apply(at_once.bulk_batch())
    steps = in_steps.apply_in_steps(batch, step=1)
    done = []
    try:
        while True:
            done.append(next(steps))
    except StopIteration as stop:
        keys = stop.value
    assert done == list(range(1, len(batch) + 1))
    assert keys == [edit.key for edit in batch]
    assert _state(in_steps) == _state(at_once)
    in_steps.apply(batch.inverted())
    assert _state(in_steps) == originals


def test_a_refused_batch_applied_in_steps_changes_nothing(session: ReviewSession) -> None:
    batch = session.bulk_batch()
    first = batch.edits[0]
    session.apply(session.manual_batch(first.key, "RDV le matin"))  # changed meanwhile
    before = _state(session)
    with pytest.raises(EditConflict):
        list(session.apply_in_steps(batch, step=1))
    assert _state(session) == before
