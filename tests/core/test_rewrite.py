"""Suggestions for one cell: keep the need, remove the sensitive clause, mask — tidy French.

These tests use a small stand-in detector (tests/core/rewrite_fakes.py) so that they check the
rewriting itself; tests/core/test_rewrite_corpus.py checks the real lexicon end to end.
"""

from __future__ import annotations

import pytest
from rewrite_fakes import FakeDetector

from huisclos.core.detect.findings import Finding
from huisclos.core.rewrite.clauses import split_clauses
from huisclos.core.rewrite.suggestions import MASK, Suggestion, first_suggestion, suggest
from huisclos.core.rewrite.tidy import tidy

DETECTOR = FakeDetector()


def suggestions(text: str) -> list[Suggestion]:
    return suggest(text, DETECTOR.detect(text), detector=DETECTOR)


def first(text: str) -> str | None:
    return first_suggestion(text, DETECTOR.detect(text), detector=DETECTOR)


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        # The need behind a sensitive phrase is kept, in neutral words.
        ("juif pratiquant, pas de RDV le samedi", "Pas de RDV le samedi"),
        ("malentendant – parler fort", "Parler fort"),
        ("malentendant", "Parler distinctement, privilégier l'écrit"),
        ("transgenre, se fait appeler Léa", "Prénom d'usage : Léa"),
        ("ramadan : RDV après 18h", "RDV après 18h"),
        ("fauteuil roulant", "Accès de plain-pied nécessaire"),
        ("TJ – refuse transfusion", "Refus de certains soins : voir le dossier médical"),
        ("CMU", "Tiers payant intégral"),
        ("Préfère RDV le matin. Porteuse sida !!! !!!!", "Préfère RDV le matin."),
        # Benign clauses survive the removal of a sensitive one.
        (
            "Préfère RDV le matin, catholique non pratiquante car ses 2 frères sont suicidés.",
            "Préfère RDV le matin.",
        ),
        (
            "Serait homosexuelle d'après sa mère. Ne pas laisser de message",
            "Ne pas laisser de message",
        ),
        ("D'après sa mère, serait homosexuelle. RDV lundi", "RDV lundi"),
        ("Appeler sur portable – mère musulmane voilée !!", "Appeler sur portable."),
        ("RDV le matin (séropo), appeler avant", "RDV le matin, appeler avant"),
        (
            "Code porte 1234, porteuse sida et 3e étage sans ascenseur",
            "Code porte 1234, 3e étage sans ascenseur",
        ),
        ("mdp : toto123. Appeler le soir", "Appeler le soir"),
        ("sida -> pas de RDV le vendredi", "Pas de RDV le vendredi"),
        ("RDV avec le Dr. Martin, porteuse sida", "RDV avec le Dr. Martin"),
        ("!!!! SIDA !!!! TOUJOURS UN SUCRE A L'ACCUEIL", "Toujours un sucre a l'accueil"),
        # Brackets glossing a removed clause go with it, and so does what continues it.
        ("TS x2 (2019 et 2022), surveiller les quantités", "Surveiller les quantités"),
        ("sida (Sainte-Anne) l'an dernier. RDV lundi", "RDV lundi"),
        # An acronym glossed by a removed bracket goes too.
        ("SEP (séropo), fatigue, RDV courts", "RDV courts"),
        # A lone word next to a removed clause qualifies it.
        ("séropo, fragile, RDV lundi", "RDV lundi"),
        # …but not next to a need-keeping phrase.
        ("CMU, urgent", "Tiers payant intégral, urgent"),
        # A complement of time cannot stand alone.
        ("VIH + depuis 2005, suivi en ville", "Suivi en ville"),
        # Fragments joined by «et» belong to the removed noun phrase.
        ("frère et soeur séropo, RDV lundi", "RDV lundi"),
        ("sa mère et sa tante séropo, RDV lundi", "RDV lundi"),
        # …but a benign clause joined by «et» stays.
        ("RDV le matin et porteuse du VIH", "RDV le matin"),
        # A clause that explains a removed one («car …») goes with it.
        ("RDV lundi. Juif car sa mère l'est", "RDV lundi."),
        # Reported speech next to a removed clause goes with it.
        ("Homo, selon la voisine, RDV le soir", "RDV le soir"),
        # A line break typed in the middle of a sentence joins like a space: no orphan word…
        ("porteuse\r\nsida, RDV matin", "RDV matin"),
        # …and the hearsay on the next line goes with its clause.
        ("serait homosexuelle\nd'après sa mère", ""),
        ("RDV lundi\nserait homosexuelle\nd'après sa mère", "RDV lundi"),
        # Lines that are independent sentences keep their line breaks.
        ("RDV matin\nCode porte 12\nséropo", "RDV matin\nCode porte 12"),
        ("RDV matin\r\nSéropo\r\nCode porte 12", "RDV matin\r\nCode porte 12"),
        # No comma is left before «et» where a clause was removed.
        ("RDV le matin (VIH) et pas le mercredi", "RDV le matin et pas le mercredi"),
        ("RDV le matin, séropo, et pas le mercredi", "RDV le matin et pas le mercredi"),
        ("RDV le matin (séropo, TS) et pas le mercredi", "RDV le matin et pas le mercredi"),
    ],
)
def test_the_first_suggestion(comment: str, expected: str) -> None:
    assert first(comment) == expected


@pytest.mark.parametrize(
    "comment",
    [
        "porteuse sida !!! !!!!",
        "serait homosexuelle d'après sa mère",
        "mère musulmane voilée",
        "catholique non pratiquante car ses 2 frères sont suicidés",
    ],
)
def test_the_four_leaked_comments_are_emptied(comment: str) -> None:
    # Nothing in them is benign: the whole comment goes.
    assert first(comment) == ""
    assert suggestions(comment)[0].label == "Vider le commentaire"


def test_several_findings_are_resolved_in_one_rewrite() -> None:
    text = "CMU. Malentendant, parler fort. Patient pénible"
    result = first(text)
    assert result == "Tiers payant intégral. Parler fort."
    assert DETECTOR.detect(result) == []


def test_ranking_rewrite_then_remove_then_mask() -> None:
    kinds = [suggestion.kind for suggestion in suggestions("malentendant – RDV le matin")]
    assert kinds == ["rewrite", "remove", "mask"]
    found = suggestions("juif pratiquant, pas de RDV le samedi")
    assert [suggestion.kind for suggestion in found] == ["remove", "mask"]
    assert found[1].text == f"{MASK}, pas de RDV le samedi"
    assert all(suggestion.label for suggestion in found)


def test_a_password_is_masked_with_its_value() -> None:
    masked = [s for s in suggestions("mdp : toto123. Appeler le soir") if s.kind == "mask"]
    assert masked and "toto123" not in masked[0].text


def test_no_suggestion_without_findings() -> None:
    assert suggest("Préfère RDV le matin", [], detector=DETECTOR) == []
    assert first_suggestion("Préfère RDV le matin", [], detector=DETECTOR) is None


def test_findings_with_stale_offsets_are_relocated_by_their_match() -> None:
    text = "RDV le matin, porteuse sida"
    stale = Finding(1, "Commentaire", 0, 4, "health", "high", "health.hiv", "sida")
    assert first_suggestion(text, [stale], detector=DETECTOR) == "RDV le matin, porteuse"[:12]


def test_a_rewrite_phrase_that_would_be_flagged_is_not_offered() -> None:
    from rewrite_fakes import RULES, rule

    bad = FakeDetector(
        [*RULES, rule("health.bad", "health", "low", "sourd", rewrite="Patient séropo")]
    )
    text = "sourd, RDV le matin"
    result = suggest(text, bad.detect(text), detector=bad)
    assert result[0].kind != "rewrite"
    for suggestion in result:
        assert not [f for f in bad.detect(suggestion.text) if f.severity != "low"]


def test_rewrites_are_never_flagged_again_by_the_fake_detector() -> None:
    comments = [
        "porteuse sida !!! !!!!",
        "séropo et CMU, chiant",
        "TS en 2021 (suicidé ?) – voir Dr X",
        "homo / vih / catholique",
        "Pratiquant donc pas le vendredi mais le samedi ok",
    ]
    for comment in comments:
        for suggestion in suggestions(comment):
            assert not [f for f in DETECTOR.detect(suggestion.text) if f.severity != "low"], (
                suggestion
            )


# What tidy makes of the text left once a clause is taken out.
LEFTOVERS_TIDIED = [
    ("  , et RDV le matin ,, car", "RDV le matin"),
    ("Préfère RDV le matin.  !!! !!!!", "Préfère RDV le matin."),
    ("RDV  le matin ( ) , appeler", "RDV le matin, appeler"),
    ("voir dossier), RDV matin", "Voir dossier, RDV matin"),
    ("RDV (voir Dr X", "RDV (voir Dr X)"),
    (" : RDV après 18h", "RDV après 18h"),
    ("mais pas le lundi", "Pas le lundi"),
    ("RDV le matin et", "RDV le matin"),
    ("!!! !!!!", ""),
    ("   ", ""),
    ("3e étage sans ascenseur", "3e étage sans ascenseur"),
    ("Quoi ?? ok", "Quoi ? Ok"),
    ("Témoin. carte à jour", "Témoin. Carte à jour"),
    ("RDV le matin parce qu'", "RDV le matin"),
    ("RDV le matin, suite à", "RDV le matin"),
    ("Appeler la fille selon", "Appeler la fille"),
    ("Mme ET", "Mme"),
    ("RDV\tle\u00a0matin", "RDV le matin"),
    ("TOUJOURS UN SUCRE A L'ACCUEIL", "Toujours un sucre a l'accueil"),
    ("Vient seul !? ok", "Vient seul ? Ok"),
    ("RDV [ ] matin", "RDV matin"),
    ("RDV — , matin", "RDV — matin"),
]


@pytest.mark.parametrize(("messy", "clean"), LEFTOVERS_TIDIED)
def test_tidy_french_punctuation(messy: str, clean: str) -> None:
    assert tidy(messy) == clean


def test_a_rewrite_always_fits_the_export_encoding() -> None:
    from huisclos.core.exports.csv_dialect import fit_to_encoding

    assert (
        fit_to_encoding("Prénom d’usage : Zoé – cœur", "latin-1") == "Prénom d'usage : Zoé - coeur"
    )
    assert fit_to_encoding("Prénom d’usage", "cp1252") == "Prénom d’usage"
    assert fit_to_encoding("RDV ☎ matin", "latin-1") == "RDV ? matin"


def test_a_bug_in_the_rewrites_never_stops_a_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    from huisclos.core.rewrite import suggestions as rewrite

    def broken(*args: object) -> None:
        raise ValueError("bug")

    monkeypatch.setattr(rewrite, "_suggestions", broken)
    text = "porteuse sida"
    assert rewrite.first_suggestion(text, DETECTOR.detect(text), detector=DETECTOR) == ""
    assert [s.text for s in rewrite.suggest(text, DETECTOR.detect(text), detector=DETECTOR)] == [""]


@pytest.mark.parametrize(
    ("comment", "secret", "expected", "masked"),
    [
        ("mdp oublié, nouveau : Bebe2024", "Bebe2024", "", None),
        ("Mutuelle Alan, mdp Roux1985", "Roux1985", "Mutuelle Alan", None),
        ("Roux1985, c'est son mdp. RDV lundi", "Roux1985", "RDV lundi", None),
        ("mdp noté par la fille : Rose!1948. Appeler le soir", "1948", "Appeler le soir", None),
        ("mdp : p.roux@gmail.com / Xy12", "Xy12", "", None),
        ("mdp doctolib: Azerty1, préfère SMS", "Azerty1", "Préfère SMS", f"{MASK}, préfère SMS"),
        ("code porte 1234, mdp wifi: abcd", "abcd", "Code porte 1234", f"Code porte 1234, {MASK}"),
        (
            "identifiant ameli jdupont - RDV le matin",
            "jdupont",
            "RDV le matin",
            f"{MASK} - RDV le matin",
        ),
        (
            "identifiant ameli jdupont, RDV le matin",
            "jdupont",
            "RDV le matin",
            f"{MASK}, RDV le matin",
        ),
        ("mdp : Roux1985 ! Préfère RDV le matin", "Roux1985", "Préfère RDV le matin", None),
    ],
)
def test_a_password_or_login_goes_with_its_value_and_nothing_more(
    comment: str, secret: str, expected: str, masked: str | None
) -> None:
    proposed = suggestions(comment)
    assert proposed[0].text == expected
    if masked is not None:
        assert [s.text for s in proposed if s.kind == "mask"] == [masked]
    assert all(secret not in suggestion.text for suggestion in proposed)


def test_re_suggest_after_a_manual_edit() -> None:
    from huisclos.core.rewrite.suggestions import is_resolved, suggest_for_text

    # The secretary typed her own text, still holding a sensitive word: new findings, new advice.
    found, proposed = suggest_for_text("RDV le matin, séropo", detector=DETECTOR)
    assert [f.rule for f in found] == ["health.hiv"]
    assert proposed[0].text == "RDV le matin"
    assert suggest_for_text("RDV le matin", detector=DETECTOR) == ([], [])
    assert not is_resolved("RDV le matin, séropo", detector=DETECTOR)
    assert is_resolved("RDV le matin", detector=DETECTOR)
    # Filters: a low-severity need alone is left to the user when asking for medium and above.
    assert suggest_for_text("malentendant", detector=DETECTOR, min_severity="medium") == ([], [])


def chosen(text: str, categories: set[str] | None = None, min_severity: str = "low") -> list:
    from huisclos.core.detect.categories import SEVERITY_RANK

    return [
        finding
        for finding in DETECTOR.detect(text)
        if (categories is None or finding.category in categories)
        and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[min_severity]
    ]


@pytest.mark.parametrize(
    ("comment", "categories", "min_severity", "expected"),
    [
        # «CMU» (social) was not chosen: cleaning the religion must not take it away.
        ("CMU, voilée", {"religion"}, "low", "CMU"),
        # CMU is of medium severity: cleaning only what is high keeps it.
        ("RDV le matin, CMU, voilée", None, "high", "RDV le matin, CMU"),
        # Both in one clause: only the chosen finding's words go.
        ("mère voilée sous CMU", {"religion"}, "low", "Mère sous CMU"),
        ("CMU. Porteuse sida", {"health"}, "low", "CMU."),
        ("malentendant, porteuse sida", None, "medium", "Malentendant"),
        # The need-keeping rewrite of a chosen category leaves the others as they are.
        ("porteuse sida, CMU", {"social"}, "low", "Porteuse sida, tiers payant intégral"),
    ],
)
def test_cleaning_some_categories_keeps_the_others_words(
    comment: str, categories: set[str] | None, min_severity: str, expected: str
) -> None:
    from huisclos.core.detect.categories import SEVERITY_RANK

    findings = chosen(comment, categories, min_severity)
    proposed = suggest(comment, findings, detector=DETECTOR)
    assert proposed[0].text == expected
    chosen_rules = {finding.rule for finding in findings}
    for suggestion in proposed:
        # Never flagged again for what was chosen…
        again = DETECTOR.detect(suggestion.text)
        assert not [f for f in again if f.rule in chosen_rules], suggestion
        # …and every word of what was not chosen is still there.
        for finding in DETECTOR.detect(comment):
            if finding.rule not in chosen_rules:
                assert finding.match.casefold() in suggestion.text.casefold(), suggestion
        assert all(SEVERITY_RANK[f.severity] >= 0 for f in again)


@pytest.mark.parametrize(
    ("comment", "masked"),
    [
        ("voilée, RDV le matin", f"{MASK}, RDV le matin"),
        ("(voilée) RDV le matin", f"({MASK}) RDV le matin"),
        ("« voilée » selon la voisine", f"« {MASK} » selon la voisine"),
        ("RDV. Séropo !", f"RDV. {MASK}."),
    ],
)
def test_the_mask_stays_in_lower_case(comment: str, masked: str) -> None:
    assert [s.text for s in suggestions(comment) if s.kind == "mask"] == [masked]


def test_any_case_guards_match_what_ignore_case_matches() -> None:
    """The quick guards of the removal (cause complements, days given relative to another)
    match exactly what an ignore-case pattern matches, odd capitals («ſ», «İ») included."""
    import re
    import sys

    from huisclos.core.rewrite.strategies import _CAUSE_WORDS, _RELATIVE_WORDS

    cased = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if chr(code).lower() != chr(code) or chr(code).upper() != chr(code)
    ]  # ignore-case matching only ever pairs cased characters
    pairs = ((_CAUSE_WORDS, "pour|cause|raison|suite"), (_RELATIVE_WORDS, "lendemain|veille|jour"))
    for guard, words in pairs:
        for word in words.split("|"):
            for letter in set(word):
                for char in cased:
                    text = word.replace(letter, char)
                    expected = bool(re.search(words, text, re.IGNORECASE))
                    assert bool(guard.search(text)) == expected, (word, hex(ord(char)))


@pytest.mark.parametrize(
    ("comment", "clauses"),
    [
        ("RDV le mardi puisque travaille", ["RDV le mardi", "travaille"]),
        ("Ne vient plus rapporté par sa fille", ["Ne vient plus", "rapporté par sa fille"]),
        ("RDV le mardi puisqu'il travaille", ["RDV le mardi", "il travaille"]),
    ],
)
def test_link_words_the_separator_lists_open_a_clause(comment: str, clauses: list[str]) -> None:
    split = split_clauses(comment)
    assert [comment[start:end] for start, end in split.segments] == clauses
