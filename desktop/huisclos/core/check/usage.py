"""How much the check box and the clipboard watch were used, one journal event per day.

A check runs as the user types and the watch looks at every copy: one journal event each would
bury the journal and say when someone typed what. Instead :class:`DailyUsage` adds up the day's
figures — comments checked, comments flagged, proposals copied, and findings per category — and
hands over one ``prevention`` event per day once that day is over (at the first use or start
after midnight, or at the app's midnight timer). Until then the figures wait in a small file of
the data folder (:data:`USAGE_FILE`, owner-only), so quitting and restarting the app on the same
day still gives one event for the day.

Neither the file nor the event ever holds a text, a word, or a hash of a text: counts only.

Threading: plain data, used on the GUI thread; each change rewrites the file atomically.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ..audit.events import PREVENTION_SOURCES, JournalEvent, prevention_payload
from ..datafolder import data_dir
from ..safe_write import replace_atomically

logger = logging.getLogger(__name__)

USAGE_FILE = "verifications-du-jour.json"

CHECK_BOX = "check_box"
WATCHER = "watcher"
SOURCES = tuple(PREVENTION_SOURCES)
assert (CHECK_BOX, WATCHER) == SOURCES


def _empty() -> dict[str, Any]:
    return {"checked": 0, "flagged": 0, "proposals_copied": 0, "by_category": {}}


class DailyUsage:
    """The figures of the days not yet journaled, kept in ``path`` (the data folder's
    :data:`USAGE_FILE` by default); ``today`` is the clock (tests pass their own)."""

    def __init__(self, path: Path | None = None, today: Callable[[], date] = date.today) -> None:
        self.path = path if path is not None else data_dir() / USAGE_FILE
        self.today = today
        self._days: dict[str, dict[str, dict[str, Any]]] = self._read()

    # --- counting ------------------------------------------------------------------------------
    def checked(self, source: str, categories: Iterable[str] = ()) -> None:
        """One comment checked by ``source``; ``categories``: those it was flagged for."""
        found = sorted(set(categories))
        figures = self._figures(source)
        figures["checked"] += 1
        if found:
            figures["flagged"] += 1
            by_category = figures["by_category"]
            for category in found:
                by_category[category] = by_category.get(category, 0) + 1
        self._write()

    def proposal_copied(self, source: str) -> None:
        """The user copied a neutral proposal (the box's button, the notification's action)."""
        self._figures(source)["proposals_copied"] += 1
        self._write()

    def _figures(self, source: str) -> dict[str, Any]:
        if source not in SOURCES:
            raise ValueError(f"unknown usage source {source!r}")
        day = self._days.setdefault(self.today().isoformat(), {})
        return day.setdefault(source, _empty())

    # --- handing over ------------------------------------------------------------------------
    def has_finished_days(self) -> bool:
        """True when a day before today still waits for its journal event."""
        today = self.today().isoformat()
        return any(day < today for day in self._days)

    def finished_days(self) -> list[JournalEvent]:
        """The ``prevention`` event of each day before today, oldest first; those days are
        forgotten here (the caller writes the events to the journal)."""
        today = self.today().isoformat()
        done = sorted(day for day in self._days if day < today)
        if not done:
            return []
        events = [
            JournalEvent("prevention", prevention_payload(day, self._days[day])) for day in done
        ]
        for day in done:
            del self._days[day]
        self._write()
        return events

    def pending(self) -> dict[str, dict[str, dict[str, Any]]]:
        """The figures waiting for their day to end (a copy)."""
        return json.loads(json.dumps(self._days))

    # --- the file ------------------------------------------------------------------------------
    def _read(self) -> dict[str, dict[str, dict[str, Any]]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            logger.warning("Usage figures unreadable, starting again: %s", error)
            return {}
        days = data.get("days") if isinstance(data, dict) else None
        if not isinstance(days, dict):
            return {}
        kept: dict[str, dict[str, dict[str, Any]]] = {}
        for day, sources in days.items():
            try:
                date.fromisoformat(str(day))
                kept[str(day)] = {
                    source: _valid_figures(sources[source])
                    for source in SOURCES
                    if source in sources
                }
            except (ValueError, TypeError, KeyError, AttributeError):
                logger.warning("Usage figures of %r dropped: malformed", day)
        return kept

    def _write(self) -> None:
        body = json.dumps({"version": 1, "days": self._days}, sort_keys=True).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(self.path, lambda handle: handle.write(body))
        except OSError as error:  # the figures stay in memory; the work goes on
            logger.warning("Usage figures not saved: %s", error)


def _valid_figures(raw: Any) -> dict[str, Any]:
    figures = _empty()
    for key in ("checked", "flagged", "proposals_copied"):
        figures[key] = int(raw.get(key, 0))
    figures["by_category"] = {str(k): int(v) for k, v in dict(raw.get("by_category", {})).items()}
    return figures
