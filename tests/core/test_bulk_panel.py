"""«Tout appliquer» = what the panel shows: for all comments or for one category, the bulk edit of
each comment is exactly the first proposal the detail panel lists for it in the same view, and
``huisclos clean`` with the same filter writes the same."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from huisclos.cli import main
from huisclos.core.exports.reading import read_export
from review_sessions import reviewed

REPO = Path(__file__).resolve().parents[2]
REWRITES = REPO / "tests" / "data" / "rewrites" / "rewrites.tsv"
DEMO = REPO / "resources" / "demo" / "patients-demo.csv"
LEAKED = "catholique non pratiquante car ses 2 frères sont suicidés"


def write_export(path: Path, comments: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["N° dossier", "NOM", "Commentaire"])
        writer.writerows([str(1000 + index), "MARTIN", text] for index, text in enumerate(comments))
    return path


@pytest.fixture(scope="module")
def corpus_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with REWRITES.open(encoding="utf-8", newline="") as stream:
        comments = [row["text"] for row in csv.DictReader(stream, delimiter="\t")]
    return write_export(tmp_path_factory.mktemp("bulk") / "corpus.csv", comments)


@pytest.mark.parametrize("source", ["corpus", "demo"])
def test_bulk_applies_exactly_what_the_panel_shows_in_every_view(
    source: str, corpus_export: Path
) -> None:
    session = reviewed(corpus_export if source == "corpus" else DEMO)
    views = [None, *(summary.category for summary in session.category_summaries())]
    assert len(views) > 5
    for category in views:
        batch = session.bulk_batch(category)
        edited = {edit.key: edit.after for edit in batch}
        for key in session.pending_keys():
            shown = session.suggestions(key, category=category)
            if not shown or shown[0].text == session.text(key):
                assert key not in edited
                continue
            assert edited[key] == shown[0].text, (category, session.text(key))


def test_a_category_view_proposes_the_filtered_rewrite_and_says_what_stays(
    tmp_path: Path,
) -> None:
    session = reviewed(write_export(tmp_path / "un.csv", [LEAKED]))
    (key,) = session.pending_keys()
    assert session.suggestions(key)[0].text == ""  # every category: emptied
    religion = session.suggestions(key, category="religion")[0].text
    assert "catholique" not in religion.casefold() and "pratiquante" not in religion
    assert "suicidés" in religion  # the health words are the health view's to change
    assert [finding.match for finding in session.left_for_later(key, "religion")] == ["suicidés"]
    batch = session.bulk_batch("religion")
    assert [edit.after for edit in batch] == [religion]
    assert session.bulk_counts(batch, "religion") == (1, 0, 1)
    session.apply(batch)
    # The comment stays in the health list, to review there.
    assert {finding.category for finding in session.findings(key)} == {"health"}
    assert session.bulk_counts(session.bulk_batch(), None) == (1, 1, 0)


def test_clean_with_a_category_writes_the_panel_proposal(tmp_path: Path) -> None:
    comments = [LEAKED, "mère musulmane voilée, CMU, RDV le matin", "juif pratiquant, séropo"]
    source = write_export(tmp_path / "cabinet.csv", comments)
    session = reviewed(source)
    shown = [
        session.suggestions(key, category="religion")[0].text for key in session.pending_keys()
    ]
    out = tmp_path / "propre.csv"
    assert main(["clean", str(source), "-o", str(out), "--categories", "religion"]) == 0
    table = read_export(out).tables[0]
    assert [table.cell(row, "Commentaire") for row in range(1, len(comments) + 1)] == shown
