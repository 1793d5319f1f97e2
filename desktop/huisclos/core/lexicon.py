"""Load the lexicon (resources/lexicon/fr/*.toml, plus the practice's own terms) into rules.

CONTRACT: see resources/lexicon/README.md for the file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass
class Lexicon:
    rules: list[Rule] = field(default_factory=list)
    hearsay: tuple[str, ...] = ()
    third_party: tuple[str, ...] = ()

    def rule(self, rule_id: str) -> Rule:
        raise NotImplementedError
