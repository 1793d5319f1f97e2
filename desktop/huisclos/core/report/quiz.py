"""The workshop quiz: fictional comments shown one at a time; the room answers «sensible ?»,
the trainer reveals the categories, the reason and the suggested rewrite; a score at the end.

Every comment is fictional: the lexicon's ``examples`` (``resources/lexicon/fr/*.toml``) and the
labelled lists of ``resources/demo/comments.toml``, plus a few built-in ones so the quiz always
works. The reveal uses the real detector and rewrites, so the trainer shows exactly what the
app does in the practice.

Plain Python, no Qt: the workshop view drives a :class:`Quiz`. Not thread-safe (GUI thread).
"""

from __future__ import annotations

import logging
import random
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..detect.categories import CATEGORIES, CATEGORY_LABELS, REASON_EXPLANATIONS
from ..detect.detector import Detector
from ..errors import HuisclosError
from ..french import plural
from ..resources import resource
from ..rewrite.suggestions import first_suggestion
from .help_text import topic_for

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One fictional comment and its answer key (``sensitive``, ``categories``)."""

    text: str
    sensitive: bool
    categories: tuple[str, ...] = ()
    note: str = ""  # for the trainer, from the labelled lists


@dataclass(frozen=True, slots=True)
class Reveal:
    """What the trainer shows after the room has answered."""

    sensitive: bool
    categories: tuple[str, ...]  # category ids
    labels: tuple[str, ...]  # French labels of the categories
    explanation: str  # French: why it is (or is not) a problem
    reasons: tuple[str, ...]  # French: hearsay / third party / emphasis, when present
    suggestion: str | None  # the whole comment rewritten, None when nothing to change
    spans: tuple[tuple[int, int], ...]  # passages to highlight in the comment
    topic: str  # «Pourquoi ?» topic id
    note: str = ""  # the trainer's note, when the labelled list gives one
    rule: str = ""  # the rule whose explanation is shown (for its English text)
    reason_ids: tuple[str, ...] = ()  # the reasons' ids (for their English text)


@dataclass(frozen=True, slots=True)
class Score:
    correct: int
    answered: int
    total: int

    @property
    def text(self) -> str:
        if not self.answered:
            return f"Aucune réponse notée sur {self.total} commentaires."
        return f"{plural(self.correct, 'bonne réponse', 'bonnes réponses')} sur {self.answered}"


# A few comments that keep the quiz usable even with no lexicon or corpus on disk.
BUILT_IN_SENSITIVE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("porteuse sida !!! !!!!", ("health",)),
    ("serait homosexuelle d'après sa mère", ("sex_life",)),
    ("mère musulmane voilée", ("religion",)),
    ("catholique non pratiquante car ses 2 frères sont suicidés", ("religion", "health")),
    ("juif pratiquant, pas de RDV le samedi", ("religion",)),
    ("malentendant - parler fort", ("health",)),
    ("CMU, ne pas demander la carte Vitale", ("social",)),
    ("patiente très pénible, toujours en retard", ("judgement",)),
)
BUILT_IN_BENIGN: tuple[str, ...] = (
    "préfère RDV le matin",
    "ne pas laisser de message, appeler sur portable",
    "tiers payant intégral",
    "3e étage sans ascenseur, code porte 4821",
    "courrier revenu – adresse à vérifier",
    "homonyme : ne pas confondre avec Mme Gay Josiane",
)


# --- the pool of fictional comments ---------------------------------------------------------


def lexicon_examples(folder: Path | None = None) -> list[QuizItem]:
    """Every ``examples`` entry of the lexicon files, labelled with its file's category."""
    if folder is None:
        try:
            folder = resource("lexicon", "fr")
        except HuisclosError:  # an incomplete installation: the built-in comments still work
            return []
    items: list[QuizItem] = []
    for path in sorted(Path(folder).glob("*.toml")):
        data = _read_toml(path)
        category = str(data.get("category") or path.stem)
        if category not in CATEGORIES:
            continue
        for rule in data.get("rule") or ():
            if not isinstance(rule, dict):
                continue
            rule_category = str(rule.get("category") or category)
            for text in rule.get("examples") or ():
                if isinstance(text, str) and text.strip():
                    items.append(QuizItem(text.strip(), True, (rule_category,)))
    return items


def corpus_comments(path: Path | None = None) -> list[QuizItem]:
    """The labelled lists of ``resources/demo/comments.toml`` (benign and sensitive).

    Entries are plain strings or tables ``{ text = "...", categories = ["health"] }``; lists may
    sit at the top level (``benign = [...]``, ``sensitive = [...]``) or per category
    (``[sensitive] health = [...]``).
    """
    if path is None:
        try:
            path = resource("demo", "comments.toml")
        except HuisclosError:
            return []
    if not Path(path).is_file():
        return []
    data = _read_toml(Path(path))
    items: list[QuizItem] = []
    for key, sensitive in (("benign", False), ("sensitive", True)):
        items.extend(_entries(data.get(key), sensitive, ()))
    return items


def _entries(
    value: Any, sensitive: bool, categories: tuple[str, ...], note: str = ""
) -> Iterable[QuizItem]:
    if isinstance(value, str):
        if value.strip():
            text = fill_placeholders(value.strip())
            yield QuizItem(text, sensitive, categories if sensitive else (), note)
    elif isinstance(value, list):
        for entry in value:
            yield from _entries(entry, sensitive, categories)
    elif isinstance(value, dict):
        text = value.get("text") or value.get("comment")
        if isinstance(text, str):
            found = value.get("categories") or value.get("category") or categories
            if isinstance(found, str):
                found = tuple(c.strip() for c in found.split(",") if c.strip())
            yield from _entries(text, sensitive, tuple(found), str(value.get("note") or ""))
            return
        for key, entries in value.items():
            nested = (key,) if key in CATEGORIES else categories
            yield from _entries(entries, sensitive, nested)


# Fictional values for the placeholders of comments.toml (fixed: a quiz is replayable).
PLACEHOLDERS: dict[str, str] = {
    "heure": "17h30",
    "jour": "mardi",
    "date": "12/03",
    "date_longue": "12/03/2024",
    "montant": "25 €",
    "code": "4521B",
    "tel": "06 12 34 56 78",
    "medecin": "Dr Martin",
    "nom": "DURAND",
    "prenom": "Julie",
    "nir": "2 84 05 75 112 345 28",
    "iban": "FR76 3000 6000 0112 3456 7890 189",
    "carte": "4970 1000 0000 0006",
}


def fill_placeholders(text: str) -> str:
    """Replace ``{heure}``, ``{nir}``… by fixed fictional values (unknown ones are kept)."""
    if "{" not in text:
        return text
    for key, value in PLACEHOLDERS.items():
        text = text.replace("{" + key + "}", value)
    return text


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        logger.warning("Quiz source skipped (%s): %s", path, error)
        return {}


def load_pool() -> tuple[list[QuizItem], list[QuizItem]]:
    """(sensitive, benign) fictional comments from every source, without duplicates."""
    seen: set[str] = set()
    sensitive: list[QuizItem] = []
    benign: list[QuizItem] = []
    built_in = [QuizItem(text, True, cats) for text, cats in BUILT_IN_SENSITIVE]
    built_in += [QuizItem(text, False) for text in BUILT_IN_BENIGN]
    for item in [*lexicon_examples(), *corpus_comments(), *built_in]:
        key = " ".join(item.text.casefold().split())
        if key in seen:
            continue
        seen.add(key)
        (sensitive if item.sensitive else benign).append(item)
    return sensitive, benign


def draw(
    count: int = 10,
    share_sensitive: float = 0.6,
    *,
    seed: int | None = None,
    pool: tuple[Sequence[QuizItem], Sequence[QuizItem]] | None = None,
) -> list[QuizItem]:
    """``count`` comments, about ``share_sensitive`` of them sensitive, shuffled.

    Sensitive comments are spread over the categories (one per category in turn) so a short
    quiz still covers health, religion, origin, judgement and the rest.
    """
    rng = random.Random(seed)
    sensitive, benign = pool if pool is not None else load_pool()
    count = max(1, count)
    wanted = min(len(sensitive), round(count * max(0.0, min(1.0, share_sensitive))))
    wanted = max(wanted, count - len(benign))
    chosen = _spread(list(sensitive), wanted, rng)
    chosen += rng.sample(list(benign), min(len(benign), count - len(chosen)))
    rng.shuffle(chosen)
    return chosen


def _spread(items: list[QuizItem], wanted: int, rng: random.Random) -> list[QuizItem]:
    by_category: dict[str, list[QuizItem]] = {}
    for item in items:
        by_category.setdefault(item.categories[0] if item.categories else "", []).append(item)
    for bucket in by_category.values():
        rng.shuffle(bucket)
    order = list(by_category)
    rng.shuffle(order)
    chosen: list[QuizItem] = []
    while len(chosen) < wanted and any(by_category.values()):
        for key in order:
            if by_category[key] and len(chosen) < wanted:
                chosen.append(by_category[key].pop())
    return chosen


# --- the quiz ------------------------------------------------------------------------------


@dataclass
class Quiz:
    """A sequence of comments, the room's answers and what has been revealed."""

    items: list[QuizItem]
    detector: Detector
    index: int = 0
    answers: dict[int, bool] = field(default_factory=dict)
    revealed: set[int] = field(default_factory=set)
    _reveals: dict[int, Reveal] = field(default_factory=dict, repr=False)

    @classmethod
    def new(
        cls,
        detector: Detector,
        count: int = 10,
        share_sensitive: float = 0.6,
        seed: int | None = None,
    ) -> Quiz:
        return cls(draw(count, share_sensitive, seed=seed), detector)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def current(self) -> QuizItem:
        return self.items[self.index]

    @property
    def at_end(self) -> bool:
        """True once the last comment has been revealed: time for the score."""
        return self.index == len(self.items) - 1 and self.index in self.revealed

    def next(self) -> bool:
        if self.index + 1 < len(self.items):
            self.index += 1
            return True
        return False

    def previous(self) -> bool:
        if self.index > 0:
            self.index -= 1
            return True
        return False

    def answer(self, sensitive: bool) -> None:
        """Note the room's answer for the current comment (allowed until it is revealed)."""
        if self.index not in self.revealed:
            self.answers[self.index] = sensitive

    def reveal(self, index: int | None = None) -> Reveal:
        """Reveal a comment (the current one by default): categories, reason, rewrite."""
        position = self.index if index is None else index
        self.revealed.add(position)
        if position not in self._reveals:
            self._reveals[position] = explain(self.items[position], self.detector)
        return self._reveals[position]

    def is_revealed(self, index: int | None = None) -> bool:
        return (self.index if index is None else index) in self.revealed

    def is_correct(self, index: int | None = None) -> bool | None:
        """Whether the room's answer matched the key; None if the room did not answer."""
        position = self.index if index is None else index
        if position not in self.answers:
            return None
        return self.answers[position] == self.items[position].sensitive

    def score(self) -> Score:
        judged = [self.is_correct(i) for i in range(len(self.items))]
        return Score(
            sum(1 for j in judged if j), sum(1 for j in judged if j is not None), len(self.items)
        )


def explain(item: QuizItem, detector: Detector) -> Reveal:
    """The reveal of one comment: the detector's findings and the first suggested rewrite,
    completed by the answer key when the detector says less than the key."""
    findings = detector.detect(item.text)
    if not item.sensitive and not findings:
        return Reveal(
            False,
            (),
            (),
            "Rien à corriger : ce commentaire est objectif et utile à l'organisation du cabinet.",
            (),
            None,
            (),
            "cnil_comments",
            item.note,
        )
    categories = tuple(dict.fromkeys([*(f.category for f in findings), *item.categories]))
    reasons = tuple(dict.fromkeys(r for f in findings for r in f.reasons))
    explained = next((f for f in findings if f.explanation), None)
    explanation = explained.explanation if explained is not None else ""
    if not explanation:
        explanation = _category_explanation(categories)
    suggestion = first_suggestion(item.text, findings, detector=detector) if findings else None
    worst = max(findings, key=lambda f: ("low", "medium", "high").index(f.severity), default=None)
    topic = topic_for(
        categories[0] if categories else "",
        reasons,
        worst.severity if worst is not None else "",
    )
    return Reveal(
        True,
        categories,
        tuple(CATEGORY_LABELS.get(c, c) for c in categories),
        explanation,
        tuple(REASON_EXPLANATIONS[r] for r in reasons if r in REASON_EXPLANATIONS),
        suggestion,
        tuple((f.start, f.end) for f in findings),
        topic.id,
        item.note,
        explained.rule if explained is not None else "",
        tuple(r for r in reasons if r in REASON_EXPLANATIONS),
    )


def _category_explanation(categories: Sequence[str]) -> str:
    if not categories:
        return "Ce commentaire contient une information qui n'a pas sa place ici."
    return topic_for(categories[0]).paragraphs[0]
