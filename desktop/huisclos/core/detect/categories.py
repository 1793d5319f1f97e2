"""The ten categories of sensitive content and the three severities: stable ids, French labels.

The ids are a contract (DESIGN.md): they appear in lexicon files, findings, the log and reports.
The labels are what a practice secretary reads.
"""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "health",
    "sex_life",
    "religion",
    "ethnic_origin",
    "political",
    "union",
    "criminal",
    "social",
    "judgement",
    "identifier",
)

CATEGORY_LABELS: dict[str, str] = {
    "health": "Santé",
    "sex_life": "Vie sexuelle et identité de genre",
    "religion": "Religion et convictions",
    "ethnic_origin": "Origine ethnique",
    "political": "Opinions politiques",
    "union": "Appartenance syndicale",
    "criminal": "Infractions et justice",
    "social": "Précarité sociale",
    "judgement": "Jugement ou propos déplacé",
    "identifier": "Identifiant ou secret",
}

CATEGORY_WORDS: dict[str, str] = {
    "health": "Santé",
    "sex_life": "Sexualité",
    "religion": "Religion",
    "ethnic_origin": "Origine",
    "political": "Politique",
    "union": "Syndicat",
    "criminal": "Justice",
    "social": "Précarité",
    "judgement": "Jugement",
    "identifier": "Identifiant",
}
"""One word per category, where the full label does not fit (chips, chart, CLI lists)."""

SEVERITIES: tuple[str, ...] = ("low", "medium", "high")

SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}

SEVERITY_LABELS: dict[str, str] = {"low": "faible", "medium": "moyenne", "high": "élevée"}

REASONS: tuple[str, ...] = ("hearsay", "third_party", "emphasis")

REASON_LABELS: dict[str, str] = {
    "hearsay": "rumeur",
    "third_party": "tiers",
    "emphasis": "insistance",
}

REASON_EXPLANATIONS: dict[str, str] = {
    "hearsay": ("Propos rapporté ou non vérifié : un commentaire doit rester objectif (CNIL)."),
    "third_party": (
        "Information sur un proche ou obtenue d'un tiers : elle n'a pas sa place dans le "
        "dossier (Code de la santé publique, art. L1111-7)."
    ),
    "emphasis": (
        "Ton excessif (majuscules, points d'exclamation) : un commentaire ne doit jamais être "
        "excessif (CNIL)."
    ),
}


def at_least(severity: str, minimum: str) -> bool:
    """True when ``severity`` is ``minimum`` or more serious."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[minimum]
