"""What a rewrite must keep once the sensitive words are gone: the practice's need, exactly.

- **Safety first**: an allergy, an anticoagulant, a pacemaker, epilepsy, diabetes with an action
  to take (insulin, hypoglycaemia, sugar at hand) become a pointer to the medical record, never
  silence (:data:`POINTER`); a rule's own pointer («Refus de certains soins : voir le dossier
  médical») is kept.
- **Administrative status in neutral words**: «AME en cours de renouvellement» → «Droits en cours
  de renouvellement», «ACS expirée» → «Droits expirés : à vérifier».
- **CNIL's own wordings** for money («Difficultés de paiement», «Échéancier accordé») and
  behaviour («Échange difficile au téléphone le 12/03»), when the removed clause held that need.
- **The instruction in its own words**: a rule's neutral phrase («Parler distinctement,
  privilégier l'écrit») is not added when the comment already states the need («parler fort»,
  «RDV au rez-de-chaussée»).
- **Days that pointed at removed context** are resolved («chimio le lundi, pas de RDV le
  lendemain» → «Pas de RDV le mardi») or, when they cannot be, the instruction goes.

Pure functions over the lexicon's rules and the comment's text; safe from any thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..detect.findings import Finding
from ..detect.lexicon import Rule
from ..detect.normalize import fold  # lower case, no accents, one apostrophe; same length

__all__ = [
    "POINTER",
    "already_stated",
    "is_pointer",
    "is_safety_critical",
    "may_need",
    "need_phrase",
    "relative_day",
    "stems",
]

POINTER = "Information médicale importante : voir le dossier médical"


def is_pointer(phrase: str) -> bool:
    """A phrase that sends the reader to the medical record (never dropped, never doubled)."""
    return "dossier medical" in fold(phrase)


# ----------------------------------------------------------------------------- safety-critical

# Matched words that always name a risk a carer must know about.
_SAFETY_WORDS = re.compile(
    r"allerg|anaphyla|quincke|adrenaline|anapen|epipen|jext|anticoag|\bavk\b|previscan|coumadine|"
    r"sintrom|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|lovenox|heparine|"
    r"pace[- ]?maker|stimulateur cardiaque|defibrillateur|epilep|convulsi|keppra|levetiracetam|"
    r"depakine|lamictal|lamotrigine|tegretol|carbamazepine|urbanyl|hemophil|"
    r"transfusion|produits sanguins|refuse le sang"
)
# Diabetes words, and the actions that make it a risk to know about at the desk.
_DIABETES_WORDS = re.compile(
    r"diabet|\bdid\b|\bdnid\b|\bdt[12]\b|insulin|lantus|novorapid|humalog|levemir|toujeo|tresiba|"
    r"apidra|glycemi|freestyle|hypoglyc|hyperglyc"
)
_DIABETES_ACTIONS = re.compile(
    r"insulin|pompe|stylo|hypo|resucr|sucre|collation|glucagon|malaise|lecteur|capteur|glycemi"
)


def is_safety_critical(finding: Finding, text: str) -> bool:
    """True when ``finding`` names health information a carer must not lose (an allergy, an
    anticoagulant, a pacemaker, epilepsy, a refusal of blood products, diabetes with an action
    to take): it becomes a pointer to the medical record, never silence."""
    if finding.category != "health" and finding.category != "religion":
        return False
    risk = _risk(finding.match)
    return risk == _ALWAYS or (risk == _WITH_ACTION and bool(_DIABETES_ACTIONS.search(fold(text))))


_NONE, _ALWAYS, _WITH_ACTION = 0, 1, 2


@lru_cache(maxsize=2048)
def _risk(match: str) -> int:
    """Whether the matched words name a risk always, only with an action to take, or never."""
    folded = fold(match)
    if _SAFETY_WORDS.search(folded):
        return _ALWAYS
    return _WITH_ACTION if _DIABETES_WORDS.search(folded) else _NONE


# ------------------------------------------------------------------------ administrative status

_COVERAGE_RULES = frozenset({"social.coverage", "social.ame", "social.coverage_acronym"})
_RENEWAL = re.compile(r"renouvel|a refaire|a redemander")
_PENDING = re.compile(r"\ben cours\b|\bdemande\b|en attente")
_EXPIRED = re.compile(
    r"expir|perime|\bechu|fin de droits|plus de droits|droits (?:fermes|clotures|termines)|"
    r"n'a plus|a plus de|terminee?s?\b"
)
_WHEN = re.compile(
    r"(?:\b(?:le|au|du|depuis le|depuis|avant le|en|fin|debut|mi)\s+)"
    r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|janvier|fevrier|mars|avril|mai|juin|juillet|aout|"
    r"septembre|octobre|novembre|decembre)(?:\s+\d{4})?",
)


def _when(text: str, folded: str) -> str:
    """The date or month a status clause gives («le 30/06», «en juin»), as typed; "" if none."""
    found = _WHEN.search(folded)
    return text[found.start() : found.end()].strip() if found and len(text) == len(folded) else ""


def _status_phrase(clause: str) -> str | None:
    """«Droits en cours de renouvellement», «Droits expirés : à vérifier» (with the date the
    clause gives), or None when the clause says nothing of the rights' status."""
    folded = fold(clause)
    when = _when(clause, folded)
    dated = f" {when}" if when else ""
    if _EXPIRED.search(folded):
        return f"Droits expirés{dated} : à vérifier"
    if _RENEWAL.search(folded):
        return f"Droits en cours de renouvellement{dated}"
    if _PENDING.search(folded):
        return f"Demande de droits en cours{dated}"
    return None


# ------------------------------------------------------------------------- money and behaviour

_MONEY_RULES = frozenset({"social.debt", "social.minimum_income", "social.hardship"})
_INSTALMENTS = re.compile(r"echeancier|plusieurs fois|en \d+ fois|etale|mensualit|plan de paiement")
_PAYMENT = re.compile(
    r"\bpa(?:y|i)e|paiement|regl|cheque|facture|honoraire|depassement|impaye|consultation|"
    r"avance de frais|\bpayer\b"
)
_HOUSING_RULES = frozenset({"social.housing", "social.shelter"})
_MAIL = re.compile(r"courrier|domicili|adresse|boite aux lettres|recommande")
_BEHAVIOUR_RULES = frozenset({
    "judgement.behaviour", "judgement.difficult", "judgement.vulgar", "judgement.insult",
    "judgement.instability", "judgement.character", "judgement.framed_noun",
    "judgement.mental_contempt", "judgement.clinical_labels", "judgement.vulgar_frame",
    "judgement.misogynist",
})  # fmt: skip
_CHANNEL = re.compile(
    r"\b(?:au|a l'|a la|en|par|sur)\s*(?:telephone|tel\b|tel\.|accueil|secretariat|"
    r"salle d'attente|cabinet|guichet|mail|sms|consultation)",
)
_DATE = re.compile(r"\b(?:le\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?")


def _money_phrase(clause: str) -> str | None:
    folded = fold(clause)
    if _INSTALMENTS.search(folded):
        return "Échéancier accordé"
    if _PAYMENT.search(folded):
        return "Difficultés de paiement"
    return None


def _mail_phrase(clause: str) -> str | None:
    """Where the mail goes, without the shelter or aid that receives it («courrier au CCAS»)."""
    return "Courrier : adresse de domiciliation au dossier" if _MAIL.search(fold(clause)) else None


def _behaviour_phrase(clause: str) -> str | None:
    """«Échange difficile» with the clause's own channel and date («au téléphone le 12/03»):
    the objective fact, never the judgement. None when the clause gives neither."""
    folded = fold(clause)
    if len(folded) != len(clause):
        return None
    pieces = [
        clause[found.start() : found.end()].strip()
        for pattern in (_CHANNEL, _DATE)
        if (found := pattern.search(folded))
    ]
    if not pieces:
        return None
    date = pieces[-1] if _DATE.fullmatch(fold(pieces[-1])) else ""
    if date and not date.lower().startswith("le "):
        pieces[-1] = f"le {date}"
    return " ".join(["Échange difficile", *pieces])


# ------------------------------------------------------------------------------ the phrase


def may_need(finding: Finding, rule: Rule, text: str) -> bool:
    """Cheap test: could :func:`need_phrase` give ``finding`` a phrase? (Most findings: no.)"""
    if rule.rewrite or finding.rule in _COVERAGE_RULES:
        return True
    if finding.rule in _MONEY_RULES:
        folded = fold(text)
        return bool(_INSTALMENTS.search(folded) or _PAYMENT.search(folded) or _MAIL.search(folded))
    if finding.rule in _HOUSING_RULES:
        return bool(_MAIL.search(fold(text)))
    if finding.rule in _BEHAVIOUR_RULES:
        return bool(_DATE.search(text) or _CHANNEL.search(fold(text)))
    return is_safety_critical(finding, text)


def need_phrase(finding: Finding, rule: Rule, clause: str, text: str) -> str | None:
    """The neutral phrase that takes the place of ``clause`` (the clause carrying ``finding``
    in the comment ``text``), or None when nothing of it is needed."""
    if is_safety_critical(finding, text):
        return rule.rewrite if rule.rewrite and is_pointer(rule.rewrite) else POINTER
    if finding.rule in _COVERAGE_RULES:
        return _status_phrase(clause) or rule.rewrite
    if finding.rule in _MONEY_RULES:
        return _money_phrase(clause) or _mail_phrase(clause) or rule.rewrite
    if finding.rule in _HOUSING_RULES:
        return _mail_phrase(clause) or rule.rewrite
    if finding.rule in _BEHAVIOUR_RULES:
        return _behaviour_phrase(clause) or rule.rewrite
    return (rule.rewrite or "").strip() or None


# --------------------------------------------------------------------------- already stated

# The words that say a need in the user's own terms, by the phrase's first word.
_NEED_WORDS: dict[str, tuple[str, ...]] = {
    "parler": (
        "parl", "fort", "articul", "ecri", "papier", "face", "sms", "mail", "levre", "repet",
        "lentement", "interpret", "signe", "voix", "oreille",
    ),
    "acces": (
        "rez", "rdc", "plain", "ascenseur", "etage", "en bas", "du bas", "rampe", "acces",
        "domicile", "vad", "visite",
    ),
    "accompagner": ("lire", "lect", "accompagn", "guid", "voix", "chien", "bras"),
    "tiers": ("tiers payant", "tiers-payant", "tp", "dispense d'avance"),
}  # fmt: skip
_STOPWORDS = frozenset(
    {
        "avec", "sans", "pour", "dans", "plus", "tres", "voir", "fait", "faire", "etre", "avoir",
        "cette", "tout", "tous", "toute", "elle", "lui", "leur", "nous", "vous", "chez",
        "depuis", "apres", "avant", "information", "importante",
    }
)  # fmt: skip


def stems(text: str) -> set[str]:
    """The first five letters of each meaningful word (a cheap «same word» test)."""
    words = re.findall(r"[a-z]+", fold(text))
    return {word[:5] for word in words if len(word) >= 4 and word not in _STOPWORDS}


def already_stated(phrase: str, kept: Iterable[str]) -> bool:
    """True when one of the ``kept`` clauses already states the need of ``phrase`` in the
    user's own words («parler fort» for «Parler distinctement, privilégier l'écrit»; «RDV au
    rez-de-chaussée» for «Accès de plain-pied nécessaire»). A pointer to the medical record is
    never already stated."""
    if is_pointer(phrase):
        return False
    words = _need_words(fold(phrase).split(" ", 1)[0])
    own = stems(phrase)
    return any(
        own & stems(clause) or (words is not None and words.search(fold(clause))) for clause in kept
    )


@lru_cache(maxsize=64)
def _need_words(first_word: str) -> re.Pattern[str] | None:
    """One pattern for the words that state the need of a phrase starting with ``first_word``."""
    words = _NEED_WORDS.get(first_word)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")") if words else None


# ------------------------------------------------------------------------------- relative days

_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DAY = re.compile(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\b")
_RELATIVE = re.compile(
    r"\b(?P<ref>le\s+lendemain|le\s+surlendemain|la\s+veille|l['’]avant-veille|"
    r"le\s+jour\s+m[êe]me|le\s+m[êe]me\s+jour|ce\s+jour[- ]l[àa]|ces\s+jours[- ]l[àa]|"
    r"ces\s+jours|ce\s+jour)\b(?!\s+(?:de|du|des|d['’]))",
    re.IGNORECASE,
)
_SHIFT = {"lendemain": 1, "surlendemain": 2, "veille": -1, "avant-veille": -2}
# «rappeler la veille»: the eve of the appointment, not of the removed fact.
_REMINDER = re.compile(r"\b(?:rappel|appel|preven|confirm|relanc|sms|texto|message)")


def relative_day(clause: str, removed: Iterable[str]) -> str | None:
    """``clause`` with a day it gave relative to removed context made explicit («pas de RDV le
    lendemain» after «chimio le lundi» → «pas de RDV le mardi»); ``clause`` unchanged when it
    has no such reference (or a reminder's «la veille», which means the appointment's eve); None
    when the reference cannot be resolved (the instruction goes with its context)."""
    found = _RELATIVE.search(clause)
    if found is None:
        return clause
    reference = fold(found.group("ref"))
    if "veille" in reference and _REMINDER.search(fold(clause[: found.start()])):
        return clause
    day = None
    for text in removed:
        days = {match.group(1) for match in _DAY.finditer(fold(text))}
        if len(days) == 1:
            day = days.pop()
            break
        if days:
            return None
    if day is None:
        return None
    shift = next((value for key, value in _SHIFT.items() if reference.endswith(key)), 0)
    target = _DAYS[(_DAYS.index(day) + shift) % 7]
    plural = reference.startswith("ces ")
    return (
        clause[: found.start()]
        + (f"les {target}s" if plural else f"le {target}")
        + clause[found.end() :]
    )
