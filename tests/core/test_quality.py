"""Detector quality, measured on two yardsticks and printed as three lines (``pytest -s``):

1. our corpus (tests/data/corpus/comments.csv, written in the style of real comments):
   recall on the sensitive ones, false-positive rate on the benign ones, category agreement;
2. real comments (``../shared/data/real-dev.tsv`` beside the repository: comments quoted
   verbatim in CNIL decisions, Défenseur des droits reports and the press — never copied here):
   recall, category agreement; skipped cleanly when the file is absent;
3. false alarms on the benign traps of our corpus (rows noted ``trap``: words shared with
   sensitive comments, «cours de yoga», «le couloir sent la javel»…).

- recall — share of sensitive comments with at least one finding;
- false-positive rate — share of benign comments with any finding;
- category agreement — share of sensitive comments whose set of predicted categories is
  EXACTLY the labelled set (a miss or an extra category is a disagreement); real-dev rows
  labelled ``any`` agree as soon as they are found.

Targets (issue 14): corpus recall ≥ 0.98, FP ≤ 0.01, agreement ≥ 0.95; real-dev recall ≥ 0.97,
agreement ≥ 0.90. Tune the lexicon's mechanisms (resources/lexicon/fr), never the corpus, and
never add a real comment (or a piece of one) as a term.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from huisclos.core.detect.detector import Detector
from huisclos.core.detect.lexicon import load_lexicon

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "corpus" / "comments.csv"
REAL_DEV = REPO.parent / "shared" / "data" / "real-dev.tsv"

LEAKED = [
    ("porteuse sida !!! !!!!", {"health"}, {"emphasis"}),
    ("serait homosexuelle d'après sa mère", {"sex_life"}, {"hearsay", "third_party"}),
    ("mère musulmane voilée", {"religion"}, {"third_party"}),
    ("catholique non pratiquante car ses 2 frères sont suicidés", {"religion", "health"}, set()),
]


@cache
def detector() -> Detector:
    return Detector(load_lexicon())


def categories(text: str) -> set[str]:
    return {finding.category for finding in detector().detect(text)}


def labels(value: str) -> set[str]:
    return {c.strip() for c in value.split(",") if c.strip()}


@cache
def corpus() -> tuple[dict[str, str], ...]:
    if not CORPUS.is_file():
        pytest.skip("labelled corpus not present")
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter=";"))


@cache
def real_dev() -> tuple[dict[str, str], ...]:
    if not REAL_DEV.is_file():
        pytest.skip(f"real comments not present ({REAL_DEV})")
    with REAL_DEV.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter="\t"))


@cache
def corpus_figures() -> tuple[dict[str, float], str]:
    rows = corpus()
    sensitive = [r for r in rows if r["sensitive"].strip() == "1"]
    benign = [r for r in rows if r["sensitive"].strip() == "0"]
    traps = [r for r in benign if "trap" in r["notes"]]
    missed, noisy, wrong = [], [], []
    for row in sensitive:
        predicted = categories(row["text"])
        if not predicted:
            missed.append(row)
        elif predicted != labels(row["categories"]):
            wrong.append((row, predicted))
    for row in benign:
        found = detector().detect(row["text"])
        if found:
            noisy.append((row, found))
    noisy_traps = [(row, found) for row, found in noisy if "trap" in row["notes"]]
    result = {
        "recall": 1 - len(missed) / max(1, len(sensitive)),
        "false_positive_rate": len(noisy) / max(1, len(benign)),
        "category_agreement": (len(sensitive) - len(missed) - len(wrong)) / max(1, len(sensitive)),
        "trap_false_alarms": len(noisy_traps) / max(1, len(traps)),
    }
    lines = [
        f"own corpus ({len(rows)} comments: {len(sensitive)} sensitive, {len(benign)} benign): "
        f"recall {result['recall']:.3f} (target >= 0.98), false positives "
        f"{result['false_positive_rate']:.3f} (target <= 0.01), category agreement "
        f"{result['category_agreement']:.3f} (target >= 0.95)",
        f"benign traps: {len(noisy_traps)} false alarms on {len(traps)} traps "
        f"({result['trap_false_alarms']:.3f})",
    ]
    lines += [f"  MISSED {r['id']}: {r['text']!r} [{r['categories']}]" for r in missed[:40]]
    lines += [
        f"  NOISY {r['id']}: {r['text']!r} -> " + ", ".join(f"{f.rule}:{f.match}" for f in found)
        for r, found in noisy[:40]
    ]
    lines += [
        f"  CATEGORIES {r['id']}: {r['text']!r} predicted {sorted(p)} labelled {r['categories']}"
        for r, p in wrong[:60]
    ]
    return result, "\n".join(lines)


@cache
def real_dev_figures() -> tuple[dict[str, float], str]:
    rows = [r for r in real_dev() if r["expected"] != "none"]
    benign = [r for r in real_dev() if r["expected"] == "none"]
    found = agree = 0
    misses = []
    for row in rows:
        predicted = categories(row["text"])
        found += bool(predicted)
        expected = row["expected"]
        agrees = bool(predicted) if expected == "any" else predicted == labels(expected)
        agree += agrees
        if not agrees:  # ids and categories only: the texts stay in ../shared
            misses.append(f"  {row['id']} expected {expected} predicted {sorted(predicted)}")
    quiet = sum(not categories(r["text"]) for r in benign)
    result = {
        "recall": found / max(1, len(rows)),
        "category_agreement": agree / max(1, len(rows)),
    }
    line = (
        f"real-dev ({len(rows)} sensitive real comments, {quiet}/{len(benign)} benign quiet): "
        f"recall {result['recall']:.3f} (target >= 0.97), category agreement "
        f"{result['category_agreement']:.3f} (target >= 0.90)"
    )
    return result, "\n".join([line, *misses])


def three_lines() -> str:
    """Own corpus, real comments, benign traps — one line each."""
    _, own_report = corpus_figures()
    try:
        dev_line = real_dev_figures()[1].split("\n")[0]
    except pytest.skip.Exception:
        dev_line = "real-dev: not present (../shared/data/real-dev.tsv)"
    own_line, traps_line = own_report.split("\n")[:2]
    return "\n".join([own_line, dev_line, traps_line])


def test_recall_on_sensitive_comments() -> None:
    result, report = corpus_figures()
    print("\n" + three_lines())
    assert result["recall"] >= 0.98, report


def test_false_positive_rate_on_benign_comments() -> None:
    result, report = corpus_figures()
    assert result["false_positive_rate"] <= 0.01, report


def test_category_agreement() -> None:
    result, report = corpus_figures()
    assert result["category_agreement"] >= 0.95, report


def test_real_comments_recall_and_categories() -> None:
    result, report = real_dev_figures()
    assert result["recall"] >= 0.97, report
    assert result["category_agreement"] >= 0.90, report


def test_no_real_comment_is_copied_into_the_lexicon_or_the_corpus() -> None:
    """The real comments measure; they never become terms, corpus rows or test data."""
    texts = [r["text"].strip() for r in real_dev() if len(r["text"].strip()) >= 25]
    haystacks = [CORPUS.read_text(encoding="utf-8")]
    lexicon = REPO / "resources" / "lexicon"
    haystacks += [p.read_text(encoding="utf-8") for p in lexicon.rglob("*.toml")]
    haystacks += [p.read_text(encoding="utf-8") for p in lexicon.rglob("*.txt")]
    haystacks += [p.read_text(encoding="utf-8") for p in (REPO / "tests").rglob("*.py")]
    folded = [" ".join(h.casefold().split()) for h in haystacks]
    copied = [t for t in texts if any(" ".join(t.casefold().split()) in h for h in folded)]
    assert not copied, f"{len(copied)} real comments copied into the repository"


@pytest.mark.parametrize("text, expected, reasons", LEAKED)
def test_the_four_leaked_comments(text: str, expected: set[str], reasons: set[str]) -> None:
    found = detector().detect(text)
    assert {f.category for f in found} == expected, found
    for reason in reasons:
        assert any(reason in f.reasons for f in found), found
    if "hearsay" in reasons:
        (homosexuelle,) = [f for f in found if f.category == "sex_life"]
        assert {"hearsay", "third_party"} <= set(homosexuelle.reasons)


def test_every_lexicon_example_is_flagged_in_its_category() -> None:
    missing = []
    for rule in detector().lexicon.rules:
        for example in rule.examples:
            if rule.category not in categories(example):
                missing.append(f"{rule.id}: {example!r}")
    assert not missing, "\n".join(missing[:50])
