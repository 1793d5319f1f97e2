"""«Pourquoi ?»: the rules behind every finding, in a few short French paragraphs.

Data, not widgets: the desktop app shows these topics in its help dialog (reachable from every
finding's explanation), the report reuses the CNIL rules, and the workshop quiz links to them.
Written for a practice secretary: plain words first, the legal reference in brackets.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

from ..errors import HuisclosError
from ..french import french_spacing
from ..resources import resource


@dataclass(frozen=True, slots=True)
class HelpTopic:
    """One rule explained: a title and a few paragraphs."""

    id: str
    title: str
    paragraphs: tuple[str, ...]


TOPICS: tuple[HelpTopic, ...] = (
    HelpTopic(
        "cnil_comments",
        "Ce que la CNIL attend d'une zone de commentaire",
        (
            "Une zone « commentaire » ou « bloc-notes » sert à suivre le dossier administratif "
            "d'un patient : préférences de rendez-vous, façon de le joindre, règles de "
            "facturation, accès au cabinet. Elle est autorisée, à condition que chaque "
            "commentaire soit objectif, utile, jamais excessif ni injurieux.",
            "Le patient peut demander à lire ce qui est écrit sur lui, à tout moment (droit "
            "d'accès). Une bonne règle : n'écrivez rien que vous ne pourriez pas lui montrer.",
            "Lors d'un contrôle, la CNIL extrait ces zones par mots-clés. Elle recommande un "
            "filtre automatique : c'est exactement ce que fait Huis clos, sans que rien ne "
            "quitte le cabinet.",
        ),
    ),
    HelpTopic(
        "gdpr_art9",
        "Les données « sensibles » (RGPD, article 9)",
        (
            "Certaines informations sont interdites dans un commentaire administratif : la santé "
            "(y compris handicap, grossesse, addiction, génétique), la vie sexuelle et "
            "l'orientation sexuelle, la religion ou les convictions, l'origine ethnique, les "
            "opinions politiques et l'appartenance syndicale.",
            "Une information qui permet de les deviner compte aussi : « voilée » révèle une "
            "religion, un traitement nommé révèle une maladie (Cour de justice de l'Union "
            "européenne, 2022). La négation ne change rien : « pas de VIH » reste une donnée "
            "de santé.",
            "Ces informations ont leur place dans le dossier médical, protégé par le secret "
            "médical — pas dans la partie administrative que voient l'accueil et le logiciel "
            "de rendez-vous.",
        ),
    ),
    HelpTopic(
        "gdpr_art10",
        "Infractions et condamnations (RGPD, article 10)",
        (
            "Prison, casier judiciaire, garde à vue, bracelet électronique, « dealer » : ces "
            "mentions ne doivent pas figurer dans un commentaire, que l'information concerne le "
            "patient ou l'un de ses proches.",
            "Noter des faits non vérifiés revient à tenir un fichier d'infractions privé, ce qui "
            "est illégal. Si un patient pose un problème de sécurité, décrivez la consigne "
            "pratique (« recevoir à deux ») et non le passé judiciaire.",
        ),
    ),
    HelpTopic(
        "hearsay_relatives",
        "Rumeurs et propos sur les proches",
        (
            "« Serait… », « d'après sa mère… », « il paraît que… » : un commentaire rapporte des "
            "faits vérifiés, jamais des rumeurs. Un propos rapporté n'est ni objectif ni "
            "vérifiable.",
            "Les informations sur un proche, ou données par un proche, n'ont pas leur place dans "
            "le dossier du patient : le Code de la santé publique (article L1111-7) les exclut "
            "même de ce que le patient peut consulter. Le frère, la mère ou le conjoint ont "
            "eux aussi droit au respect de leur vie privée.",
        ),
    ),
    HelpTopic(
        "functional_need",
        "Noter le besoin, pas la maladie",
        (
            "Un commentaire peut signaler une contrainte pratique, jamais la maladie ou la "
            "situation qui l'explique (CNIL). Le besoin suffit à l'accueil pour bien recevoir "
            "le patient.",
            "Par exemple : « malentendant » devient « Parler distinctement, privilégier "
            "l'écrit » ; « fauteuil roulant » devient « Accès de plain-pied nécessaire » ; "
            "« juif pratiquant, pas de RDV le samedi » devient « Pas de RDV le samedi » ; "
            "« CMU » devient « Tiers payant intégral » ; « AME en cours de renouvellement » "
            "devient « Droits en cours de renouvellement ». Une consigne déjà écrite reste dans "
            "ses propres mots : « malentendant, parler fort » devient « Parler fort ».",
            "Une information de sécurité (allergie, anticoagulant, pacemaker, épilepsie, "
            "diabète sous insuline) n'est jamais effacée sans trace : elle devient « Information "
            "médicale importante : voir le dossier médical ».",
            "Les suggestions de Huis clos suivent cette règle : elles gardent ce qui est utile à "
            "l'organisation du cabinet et retirent le reste.",
        ),
    ),
    HelpTopic(
        "judgement",
        "Ni jugement, ni précarité, ni identifiants",
        (
            "« Pénible », « simulateur », « cas social » : un jugement sur une personne est "
            "excessif et blessant si elle le lit. Décrivez le fait utile (« 3 RDV non honorés "
            "– rappeler la veille ») plutôt qu'une opinion.",
            "Mentionner la CMU, la C2S ou l'AME stigmatise le patient, et refuser des soins pour "
            "ce motif est une discrimination (Défenseur des droits) : notez seulement le mode "
            "de facturation (« Tiers payant intégral »).",
            "Numéro de sécurité sociale, IBAN, numéro de carte ou mot de passe ont chacun leur "
            "champ prévu dans le logiciel : jamais dans un commentaire libre.",
        ),
    ),
)

TOPIC_BY_ID: dict[str, HelpTopic] = {topic.id: topic for topic in TOPICS}

# Which topic answers «Pourquoi ?» for a finding of each category.
CATEGORY_TOPICS: dict[str, str] = {
    "health": "gdpr_art9",
    "sex_life": "gdpr_art9",
    "religion": "gdpr_art9",
    "ethnic_origin": "gdpr_art9",
    "political": "gdpr_art9",
    "union": "gdpr_art9",
    "criminal": "gdpr_art10",
    "social": "judgement",
    "judgement": "judgement",
    "identifier": "judgement",
}

# A qualifier, when present, is the more telling reason.
REASON_TOPICS: dict[str, str] = {
    "hearsay": "hearsay_relatives",
    "third_party": "hearsay_relatives",
    "emphasis": "cnil_comments",
}

# The CNIL rules for comment fields, in plain words (used by the report).
CNIL_RULES: tuple[str, ...] = (
    "Un commentaire administratif doit être objectif, utile à l'organisation des soins, et "
    "jamais excessif ni injurieux.",
    "Le patient peut le lire à tout moment : n'écrivez rien que vous ne pourriez pas lui montrer.",
    "Aucune donnée de santé, de vie sexuelle, de religion ou de convictions, d'origine, "
    "d'opinion politique ou syndicale (RGPD, art. 9), ni d'infraction (RGPD, art. 10).",
    "Pas de rumeur ni d'information sur un proche ou venant d'un proche "
    "(Code de la santé publique, art. L1111-7).",
    "Notez le besoin pratique, pas la maladie : « Accès de plain-pied nécessaire » plutôt que "
    "« fauteuil roulant ».",
    "Pas de jugement, pas de mention de la CMU, de la C2S ou de l'AME, pas d'identifiant "
    "(numéro de sécurité sociale, IBAN, mot de passe).",
)


def topic(topic_id: str) -> HelpTopic:
    """A topic by id; the CNIL overview for an unknown id (help must always open)."""
    return TOPIC_BY_ID.get(topic_id, TOPICS[0])


def topic_for(
    category: str, reasons: tuple[str, ...] | list[str] = (), severity: str = ""
) -> HelpTopic:
    """The topic that answers «Pourquoi ?» for a finding of ``category`` with ``reasons``.

    Hearsay and third parties are the more telling reason when present; a low-severity finding
    is a need phrased as a condition, so its topic is «Noter le besoin, pas la maladie».
    """
    for reason in reasons:
        if reason in ("hearsay", "third_party"):
            return topic(REASON_TOPICS[reason])
    if severity == "low":
        return topic("functional_need")
    return topic(CATEGORY_TOPICS.get(category, "cnil_comments"))


@cache
def _english_help() -> dict[str, Any]:
    """``resources/lexicon/en/help.toml`` read once ({} if missing or unreadable)."""
    try:
        path = resource("lexicon", "en", "help.toml")
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (HuisclosError, OSError, tomllib.TOMLDecodeError):
        return {}


@cache
def english_topics() -> dict[str, HelpTopic]:
    """The topics in English (``resources/lexicon/en/help.toml``), by id; {} if missing."""
    data = _english_help()
    return {
        topic_id: HelpTopic(topic_id, str(entry["title"]), tuple(entry["paragraphs"]))
        for topic_id, entry in (data.get("topics") or {}).items()
    }


def cnil_rules(language: str = "fr") -> tuple[str, ...]:
    """The CNIL rules the report lists, in ``language`` (French when no English list)."""
    if language == "en":
        english = tuple(
            str(rule) for rule in _english_help().get("report", {}).get("cnil_rules", ())
        )
        if len(english) == len(CNIL_RULES):
            return english
    return CNIL_RULES


def in_language(item: HelpTopic, language: str) -> HelpTopic:
    """``item`` in ``language`` («en» or the French source)."""
    if language == "en":
        return english_topics().get(item.id, item)
    return item


def topic_html(item: HelpTopic) -> str:
    """One topic as simple HTML (Qt rich text)."""
    body = "".join(f"<p>{_text(paragraph)}</p>" for paragraph in item.paragraphs)
    return f"<h2>{_text(item.title)}</h2>{body}"


def _text(text: str) -> str:
    """Escaped, with no-break spaces inside «  » and before : ; so no line starts with them."""
    return french_spacing(escape(text, quote=False))


def all_topics_html() -> str:
    """Every topic, in order, as one HTML page."""
    return "".join(topic_html(item) for item in TOPICS)
