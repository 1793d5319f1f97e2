"""The surface forms a lexicon term is matched under, and what a matched form must show.

Every term is key-folded (:func:`~.normalize.key_fold`: ASCII, lower case, punctuation as
spaces) with a few generated variants — plural «s», «s i d a» spelt letter by letter, a doubled
letter written single, feminine «e»/«ve»/«se», «œ»/«oe» — so that one term catches the ways it is
typed. A :class:`Form` remembers, for each term, its rule and what the raw text must hold: the
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


def term_variants(term: str, case_sensitive: bool) -> set[str]:
    """The key-folded surface forms one lexicon term is matched under."""
    base = term_key(term)
    if not base:
        return set()
    variants = {base}
    lower = term.lower()
    if "oe" in lower or "œ" in lower:
        variants.add(term_key(lower.replace("œ", "oe")))
        variants.add(term_key(lower.replace("oe", "œ")))
    words = base.split()
    single = len(words) == 1 and base.isalpha()
    if single and 2 <= len(base) <= 6:
        variants.add(" ".join(base))  # «s.i.d.a», «V I H»
    if case_sensitive:
        return variants
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
