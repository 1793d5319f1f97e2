"""The workshop quiz: fictional comments drawn from the lexicon and the labelled lists, one at a
time; the room answers, the trainer reveals categories, reason and rewrite; a score at the end."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from huisclos.core.detect.findings import Finding
from huisclos.core.report.quiz import (
    Quiz,
    QuizItem,
    corpus_comments,
    draw,
    explain,
    lexicon_examples,
    load_pool,
)

LEAKED = (
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée",
    "catholique non pratiquante car ses 2 frères sont suicidés",
)


class FakeDetector:
    """Flags a few words, like the real detector would, with reasons and explanations."""

    WORDS: ClassVar[dict[str, tuple[str, str, str]]] = {
        "sida": ("health", "high", "Une infection au VIH est une donnée de santé (RGPD art. 9)."),
        "homosexuelle": ("sex_life", "high", ""),
        "voilée": ("religion", "high", ""),
        "juif pratiquant": ("religion", "high", "La religion est une donnée sensible."),
    }

    def detect(self, text: str, **_: object) -> list[Finding]:
        found = []
        for word, (category, severity, explanation) in self.WORDS.items():
            start = text.find(word)
            if start >= 0:
                reasons = ("hearsay", "third_party") if "d'après" in text else ()
                found.append(
                    Finding(
                        0, "", start, start + len(word), category, severity,
                        f"{category}.x", word, reasons, None, "", explanation,
                    )
                )  # fmt: skip
        return sorted(found, key=lambda f: f.start)


def _pool() -> tuple[list[QuizItem], list[QuizItem]]:
    sensitive = [
        QuizItem(f"{category} {i}", True, (category,))
        for category in ("health", "religion", "social", "judgement")
        for i in range(10)
    ]
    benign = [QuizItem(f"RDV {i}", False) for i in range(30)]
    return sensitive, benign


def test_draw_gives_the_asked_number_and_share_of_sensitive_comments() -> None:
    items = draw(10, 0.6, seed=3, pool=_pool())
    assert len(items) == 10
    assert len({item.text for item in items}) == 10
    assert sum(item.sensitive for item in items) == 6
    # a short quiz still covers every category of the pool
    assert {item.categories[0] for item in items if item.sensitive} == {
        "health",
        "religion",
        "social",
        "judgement",
    }
    assert draw(10, 0.6, seed=3, pool=_pool()) == items  # a trainer can replay a quiz
    assert sum(item.sensitive for item in draw(8, 0.0, seed=1, pool=_pool())) == 0
    assert sum(item.sensitive for item in draw(8, 1.0, seed=1, pool=_pool())) == 8


def test_the_pool_always_holds_the_four_leaked_comments_and_benign_ones() -> None:
    sensitive, benign = load_pool()
    texts = {item.text.casefold() for item in sensitive}
    assert {text.casefold() for text in LEAKED} <= texts
    assert len(benign) >= 5
    assert all(not item.sensitive for item in benign)
    assert len(texts) == len(sensitive)  # no duplicate


def test_lexicon_examples_are_read_with_their_category(tmp_path: Path) -> None:
    (tmp_path / "religion.toml").write_text(
        'category = "religion"\n[defaults]\nseverity = "high"\n'
        '[[rule]]\nid = "religion.jewish"\nlabel = "Juif"\nterms = ["juif"]\n'
        'examples = ["juif pratiquant, pas de RDV le samedi", "shabbat : pas le samedi"]\n'
        '[[rule]]\nid = "religion.veil"\nlabel = "Voile"\nterms = ["voilée"]\n',
        encoding="utf-8",
    )
    (tmp_path / "qualifiers.toml").write_text('[hearsay]\nterms = ["serait"]\n', encoding="utf-8")
    items = lexicon_examples(tmp_path)
    assert [item.text for item in items] == [
        "juif pratiquant, pas de RDV le samedi",
        "shabbat : pas le samedi",
    ]
    assert all(item.sensitive and item.categories == ("religion",) for item in items)


def test_corpus_lists_are_read_whatever_their_shape(tmp_path: Path) -> None:
    path = tmp_path / "comments.toml"
    path.write_text(
        'benign = ["préfère RDV le matin", { text = "tiers payant intégral" }]\n'
        "[sensitive]\n"
        'health = ["diabétique, RDV à jeun"]\n'
        'other = [{ text = "CMU et RSA", categories = ["social"] }, "sans catégorie"]\n',
        encoding="utf-8",
    )
    items = corpus_comments(path)
    by_text = {item.text: item for item in items}
    assert not by_text["préfère RDV le matin"].sensitive
    assert not by_text["tiers payant intégral"].sensitive
    assert by_text["diabétique, RDV à jeun"].categories == ("health",)
    assert by_text["CMU et RSA"].categories == ("social",)
    assert by_text["sans catégorie"].sensitive
    assert corpus_comments(tmp_path / "absent.toml") == []


def test_a_quiz_moves_with_next_and_previous_and_scores_the_rooms_answers() -> None:
    items = [
        QuizItem(LEAKED[0], True, ("health",)),
        QuizItem("préfère RDV le matin", False),
        QuizItem(LEAKED[2], True, ("religion",)),
    ]
    quiz = Quiz(items, detector=FakeDetector())
    assert quiz.current.text == LEAKED[0]
    assert not quiz.previous()
    quiz.answer(True)
    quiz.reveal()
    quiz.answer(False)  # too late: the answer was revealed
    assert quiz.is_correct() is True
    assert quiz.next()
    quiz.answer(True)  # wrong: benign
    quiz.reveal()
    assert quiz.next()
    assert not quiz.at_end
    quiz.reveal()  # the room did not answer
    assert quiz.at_end
    assert not quiz.next()
    score = quiz.score()
    assert (score.correct, score.answered, score.total) == (1, 2, 3)
    assert score.text == "1 bonne réponse sur 2"


def test_the_reveal_shows_categories_reasons_explanation_and_a_neutral_rewrite() -> None:
    reveal = explain(QuizItem(LEAKED[1], True, ("sex_life",)), FakeDetector())
    assert reveal.sensitive
    assert reveal.labels == ("Vie sexuelle et identité de genre",)
    assert any("L1111-7" in reason for reason in reveal.reasons)
    assert reveal.topic == "hearsay_relatives"
    assert reveal.explanation  # from the help text when the rule gives none
    assert reveal.spans == ((7, 19),)
    assert reveal.suggestion is None or "homosexuelle" not in reveal.suggestion

    jewish = explain(
        QuizItem("juif pratiquant, pas de RDV le samedi", True, ("religion",)), FakeDetector()
    )
    assert jewish.explanation == "La religion est une donnée sensible."


def test_a_benign_comment_is_revealed_as_nothing_to_correct() -> None:
    reveal = explain(QuizItem("préfère RDV le matin", False), FakeDetector())
    assert not reveal.sensitive
    assert reveal.categories == ()
    assert reveal.suggestion is None
    assert "Rien à corriger" in reveal.explanation


def test_the_answer_key_completes_what_the_detector_misses() -> None:
    reveal = explain(QuizItem("ses 2 frères sont suicidés", True, ("health",)), FakeDetector())
    assert reveal.sensitive
    assert reveal.labels == ("Santé",)
    assert reveal.explanation


def test_placeholders_of_the_labelled_lists_become_fictional_values(tmp_path: Path) -> None:
    path = tmp_path / "comments.toml"
    path.write_text(
        'benign = ["rappeler au {tel} avant {heure}"]\n'
        '[[sensitive]]\ntext = "NIR {nir} noté ici"\ncategories = ["identifier"]\n'
        'note = "Un identifiant n\'a rien à faire dans un commentaire."\n',
        encoding="utf-8",
    )
    benign, sensitive = corpus_comments(path)
    assert benign.text == "rappeler au 06 12 34 56 78 avant 17h30"
    assert "{" not in sensitive.text
    assert sensitive.categories == ("identifier",)
    assert "identifiant" in explain(sensitive, FakeDetector()).note


def test_with_the_real_detector_the_leaked_comments_reveal_their_categories_and_a_rewrite() -> None:
    from huisclos.core.detect.detector import Detector

    detector = Detector.default()
    expected = {
        LEAKED[0]: {"health"},
        LEAKED[1]: {"sex_life"},
        LEAKED[2]: {"religion"},
        LEAKED[3]: {"religion", "health"},
    }
    for text, categories in expected.items():
        reveal = explain(QuizItem(text, True, tuple(categories)), detector)
        assert set(reveal.categories) == categories, text
        assert reveal.spans, text  # the passages are highlighted
        assert reveal.suggestion is not None, text
        for start, end in reveal.spans:
            assert text[start:end].lower() not in reveal.suggestion.lower()
    jewish = explain(QuizItem("juif pratiquant, pas de RDV le samedi", True), detector)
    assert jewish.suggestion == "Pas de RDV le samedi"
    assert not explain(QuizItem("préfère RDV le matin", False), detector).sensitive
