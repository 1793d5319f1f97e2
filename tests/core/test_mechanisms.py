"""The detection mechanisms behind the lexicon's constructions (issue 14), each on a small
lexicon written for the test, and on the bundled lexicon where the mechanism is its data: the
street guard only for real addresses, the person gate, words right after a term, numbers and
clause openings as context, whole-word context, word lists, and the generated forms' own
matcher (built once, shared by every detector, announced when it compiles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from huisclos.core.detect import derived, matcher
from huisclos.core.detect.detector import Detector
from huisclos.core.detect.lexicon import load_lexicon
from huisclos.core.errors import LexiconError

RULES = """
category = "judgement"
[defaults]
severity = "medium"
explanation = "Jugement (CNIL)."
[[rule]]
id = "judgement.smell"
terms = ["pue", "sent mauvais"]
subject = "person"
[[rule]]
id = "judgement.framed"
terms = ["teigne", "larve"]
context_before = ["cette", "une vraie", "<début>"]
window = 1
unless_after = ["de", "à mouches"]
[[rule]]
id = "judgement.partner"
terms = ["son mari"]
context_before = ["m$", "il$"]
window = 3
[[rule]]
id = "judgement.count"
terms = ["hors ue"]
context_before = ["<nombre>", "@gens"]
window = 1
"""
HEALTH = """
category = "health"
[defaults]
explanation = "Santé (RGPD art. 9)."
[[rule]]
id = "health.chemo"
terms = ["chimio", "cancer", "dialyse", "grossesse"]
"""
PEOPLE = "# source: test\npatient\ncandidats\n"
OBJECTS = "# source: test\ncouloir\nfrigo\nça\n"


def folder_with(tmp_path: Path, derived_lines: str = "") -> Path:
    folder = tmp_path / "fr"
    (folder / "lists").mkdir(parents=True)
    (folder / "judgement.toml").write_text(RULES, encoding="utf-8")
    (folder / "health.toml").write_text(HEALTH, encoding="utf-8")
    (folder / "lists" / "gens.txt").write_text(PEOPLE, encoding="utf-8")
    (folder / "lists" / "personnes.txt").write_text(PEOPLE + "il\nelle\n", encoding="utf-8")
    (folder / "lists" / "objets.txt").write_text(OBJECTS, encoding="utf-8")
    if derived_lines:
        (folder / "derived").mkdir()
        (folder / "derived" / "forms.tsv").write_text(
            "# generated for the test\n" + derived_lines, encoding="utf-8"
        )
    return folder


@pytest.fixture
def small(tmp_path: Path) -> Detector:
    return Detector(load_lexicon(folder_with(tmp_path)))


def rules(detector: Detector, text: str) -> list[str]:
    return [finding.rule for finding in detector.detect(text)]


@pytest.mark.parametrize(
    "text",
    [
        "traitement en cours pour un cancer du sein",
        "en cours de chimio, fatiguée",
        "en route pour la dialyse tous les mardis",
        "mise en place de la dialyse en mai",
        "au cours de sa grossesse",
        "EN COURS DE CHIMIO",
    ],
)
def test_an_everyday_street_word_does_not_hide_a_term(small: Detector, text: str) -> None:
    assert rules(small, text) == ["health.chemo"]


@pytest.mark.parametrize(
    "text",
    [
        "12 place de la Dialyse, 2e étage",  # a house number
        "chemin de la Chimio (lieu-dit)",  # a capital after the street word
        "habite route de la dialyse",  # an address word before it
        "rue du Cancer",  # an unambiguous street word
    ],
)
def test_an_address_still_hides_a_term(small: Detector, text: str) -> None:
    assert rules(small, text) == []


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("pue !!!", True),  # the comment leaves its subject out: the person
        ("il pue, prévoir le dernier créneau", True),
        ("le patient sent mauvais", True),
        ("M. Durand pue le tabac", True),  # a surname is a person
        ("le couloir sent mauvais, aérer", False),
        ("frigo à vider, ça pue", False),
        ("le frigo du couloir pue", False),
    ],
)
def test_a_smell_counts_only_when_said_of_a_person(
    small: Detector, text: str, flagged: bool
) -> None:
    assert (rules(small, text) == ["judgement.smell"]) is flagged


def test_context_words_after_the_term_can_cancel_it(small: Detector) -> None:
    assert rules(small, "cette teigne a raccroché") == ["judgement.framed"]
    assert rules(small, "cette teigne de voisine") == []
    assert rules(small, "larve, ne se lève jamais avant midi") == ["judgement.framed"]  # <début>
    assert rules(small, "la larve du hanneton") == []  # no frame before it


def test_a_number_next_to_the_term_and_a_word_list_are_context(small: Detector) -> None:
    assert rules(small, "on est à 14 hors UE sur 16") == ["judgement.count"]
    assert rules(small, "candidats hors UE refusés") == ["judgement.count"]
    assert rules(small, "3 virements hors UE ce mois-ci") == []
    assert rules(small, "virement reçu d'une banque hors UE") == []


def test_a_context_word_ending_in_a_dollar_is_a_whole_word(small: Detector) -> None:
    assert rules(small, "M. Perrot et son mari, RDV groupés") == ["judgement.partner"]
    assert rules(small, "Mme Roux et son mari, RDV groupés") == []


def test_an_unknown_word_list_is_a_french_error(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    (folder / "lists" / "gens.txt").unlink()
    with pytest.raises(LexiconError, match="gens"):
        load_lexicon(folder)


def test_generated_forms_have_one_matcher_shared_by_every_detector(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "chimiotherapies\thealth.chemo\nkanser\thealth.chemo\n")
    first = Detector(load_lexicon(folder))
    again = Detector(load_lexicon(folder), allowlist=["rien"])
    assert first._generated is again._generated is not None  # compiled once per process
    assert rules(first, "KANSER en 2020") == ["health.chemo"]
    assert rules(again, "chimiothérapies finies") == ["health.chemo"]
    # a term the practice adds is matched without touching the generated forms' matcher
    extra = tmp_path / "termes-cabinet.toml"
    extra.write_text(
        '[[rule]]\nid = "cabinet.x"\ncategory = "health"\nterms = ["kiné"]\n'
        'explanation = "Santé (RGPD art. 9)."\n',
        encoding="utf-8",
    )
    practice = Detector(load_lexicon(folder, extra_files=[extra]))
    assert practice._generated is first._generated
    assert rules(practice, "kinés le mardi") == ["cabinet.x"]  # run-time plural of its term


def test_a_long_first_compile_is_announced_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("hyperscan")
    monkeypatch.setenv("HUISCLOS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(matcher, "LONG_COMPILE_KEYS", 5)
    monkeypatch.setattr(derived, "_cache", {})
    keys = "".join(f"kanser{n}\thealth.chemo\n" for n in range(20))
    folder = folder_with(tmp_path, keys)
    assert derived.needs_compile(load_lexicon(folder).derived)
    heard: list[str] = []
    Detector(load_lexicon(folder), progress=heard.append)
    assert len(heard) == 1 and "Préparation du lexique" in heard[0]
    monkeypatch.setattr(derived, "_cache", {})  # a new process: the disk cache is there
    assert not derived.needs_compile(load_lexicon(folder).derived)
    Detector(load_lexicon(folder), progress=heard.append)
    assert len(heard) == 1


# ------------------------------------------------------------------------- bundled lexicon
@pytest.fixture(scope="module")
def bundled() -> Detector:
    return Detector(load_lexicon())


@pytest.mark.parametrize(
    "text, category",
    [
        ("alzaymer débutant, la fille gère", "health"),  # a generated misspelling
        ("picolait beaucoup avant", "health"),  # a conjugated form of a term
        ("pathologie pulmonaire, pas de RDV tôt", "health"),  # head + terminology modifier
        ("se tourner les pouces toute la journée", "judgement"),  # an infinitive generated
        ("le client ne veut que des «type européen»", "ethnic_origin"),
        ("sorti de Fleury en mars", "criminal"),
    ],
)
def test_the_bundled_mechanisms_find_new_wordings(
    bundled: Detector, text: str, category: str
) -> None:
    assert category in {f.category for f in bundled.detect(text)}


@pytest.mark.parametrize(
    "text",
    [
        "si ça traîne, rappeler",  # «traînée» no longer yields «traine»
        "son fils est son héros",  # nor «héro» «héros»
        "des ruses de sioux",  # nor «russe» «ruses»
        "type de contrat : CDI, dossier complet",  # nor «typée» «type»
        "le couloir sent la javel après le ménage",
        "logiciel à la con, les RDV ont disparu",
        "cours de yoga le mardi, pas de RDV",
    ],
)
def test_the_bundled_mechanisms_keep_these_quiet(bundled: Detector, text: str) -> None:
    assert bundled.detect(text) == []
