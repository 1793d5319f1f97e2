"""Typed user options, declared in one place (after Picard's ``options.py``).

Options live in ``huisclos.ini`` inside the data folder (so ``$HUISCLOS_HOME`` isolates tests
and a practice PC keeps everything in one private folder), read and written through
``QSettings`` in INI format. Every option has a name, a type and a default; code reads
``settings.language.value()`` and never spells a key twice.

The practice name is the one option kept outside ``huisclos.ini``: the command line's report
reads it too, so the core stores it (:mod:`huisclos.core.report.preferences`).

Threading: GUI thread only (QSettings objects are cheap; each call makes its own).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from ..core.datafolder import data_dir, private_file
from ..core.detect.categories import CATEGORIES, SEVERITIES
from ..core.report import preferences

logger = logging.getLogger(__name__)

T = TypeVar("T")

SETTINGS_FILE = "huisclos.ini"
LANGUAGES = ("fr", "en")
MAX_RECENT = 8


def qsettings() -> QSettings:
    """The settings store: an INI file in the data folder, owner-only."""
    path = private_file(data_dir() / SETTINGS_FILE)
    return QSettings(str(path), QSettings.Format.IniFormat)


@dataclass(frozen=True)
class Option(Generic[T]):
    """One typed option: ``key`` in the INI file, its ``default``."""

    key: str
    default: T

    def value(self) -> T:
        raw = qsettings().value(self.key, None)
        if raw is None:
            return self.default
        return self.convert(raw)

    def set(self, value: T) -> None:
        store = qsettings()
        store.setValue(self.key, value)
        store.sync()

    def reset(self) -> None:
        store = qsettings()
        store.remove(self.key)
        store.sync()

    def convert(self, raw: object) -> T:  # pragma: no cover - overridden
        return raw  # type: ignore[return-value]


@dataclass(frozen=True)
class ChoiceOption(Option[str]):
    """A text option restricted to ``choices`` (anything else falls back to the default)."""

    choices: tuple[str, ...] = ()

    def convert(self, raw: object) -> str:
        text = str(raw)
        return text if text in self.choices else self.default


class PracticeNameOption:
    """The practice name printed on reports, stored by the core (no Qt) for the command line."""

    def value(self) -> str:
        return preferences.practice_name()

    def set(self, value: str) -> None:
        preferences.set_practice_name(value)

    def reset(self) -> None:
        preferences.set_practice_name("")


class BoolOption(Option[bool]):
    def convert(self, raw: object) -> bool:
        if isinstance(raw, str):
            return raw.lower() in ("1", "true", "yes", "oui")
        return bool(raw)


class ListOption(Option[list[str]]):
    """A list of texts (QSettings gives a str for one item, a list for several)."""

    def value(self) -> list[str]:
        return list(super().value())

    def convert(self, raw: object) -> list[str]:
        if isinstance(raw, str):
            return [raw] if raw else []
        if isinstance(raw, (list, tuple)):
            return [str(item) for item in raw]
        return []

    def set(self, value: list[str]) -> None:
        store = qsettings()
        store.setValue(self.key, list(value))
        store.sync()


# --- the options ---------------------------------------------------------------------------
language = ChoiceOption("interface/language", "fr", LANGUAGES)
practice = PracticeNameOption()
recent_files = ListOption("files/recent", [])
disabled_categories = ListOption("scan/disabled_categories", [])
min_severity = ChoiceOption("scan/min_severity", "low", SEVERITIES)
only_to_review = BoolOption("review/only_to_review", True)
window_geometry = Option[object]("window/geometry", None)
window_state = Option[object]("window/state", None)
clipboard_watch = BoolOption("prevention/clipboard_watch", False)  # opt-in: off by default


def practice_name() -> str:
    """The practice's name as typed in the settings («» when not given)."""
    return practice.value()


def enabled_categories() -> set[str]:
    """Categories the scan reports (all but the ones switched off in the settings)."""
    disabled = set(disabled_categories.value())
    return {category for category in CATEGORIES if category not in disabled}


def add_recent_file(path: str) -> list[str]:
    """Put ``path`` first in the recent files (no duplicates, at most MAX_RECENT)."""
    files = [path, *(item for item in recent_files.value() if item != path)][:MAX_RECENT]
    recent_files.set(files)
    return files


def clear_recent_files() -> None:
    recent_files.set([])
