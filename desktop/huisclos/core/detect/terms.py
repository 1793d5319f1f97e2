"""The surface forms a lexicon term is matched under, and what a matched form must show.

Every term is key-folded (:func:`~.normalize.key_fold`: ASCII, lower case, punctuation as
spaces) with the forms it is typed under. A bundled term is matched as written («œ»/«oe», «s i d
a» spelt letter by letter: :func:`exact_forms`); its inflections and misspellings come from the
build (``derived/*.tsv``), checked against a French dictionary so that no generated form is
another word. A practice's own term gets simple generated variants at run time instead — plural
«s», feminine «e»/«ve»/«se», a doubled letter written single (:func:`term_variants`). A
:class:`Form` remembers, for each term, its rule and what the raw text must hold: the
exact letters of a sigle (AME ≠ «l'âme»), the punctuation of «passe :» or «K+».

Pure functions, thread-safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import fold, key_fold

NON_ALNUM = re.compile(r"[\W_]+")

# Endings whose feminine is the word + «e» (malentendant·e, musulman·e, voisin·e, bavard·e…).
FEMININE_E_ENDINGS = (
    "ant", "ent", "ain", "ien", "in", "an", "ard", "and", "ais", "ois", "ot", "al", "el", "ul",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Form:
    """One lexicon term of the rule at index ``rule``."""

    rule: int
    term: str
    stripped: str  # the term without punctuation, for case-sensitive comparison
    marks: re.Pattern[str] | None = None  # «passe :», «VIH+»: the punctuation must be there
    # «cœur» folds to «cour» (one character for one): the raw text must hold «œ» or «oe»
    ligature: bool = False


def marks_pattern(term: str) -> re.Pattern[str] | None:
    """For a term whose punctuation matters («passe :», «K+»), a regex over the folded text."""
    folded = fold(term).strip()
    if re.fullmatch(r"[\w\s'’.\-]*", folded):
        return None
    parts = []
    for char in folded:
        if char.isalnum():
            parts.append(re.escape(char))
        elif char.isspace():
            parts.append(r"[\W_]*")
        else:
            parts.append(r"\s*" + re.escape(char))
    return re.compile("".join(parts))


def term_key(text: str) -> str:
    """The key-folded form of a phrase, its words joined by single spaces."""
    return " ".join(key_fold(text).split())


def exact_forms(term: str) -> set[str]:
    """The key-folded forms of a term as written: itself, «œ» typed «oe» (and back), a short
    word spelt letter by letter («s.i.d.a», «V I H»). The bundled lexicon's other forms
    (plurals, feminines, misspellings) are generated at build time and checked against a
    dictionary (``derived/*.tsv``)."""
    base = term_key(term)
    if not base:
        return set()
    variants = {base}
    lower = term.lower()
    if "oe" in lower or "œ" in lower:
        variants.add(term_key(lower.replace("œ", "oe")))
        variants.add(term_key(lower.replace("oe", "œ")))
    if " " not in base and base.isalpha() and 2 <= len(base) <= 6:
        variants.add(" ".join(base))
    return variants


def term_variants(term: str, case_sensitive: bool) -> set[str]:
    """The key-folded surface forms a term is matched under when no generated forms exist for
    it (the practice's own terms): :func:`exact_forms`, plus simple plurals and feminines and a
    doubled letter written single."""
    variants = exact_forms(term)
    base = term_key(term)
    if not base or case_sensitive:
        return variants
    single = " " not in base and base.isalpha()
    if single and len(base) >= 4 and base[-1] not in "sxz":
        variants.add(base + "s")
    if single and len(base) >= 5:  # feminine forms: malentendant·e, séropositif/ve, anxieux/se
        if base.endswith(FEMININE_E_ENDINGS):  # not «escort» → «escorte» (police escort)
            variants.update({base + "e", base + "es"})
        elif base.endswith("if"):
            variants.update({base[:-1] + "ve", base[:-1] + "ves"})
        elif base.endswith("eux"):
            variants.update({base[:-1] + "se", base[:-1] + "ses"})
    for variant in list(variants):
        letters = variant.replace(" ", "")
        if len(letters) >= 6 and " " not in variant.strip():
            for match in re.finditer(r"([a-z])\1", variant):
                variants.add(variant[: match.start()] + variant[match.start() + 1 :])
    return variants
