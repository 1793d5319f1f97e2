"""The comments the fictional patients get: the built-in bank shipped with the app
(``resources/demo/comments.toml``: benign comments with placeholders, sensitive ones with their
categories) and, from a source checkout, the hand-labelled corpus
(``tests/data/corpus/comments.csv``, not shipped).

Plain data; thread-safe (the bank is read once and cached).
"""

from __future__ import annotations

import csv
import logging
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..detect.categories import CATEGORIES
from ..errors import HuisclosError
from ..resources import resource, resources_dir

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SampleComment:
    """One fictional comment and what it reveals (empty ``categories`` = benign)."""

    text: str
    categories: tuple[str, ...] = ()
    note: str = ""
    source: str = "builtin"  # "builtin" (resources/demo/comments.toml) or "corpus"

    @property
    def sensitive(self) -> bool:
        return bool(self.categories)


@dataclass(frozen=True)
class CommentBank:
    """The comments the generator draws from."""

    benign: tuple[SampleComment, ...]
    sensitive: tuple[SampleComment, ...]


def corpus_path() -> Path | None:
    """The labelled corpus of a source checkout, or None when it is not there (installed app)."""
    try:
        path = resources_dir().parent / "tests" / "data" / "corpus" / "comments.csv"
    except HuisclosError:
        return None
    return path if path.is_file() else None


def _load_builtin() -> tuple[list[SampleComment], list[SampleComment]]:
    path = resource("demo", "comments.toml")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise HuisclosError(
            f"Le fichier d'exemples {path.name} est illisible ou abîmé : réinstallez Huis clos."
        ) from exc
    benign = [SampleComment(text) for text in data.get("benign", [])]
    sensitive = []
    for entry in data.get("sensitive", []):
        cats = tuple(entry.get("categories", ()))
        unknown = [c for c in cats if c not in CATEGORIES]
        if unknown or not cats:
            raise HuisclosError(
                f"Le fichier d'exemples {path.name} contient une catégorie inconnue "
                f"({', '.join(unknown) or 'aucune'}) pour « {entry.get('text', '')} »."
            )
        sensitive.append(SampleComment(entry["text"], cats, entry.get("note", "")))
    return benign, sensitive


def _load_corpus(path: Path) -> tuple[list[SampleComment], list[SampleComment]]:
    benign: list[SampleComment] = []
    sensitive: list[SampleComment] = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle, delimiter=";"):
                text = (record.get("text") or "").strip()
                if not text:
                    continue
                cats = tuple(c for c in (record.get("categories") or "").split(",") if c)
                if record.get("sensitive") == "1" and cats:
                    sensitive.append(SampleComment(text, cats, "", "corpus"))
                elif record.get("sensitive") == "0":
                    benign.append(SampleComment(text, (), "", "corpus"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:  # the corpus is optional
        logger.warning("labelled corpus unreadable, built-in comments only: %s", exc)
        return [], []
    return benign, sensitive


@cache
def load_comment_bank(include_corpus: bool = True) -> CommentBank:
    """The built-in comments, plus the labelled corpus when asked for and available."""
    benign, sensitive = _load_builtin()
    if include_corpus and (path := corpus_path()) is not None:
        more_benign, more_sensitive = _load_corpus(path)
        benign += more_benign
        sensitive += more_sensitive
    return CommentBank(tuple(benign), tuple(sensitive))
