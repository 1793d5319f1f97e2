"""Load the lexicon (resources/lexicon/fr/*.toml, plus the practice's own terms) into rules.

The file format is described in resources/lexicon/README.md. A rule may also carry
``unless_near = ["parle", "interprète"]``: trap words that, within ``window`` words before or
after the term, mean it is not sensitive here («parle arabe», «derrière la mosquée», «manteau
noir»); like ``unless``, never a way to hide a sensitive fact.
``unless_before = ["travaille", "employé"]``: words that, right before the term (articles and
prepositions in between are skipped: «travaille à l'», «employée dans un»), cancel it;
``unless_after = ["à mouches"]``: words right after it that cancel it («tapette à mouches»).
``subject = "person"``: the term counts only when it is said of a person — the nearest person or
object word before it in its part of the clause decides, none means the person («pue !!!»,
«il pue» but not «le frigo pue»). ``source``: where the rule's vocabulary comes from (a
dictionary, a terminology, a court decision), for the reviewer and the help panel.

A list-valued key may name a shared word list instead of (or beside) its words: ``"@person"``
stands for every line of ``lists/person.txt`` beside the category files. Generated forms of the
bundled terms (inflections, spelling variants: ``derived/*.tsv``, written at build time by
``resources/lexicon/build_derived.py``) are listed in :attr:`Lexicon.derived`.

The lexicon is data a trainer or a practice can read and extend; this module only checks it and
turns it into :class:`Rule` objects. A malformed file raises :class:`LexiconError` with a French
message naming the file and what is wrong. Pure functions; the result is immutable in practice.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from .categories import CATEGORIES, SEVERITIES

logger = logging.getLogger(__name__)

VALIDATORS: tuple[str, ...] = ("nir", "iban", "card")
LISTS_FOLDER = "lists"  # shared word lists, «@name» in a rule
DERIVED_FOLDER = "derived"  # forms generated at build time from dictionaries

DEFAULT_HEARSAY: tuple[str, ...] = (
    "serait",
    "il paraît",
    "d'après sa mère",
    "selon son fils",
    "on dit que",
    "aurait",
)
DEFAULT_THIRD_PARTY: tuple[str, ...] = (
    "sa mère",
    "son père",
    "son fils",
    "ses frères",
    "le mari",
    "la voisine",
)


@dataclass(frozen=True)
class Rule:
    """One lexicon entry: a family of surface forms sharing a category, severity and advice."""

    id: str
    category: str
    severity: str
    label: str
    explanation: str
    terms: tuple[str, ...]
    rewrite: str | None = None
    keep: tuple[tuple[str, str], ...] = ()  # (regex pattern, template)
    case_sensitive: bool = False
    context_before: tuple[str, ...] = ()
    context_after: tuple[str, ...] = ()
    window: int = 3
    unless: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    validator: str | None = None  # "nir" | "iban" | "card": found by pattern + checksum
    unless_near: tuple[str, ...] = ()  # trap words within ``window`` words («parle» + «arabe»)
    origin: str = "bundled"  # "bundled" or "practice" (the practice's termes-cabinet.toml)
    # words that, right before the term (articles and prepositions skipped), mean it is not about
    # the patient's condition: «travaille au CMP», «infirmière en psychiatrie»
    unless_before: tuple[str, ...] = ()
    unless_after: tuple[str, ...] = ()  # words right after the term: «tapette à mouches»
    subject: str | None = None  # "person": only when said of a person, not of a room or «ça»
    source: str = ""  # where the vocabulary comes from (dictionary, terminology, decision)


@dataclass
class Lexicon:
    rules: list[Rule] = field(default_factory=list)
    hearsay: tuple[str, ...] = ()
    third_party: tuple[str, ...] = ()
    min_exclamations: int = 2
    min_capital_letters: int = 4
    files: tuple[str, ...] = ()  # names of the files read, for messages and the log
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)  # «@name» word lists
    # Generated forms of the bundled terms (``derived/*.tsv``): key<TAB>rule id a line.
    derived: tuple[Path, ...] = ()


def default_lexicon_dir() -> Path:
    """The bundled French lexicon folder."""
    from ..resources import resource

    return resource("lexicon", "fr")


def load_lexicon(
    folder: Path | str | None = None,
    *,
    extra_files: Sequence[Path | str] = (),
) -> Lexicon:
    """Every category file of ``folder`` (the bundled lexicon by default), ``qualifiers.toml``,
    then ``extra_files`` (the practice's own rules, same format)."""
    folder = Path(folder) if folder is not None else default_lexicon_dir()
    rules: list[Rule] = []
    files: list[str] = []
    lexicon = Lexicon(hearsay=DEFAULT_HEARSAY, third_party=DEFAULT_THIRD_PARTY)
    if folder.is_dir():
        lexicon.lists = load_word_lists(folder / LISTS_FOLDER)
        for path in sorted(folder.glob("*.toml")):
            if path.name == "qualifiers.toml":
                _load_qualifiers(path, lexicon)
            else:
                rules.extend(load_rules_file(path, lists=lexicon.lists))
            files.append(path.name)
        lexicon.derived = tuple(sorted((folder / DERIVED_FOLDER).glob("*.tsv")))
    _check_unique(rules)
    taken = {rule.id for rule in rules}
    for extra in extra_files:
        extra = Path(extra)
        if extra.is_file():
            practice_rules = load_rules_file(
                extra, origin="practice", fallback_encoding="cp1252", lists=lexicon.lists
            )
            for rule in practice_rules:
                if rule.id in taken:  # a practice rule never shadows a bundled one
                    rule = replace(rule, id=f"cabinet.{rule.id}")
                if rule.id not in taken:
                    rules.append(rule)
                    taken.add(rule.id)
            files.append(extra.name)
    lexicon.rules = rules
    lexicon.files = tuple(files)
    return lexicon


def load_word_lists(folder: Path) -> dict[str, tuple[str, ...]]:
    """The shared word lists of a lexicon folder (``lists/NAME.txt``: one entry a line, ``#``
    lines are comments — the list's source and licence), by name."""
    lists: dict[str, tuple[str, ...]] = {}
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            message = f"La liste de mots « {path.name} » est illisible ({error})."
            raise LexiconError(message) from error
        entries = (line.strip() for line in lines if not line.lstrip().startswith("#"))
        lists[path.stem] = tuple(dict.fromkeys(entry for entry in entries if entry))
    return lists


def load_rules_file(
    path: Path | str,
    *,
    origin: str = "bundled",
    fallback_encoding: str | None = None,
    lists: dict[str, tuple[str, ...]] | None = None,
) -> list[Rule]:
    """The rules of one category file; raises LexiconError with a French message.
    ``fallback_encoding`` (the practice's file: cp1252) is tried when UTF-8 fails."""
    path = Path(path)
    try:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if fallback_encoding is None:
                raise
            text = data.decode(fallback_encoding, errors="replace")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(
            f"Le fichier de lexique « {path.name} » est illisible ({error})."
        ) from error
    return parse_rules(text, name=path.name, origin=origin, lists=lists)


def parse_rules(
    text: str,
    *,
    name: str = "termes-cabinet.toml",
    origin: str = "practice",
    lists: dict[str, tuple[str, ...]] | None = None,
) -> list[Rule]:
    """Rules from TOML text (a category file, or the practice's own terms); ``lists`` are the
    word lists «@name» entries may refer to."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(toml_error_message(name, text, error)) from error
    default_category = data.get("category")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise LexiconError(f"« {name} » : la section [defaults] est mal formée.")
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise LexiconError(f"« {name} » : les règles doivent s'écrire [[rule]].")
    rules = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise LexiconError(f"« {name} » : la règle n° {number} est mal formée.")
        rule = _rule_from(entry, defaults, default_category, name, number, origin, lists or {})
        rules.append(rule)
    return rules


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def toml_error_message(name: str, text: str, error: Exception) -> str:
    """The French message for a TOML file that does not parse: the file, the line, what to
    check — never the parser's English."""
    found = _TOML_POSITION.search(str(error))
    if not found:
        return (
            f"Le fichier « {name} » est mal formé (il se termine avant la fin d'une règle) : "
            "vérifiez qu'aucun guillemet ni crochet n'est resté ouvert."
        )
    line = int(found.group(1))
    lines = text.splitlines()
    shown = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    quoted = f" (« {shown[:60]} »)" if shown else ""
    return (
        f"Le fichier « {name} » est mal formé à la ligne {line}{quoted} : vérifiez les "
        "guillemets, les crochets, les virgules et le signe « = »."
    )


def _rule_from(
    entry: dict[str, Any],
    defaults: dict[str, Any],
    default_category: object,  # the file's «category», checked here
    name: str,
    number: int,
    origin: str,
    lists: dict[str, tuple[str, ...]],
) -> Rule:
    def get(key: str, fallback: Any = None) -> Any:
        return entry.get(key, defaults.get(key, fallback))

    def words(key: str) -> tuple[str, ...]:
        return _strings(entry.get(key, []), where, key, lists)

    where = f"« {name} », règle n° {number}"
    category = entry.get("category", default_category)
    if category not in CATEGORIES:
        raise LexiconError(f"{where} : catégorie inconnue « {category} ».")
    rule_id = (
        entry.get("id") or f"{category}.{'cabinet' if origin == 'practice' else 'regle'}_{number}"
    )
    where = f"« {name} », règle « {rule_id} »"
    severity = get("severity", "high")
    if severity not in SEVERITIES:
        raise LexiconError(f"{where} : gravité « {severity} » inconnue (low, medium ou high).")
    validator = get("validator")
    if validator is not None and validator not in VALIDATORS:
        raise LexiconError(f"{where} : vérification « {validator} » inconnue (nir, iban ou card).")
    terms = words("terms")
    if not terms and validator is None:
        raise LexiconError(f"{where} : la liste « terms » est vide.")
    keep = []
    for item in entry.get("keep", []) or []:
        if not isinstance(item, dict) or "pattern" not in item or "template" not in item:
            raise LexiconError(f"{where} : chaque « keep » doit avoir pattern et template.")
        keep.append((str(item["pattern"]), str(item["template"])))
    window = get("window", 3)
    if not isinstance(window, int) or window < 1:
        raise LexiconError(f"{where} : « window » doit être un nombre de mots (1 ou plus).")
    rewrite = get("rewrite")
    subject = get("subject")
    if subject not in (None, "person"):
        raise LexiconError(f'{where} : « subject » ne peut valoir que "person".')
    return Rule(
        id=str(rule_id),
        category=category,
        severity=severity,
        label=str(entry.get("label") or (terms[0] if terms else rule_id)),
        explanation=str(get("explanation", "")),
        terms=terms,
        rewrite=str(rewrite) if rewrite else None,
        keep=tuple(keep),
        case_sensitive=bool(get("case_sensitive", False)),
        context_before=words("context_before"),
        context_after=words("context_after"),
        window=window,
        unless=words("unless"),
        examples=_strings(entry.get("examples", []), where, "examples"),
        validator=validator,
        origin=origin,
        unless_near=words("unless_near"),
        unless_before=words("unless_before"),
        unless_after=words("unless_after"),
        subject=subject,
        source=str(get("source", "")),
    )


def _strings(
    value: Any, where: str, key: str, lists: dict[str, tuple[str, ...]] | None = None
) -> tuple[str, ...]:
    """A list of texts; an item «@name» is replaced by the word list ``name``."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LexiconError(f"{where} : « {key} » doit être une liste de textes.")
    out: list[str] = []
    for item in (item.strip() for item in value):
        if item.startswith("@") and lists is not None and len(item) > 1:
            if item[1:] not in lists:
                raise LexiconError(f"{where} : la liste de mots « {item} » n'existe pas.")
            out.extend(lists[item[1:]])
        elif item:
            out.append(item)
    return tuple(dict.fromkeys(out))


def _load_qualifiers(path: Path, lexicon: Lexicon) -> None:
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"Le fichier « {path.name} » est illisible ({error}).") from error
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(toml_error_message(path.name, text, error)) from error
    where = f"« {path.name} »"
    if "hearsay" in data:
        lexicon.hearsay = _strings(data["hearsay"].get("terms", []), where, "hearsay.terms")
    if "third_party" in data:
        lexicon.third_party = _strings(
            data["third_party"].get("terms", []), where, "third_party.terms"
        )
    emphasis = data.get("emphasis", {})
    lexicon.min_exclamations = int(emphasis.get("min_exclamations", lexicon.min_exclamations))
    lexicon.min_capital_letters = int(
        emphasis.get("min_capital_letters", lexicon.min_capital_letters)
    )


def _check_unique(rules: Iterable[Rule]) -> None:
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            raise LexiconError(f"L'identifiant de règle « {rule.id} » est utilisé deux fois.")
        seen[rule.id] = rule
