"""The Detector on a small lexicon written for the test: what a secretary would see flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from huisclos.core.detect.detector import Detector
from huisclos.core.detect.lexicon import load_lexicon
from huisclos.core.errors import LexiconError

# A small lexicon of its own (tests/data/lexicon), so these tests do not move with the bundled one.
LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon"
FILES = {path.name: path.read_text(encoding="utf-8") for path in sorted(LEXICON.glob("*.toml"))}


def write_lexicon(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def with_health_rule(tmp_path: Path, **fields: object) -> Detector:
    """The test lexicon with one more health rule (its TOML keys as keyword arguments)."""
    folder = write_lexicon(tmp_path / "fr")
    rule = "".join(f"{key} = {json.dumps(value)}\n" for key, value in fields.items())
    (folder / "health.toml").write_text(f"{FILES['health.toml']}\n[[rule]]\n{rule}", "utf-8")
    return Detector(load_lexicon(folder))


@pytest.fixture
def detector(tmp_path: Path) -> Detector:
    return Detector(load_lexicon(write_lexicon(tmp_path / "fr")))


def found(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(f.match, f.category) for f in detector.detect(text)]


@pytest.mark.parametrize(
    "text, match",
    [
        ("SIDAAA", "SIDAAA"),
        ("s.i.d.a", "s.i.d.a"),
        ("séropo, RDV en fin de journée", "séropo"),
        ("seropositif", "seropositif"),
        ("SéroPositive", "SéroPositive"),
        ("Pas de VIH", "VIH"),
        ("K du sein en 2019", "K"),
        ("TS en 2021", "TS"),
        ("sevrage OH", "OH"),
        ("vote RN", "RN"),
        ("RN !!", "RN"),
        ("passe : Soleil74", "passe : Soleil74"),
        ("AME en cours", "AME"),
        ("Cancers multiples", "Cancers"),
        ("va à la mosquée le vendredi", "mosquée"),
        ("PORTEUSE SIDA", "SIDA"),
    ],
)
def test_sensitive_spellings_are_found(detector: Detector, text: str, match: str) -> None:
    assert match in [m for m, _ in found(detector, text)]


@pytest.mark.parametrize(
    "text",
    [
        "25-OH vitamine D à contrôler",
        "K+ à 5,2",
        "vitamine K",
        "habite RN 7 sortie 3",
        "vote RN 7 !!",  # the trap covers the term even in context
        "passe le mardi, RDV long",
        "TS",
        "prend soin de l'âme",
        "12 rue de l'Église",
        "homonyme : ne pas confondre avec M. Gay",
        "dossier de Mme GAY",
        "NOIR Sandrine, nouvelle adresse",
        "Gay Laurent, 47 ans, adressé par le Dr Gay",
        "famille GAY : 4 dossiers",
        "Mme BLANC-GAY (nom composé)",
        "préfère RDV le matin, ordonnance à renouveler",
        "sidaction",  # word boundary
        "habite derrière la mosquée, bât C",
    ],
)
def test_traps_stay_quiet(detector: Detector, text: str) -> None:
    assert found(detector, text) == []


def test_offsets_point_at_the_original_characters(detector: Detector) -> None:
    text = "Préfère le matin. Porteuse SÉROPO !!"
    (finding,) = detector.detect(text, row=4, column="Commentaire")
    assert text[finding.start : finding.end] == "SÉROPO" == finding.match
    assert (finding.row, finding.column, finding.rule) == (4, "Commentaire", "health.hiv")


def test_the_four_leaked_comments(detector: Detector) -> None:
    sida = detector.detect("porteuse sida !!! !!!!")
    assert [(f.category, f.match) for f in sida] == [("health", "sida")]
    assert "emphasis" in sida[0].reasons
    (homo,) = detector.detect("serait homosexuelle d'après sa mère")
    assert homo.category == "sex_life"
    assert {"hearsay", "third_party"} <= set(homo.reasons)
    voilee = detector.detect("mère musulmane voilée")
    assert {f.category for f in voilee} == {"religion"}
    assert all("third_party" in f.reasons for f in voilee)
    catho = detector.detect("catholique non pratiquante car ses 2 frères sont suicidés")
    assert "religion" in {f.category for f in catho}


def test_qualifiers_raise_severity_and_never_remove(detector: Detector) -> None:
    (alone,) = detector.detect("malentendant")
    (relative,) = detector.detect("sa mère serait malentendante")
    assert alone.severity == "low"
    assert relative.severity == "medium"
    assert set(relative.reasons) == {"hearsay", "third_party"}


def test_longest_passage_wins_within_a_category(detector: Detector) -> None:
    assert found(detector, "cancer du sein") == [("cancer du sein", "health")]


def test_identifiers_are_checked_by_checksum(detector: Detector) -> None:
    assert found(detector, "NIR 1 85 05 78 006 084 91") == [("1 85 05 78 006 084 91", "identifier")]
    assert found(detector, "NIR 1 85 05 78 006 084 92") == []
    assert found(detector, "tél 06 12 34 56 78") == []
    password = detector.detect("portail mdp : Azerty2024, merci")
    assert [f.match for f in password] == ["mdp : Azerty2024"]


def test_several_categories_sorted_by_position(detector: Detector) -> None:
    result = found(detector, "hystérique, musulmane, séropo")
    assert result == [("hystérique", "judgement"), ("musulmane", "religion"), ("séropo", "health")]


def test_allowlist_silences_only_that_term(tmp_path: Path) -> None:
    lexicon = load_lexicon(write_lexicon(tmp_path / "fr"))
    detector = Detector(lexicon, allowlist=["Pénible"])
    assert found(detector, "pénible, séropo") == [("séropo", "health")]


def test_practice_terms_use_the_same_format(tmp_path: Path) -> None:
    extra = tmp_path / "termes-cabinet.toml"
    extra.write_text(
        'category = "judgement"\n[[rule]]\nid = "cabinet.surnom"\nterms = ["le râleur"]\n'
        'explanation = "Surnom."\nseverity = "medium"\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon(write_lexicon(tmp_path / "fr"), extra_files=[extra])
    result = Detector(lexicon).detect("c'est le RÂLEUR du quartier")
    assert [(f.rule, f.match) for f in result] == [("cabinet.surnom", "le RÂLEUR")]


def test_a_malformed_lexicon_file_gives_a_french_message(tmp_path: Path) -> None:
    folder = write_lexicon(tmp_path / "fr")
    (folder / "union.toml").write_text(
        'category = "union"\n[[rule]]\nid = "x"\nterms = [\n', "utf-8"
    )
    with pytest.raises(LexiconError, match=r"union\.toml"):
        load_lexicon(folder)
    (folder / "union.toml").write_text('category = "syndicat"\n[[rule]]\nterms=["CGT"]\n', "utf-8")
    with pytest.raises(LexiconError, match="catégorie inconnue"):
        load_lexicon(folder)


def test_rules_are_found_by_their_id(tmp_path: Path) -> None:
    detector = Detector(load_lexicon(write_lexicon(tmp_path / "fr")))
    assert detector.rule_named("health.hiv").label == "VIH / sida"
    assert detector.rule_named("identifier.nir").category == "identifier"  # built in
    with pytest.raises(KeyError):
        detector.rule_named("health.nope")


def test_candidates_are_a_superset_of_cells_with_findings(detector: Detector) -> None:
    texts = [
        "RDV le matin",
        "porteuse sida",
        "",
        "prend soin de l'âme",
        "SIDAAA",
        "NIR 1 85 05 78 006 084 91",
        "tiers payant",
    ]
    picked = detector.candidates(texts)
    with_findings = [i for i, text in enumerate(texts) if detector.detect(text)]
    assert set(with_findings) <= set(picked)
    assert 0 not in picked and 6 not in picked


def test_compiled_matcher_cache_is_private_and_survives_corruption(
    tmp_path: Path, huisclos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("hyperscan")
    monkeypatch.delenv("HUISCLOS_CACHE")  # the app's own place: cache/ in the data folder
    lexicon = load_lexicon(write_lexicon(tmp_path / "fr"))
    texts = ["RDV le matin", "porteuse sida", "SIDAAA", "NIR 1 85 05 78 006 084 91"]
    first = Detector(lexicon).candidates(texts)
    (cached,) = (huisclos_home / "cache").glob("matcher-lexique-*.hs")
    assert cached.stat().st_mode & 0o077 == 0
    assert Detector(lexicon).candidates(texts) == first == [1, 2, 3]
    cached.write_bytes(b"not a matcher")
    assert Detector(lexicon).candidates(texts) == first


# --------------------------------------------------------------------- QA audit (bundled lexicon)
@pytest.fixture(scope="module")
def bundled() -> Detector:
    return Detector(load_lexicon())


def reasons_of(detector: Detector, text: str) -> dict[str, tuple[str, ...]]:
    return {f.match: f.reasons for f in detector.detect(text)}


def test_a_context_phrase_ending_in_an_apostrophe_is_looked_at_whole(tmp_path: Path) -> None:
    detector = with_health_rule(
        tmp_path,
        id="health.psychiatric_hp",
        terms=["HP"],
        case_sensitive=True,
        context_before=["sortie de l'", "a fait de l'"],
        window=1,
    )
    assert found(detector, "sortie de l'HP hier") == [("HP", "health")]
    assert found(detector, "a fait de l’HP") == [("HP", "health")]
    assert found(detector, "imprimante HP") == []


def test_unless_before_cancels_only_right_before_the_term(tmp_path: Path) -> None:
    detector = with_health_rule(
        tmp_path, id="health.mental_care", terms=["CMP"], unless_before=["travaille", "employé"]
    )
    assert found(detector, "employé au CMP") == []
    assert found(detector, "travaille dans un CMP") == []
    assert found(detector, "suivi au CMP, travaille à mi-temps") == [("CMP", "health")]


def test_hearsay_and_third_party_cross_a_wrapped_line(bundled: Detector) -> None:
    (finding,) = bundled.detect("serait homosexuelle\nd'après sa mère")
    assert set(finding.reasons) == {"hearsay", "third_party"}
    (finding,) = bundled.detect("Sa mère dit qu'elle est homosexuelle")
    assert set(finding.reasons) == {"hearsay", "third_party"}


def test_a_new_line_in_capitals_starts_a_new_clause(bundled: Detector) -> None:
    reasons = reasons_of(bundled, "sa mère serait partie\nDiabétique, RDV le matin")
    assert reasons["Diabétique"] == ()


def test_third_party_sticks_to_the_clause_whose_subject_is_the_relative(bundled: Detector) -> None:
    catho = reasons_of(bundled, "catholique non pratiquante car ses 2 frères sont suicidés")
    assert catho == {"catholique": (), "non pratiquante": (), "suicidés": ("third_party",)}
    rdv = reasons_of(bundled, "RDV le matin, diabétique insulinodépendant, appeler la fille")
    assert rdv == {"diabétique": (), "insulinodépendant": ()}
    assert all("third_party" in r for r in reasons_of(bundled, "mère musulmane voilée").values())
    assert "third_party" in reasons_of(bundled, "sa mère, musulmane voilée")["musulmane"]
    assert reasons_of(bundled, "diabétique appeler la fille") == {"diabétique": ()}
    assert reasons_of(bundled, "joignable via son fils, diabétique") == {"diabétique": ()}
    assert reasons_of(bundled, "père alcoolique, patient diabétique") == {
        "alcoolique": ("third_party",),
        "diabétique": (),
    }
    assert set(reasons_of(bundled, "serait homosexuelle, d'après sa mère")["homosexuelle"]) == {
        "hearsay",
        "third_party",
    }


def test_a_login_or_password_span_holds_the_value_up_to_the_clause_end(bundled: Detector) -> None:
    text = "identifiant ameli jdupont - RDV le matin"
    assert [f.match for f in bundled.detect(text)] == ["identifiant ameli jdupont"]
    text = "mdp doctolib: Azerty1, préfère SMS"
    assert [f.match for f in bundled.detect(text)] == ["mdp doctolib: Azerty1"]
    text = "mot de passe ameli = chien74\nRDV matin"
    assert [f.match for f in bundled.detect(text)] == ["mot de passe ameli = chien74"]
    text = "mdp: Soleil74. Préfère le matin"
    assert [f.match for f in bundled.detect(text)] == ["mdp: Soleil74"]
    text = "mdp : Roux1985 ! Préfère RDV le matin"
    assert [f.match for f in bundled.detect(text)] == ["mdp : Roux1985"]
    assert [f.match for f in bundled.detect("mdp ameli : Rose!1948")] == ["mdp ameli : Rose!1948"]


@pytest.mark.parametrize(
    "text, category",
    [
        ("patiente à l'AME", "social"),
        ("a l'AME", "social"),
        ("l’AME", "social"),
        ("sortie de l'HP", "health"),
        ("a fait de l'HP", "health"),
        ("homme gay, vit avec son compagnon", "sex_life"),
        ("séro+", "health"),
        ("très militant", "political"),
        ("sous tutelle, voir avec l'UDAF", "criminal"),
        ("curatelle renforcée", "criminal"),
        ("interné d'office", "health"),
    ],
)
def test_audit_recall_gaps_are_found(bundled: Detector, text: str, category: str) -> None:
    assert category in {f.category for f in bundled.detect(text)}


@pytest.mark.parametrize(
    "text",
    [
        "employé au CMP",
        "travaille à l'hôpital psychiatrique",
        "interprète en langue des signes souhaité",
        "la mort dans l'âme",
    ],
)
def test_audit_false_positives_stay_quiet(bundled: Detector, text: str) -> None:
    assert bundled.detect(text) == []


def test_a_new_password_after_a_forgotten_one_is_a_secret(bundled: Detector) -> None:
    text = "mot de passe oublié, nouveau : Bebe2024"
    assert [(f.rule, f.match) for f in bundled.detect(text)] == [("identifier.password", text)]
    text = "mdp oublié, c'est Soleil!23. RDV le matin"
    assert [f.match for f in bundled.detect(text)] == ["mdp oublié, c'est Soleil!23"]
    assert [f.match for f in bundled.detect("mot de passe oublié, nouveau mdp Bebe2024")] == [
        "mot de passe oublié, nouveau mdp Bebe2024"
    ]
    # Forgetting a password says nothing secret: no value, a date or an hour is not one.
    for benign in (
        "mot de passe oublié",
        "mot de passe oublié le 12/03/2024, rappeler",
        "mot de passe oublié : rappeler à 14h30",
        'mot de passe oublié de Doctolib : lui dire de cliquer sur "mot de passe oublié"',
    ):
        assert bundled.detect(benign) == [], benign


def test_without_hyperscan_the_same_comments_are_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Machines without hyperscan (ARM, the installer bundle) use Aho-Corasick: same results."""
    pytest.importorskip("hyperscan")
    import csv

    from huisclos.core.detect import matcher as matcher_module

    corpus = Path(__file__).resolve().parents[1] / "data" / "corpus" / "comments.csv"
    with corpus.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle, delimiter=";")]
    texts += ["RDV le matin", "NIR 1 85 05 78 006 084 91", "SIDAAA", "l'âme", "K+ 5,2"]
    with_hyperscan = Detector(load_lexicon())
    monkeypatch.setattr(matcher_module, "hyperscan", None)
    without = Detector(load_lexicon())
    assert without.candidates(texts) == with_hyperscan.candidates(texts)
    assert [without.detect(t) for t in texts] == [with_hyperscan.detect(t) for t in texts]


def test_the_batch_pass_hits_give_what_a_lone_comment_gives() -> None:
    """A scanned batch hands each candidate the hits hyperscan found in it (lexicon keys, runs of
    letters, digit runs, generated forms): the findings must be those of the comment matched on
    its own, for every corpus comment, wherever it stands in the batch."""
    pytest.importorskip("hyperscan")
    import csv

    corpus = Path(__file__).resolve().parents[1] / "data" / "corpus" / "comments.csv"
    with corpus.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle, delimiter=";")]
    texts += ["SIDAAA !!!", "porteuuuuse du viiih", "NIR 2 84 05 75 123 456 78", "", "é"]
    batch = ["", *texts, "", *reversed(texts), "sida"]  # hits in the first and last cells too
    in_batch = Detector(load_lexicon())
    alone = Detector(load_lexicon())
    found = {
        index: in_batch.detect_raw(batch[index], hits)
        for index, hits in in_batch.candidate_hits(batch)
    }
    for index, text in enumerate(batch):
        assert found.get(index, ()) == alone._detect(text), text
    # the scan's path: the flagged comments' qualifier phrases found in one pass for them all
    scanned = Detector(load_lexicon()).detect_batch(batch)
    assert scanned == {text: alone._detect(text) for text in batch if alone._detect(text)}


QUALIFIER_WORDINGS = {
    # text: the reasons of its findings, in text order
    "Ses 3 enfants seraient séropositifs": [("hearsay", "third_party")],
    "Le 12 03 sa 2 4 mère 7 serait en prison": [("hearsay", "third_party")],
    "Mari 2 alcoolique, séropositif": [("third_party",), ()],
    "sa  mère : diabétique depuis 2019": [()],
    "Diabétique. Sa. Mère aussi": [()],
    "d’après sa mère, VIH+ et alcoolique": [("hearsay", "third_party")] * 2,
    "VIH ; son\x00mari dit que c'est faux": [()],
    "diabète\nd'après son fils": [("hearsay", "third_party")],
    "diabète\nD'après son fils": [()],
    "sa mère, musulmane voilée": [("third_party",)] * 2,
    "appeler la fille : dépression": [()],
    "son fils dit que le père serait alcoolique !!": [("hearsay", "third_party", "emphasis")],
    "séropositif selon": [("hearsay",)],
}


def test_qualifier_phrases_are_placed_the_same_with_and_without_hyperscan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hyperscan finds the hearsay and relative phrases where they start and end (numbers between
    their words skipped); the phrase automaton does without it: same reasons, in the right
    clause."""
    pytest.importorskip("hyperscan")
    from huisclos.core.detect import matcher as matcher_module

    with_hyperscan = Detector(load_lexicon())
    monkeypatch.setattr(matcher_module, "hyperscan", None)
    without = Detector(load_lexicon())
    for text, reasons in QUALIFIER_WORDINGS.items():
        found = with_hyperscan.detect(text)
        assert [finding.reasons for finding in found] == reasons, text
        assert without.detect(text) == found, text
    together = [*QUALIFIER_WORDINGS, *QUALIFIER_WORDINGS]  # one batch, as a scan has them
    for detector in (with_hyperscan, without):
        detector._memo.clear()
        raw = detector.detect_batch(together)
        assert {text: detector.findings_from(text, found) for text, found in raw.items()} == {
            text: detector.detect(text) for text in QUALIFIER_WORDINGS
        }


def test_a_comment_holding_a_nul_does_not_shift_the_batch_without_hyperscan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cells of a batch are joined with NUL: a comment with a NUL of its own (a damaged export)
    must not make the comments after it be read as their neighbours."""
    from huisclos.core.detect import matcher as matcher_module

    monkeypatch.setattr(matcher_module, "hyperscan", None)
    detector = Detector(load_lexicon())
    texts = ["RDV\x00annulé", "RAS", "séropositif", "\x00\x00", "diabétique"]
    assert detector.candidates(texts) == [2, 4]
    assert set(detector.detect_batch(texts)) == {"séropositif", "diabétique"}
