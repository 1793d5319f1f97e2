"""The review's figures (summary bar, category list, chart) stay right through everything a user
does: kept up to date cell by cell, they always equal a plain count of the session's findings
— after findings arrive, «Appliquer», «Tout appliquer» (all or one category), a hand-written
text, «Ignorer», undo, redo and a new scan."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from huisclos.core.detect.categories import CATEGORIES, SEVERITY_RANK
from huisclos.core.review.session import CategorySummary, ReviewSession
from practice_files import write_practice_csv
from review_sessions import reviewed

COMMENTS = [
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée, CMU, RDV le matin",
    "catholique non pratiquante car ses 2 frères sont suicidés",
    "juif pratiquant, pas de RDV le samedi",
    "ancien détenu, pénible",
    "Préfère RDV le matin",
    "séropositif, sous traitement, RSA",
    "",
]


Figures = tuple[int, int, int, dict[str, int], list[CategorySummary]]


def recounted(session: ReviewSession) -> Figures:
    """The figures counted again from scratch, the obvious way."""
    flagged = passages = 0
    by_category: Counter[str] = Counter()
    for key in session._findings:
        if session.is_changed(key) or not session._findings[key]:
            continue
        flagged += 1
        passages += len(session._findings[key])
        by_category.update({finding.category for finding in session._findings[key]})
    for key in session.overlay:
        first = session._first_found.get(key)
        if first:
            flagged += 1
            passages += len(first)
            by_category.update({finding.category for finding in first})
    to_review = sum(1 for key in session._findings if session.findings(key))
    findings: Counter[str] = Counter()
    cells: dict[str, set] = {}
    worst: dict[str, str] = {}
    for key in session._findings:
        for finding in session.findings(key):
            findings[finding.category] += 1
            cells.setdefault(finding.category, set()).add(key)
            if SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[worst.get(finding.category, "low")]:
                worst[finding.category] = finding.severity
    summaries = [
        CategorySummary(c, findings[c], len(cells[c]), worst[c]) for c in CATEGORIES if findings[c]
    ]
    summaries.sort(key=lambda s: (-SEVERITY_RANK[s.severity], -s.findings))
    return flagged, passages, to_review, dict(by_category), summaries


def figures(session: ReviewSession) -> Figures:
    counts = session.counts()
    assert counts.to_review == session.review_count()
    return (
        counts.flagged,
        counts.passages,
        counts.to_review,
        dict(counts.by_category),
        session.category_summaries(),
    )


def test_the_figures_always_equal_a_plain_count(tmp_path: Path) -> None:
    draw = random.Random(17)
    rows = [(f"{100 + i}", f"NOM{i}", draw.choice(COMMENTS)) for i in range(120)]
    path = write_practice_csv(tmp_path / "patients.csv", "Dossier;Nom;Commentaire", rows)
    session = reviewed(path)
    assert figures(session) == recounted(session)
    assert session.review_count() > 50
    done = []  # applied batches, for undo
    for step in range(60):
        keys = session.pending_keys()
        action = draw.choice(["one", "bulk", "manual", "ignore", "undo", "rescan"])
        if action == "one" and keys:
            batch = session.suggestion_batch(draw.choice(keys))
        elif action == "bulk":
            views = [None, *(s.category for s in session.category_summaries())]
            batch = session.bulk_batch(draw.choice(views))
        elif action == "manual" and keys:
            batch = session.manual_batch(draw.choice(keys), draw.choice(COMMENTS))
        elif action == "ignore" and keys:
            finding = draw.choice(session.findings(draw.choice(keys)))
            session.ignore(finding)
            if draw.random() < 0.3:
                session.unignore(finding)
            batch = None
        elif action == "undo" and done:
            session.apply(done.pop().inverted())
            batch = None
        elif action == "rescan":
            session.restart_scan()
            assert session.review_count() == 0
            fresh = reviewed(path)
            session.add_findings(fresh.all_findings())
            session.finish_scan()
            batch = None
        else:
            batch = None
        if batch is not None and len(batch):
            session.apply(batch)
            done.append(batch)
        assert figures(session) == recounted(session), (step, action)
    assert session.corrected_count() > 0
