"""The lexicon data files (resources/lexicon/fr/*.toml) are well formed and say what they must.

These tests read the TOML files directly with ``tomllib``, independently of the loader, so a
trainer who edits a file learns at once if a rule lost its explanation, if a term now appears
twice, or if a trap (« rue de l'Église », « 25-OH vitamine D », « parle arabe ») starts firing.

A small reference matcher below mirrors the documented matching rules (case- and
accent-insensitive, word boundaries, ``case_sensitive``, ``context_before``/``context_after`` with
``window``, ``unless``). It is deliberately simple: it checks the data, not the detector.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from huisclos.core.detect.categories import CATEGORIES, SEVERITIES

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


# --- a reference matcher, for the data checks below ------------------------------------------


def fold_chars(text: str) -> str:
    """Character-by-character folding (offsets kept), as the detector matches."""
    out = []
    for char in text:
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) != "Mn"
        )
        out.append(base.casefold() if len(base.casefold()) == 1 else char.lower())
    return "".join(out).replace("’", "'")


def _body(term: str, case_sensitive: bool) -> str:
    text = term.replace("’", "'") if case_sensitive else fold_chars(term)
    return re.escape(text).replace(r"\ ", r"\s+")


def _alternation(terms: list[str], case_sensitive: bool) -> re.Pattern[str] | None:
    if not terms:
        return None
    body = "|".join(_body(t, case_sensitive) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


@cache
def _term_regex(term: str, case_sensitive: bool) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){_body(term, case_sensitive)}(?![\w])")


@cache
def _rule_patterns(rule_id: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(terms, unless) patterns of a rule, longest alternative first."""
    rule = next(r for _, _, r in all_rules() if r["id"] == rule_id)
    sensitive = rule.get("case_sensitive", False)
    return (
        _alternation(rule["terms"], sensitive),
        _alternation(rule.get("unless", []), sensitive),
    )


def _context_hit(
    text: str, start: int, end: int, words: list[str], window: int, after: bool
) -> bool:
    """``window`` counts the words between the term and a context phrase, which is looked at
    whole however many words it has («sortie de l'» before «HP»)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+'?|[+!]+", text)]
    for word in words:
        reach = window + max(0, len(re.findall(r"\w+'?|[+!]+", word)) - 1)
        if after:
            tail = [s for s in spans if s[0] >= end][:reach]
            zone = text[end : tail[-1][1]] if tail else ""
        else:
            head = [s for s in spans if s[1] <= start][-reach:]
            zone = text[head[0][0] : start] if head else ""
        if _term_regex(word.rstrip("$"), False).search(fold_chars(zone)):
            return True
    return False


LINK_WORDS = {
    "a", "au", "aux", "en", "dans", "un", "une", "le", "la", "les", "l", "du", "de", "des", "d",
    "pour", "chez", "sur", "comme", "service", "centre", "hopital", "hosto", "clinique", "unite",
    "etablissement", "secteur", "pole",
}  # fmt: skip


def _preceded_by(text: str, start: int, phrases: list[str]) -> bool:
    """An ``unless_before`` phrase right before the term, articles and prepositions skipped."""
    words = re.findall(r"[a-z0-9]+", fold_chars(text[:start]))
    while words and words[-1] in LINK_WORDS:
        words.pop()
    tail = " " + " ".join(words)
    return any(
        tail.endswith(" " + " ".join(re.findall(r"[a-z0-9]+", fold_chars(p)))) for p in phrases
    )


PART_BREAK = re.compile(r"[,;!?\n:()–—…]|\s-\s|\.(?:\s|$)")
PART_STARTS = {"car", "mais", "donc", "parce", "puisque", "alors"}


def _part_words(text: str, start: int) -> list[tuple[int, str]]:
    """The words before ``start`` in its part of the clause, with their offsets."""
    low = 0
    for match in PART_BREAK.finditer(text, 0, start):
        low = match.end()
    return [(m.start() + low, m.group()) for m in re.finditer(r"\w+", fold_chars(text[low:start]))]


def _special_context(text: str, start: int, end: int, before: list[str], after: list[str]) -> bool:
    """``<début>``: the term opens its part of the clause; ``<nombre>``: a number touches it."""
    words = _part_words(text, start)
    if "<début>" in before and not words:
        return True
    if "<nombre>" in before and re.search(r"\d\s*$", text[:start]):
        return True
    return "<nombre>" in after and re.match(r"\s*\d", text[end:]) is not None


def _followed_by(text: str, end: int, phrases: list[str]) -> bool:
    """An ``unless_after`` phrase right after the term."""
    tail = " ".join(re.findall(r"[a-z0-9]+", fold_chars(text[end : end + 80]))) + " "
    return any(
        tail.startswith(" ".join(re.findall(r"[a-z0-9]+", fold_chars(p))) + " ") for p in phrases
    )


def _said_of_a_person(text: str, start: int) -> bool:
    """The nearest person or object word before the term in its part decides; none: a person."""
    persons = {fold_chars(w) for w in word_lists().get("personnes", [])}
    objects = {fold_chars(w) for w in word_lists().get("objets", [])}
    words = _part_words(text, start)
    for position, word in reversed(words):
        if word in PART_STARTS:
            break
        if word in persons:
            return True
        if word in objects:
            return False
        raw = text[position : position + len(word)]
        if position != words[0][0] and raw[:1].isupper() and not raw.isupper() and word.isalpha():
            return True
    return True


def findings(text: str) -> list[tuple[str, str]]:
    """(rule id, matched text) for every rule that fires on ``text``."""
    raw = text.replace("’", "'")
    folded = fold_chars(raw)
    found = []
    for _category, _defaults, rule in all_rules():
        terms, unless = _rule_patterns(rule["id"])
        if terms is None:
            continue
        haystack = raw if rule.get("case_sensitive", False) else folded
        spared = [(m.start(), m.end()) for m in unless.finditer(haystack)] if unless else []
        before = rule.get("context_before", [])
        after = rule.get("context_after", [])
        window = rule.get("window", 3)
        near = rule.get("unless_near", [])
        not_after = rule.get("unless_before", [])
        not_before = rule.get("unless_after", [])
        special = {"<nombre>", "<début>"}
        for m in terms.finditer(haystack):
            if any(s <= m.start() and m.end() <= e for s, e in spared):
                continue
            if not_after and _preceded_by(raw, m.start(), not_after):
                continue
            if not_before and _followed_by(raw, m.end(), not_before):
                continue
            if rule.get("subject") == "person" and not _said_of_a_person(raw, m.start()):
                continue
            if _special_context(raw, m.start(), m.end(), before, after):
                found.append((rule["id"], m.group(0)))
                continue
            if near and (
                _context_hit(raw, m.start(), m.end(), near, window, False)
                or _context_hit(raw, m.start(), m.end(), near, window, True)
            ):
                continue
            plain_before = [c for c in before if c not in special]
            plain_after = [c for c in after if c not in special]
            if (before or after) and not (
                (
                    plain_before
                    and _context_hit(raw, m.start(), m.end(), plain_before, window, False)
                )
                or (
                    plain_after and _context_hit(raw, m.start(), m.end(), plain_after, window, True)
                )
            ):
                continue
            found.append((rule["id"], m.group(0)))
    return found


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


def test_the_lexicon_is_generous() -> None:
    total = sum(len(rule["terms"]) for _, _, rule in all_rules())
    per_category = {c: sum(len(r["terms"]) for r in d["rule"]) for c, d in all_files().items()}
    print(f"\n{total} formes de surface : {per_category}")
    assert total >= 1500


def test_unless_expressions_contain_a_term_of_their_rule() -> None:
    for _, _, rule in all_rules():
        sensitive = rule.get("case_sensitive", False)
        for expression in rule.get("unless", []):
            hay = expression if sensitive else fold_chars(expression)
            # the detector also matches a term with one doubled letter squeezed («voilée» → «voile»)
            squeezed = [re.sub(r"(\w)\1", r"\1", fold_chars(t)) for t in rule["terms"]]
            forms = [*rule["terms"], *([] if sensitive else squeezed)]
            assert any(_term_regex(t, sensitive).search(hay) for t in forms), (
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


def test_every_example_fires_its_own_rule() -> None:
    missed = []
    for _, _, rule in all_rules():
        if "validator" in rule:
            continue
        for example in rule["examples"]:
            if rule["id"] not in {rid for rid, _ in findings(example)}:
                missed.append((rule["id"], example))
    assert not missed, missed


def test_rewrites_are_never_flagged_again() -> None:
    for _, _, rule in all_rules():
        texts = [rule["rewrite"]] if rule.get("rewrite") else []
        texts += keep_outputs(rule)
        for text in texts:
            assert findings(text) == [], (rule["id"], text, findings(text))


@pytest.mark.parametrize("comment, category", LEAKED.items())
def test_the_leaked_comments_are_found(comment: str, category: str) -> None:
    categories = {rid.split(".")[0] for rid, _ in findings(comment)}
    assert category in categories, (comment, findings(comment))


@pytest.mark.parametrize("comment, category", SENSITIVE)
def test_sensitive_comments_are_found(comment: str, category: str) -> None:
    categories = {rid.split(".")[0] for rid, _ in findings(comment)}
    assert category in categories, (comment, findings(comment))


@pytest.mark.parametrize("comment", BENIGN)
def test_traps_and_benign_comments_stay_quiet(comment: str) -> None:
    assert findings(comment) == []


def _qualifier_hits(text: str, kind: str) -> list[str]:
    data = load("qualifiers")
    folded = fold_chars(text)
    return [t for t in data[kind]["terms"] if _term_regex(t, False).search(folded)]


def test_qualifiers_are_well_formed() -> None:
    data = load("qualifiers")
    for kind in ("hearsay", "third_party"):
        terms = data[kind]["terms"]
        assert len(terms) >= 20, kind
        keys = [fold(t) for t in terms]
        assert len(keys) == len(set(keys)), kind
    assert data["emphasis"]["min_exclamations"] >= 2
    assert data["emphasis"]["min_capital_letters"] >= 4


def test_hearsay_and_third_party_of_the_leaked_comment() -> None:
    comment = "serait homosexuelle d'après sa mère"
    assert _qualifier_hits(comment, "hearsay")
    assert _qualifier_hits(comment, "third_party")
    assert _qualifier_hits(
        "catholique non pratiquante car ses 2 frères sont suicidés", "third_party"
    )
    assert not _qualifier_hits("préfère RDV le matin", "hearsay")
