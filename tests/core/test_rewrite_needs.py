"""The labelled rewrite corpus (tests/data/rewrites/rewrites.tsv): what «Tout appliquer» and
``huisclos clean`` put in each comment leaves nothing sensitive or hurtful, keeps what the practice
needs and reads as French typed by a careful secretary.

Each line holds a comment written in the style of real practice text, the pieces that must be
gone (``must_drop``), the pieces or pointers that must be there (``must_keep``), and, where one
answer is clearly right, the expected rewrite (``<vide>``: the comment is emptied). The share that
passes is printed with every failure and its reason.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

from huisclos.core.detect.categories import CATEGORIES
from huisclos.core.detect.detector import Detector
from huisclos.core.rewrite.suggestions import first_suggestion, suggest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "rewrites" / "rewrites.tsv"
EMPTIED = "<vide>"
TARGET = 0.97

# The rules the detection issue added: the corpus rewrites each of them at least once.
DETECTION_RULES = (
    "criminal.suspected",
    "criminal.judicial_past",
    "criminal.question",
    "criminal.prison_place",
    "criminal.swindler",
    "ethnic_origin.demonym",
    "ethnic_origin.demonym_language",
    "ethnic_origin.codes",
    "ethnic_origin.euphemisms",
    "ethnic_origin.foreigners",
    "ethnic_origin.non_eu",
    "ethnic_origin.mixed",
    "ethnic_origin.binational",
    "ethnic_origin.not_french",
    "ethnic_origin.fluency",
    "ethnic_origin.country_origin",
    "health.condition_named",
    "health.condition_adverb",
    "health.body_part",
    "health.general_state",
    "health.care_received",
    "health.specialty_care",
    "health.medical_history",
    "health.psychiatric_labels",
    "health.common_disease",
    "health.drug_common",
    "judgement.clinical_labels",
    "judgement.framed_noun",
    "judgement.vulgar_frame",
    "judgement.degrading_pair",
    "judgement.nuisance_label",
    "judgement.nuisance_warning",
    "judgement.denial_of_worth",
    "judgement.denial_negated",
    "judgement.smell",
    "judgement.stench",
    "judgement.hygiene",
    "judgement.disgust",
    "judgement.slowness",
    "judgement.soft_body",
    "judgement.idleness",
    "judgement.instability",
    "judgement.character",
    "judgement.vulgar",
    "judgement.nickname",
    "judgement.private_life",
    "judgement.swindler",
    "political.labels",
    "religion.devotion",
    "religion.devotion_adverb",
    "religion.faith",
    "sex_life.same_sex_partner_m",
    "sex_life.same_sex_partner_f",
    "social.hardship",
    "judgement.mockery",
    "health.chronic_acronym",
)

_DANGLING_END = re.compile(r"(?:[,:;–—-]|\b(?:et|car|mais|ou|donc|de|que|qui))$", re.IGNORECASE)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("’", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def pieces(cell: str) -> list[str]:
    return [piece.strip() for piece in cell.split("|") if piece.strip()]


def contains(text: str, piece: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(fold(piece))}(?!\w)", fold(text)) is not None


def rows() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def style_faults(text: str) -> list[str]:
    """What a careful secretary would not have typed."""
    faults = []
    first = next((char for char in text if char.isalpha()), "")
    if first and not first.isupper() and not text[:1].isdigit():
        faults.append("pas de majuscule au début")
    if "  " in text:
        faults.append("espaces doublés")
    if _DANGLING_END.search(text.rstrip(" .")):
        faults.append("mot ou ponctuation qui pend à la fin")
    if re.match(r"^\s*(?:[,;:.!?)–—-]|(?:et|car|mais|donc)\b)", text, re.IGNORECASE):
        faults.append("ponctuation ou mot de liaison au début")
    return faults


def check(detector: Detector, row: dict[str, str]) -> str | None:
    """The reason ``row`` fails, or None."""
    text = row["text"]
    findings = detector.detect(text)
    if not findings:
        return "non signalé"
    proposal = first_suggestion(text, findings, detector=detector, complete=True)
    panel = suggest(text, findings, detector=detector)
    if proposal is None or not panel:
        return "aucune proposition"
    if panel[0].text != proposal:
        return f"le panneau propose {panel[0].text!r}, l'application en bloc {proposal!r}"
    left = detector.detect(proposal)
    if left:
        return f"{proposal!r} encore signalé : {left[0].rule} « {left[0].match} »"
    dropped = [piece for piece in pieces(row["must_drop"]) if contains(proposal, piece)]
    if dropped:
        return f"{proposal!r} garde {dropped}"
    lost = [piece for piece in pieces(row["must_keep"]) if not contains(proposal, piece)]
    if lost:
        return f"{proposal!r} perd {lost}"
    expected = row["expected"]
    if expected and proposal != ("" if expected == EMPTIED else expected):
        return f"{proposal!r} au lieu de {expected!r}"
    faults = style_faults(proposal) if proposal else []
    if faults:
        return f"{proposal!r} : {', '.join(faults)}"
    return None


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def test_the_corpus_is_large_and_covers_every_category() -> None:
    corpus = rows()
    assert len(corpus) >= 200
    assert len({row["text"] for row in corpus}) == len(corpus), "un commentaire en double"
    detector = Detector.default()
    found = {finding.category for row in corpus for finding in detector.detect(row["text"])}
    assert found >= set(CATEGORIES)
    rules = {finding.rule for row in corpus for finding in detector.detect(row["text"])}
    assert not set(DETECTION_RULES) - rules, sorted(set(DETECTION_RULES) - rules)
    topics = {row["topic"] for row in corpus}
    assert {"hearsay", "reference", "safety", "status", "mockery", "money", "need"} <= topics


def test_the_share_of_safe_rewrites_that_keep_the_need(detector: Detector) -> None:
    corpus = rows()
    failures = [f"{row['text']!r}: {reason}" for row in corpus if (reason := check(detector, row))]
    share = 1 - len(failures) / len(corpus)
    print(f"\nréécritures justes : {share:.3f} ({len(corpus) - len(failures)}/{len(corpus)})")
    for failure in failures:
        print("  ✗", failure)
    assert share >= TARGET, "\n".join(failures)


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        # the hearsay frame goes with what it reports
        ("la gardienne dit qu'il ne sort plus et qu'il est déprimé", ""),
        # mockery is a judgement in its own right
        ("échangistes tous les deux, ne pas rire", ""),
        ("cas social, rien à en tirer", ""),
        # a clause about the removed fact goes with it
        ("sa fille est lesbienne, le père ne le supporte pas", ""),
        # an abbreviation is detected, and diabetes with insulin becomes a pointer
        (
            "DID depuis l'enfance, pompe à insuline",
            "Information médicale importante : voir le dossier médical",
        ),
        # safety information is never silently lost
        ("allergie pénicilline", "Information médicale importante : voir le dossier médical"),
        # administrative status in neutral words, the instruction in its own words
        ("AME en cours de renouvellement", "Droits en cours de renouvellement"),
        ("ACS expirée", "Droits expirés : à vérifier"),
        ("malentendant, parler fort", "Parler fort"),
        ("RDV au rez-de-chaussée, fauteuil roulant", "RDV au rez-de-chaussée"),
        # the day an instruction depends on is resolved, or the instruction goes
        ("chimio le lundi, pas de RDV le lendemain", "Pas de RDV le mardi"),
        ("chimio toutes les 3 semaines, pas de RDV le lendemain", ""),
        # money and behaviour in CNIL's neutral wordings
        ("agressif au téléphone le 12/03", "Échange difficile au téléphone le 12/03"),
        ("n'a pas les moyens de payer la consultation", "Difficultés de paiement"),
    ],
)
def test_the_examples_of_the_issue(detector: Detector, comment: str, expected: str) -> None:
    findings = detector.detect(comment)
    proposed = first_suggestion(comment, findings, detector=detector, complete=True)
    assert proposed == expected
    assert suggest(comment, findings, detector=detector)[0].text == expected


def test_safety_information_is_never_offered_as_a_silent_removal(detector: Detector) -> None:
    for comment in ("allergie pénicilline !!!", "sous AVK", "pacemaker", "épileptique"):
        texts = [s.text for s in suggest(comment, detector.detect(comment), detector=detector)]
        assert texts and "" not in texts, comment
        assert all("dossier médical" in text or "[retiré]" in text for text in texts), texts


REAL_DEV = REPO.parent / "shared" / "data" / "real-dev.tsv"


def test_rewrites_of_real_comments_are_clean_and_read_as_french(detector: Detector) -> None:
    """The measuring stick (real comments quoted in public sources, read from beside the
    repository, never copied): every bulk proposal comes back clean at every severity, is what
    the panel shows, and the share that reads as typed by a careful secretary is printed."""
    if not REAL_DEV.is_file():
        pytest.skip(f"real comments not present ({REAL_DEV})")
    with REAL_DEV.open(encoding="utf-8", newline="") as stream:
        texts = [row["text"] for row in csv.DictReader(stream, delimiter="\t")]
    flagged = unclean = untidy = 0
    for text in texts:
        findings = detector.detect(text)
        if not findings:
            continue
        flagged += 1
        proposal = first_suggestion(text, findings, detector=detector, complete=True)
        assert proposal == suggest(text, findings, detector=detector)[0].text
        unclean += bool(detector.detect(proposal or ""))
        untidy += bool(proposal and style_faults(proposal))
    print(
        f"\nreal-dev : {flagged} commentaires réécrits, {unclean} encore signalés, "
        f"{flagged - untidy}/{flagged} en français soigné"
    )
    assert flagged and unclean == 0
