"""User-facing labels for core ids, translatable with Qt Linguist.

The core keeps French labels (the CLI prints them); the desktop app shows the same words
through ``QCoreApplication.translate`` so the English translation can replace them. Each
literal appears here once so ``pyside6-lupdate`` collects it. Also French number formatting.

Threading: GUI thread (translations are installed on the application).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication

from ..core.check.comment import CATEGORY_REASONS
from ..core.detect.categories import (
    CATEGORY_LABELS,
    REASON_EXPLANATIONS,
    REASON_LABELS,
    SEVERITY_LABELS,
)
from ..core.detect.english import explanation_in_english
from ..core.french import number


@cache
def _labels(language: str) -> dict[str, str]:
    """Every label in the interface language (``language`` keys the cache)."""
    return {
        # categories
        "health": QCoreApplication.translate("Labels", "Santé"),
        "sex_life": QCoreApplication.translate("Labels", "Vie sexuelle et identité de genre"),
        "religion": QCoreApplication.translate("Labels", "Religion et convictions"),
        "ethnic_origin": QCoreApplication.translate("Labels", "Origine ethnique"),
        "political": QCoreApplication.translate("Labels", "Opinions politiques"),
        "union": QCoreApplication.translate("Labels", "Appartenance syndicale"),
        "criminal": QCoreApplication.translate("Labels", "Infractions et justice"),
        "social": QCoreApplication.translate("Labels", "Précarité sociale"),
        "judgement": QCoreApplication.translate("Labels", "Jugement ou propos déplacé"),
        "identifier": QCoreApplication.translate("Labels", "Identifiant ou secret"),
        # short words (the «État» column's chips, the chart), never codes
        "short:health": QCoreApplication.translate("Labels", "Santé"),
        "short:sex_life": QCoreApplication.translate("Labels", "Sexualité"),
        "short:religion": QCoreApplication.translate("Labels", "Religion"),
        "short:ethnic_origin": QCoreApplication.translate("Labels", "Origine"),
        "short:political": QCoreApplication.translate("Labels", "Politique"),
        "short:union": QCoreApplication.translate("Labels", "Syndicat"),
        "short:criminal": QCoreApplication.translate("Labels", "Justice"),
        "short:social": QCoreApplication.translate("Labels", "Précarité"),
        "short:judgement": QCoreApplication.translate("Labels", "Jugement"),
        "short:identifier": QCoreApplication.translate("Labels", "Identifiant"),
        # markers: the short text beside a highlighted passage (a chip when the column is narrow)
        "marker:health": QCoreApplication.translate("Labels", "SAN"),
        "marker:sex_life": QCoreApplication.translate("Labels", "SEX"),
        "marker:religion": QCoreApplication.translate("Labels", "REL"),
        "marker:ethnic_origin": QCoreApplication.translate("Labels", "ORI"),
        "marker:political": QCoreApplication.translate("Labels", "POL"),
        "marker:union": QCoreApplication.translate("Labels", "SYN"),
        "marker:criminal": QCoreApplication.translate("Labels", "JUS"),
        "marker:social": QCoreApplication.translate("Labels", "SOC"),
        "marker:judgement": QCoreApplication.translate("Labels", "JUG"),
        "marker:identifier": QCoreApplication.translate("Labels", "ID"),
        # severities
        "low": QCoreApplication.translate("Labels", "faible"),
        "medium": QCoreApplication.translate("Labels", "moyenne"),
        "high": QCoreApplication.translate("Labels", "élevée"),
        # reasons, and why each is a problem
        "hearsay": QCoreApplication.translate("Labels", "rumeur"),
        "third_party": QCoreApplication.translate("Labels", "tiers"),
        "emphasis": QCoreApplication.translate("Labels", "insistance"),
        "why:hearsay": QCoreApplication.translate(
            "Labels", "Propos rapporté ou non vérifié : un commentaire doit rester objectif (CNIL)."
        ),
        "why:third_party": QCoreApplication.translate(
            "Labels",
            "Information sur un proche ou obtenue d'un tiers : elle n'a pas sa place dans le "
            "dossier (Code de la santé publique, art. L1111-7).",
        ),
        "why:emphasis": QCoreApplication.translate(
            "Labels",
            "Ton excessif (majuscules, points d'exclamation) : un commentaire ne doit jamais "
            "être excessif (CNIL).",
        ),
        # why a category is a problem, said without the comment (the clipboard watch)
        "category:health": QCoreApplication.translate(
            "Labels",
            "une information de santé relève du dossier médical, pas d'un commentaire "
            "administratif (RGPD art. 9).",
        ),
        "category:sex_life": QCoreApplication.translate(
            "Labels",
            "la vie sexuelle ou l'identité de genre est une donnée sensible (RGPD art. 9).",
        ),
        "category:religion": QCoreApplication.translate(
            "Labels", "une religion ou une conviction est une donnée sensible (RGPD art. 9)."
        ),
        "category:ethnic_origin": QCoreApplication.translate(
            "Labels", "une origine supposée est une donnée sensible (RGPD art. 9)."
        ),
        "category:political": QCoreApplication.translate(
            "Labels", "une opinion politique est une donnée sensible (RGPD art. 9)."
        ),
        "category:union": QCoreApplication.translate(
            "Labels", "une appartenance syndicale est une donnée sensible (RGPD art. 9)."
        ),
        "category:criminal": QCoreApplication.translate(
            "Labels",
            "une infraction ou une mesure de justice n'a pas sa place dans un commentaire "
            "(RGPD art. 10).",
        ),
        "category:social": QCoreApplication.translate(
            "Labels", "une mention de précarité est stigmatisante (Défenseur des droits, CNIL)."
        ),
        "category:judgement": QCoreApplication.translate(
            "Labels", "un commentaire doit rester objectif, jamais excessif ni blessant (CNIL)."
        ),
        "category:identifier": QCoreApplication.translate(
            "Labels", "un numéro ou un secret n'a rien à faire dans un commentaire (CNIL)."
        ),
    }


def category_label(category: str) -> str:
    """The category's name in the interface language."""
    return _labels(language()).get(category, CATEGORY_LABELS.get(category, category))


def category_word(category: str) -> str:
    """One word for the category («Santé», «Justice», «Précarité»): the chips of the «État»
    column and the chart's bars, where the full name would not fit."""
    return _labels(language()).get(f"short:{category}", category_label(category))


def category_marker(category: str) -> str:
    """The category's short marker («SAN» in French, «HEA» in English): beside a highlighted
    passage, so the highlight never relies on colour alone."""
    return _labels(language()).get(f"marker:{category}", "?")


def severity_label(severity: str) -> str:
    return _labels(language()).get(severity, SEVERITY_LABELS.get(severity, severity))


def reason_label(reason: str) -> str:
    return _labels(language()).get(reason, REASON_LABELS.get(reason, reason))


def reason_explanation(reason: str) -> str:
    return _labels(language()).get(f"why:{reason}", REASON_EXPLANATIONS.get(reason, ""))


def rule_explanation(rule_id: str, french: str) -> str:
    """Why a rule's finding is a problem, in the interface language: the lexicon's English
    explanation in English (``french``, the rule's own, otherwise)."""
    if language() == "en":
        return explanation_in_english(rule_id) or french
    return french


SUGGESTION_LABELS_FR = {
    "rewrite": "Reformuler en gardant le besoin",
    "remove": "Retirer le passage sensible",
    "empty": "Vider le commentaire",
    "mask": "Masquer les mots sensibles",
}


def suggestion_label(label: str) -> str:
    """A suggestion's button text (the core's French label) in the interface language."""
    translated = {
        SUGGESTION_LABELS_FR["rewrite"]: QCoreApplication.translate(
            "Labels", "Reformuler en gardant le besoin"
        ),
        SUGGESTION_LABELS_FR["remove"]: QCoreApplication.translate(
            "Labels", "Retirer le passage sensible"
        ),
        SUGGESTION_LABELS_FR["empty"]: QCoreApplication.translate("Labels", "Vider le commentaire"),
        SUGGESTION_LABELS_FR["mask"]: QCoreApplication.translate(
            "Labels", "Masquer les mots sensibles"
        ),
    }
    return translated.get(label, label)


def category_reason(category: str) -> str:
    """Why ``category`` is a problem, in one line that says nothing of the comment."""
    return _labels(language()).get(f"category:{category}", CATEGORY_REASONS.get(category, ""))


def language() -> str:
    """The interface language actually loaded ("fr" unless an English translation is on)."""
    app = QCoreApplication.instance()
    return str(app.property("huisclos_language") or "fr") if app else "fr"


def format_number(value: int) -> str:
    """12431 → «12 431» with a narrow no-break space in French, «12,431» in English."""
    return f"{value:,}" if language() == "en" else number(value)


def format_decimal(value: float, digits: int = 1) -> str:
    """0.5 → «0,5» in French, «0.5» in English."""
    text = f"{value:.{digits}f}"
    return text if language() == "en" else text.replace(".", ",")


def format_rate(value: float) -> str:
    """Rows per second, rounded to something readable."""
    if value >= 1000:
        value = round(value, -3)
    return format_number(int(value))
