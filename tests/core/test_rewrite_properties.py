"""Property tests of the rewrites: whatever way benign and sensitive clauses are mixed and
punctuated, the first suggestion keeps every benign clause, keeps nothing sensitive, and reads as
tidy French."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rewrite_fakes import FakeDetector

from huisclos.core.rewrite.suggestions import MASK, _suggestions, suggest
from huisclos.core.rewrite.tidy import tidy

DETECTOR = FakeDetector()

BENIGN = [
    "préfère RDV le matin",
    "appeler sur portable",
    "ne pas laisser de message",
    "carte vitale à mettre à jour",
    "3e étage sans ascenseur",
    "code porte 4521B",
    "tiers payant AMO",
    "RDV longs",
    "indisponible le mercredi",
    "courrier revenu, adresse à vérifier",
]
SENSITIVE = [
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée",
    "catholique non pratiquante car ses 2 frères sont suicidés",
    "séropo",
    "juif pratiquant",
    "patient chiant",
    "SIDA !!!",
    "TS en 2021",
    "mdp : Roux1985",
]
SENTENCE_SEPARATORS = [". ", ".\n", " ! ", "\n", " ; "]
CLAUSE_SEPARATORS = [", ", " – ", " - ", " / "]


# A password named by a context word takes the rest of its sentence with it (its value may be
# anywhere after the word), so it is mixed with benign clauses only across sentences.
SENSITIVE_IN_CLAUSES = [text for text in SENSITIVE if not text.startswith("mdp")]


@st.composite
def comments(draw: st.DrawFn, separators: list[str]) -> tuple[str, list[str]]:
    pool = SENSITIVE if separators is SENTENCE_SEPARATORS else SENSITIVE_IN_CLAUSES
    benign = draw(st.lists(st.sampled_from(BENIGN), min_size=0, max_size=3, unique=True))
    sensitive = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
    pieces = draw(st.permutations([*benign, *sensitive]))
    text = pieces[0]
    for piece in pieces[1:]:
        text += draw(st.sampled_from(separators)) + piece
    if draw(st.booleans()):
        text += draw(st.sampled_from([".", " !!", "", " "]))
    if draw(st.booleans()):
        text = text[:1].upper() + text[1:]
    return text, benign


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold())


def check_tidy(text: str) -> None:
    assert tidy(text) == text, f"not tidy: {text!r}"
    assert "  " not in text and " ," not in text and ",," not in text
    assert "!!" not in text and "()" not in text and "( )" not in text
    assert not re.search(r"^[\s,;:.!?–-]", text)
    assert not re.search(r"(?:^|\s)(?:et|car|mais)$", text, re.IGNORECASE)
    if text and text[0].isalpha():
        assert text[0].isupper()


def check(text: str, benign: list[str]) -> None:
    findings = DETECTOR.detect(text)
    assert findings
    proposed = suggest(text, findings, detector=DETECTOR)
    assert proposed
    for suggestion in proposed:
        assert not [f for f in DETECTOR.detect(suggestion.text) if f.severity != "low"], suggestion
        if suggestion.kind != "mask":
            assert MASK not in suggestion.text
            check_tidy(suggestion.text)
    first = proposed[0].text
    for clause in benign:
        assert folded(clause) in folded(first), f"{clause!r} lost from {text!r} → {first!r}"


@settings(max_examples=150, deadline=None)
@given(comments(SENTENCE_SEPARATORS))
def test_benign_sentences_survive_and_nothing_sensitive_stays(case: tuple[str, list[str]]) -> None:
    check(*case)


@settings(max_examples=150, deadline=None)
@given(comments(CLAUSE_SEPARATORS))
def test_benign_clauses_survive_commas_and_dashes(case: tuple[str, list[str]]) -> None:
    check(*case)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.data())
def test_any_text_and_any_span_gives_a_tidy_safe_suggestion(text: str, data: st.DataObject) -> None:
    from huisclos.core.detect.findings import Finding

    if not text.strip():
        return
    findings = []
    for _ in range(data.draw(st.integers(1, 3))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        category = data.draw(st.sampled_from(["health", "identifier", "religion"]))
        rule = data.draw(st.sampled_from(["health.hiv", "health.hearing", "sex_life.gender"]))
        findings.append(
            Finding(1, "Commentaire", start, end, category, "high", rule, text[start:end])
        )
    # The private generator, so that a bug is not hidden by the public functions' safety net.
    proposed = list(_suggestions(text, findings, DETECTOR))
    assert proposed
    for suggestion in proposed:
        assert tidy(suggestion.text) == suggestion.text


@settings(max_examples=150, deadline=None)
@given(comments(CLAUSE_SEPARATORS), st.sets(st.sampled_from(["health", "religion", "sex_life"])))
def test_a_category_filter_keeps_every_word_of_the_others(
    case: tuple[str, list[str]], categories: set[str]
) -> None:
    text, _ = case
    found = DETECTOR.detect(text)
    chosen = [finding for finding in found if finding.category in categories]
    if not chosen:
        return
    chosen_rules = {finding.rule for finding in chosen}
    left = [
        finding
        for finding in found
        if finding.rule not in chosen_rules
        and not any(c.start < finding.end and finding.start < c.end for c in chosen)
    ]
    for suggestion in suggest(text, chosen, detector=DETECTOR):
        # The chosen rules are never flagged again…
        assert not [f for f in DETECTOR.detect(suggestion.text) if f.rule in chosen_rules]
        # …and what was left out is still there, word for word.
        for finding in left:
            assert folded(finding.match) in folded(suggestion.text), (text, suggestion)


# Pieces of comments as rewrites leave them: words (link words and prepositions among them),
# every mark the clean-ups look at, and spaces of several kinds.
_TIDY_PIECES = [
    "RDV", "le", "matin", "16/10", "12h", "et", "car", "de", "Mais", "avec", "à", "qu'",
    "d'après", "parce qu’", "x", "_", "€", "É", "ß", "Saint-Étienne", "40,00",
    ".", ",", ";", ":", "…", "-", "–", "—", "/", "!", "?", "(", ")", "[", "]", "«", "»",
    " ", " ", " ", "  ", "\t", "\u00a0", "\u202f", "\u2003",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_TIDY_PIECES), min_size=1, max_size=14))
def test_tidy_quick_test_only_passes_lines_the_clean_ups_keep(pieces: list[str]) -> None:
    from huisclos.core.rewrite.tidy import _is_tidy, _tidied_line

    line = "".join(pieces)
    if _is_tidy(line):
        assert _tidied_line(line) == line


def test_tidy_quick_test_passes_benign_rewrites() -> None:
    from huisclos.core.rewrite.tidy import _is_tidy

    assert _is_tidy("Reste 40,00 € à régler. RDV le 16/10 à 12h")
    assert _is_tidy("RDV annulé le 03/05, reporté au mardi 12h00 ; salle d'attente difficile")
    assert not _is_tidy("RDV le matin, et")
    assert not _is_tidy("RDV le matin. et pas le soir")
