"""Clauses that only make sense with the clause next to them: once that one is removed, they go.

Three shapes, each recognised on the clause's own words (accents and case ignored):

- a clause that **refers back** to the removed fact — a pronoun with a verb of knowing, saying
  or bearing («le père ne le supporte pas», «n'en parle pas à son mari», «la famille n'est pas au
  courant»), a demonstrative conclusion («ce qui explique les retards», «c'est pour ça») or a
  relative clause hanging on it («qui refuse…», «dont le frère…»);
- the **frame of reported speech** («la gardienne dit qu'il ne sort plus et qu'il est
  déprimé»): the frame and every reported piece go together, the benign ones too, since hearsay
  about a patient has no place in the record (Code de la santé publique L1111-7);
- a **reported piece** («… et qu'il boit») whose frame was removed.

A pronoun that stands for the patient («pathologie pulmonaire, ne pas le faire attendre») is not a
reference to the fact: only verbs about knowing, telling or bearing a fact make one. Pure
functions; safe from any thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..detect.normalize import fold

if TYPE_CHECKING:
    from .clauses import Clauses

__all__ = [
    "continues_description",
    "hangs_on_removed",
    "refers_back",
    "reported_piece",
    "reporting_frame",
]

# Verbs that take a fact as their object: knowing, telling, hiding, bearing, accepting it.
_FACT_VERBS = (
    r"(?:supporte\w*|accepte\w*|assume\w*|tolere\w*|admet\w*|digere\w*|sai[st]|savai\w*|savoir|"
    r"su|ignore\w*|cache\w*|dire|di[st]|dit\w*|parle\w*|raconte\w*|apprend\w*|appris|"
    r"decouvr\w*|decouvert\w*|vi[st]|vivre|vecu\w*|prend\w*|pris\w*|comprend\w*|compris\w*|"
    r"reproche\w*|juge\w*|nie\w*|avoue\w*|revele\w*|mentionne\w*|evoque\w*|aborde\w*|"
    r"sache|sachent|explique\w*)"
)
_OBJECT_PRONOUN = r"(?:le|la|les|l'|en|lui\s+en|leur\s+en|ca|cela|rien)"
_REFERS_BACK = re.compile(
    rf"""
    (?:^|\s)(?:ne\s+|n')?(?:pas\s+|plus\s+|jamais\s+)?{_OBJECT_PRONOUN}\s*{_FACT_VERBS}\b
    |\b(?:ne|n')\s*{_OBJECT_PRONOUN}\s*(?:\w+\s+)?{_FACT_VERBS}\b
    |\bpas\s+(?:\w+\s+)?{_OBJECT_PRONOUN}\s*{_FACT_VERBS}\b
    |\b(?:pas|plus|rien)\s+au\s+courant\b|\bau\s+courant\s+de\s+rien\b
    |\b(?:ne|n')\s*(?:doit|doivent|faut|veut|veulent)\s+(?:pas|rien|surtout\s+pas)\s+
        (?:le\s+|l'|en\s+)?(?:savoir|dire|parler|apprendre)\b
    |\bsecret\b|\bne\s+rien\s+dire\b
    |\b(?:c'est|c'etait)\s+(?:pour|a\s+cause\s+de)\s+(?:ca|cela)\b
    |\b(?:ca|cela|ceci)\s+(?:explique|expliquerait|justifie)\b
    """,
    re.VERBOSE,
)
# A relative or demonstrative start hangs on the clause before it («qui refuse…», «ce qui…»).
_RELATIVE_START = re.compile(
    r"(?:d'ou|ce\s+qui|ce\s+qu'|ce\s+que|ce\s+dont|qui|dont|lequel|laquelle|lesquels|"
    r"lesquelles)\b"
)
# Word beginnings without which _REFERS_BACK cannot match: a cheap test run first (the full
# pattern is slow to scan, and most clauses hold none of these).
_REFERENCE_WORDS = re.compile(
    r"(?:^|[\s'])(?:support|accept|assum|toler|admet|diger|sai|sav|su|ignor|cach|di|parl|racont|"
    r"appr|decouv|vi|vecu|prend|pris|compr|reproch|jug|ni|avou|revel|mention|evoqu|abord|sach|"
    r"expliq|justif|courant|secret|c'est\s+(?:pour|a\s+cause)|c'etait\s+(?:pour|a\s+cause))"
)

# A verb that introduces what someone said, thought or heard, followed by «que».
_REPORTING_FRAME = re.compile(
    r"""
    \b(?:dit|disent|disait|disaient|raconte\w*|affirme\w*|pretend\w*|pense\w*|croi[st]|croient|
       trouve\w*|signale\w*|rapporte\w*|confie\w*|explique\w*|assure\w*|soupconne\w*|
       a\s+dit|ont\s+dit|aurait\s+dit|m'a\s+dit|nous\s+a\s+dit|a\s+confie|paraitrait|parait|
       entendu\s+dire|on\s+dit|on\s+raconte)\s+(?:que|qu')
    """,
    re.VERBOSE,
)
_REPORTED_PIECE = re.compile(r"^(?:et\s+|ou\s+|mais\s+)?(?:que|qu')")

# A clause without a subject that goes on describing the person of the removed label («très
# pieuse, prie en salle d'attente», «escroc, a vidé le compte de sa tante», «parano, croit qu'on
# l'espionne»): a past act, a belief, a habit, a negated practice. Practical verbs («préfère»,
# «vient», «souhaite», «ne pas …» + infinitive) are the need and stay.
_DESCRIPTION = re.compile(
    r"""
    ^(?:encore\s+|toujours\s+|souvent\s+|deja\s+|tres\s+|trop\s+)?
    (?:
      (?:a|avait|aurait|ont|avaient)\s+(?:deja\s+|encore\s+|souvent\s+)?
        (?!besoin|rdv|rendez|un\s+rdv|une\s+ordonnance)[a-z]+(?:e|es|ee|ees|i|is|it|u|us|t)\b
      |(?:croit|croient|pense|pensent|deteste\w*|adore\w*|prie\w*|milite\w*|vote\w*|
         frequente\w*|manifeste\w*|boit|fume\w*|se\s+drogue\w*|insulte\w*|menace\w*|
         vole\w*|ment|mentent|simule\w*|raconte\w*|delire\w*|entend\s+des\s+voix)\b
      |ne\s+(?!pas\b|plus\b|jamais\b|rien\b|surtout\b)[a-z]+\s+(?:pas|plus|jamais|rien)\b
    )
    """,
    re.VERBOSE,
)


def _fold(text: str) -> str:
    return fold(text).strip()


def refers_back(clause: str) -> bool:
    """True when ``clause`` speaks about the fact of the clause before it («le père ne le
    supporte pas», «ce qui explique les retards»), so it cannot stay once that one is gone."""
    return _refers_back(_fold(clause))


def _refers_back(folded: str) -> bool:
    if _RELATIVE_START.match(folded):
        return True
    return bool(_REFERENCE_WORDS.search(folded)) and bool(_REFERS_BACK.search(folded))


def reporting_frame(clause: str) -> bool:
    """True when ``clause`` opens reported speech («la gardienne dit qu'il ne sort plus»)."""
    return bool(_REPORTING_FRAME.search(_fold(clause)))


def reported_piece(clause: str) -> bool:
    """True when ``clause`` continues reported speech («qu'il est déprimé», «et qu'il boit»)."""
    return bool(_REPORTED_PIECE.match(_fold(clause)))


def continues_description(clause: str) -> bool:
    """True when ``clause``, without a subject of its own, goes on describing the person of the
    clause before it («prie en salle d'attente», «a vidé le compte de sa tante», «ne fête pas
    les anniversaires»)."""
    return bool(_DESCRIPTION.match(_fold(clause)))


# Keys of the per-removal cache of :func:`hangs_on_removed`, beside the clause's own index.
_PIECE, _FRAME = 1, 2


def hangs_on_removed(
    clauses: Clauses, index: int, result: set[int], hangs: dict[int, bool]
) -> bool:
    """True when clause ``index`` of ``clauses`` hangs on the removed ``result`` clauses: it
    refers back to, reports or goes on describing the removed clause just before it («le père
    ne le supporte pas», «… et qu'il boit», «prie en salle d'attente»), or it is the frame of
    reported speech one of whose pieces went («la gardienne dit qu'il ne sort plus»). ``hangs``
    keeps what was worked out for each clause of the comment (the caller's fixpoint asks again
    at every pass, and every removal from the same comment asks the same questions)."""
    if index > 0 and (index - 1) in result:
        if index not in hangs:
            hangs[index] = _hangs_on_previous(clauses, index)
        if hangs[index]:
            return True
    if not _cached(clauses, hangs, index, _FRAME, reporting_frame):
        return False  # most clauses open no reported speech
    for later in range(index + 1, len(clauses.segments)):
        if clauses.separators[later].strength >= 5:
            return False
        if later in result and _cached(clauses, hangs, later, _PIECE, reported_piece):
            return True
    return False


def _cached(
    clauses: Clauses, hangs: dict[int, bool], index: int, kind: int, test: Callable[[str], bool]
) -> bool:
    """``test`` of clause ``index``, worked out once per comment (``hangs``)."""
    key = index + kind * len(clauses.segments)
    if key not in hangs:
        segment = clauses.segment_text(index)
        # every frame of reported speech and every reported piece holds «qu»
        hangs[key] = "qu" in segment.casefold() and test(segment)
    return hangs[key]


def _hangs_on_previous(clauses: Clauses, index: int) -> bool:
    """Clause ``index`` speaks of, reports or goes on describing the clause before it."""
    folded = _fold(clauses.segment_text(index))
    if _refers_back(folded):
        return True
    return clauses.separators[index].strength < 5 and bool(
        _REPORTED_PIECE.match(folded) or _DESCRIPTION.match(folded)
    )
