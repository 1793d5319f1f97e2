"""A tiny stand-in detector for rewrite tests that must not depend on the bundled lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from huisclos.core.detect.findings import Finding
from huisclos.core.detect.lexicon import Rule


def rule(rule_id: str, category: str, severity: str, *terms: str, rewrite=None, keep=()) -> Rule:
    return Rule(
        id=rule_id,
        category=category,
        severity=severity,
        label=rule_id,
        explanation="",
        terms=terms,
        rewrite=rewrite,
        keep=tuple(keep),
    )


RULES = [
    rule("health.hiv", "health", "high", "sida", "vih", "séropo"),
    rule("health.suicide", "health", "high", "suicidés", "suicidé", "TS"),
    rule("sex_life.orientation", "sex_life", "high", "homosexuelle", "homo"),
    rule(
        "sex_life.gender",
        "sex_life",
        "high",
        "transgenre",
        keep=[(r"se fait appeler (?P<prenom>[A-ZÉÈ][\w-]+)", r"Prénom d'usage : \g<prenom>")],
    ),
    rule("religion.islam", "religion", "high", "musulmane", "voilée", "ramadan"),
    rule("religion.christian", "religion", "high", "catholique", "pratiquante"),
    rule("religion.judaism", "religion", "high", "juif", "pratiquant"),
    rule(
        "religion.jehovah",
        "religion",
        "high",
        "TJ",
        rewrite="Refus de certains soins : voir le dossier médical",
    ),
    rule(
        "health.hearing",
        "health",
        "low",
        "malentendant",
        rewrite="Parler distinctement, privilégier l'écrit",
    ),
    rule(
        "health.wheelchair",
        "health",
        "low",
        "fauteuil roulant",
        rewrite="Accès de plain-pied nécessaire",
    ),
    rule("social.cmu", "social", "medium", "CMU", "C2S", rewrite="Tiers payant intégral"),
    rule("judgement.insult", "judgement", "medium", "chiant", "pénible"),
    rule("identifier.password", "identifier", "high", "mdp"),
    # Like the bundled lexicon, the match covers the label only, not the login after it.
    rule("identifier.login", "identifier", "high", "identifiant ameli"),
]


@dataclass
class FakeLexicon:
    rules: list[Rule] = field(default_factory=lambda: list(RULES))

    def rule(self, rule_id: str) -> Rule:
        for candidate in self.rules:
            if candidate.id == rule_id:
                return candidate
        raise KeyError(rule_id)


class FakeDetector:
    """Whole-word, case-insensitive matching of each rule's terms."""

    def __init__(self, rules: list[Rule] | None = None) -> None:
        self.lexicon = FakeLexicon(list(rules or RULES))

    def rule_named(self, rule_id: str) -> Rule:
        return self.lexicon.rule(rule_id)

    def detect(
        self, text: str, *, row: int = 0, column: str = "", sheet: str = ""
    ) -> list[Finding]:
        found: list[Finding] = []
        for candidate in self.lexicon.rules:
            for term in candidate.terms:
                flags = 0 if term.isupper() else re.IGNORECASE
                for match in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text, flags):
                    found.append(
                        Finding(
                            row,
                            column,
                            match.start(),
                            match.end(),
                            candidate.category,
                            candidate.severity,
                            candidate.id,
                            match.group(),
                            sheet=sheet,
                        )
                    )
        return sorted(found, key=lambda finding: (finding.start, finding.end))
