"""User-facing labels for core ids, translatable with Qt Linguist.

The core keeps French labels (the CLI prints them); the desktop app shows the same words
through ``QCoreApplication.translate`` so the English translation can replace them. Each
literal appears here once so ``pyside6-lupdate`` collects it. Also French number formatting.

Threading: GUI thread (translations are installed on the application).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.categories import CATEGORY_LABELS, REASON_EXPLANATIONS, REASON_LABELS, SEVERITY_LABELS

NARROW_NBSP = "\u202f"


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def category_label(category: str) -> str:
    """The category's name in the interface language."""
    labels = {
        "health": _t("Santé"),
        "sex_life": _t("Vie sexuelle et identité de genre"),
        "religion": _t("Religion et convictions"),
        "ethnic_origin": _t("Origine ethnique"),
        "political": _t("Opinions politiques"),
        "union": _t("Appartenance syndicale"),
        "criminal": _t("Infractions et justice"),
        "social": _t("Précarité sociale"),
        "judgement": _t("Jugement ou propos déplacé"),
        "identifier": _t("Identifiant ou secret"),
    }
    return labels.get(category, CATEGORY_LABELS.get(category, category))


def severity_label(severity: str) -> str:
    labels = {"low": _t("faible"), "medium": _t("moyenne"), "high": _t("élevée")}
    return labels.get(severity, SEVERITY_LABELS.get(severity, severity))


def reason_label(reason: str) -> str:
    labels = {"hearsay": _t("rumeur"), "third_party": _t("tiers"), "emphasis": _t("insistance")}
    return labels.get(reason, REASON_LABELS.get(reason, reason))


def reason_explanation(reason: str) -> str:
    labels = {
        "hearsay": _t(
            "Propos rapporté ou non vérifié : un commentaire doit rester objectif (CNIL)."
        ),
        "third_party": _t(
            "Information sur un proche ou obtenue d'un tiers : elle n'a pas sa place dans le "
            "dossier (Code de la santé publique, art. L1111-7)."
        ),
        "emphasis": _t(
            "Ton excessif (majuscules, points d'exclamation) : un commentaire ne doit jamais "
            "être excessif (CNIL)."
        ),
    }
    return labels.get(reason, REASON_EXPLANATIONS.get(reason, ""))


def language() -> str:
    """The interface language actually loaded ("fr" unless an English translation is on)."""
    app = QCoreApplication.instance()
    return str(app.property("huisclos_language") or "fr") if app else "fr"


def format_number(value: int) -> str:
    """12431 → «12 431» with a narrow no-break space in French, «12,431» in English."""
    text = f"{value:,}"
    if language() == "en":
        return text
    return text.replace(",", NARROW_NBSP)


def format_rate(value: float) -> str:
    """Rows per second, rounded to something readable."""
    if value >= 1000:
        value = round(value, -3)
    return format_number(int(value))
