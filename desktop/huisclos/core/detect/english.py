"""The lexicon's rules in English: a label and an explanation per rule id, read from
``resources/lexicon/en/rules.toml`` (beside the French lexicon, which stays the source).

The desktop app shows them when its interface is in English; the command line stays French. A
rule without an English entry (a practice's own term) is shown in French. Plain data, read
once.
"""

from __future__ import annotations

import logging
import tomllib
from functools import cache
from typing import NamedTuple

from ..errors import HuisclosError
from ..resources import resource

logger = logging.getLogger(__name__)


class EnglishRule(NamedTuple):
    label: str
    explanation: str


@cache
def english_rules() -> dict[str, EnglishRule]:
    """Rule id → its English label and explanation ({} when the file is missing)."""
    try:
        path = resource("lexicon", "en", "rules.toml")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (HuisclosError, OSError, tomllib.TOMLDecodeError) as error:
        logger.warning("English rule texts unavailable: %s", error)
        return {}
    return {
        rule_id: EnglishRule(str(entry.get("label", "")), str(entry.get("explanation", "")))
        for rule_id, entry in (data.get("rules") or {}).items()
    }


def explanation_in_english(rule_id: str) -> str | None:
    """The rule's English explanation, or None when it has none."""
    entry = english_rules().get(rule_id)
    return entry.explanation if entry and entry.explanation else None
