"""The lexicon data files (resources/lexicon/fr/*.toml) are well formed and say what they must.

The structure tests read the TOML files directly with ``tomllib``, independently of the
loader, so a trainer who edits a file learns at once if a rule lost its explanation or if a term
now appears twice. The behaviour tests run the examples, the rewrites, the leaked comments and
the traps (« rue de l'Église », « 25-OH vitamine D », « parle arabe ») through the real Detector
over the bundled files: what a practice's scan would find.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from huisclos.core.detect.categories import CATEGORIES, SEVERITIES
from huisclos.core.detect.detector import Detector
from huisclos.core.detect.lexicon import load_lexicon
from huisclos.core.detect.terms import term_key, term_variants

LEXICON = Path(__file__).resolve().parents[2] / "resources" / "lexicon" / "fr"

RULE_KEYS = {
    "id",
    "label",
    "terms",
    "explanation",
    "severity",
    "rewrite",
    "keep",
    "case_sensitive",
    "context_before",
    "context_after",
    "window",
    "unless",
    "unless_near",
    "unless_before",
    "examples",
    "validator",
    "unless_after",
    "subject",
    "source",
}
LIST_KEYS = ("terms", "context_before", "context_after", "unless", "unless_near", "unless_before",
             "unless_after")  # fmt: skip
LISTS = LEXICON / "lists"
DERIVED = LEXICON / "derived"
VALIDATORS = {"nir", "iban", "card"}

# A sentence for the user must cite the rule it applies.
CITATION = re.compile(
    r"RGPD art\. ?(9|10)|CNIL|L1111-7|Défenseur des droits|CJUE C-184/20|art\. 10"
)

# Terms that deliberately live in two categories: a slur is both a sensitive datum and an insult.
SHARED_RULES = {
    frozenset({"sex_life.slur", "judgement.homophobic_slur"}),
    frozenset({"sex_life.slur_pd", "judgement.homophobic_slur_pd"}),
    frozenset({"ethnic_origin.slur", "judgement.racist_slur"}),
    # a psychiatric label used as an insult is health and judgement (DOMAIN.md, decisions)
    frozenset({"health.psychiatric_labels", "judgement.clinical_labels"}),
    # «escroc» imputes an offence and insults
    frozenset({"criminal.swindler", "judgement.swindler"}),
}

LEAKED = {
    "porteuse sida !!! !!!!": "health",
    "serait homosexuelle d'après sa mère": "sex_life",
    "mère musulmane voilée": "religion",
    "catholique non pratiquante car ses 2 frères sont suicidés": "religion",
}

# Comments that must stay quiet (DOMAIN.md: traps and benign comments).
BENIGN = [
    # working somewhere reveals nothing about one's health; an interpreter is a communication need
    "employé au CMP",
    "travaille à l'hôpital psychiatrique",
    "infirmière en psychiatrie, horaires décalés",
    "interprète en langue des signes souhaité",
    "interprète LSF pour les RDV",
    "la mort dans L'AME",
    "M. GAY Jean-Pierre, rappeler sur portable",
    "Mme Gay : préfère RDV le matin",
    "Mme LENOIR, homonyme : ne pas confondre avec M. Noir",
    "habite 3 rue de l'Église, 2e étage sans ascenseur",
    "12 rue de la Synagogue, code porte 4512B",
    "place Saint-Esprit, interphone en panne",
    "né à Rome, carte Vitale à mettre à jour",
    "25-OH vitamine D à contrôler, résultats au Dr",
    "dosage 25 OH D : résultats à remettre",
    "K+ bas, ordonnance faxée à la pharmacie",
    "habite RN 7 après le rond-point",
    "adresse : lieu-dit la Borie, RN7",
    "l'âme de la maison : sa fille gère tout",
    "ordonnance à refaire, carnet de santé oublié",
    "résultats reçus, médecin traitant déclaré le 12/03/2021",
    "RDV de suivi dans 3 mois",
    "parle arabe, interprète souhaité",
    "parle le turc uniquement, interprète en turc",
    "interprète souhaité (langue : arabe)",
    "impayé 25 € du 12/03",
    "préfère RDV le matin, indisponible le mercredi",
    "RDV longs",
    "appeler sur portable, ne pas laisser de message, joindre par SMS",
    "tiers payant intégral",
    "carte Vitale à mettre à jour, paiement en plusieurs fois",
    "courrier revenu – adresse à vérifier",
    "3 RDV non honorés – rappeler la veille",
    "3e étage sans ascenseur",
    "PS : rappeler pour confirmer",
    "consultation HP (hors parcours)",
    "habite dans le Sud, vient en été",
    "vit au foyer de sa fille l'hiver",
    "pratiquant de judo, RDV après 18h",
    "RDV le 12 sep à 10h",
    "mail : jean.dupont@exemple.fr",
    "code porte 1234, interphone Dupont",
    "l'interne du Dr Martin a vu le patient",
    "Jean-Baptiste, préfère être appelé par son prénom",
    "vient avec son fils",
    "se fait accompagner par sa fille",
    "rue Pasteur, bâtiment B",
    "syndicat de copropriété : courrier à renvoyer",
    "prière de rappeler avant 17h",
    "le foyer fiscal : rattaché à ses parents",
    "carte Vitale volée, nouvelle carte en attente",
    "très ponctuel, toujours en avance",
    "boîte aux lettres au nom de Martin",
    "J'hallucine, encore un courrier perdu par la poste",
    "nouvelle adresse mail, RDV de suivi en juin",
    "mutuelle : Harmonie, tiers payant",
    "règle par chèque, rappeler pour RDV",
    "vit en couple, deux enfants",
    "sa femme prend les RDV",
    "suivi par le Dr Noir à Lyon",
    "né au Maroc, carte Vitale en cours",
    "Black Friday : cabinet fermé",
    "RDV pour certificat de sport (judo)",
    "militant : non",
    "préfère être appelée par son prénom",
    "carte vitale invalide, redemander",
    "mutuelle MGEN, tiers payant",
    "vient en bus, prévoir retard",
    "le fils prend les RDV",
    "accompagnée de sa fille pour traduire",
    "parle portugais, fille traduit",
    "interprète en langue turque demandé",
    "retraité de la SNCF",
    "ancien militaire",
    "travaille de nuit, RDV l'après-midi",
    "vit seul, appeler le gardien si pas de réponse",
    "habite route de la Chapelle",
    "résidence Les Tilleuls, bât B, digicode 4521",
    "code d'accès immeuble : 1234",
    "identifiant INS vérifié",
    "ne pas appeler avant 9h",
    "facture envoyée à la mutuelle",
    "chèque refusé, rappeler",
    "boîte vocale pleine",
    "souhaite un RDV avec une femme médecin",
    "certificat de sport à faire",
    "dossier transféré du Dr Martin",
    "adresse de facturation chez sa mère",
    "rdv en visio possible",
    "préfère la salle du rez-de-chaussée",
    "assistante maternelle, horaires décalés",
    "ancienne infirmière",
    "Mme LE PEN Martine",
    "vit à Alger 6 mois par an, RDV à son retour",
    "cabinet fermé le lundi de Pâques",
    "envoyer les résultats par mail sécurisé",
    "joindre l'EHPAD pour les RDV",
    "ordonnance renouvelée pour 3 mois",
    "prise de sang à jeun le matin",
    "radio du genou à apporter",
    "préfère le vouvoiement",
    "veuve depuis 2020",
    "garde alternée : courrier aux deux parents",
    "retraitée, disponible tous les jours",
    "travaille à la mairie",
    "infirmière libérale passe le matin",
    "bon de transport à préparer",
    "personne de confiance : sa sœur",
    "très sympathique",
    "militant associatif",
    "adhérent à la mutuelle",
    "délégué médical passé le 12/03",
    "lieu-dit La Chapelle",
    "cheveux noirs, ne pas confondre avec sa sœur",
    "fils en internat la semaine",
    "paiement en 3 fois accepté",
    "K+ à recontrôler",
    "RN 137 sortie 4",
    "bâtiment K, 2e étage",
    "vient avec son bébé",
    "PS : carte vitale à jour",
    "RDV annulé, grève des transports",
    "a changé de mutuelle en janvier",
    "Mme Noir a rappelé",
    "M. GAY : RDV confirmé",
    "habite rue de la Synagogue",
    "né à Rome",
    "appeler sur le fixe",
    "carnet de santé à apporter",
    "rdv de suivi dans 6 mois",
    "a perdu sa carte vitale",
    "nouvelle adresse : 12 rue Victor Hugo",
    "email changé",
    "préfère les SMS",
    "famille nombreuse, 4 enfants",
    "prévoir un RDV long (plusieurs enfants)",
    "vient toujours avec sa mère",
    "sa femme appelle pour les RDV",
    "fait du vélo le dimanche",
    "horaires : après l'école",
    "ne pas envoyer de courrier au travail",
    "a déménagé dans le Sud",
    "apprend le français, parler lentement",
    "boîte aux lettres sans nom",
    "tel fixe ne marche pas",
    "Fiche patient mise à jour",
    "dossier complet",
    "carte européenne d'assurance maladie",
    "étudiante Erasmus, CEAM",
    "ancien patient du Dr Petit",
    "RDV pris par la crèche",
    "la nounou récupère l'ordonnance",
    "ses parents sont aussi patients",
    "famille d'accueil pour chiens, prévenir avant visite",
]

# Sensitive comments written apart from the rules' own examples: each must fire its category.
SENSITIVE = [
    # judicial protection measures (a judge's decision that reveals impaired faculties): criminal
    ("greffe du tribunal : courrier tutelle reçu", "criminal"),
    ("tutelle : UDAF 35", "criminal"),
    ("sous tutelle, voir avec l'UDAF", "criminal"),
    ("curatelle renforcée", "criminal"),
    ("interné d'office en 2019", "health"),
    ("patiente à l'AME", "social"),
    ("a l'AME depuis mars", "social"),
    ("dossier l’AME à renouveler", "social"),
    ("sortie de l'HP la semaine dernière", "health"),
    ("a fait de l'HP", "health"),
    ("homme gay, vit avec son compagnon", "sex_life"),
    ("séro+ , gants", "health"),
    ("gilet jaune, très militant", "political"),
    ("très militant", "political"),
    ("Dépréssive depuis le décès de son mari", "health"),
    ("seropo !! gants", "health"),
    ("hépatite C guérie", "health"),
    ("chimio tous les 15 jours, fatiguée", "health"),
    ("enceinte de 3 mois", "health"),
    ("en PMA a Cochin", "health"),
    ("sourde, appeler par SMS", "health"),
    ("fils handicapé, vient en fauteuil", "health"),
    ("petit fils trisomique", "health"),
    ("patient toxico, vient pour son subu", "health"),
    ("ancien alcoolique, ne boit plus", "health"),
    ("SCHIZO !!!", "health"),
    ("sous neuroleptiques, somnolent", "health"),
    ("diabetique type 2", "health"),
    ("dialyse mardi/jeudi/samedi", "health"),
    ("tumeur au cerveau, famille gère", "health"),
    ("problèmes cardiaques", "health"),
    ("epileptique", "health"),
    ("asthmatique, ventoline sur elle", "health"),
    ("alcolo notoire", "health"),
    ("bipo, en crise", "health"),
    ("suivi au CMP de Rennes", "health"),
    ("a fait une TS en 2022", "health"),
    ("OH chronique", "health"),
    ("K du sein 2019", "health"),
    ("ALD diabète", "health"),
    ("dossier MDPH en cours", "health"),
    ("malentendante ++", "health"),
    ("aveugle, chien guide", "health"),
    ("anorexique", "health"),
    ("homo, vient avec son compagnon", "sex_life"),
    ("il est gay", "sex_life"),
    ("lesbienne", "sex_life"),
    ("transgenre FtM", "sex_life"),
    ("bisexuel d'après son ex", "sex_life"),
    ("prostituée", "sex_life"),
    ("voilée, mari présent", "religion"),
    ("ramadan en ce moment, RDV l'après-midi", "religion"),
    ("témoin de jehovah", "religion"),
    ("juive pratiquante", "religion"),
    ("musulman", "religion"),
    ("très catho, 6 enfants", "religion"),
    ("scientologue !!", "religion"),
    ("dans une secte", "religion"),
    ("d'origine marocaine", "ethnic_origin"),
    ("marocaine, ne parle pas bien", "ethnic_origin"),
    ("gitane", "ethnic_origin"),
    ("famille africaine", "ethnic_origin"),
    ("maghrebin", "ethnic_origin"),
    ("une grande noire", "ethnic_origin"),
    ("asiatique, prénom français", "ethnic_origin"),
    ("gens du voyage", "ethnic_origin"),
    ("sympathisant RN", "political"),
    ("militante LFI", "political"),
    ("gilet jaune", "political"),
    ("facho", "political"),
    ("communiste", "political"),
    ("syndiqué CGT", "union"),
    ("déléguée syndicale", "union"),
    ("FO, délégué", "union"),
    ("cfdt", "union"),
    ("ex taulard", "criminal"),
    ("en prison jusqu'en 2026", "criminal"),
    ("sous contrôle judiciaire", "criminal"),
    ("fils dealer", "criminal"),
    ("casier judiciaire", "criminal"),
    ("violences conjugales", "criminal"),
    ("garde à vue hier", "criminal"),
    ("RSA", "social"),
    ("SDF", "social"),
    ("AME", "social"),
    ("CMU-C", "social"),
    ("surendettée", "social"),
    ("vit en foyer", "social"),
    ("sans papiers", "social"),
    ("expulsé de son logement", "social"),
    ("chiante", "judgement"),
    ("vieux con", "judgement"),
    ("menteur !!", "judgement"),
    ("cas soc", "judgement"),
    ("hystérique", "judgement"),
    ("très désagréable", "judgement"),
    ("mdp : Chaton22", "identifier"),
    ("identifiant ameli 123456", "identifier"),
    ("mot de passe doctolib : azerty", "identifier"),
    ("problème de thyroïde", "health"),
    ("suivi cholestérol", "health"),
    ("opérée du sein", "health"),
    ("arthrose genou", "health"),
    ("migraines", "health"),
    ("insomnies", "health"),
    ("sous Xanax", "health"),
    ("Subutex", "health"),
    ("méthadone", "health"),
    ("VIH+", "health"),
    ("sida", "health"),
    ("sa mère a Alzheimer", "health"),
    ("son fils est en prison", "criminal"),
    ("le mari boit", "health"),
    ("sterilet", "health"),
    ("IVG", "health"),
    ("fausse couche", "health"),
    # care received is health data (DOMAIN.md, decisions): vaccinations, exams by specialty
    ("FO à prévoir chez l'ophtalmo", "health"),
    ("enfant : Elsa, 6 ans, carnet de vaccination à jour", "health"),
    ("RDV pour vaccin grippe", "health"),
]


def fold(text: str) -> str:
    """Case and accent folding, the way the detector compares terms."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("’", "'")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.casefold().split())


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("’", "'"))
    return " ".join("".join(c for c in decomposed if unicodedata.category(c) != "Mn").split())


@cache
def word_lists() -> dict[str, list[str]]:
    """``lists/NAME.txt``: one entry a line, ``#`` lines are the list's provenance."""
    out = {}
    for path in sorted(LISTS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out[path.stem] = [x.strip() for x in lines if x.strip() and not x.lstrip().startswith("#")]
    return out


def expand(values: list[str]) -> list[str]:
    """A rule's list with its «@name» entries replaced by the word list ``name``."""
    out: list[str] = []
    for value in values:
        out.extend(word_lists()[value[1:]] if value.startswith("@") else [value])
    return list(dict.fromkeys(out))


def load(name: str) -> dict:
    with (LEXICON / f"{name}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    for rule in data.get("rule", []):
        for key in LIST_KEYS:
            if key in rule:
                rule[key] = expand(rule[key])
    return data


@cache
def all_files() -> dict[str, dict]:
    return {category: load(category) for category in CATEGORIES}


def all_rules() -> list[tuple[str, dict, dict]]:
    """(category, defaults, rule) for every rule of every category file."""
    out = []
    for category, data in all_files().items():
        for rule in data.get("rule", []):
            out.append((category, data.get("defaults", {}), rule))
    return out


def rule_ids() -> list[str]:
    return [rule["id"] for _, _, rule in all_rules()]


# --- the real detector, over the bundled files only -----------------------------------------


@cache
def detector() -> Detector:
    return Detector(load_lexicon(LEXICON))


def findings(text: str) -> list[tuple[str, str]]:
    """(rule id, matched text) for every finding of ``text``."""
    return [(finding.rule, finding.match) for finding in detector().detect(text)]


def categories_of(text: str) -> set[str]:
    return {finding.category for finding in detector().detect(text)}


# --- structure ------------------------------------------------------------------------------


def test_every_category_has_a_file_with_rules() -> None:
    for category in CATEGORIES:
        data = load(category)
        assert data["category"] == category, f"{category}.toml déclare {data['category']}"
        assert data.get("rule"), f"{category}.toml n'a aucune règle"


def test_no_stray_files() -> None:
    names = {p.stem for p in LEXICON.glob("*.toml")}
    assert names == set(CATEGORIES) | {"qualifiers"}


def test_rule_ids_are_unique_stable_and_prefixed_by_their_category() -> None:
    ids = rule_ids()
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for category, _, rule in all_rules():
        assert re.fullmatch(rf"{category}\.[a-z0-9_]+", rule["id"]), rule["id"]


@pytest.mark.parametrize("category", CATEGORIES)
def test_rules_are_complete(category: str) -> None:
    data = all_files()[category]
    defaults = data.get("defaults", {})
    for rule in data["rule"]:
        rid = rule["id"]
        assert set(rule) <= RULE_KEYS, f"{rid}: clés inconnues {set(rule) - RULE_KEYS}"
        assert rule.get("label", "").strip(), f"{rid}: libellé manquant"
        severity = rule.get("severity", defaults.get("severity"))
        assert severity in SEVERITIES, f"{rid}: sévérité {severity!r}"
        explanation = rule.get("explanation", defaults.get("explanation", ""))
        assert explanation.strip().endswith("."), f"{rid}: l'explication doit être une phrase"
        assert not re.search(r"(?<!art)\. [A-ZÀ-Ý]", explanation), f"{rid}: une seule phrase"
        assert CITATION.search(explanation), f"{rid}: l'explication doit citer la règle"
        if severity == "low":
            assert rule.get("rewrite"), f"{rid}: un besoin pratique « low » a une réécriture"
        if "validator" in rule:
            assert rule["validator"] in VALIDATORS, rid
        else:
            assert rule["terms"], f"{rid}: aucun terme"
        for term in rule["terms"]:
            assert term == term.strip() and "  " not in term and term, f"{rid}: terme {term!r}"
        window = rule.get("window", 3)
        assert isinstance(window, int) and 1 <= window <= 10, rid
        examples = rule.get("examples", [])
        assert 2 <= len(examples) <= 5, f"{rid}: 2 à 5 exemples"


def needs_context(rule: dict) -> bool:
    return bool(rule.get("context_before") or rule.get("context_after"))


def test_terms_are_not_duplicated_across_the_lexicon() -> None:
    rules = {rule["id"]: rule for _, _, rule in all_rules()}
    seen: dict[str, str] = {}
    clashes = []
    for _, _, rule in all_rules():
        local = set()
        sensitive = rule.get("case_sensitive", False)
        for term in rule["terms"]:
            # a case-sensitive form (« AME », « Gay ») is compared as written, accents aside
            key = strip_accents(term) if sensitive else fold(term)
            # a case-sensitive rule may list « PrEP » and « PREP »: they are different forms
            local_key = (key, fold(term))
            assert local_key not in local, f"{rule['id']}: {term!r} en double dans la règle"
            local.add(local_key)
            if key in seen and seen[key] == rule["id"]:
                continue
            other = seen.get(key)
            # a word may anchor several constructions: rules that each need their own context
            # («français» after «pas de nationalité», «français» after «parle bien»)
            anchors = needs_context(rule) and other is not None and needs_context(rules[other])
            if other and frozenset({other, rule["id"]}) not in SHARED_RULES and not anchors:
                clashes.append((term, other, rule["id"]))
            seen.setdefault(key, rule["id"])
    assert not clashes, clashes


def test_shared_slurs_are_identical_in_both_categories() -> None:
    rules = {rule["id"]: rule for _, _, rule in all_rules()}
    for pair in SHARED_RULES:
        first, second = sorted(pair)
        assert {fold(t) for t in rules[first]["terms"]} == {fold(t) for t in rules[second]["terms"]}


def test_unless_expressions_contain_a_term_of_their_rule() -> None:
    """A trap only spares a match it covers: one that holds none of the forms its rule is
    matched under (the detector's own variants) can never apply."""
    for _, _, rule in all_rules():
        sensitive = rule.get("case_sensitive", False)
        forms = {variant for term in rule["terms"] for variant in term_variants(term, sensitive)}
        for expression in rule.get("unless", []):
            words = f" {term_key(expression)} "
            assert any(f" {form} " in words for form in forms), (
                f"{rule['id']}: « {expression} » ne contient aucun terme de la règle"
            )


def keep_outputs(rule: dict) -> list[str]:
    """What the rule's ``keep`` rewrites extract from its own examples."""
    out = []
    for keep in rule.get("keep", []):
        pattern = re.compile(keep["pattern"])
        for example in rule["examples"]:
            match = pattern.search(example)
            if match:
                out.append(match.expand(keep["template"]))
    return out


def test_keep_patterns_compile_and_templates_expand() -> None:
    for _, _, rule in all_rules():
        if rule.get("keep"):
            outputs = keep_outputs(rule)
            assert outputs, f"{rule['id']}: aucun exemple n'illustre ses réécritures `keep`"
            assert all(text.strip() for text in outputs), rule["id"]


# --- behaviour on real wording ---------------------------------------------------------------


def test_every_example_is_flagged_and_every_rule_fires() -> None:
    """Each example is flagged in its rule's category, and each rule fires on its examples (a
    longer passage of the same category may take one over: «sous AME» is a coverage)."""
    missed, silent = [], []
    for category, _, rule in all_rules():
        if "validator" in rule:
            continue
        fired = False
        for example in rule["examples"]:
            found = detector().detect(example)
            fired = fired or any(finding.rule == rule["id"] for finding in found)
            if category not in {finding.category for finding in found}:
                missed.append((rule["id"], example))
        if not fired:
            silent.append(rule["id"])
    assert not missed, missed
    assert not silent, silent


def test_rewrites_are_never_flagged_again() -> None:
    for _, _, rule in all_rules():
        texts = [rule["rewrite"]] if rule.get("rewrite") else []
        texts += keep_outputs(rule)
        for text in texts:
            assert findings(text) == [], (rule["id"], text, findings(text))


@pytest.mark.parametrize("comment, category", [*LEAKED.items(), *SENSITIVE])
def test_leaked_and_sensitive_comments_are_found(comment: str, category: str) -> None:
    assert category in categories_of(comment), (comment, findings(comment))


@pytest.mark.parametrize("comment", BENIGN)
def test_traps_and_benign_comments_stay_quiet(comment: str) -> None:
    assert findings(comment) == []


def test_qualifiers_are_well_formed() -> None:
    data = load("qualifiers")
    for kind in ("hearsay", "third_party"):
        terms = data[kind]["terms"]
        assert len(terms) >= 20, kind
        keys = [fold(t) for t in terms]
        assert len(keys) == len(set(keys)), kind
    assert data["emphasis"]["min_exclamations"] >= 2
    assert data["emphasis"]["min_capital_letters"] >= 4


def test_hearsay_and_third_party_of_the_leaked_comments() -> None:
    def reasons(text: str) -> set[str]:
        return {reason for finding in detector().detect(text) for reason in finding.reasons}

    assert reasons("serait homosexuelle d'après sa mère") >= {"hearsay", "third_party"}
    assert "third_party" in reasons("catholique non pratiquante car ses 2 frères sont suicidés")
    assert not reasons("porteuse du VIH, préfère RDV le matin")


def test_every_rule_and_help_topic_has_its_english_text() -> None:
    """The English interface explains every rule in English (resources/lexicon/en/)."""
    from huisclos.core.detect.detector import Detector
    from huisclos.core.detect.english import english_rules
    from huisclos.core.report.help_text import TOPICS, english_topics

    english = english_rules()
    for rule in Detector.default().rules:
        entry = english.get(rule.id)
        assert entry is not None and entry.label and entry.explanation, rule.id
        assert entry.explanation != rule.explanation, rule.id
    assert set(english) == {rule.id for rule in Detector.default().rules}  # no stale entry
    assert {t.id for t in TOPICS} == set(english_topics())
