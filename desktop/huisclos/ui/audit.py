"""Writes the app's events to the encrypted log without blocking the window.

Events go through the core's ``record_event`` (the same call as the CLI), one at a time and
in order on a private single-thread pool, so a slow keyring never freezes the review screen.
Payloads carry counts, row numbers, rule ids and fingerprints — never a patient's words.
A French warning (log unavailable) is emitted once through ``warning``; before the first event
the journal is verified, and ``damaged`` says once that it is damaged and since which event.

Threading: create and call on the GUI thread; the writes happen on the private pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from ..core.audit import log as audit_log
from ..core.audit.events import EditEvent
from .workers import CallJob

logger = logging.getLogger(__name__)


class AuditRecorder(QObject):
    """Ordered, non-blocking ``record_event`` calls."""

    warning = Signal(str)
    damaged = Signal(str)  # once a session: the journal fails verification (still appended to)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one writer: events keep their order
        self._jobs: set[CallJob] = set()
        self._warned = False
        self._checked = False

    def record(self, event_type: str, payload: dict[str, Any]) -> None:
        self._start(audit_log.record_event, event_type, payload)

    def record_edits(self, event: EditEvent) -> None:
        """An ``edit`` event: texts become keyed hashes in the core (``record_edits``)."""
        self._start(audit_log.record_edits, event)

    def _start(self, call: Callable[..., object], *args: object) -> None:
        if not self._checked:  # before the session's first event: is the journal sound?
            self._checked = True
            self._queue(self._damage_checked, audit_log.journal_damage)
        self._queue(self._done, call, *args)

    def _queue(
        self, report: Callable[[CallJob, object], None], call: Callable[..., object], *args: object
    ) -> None:
        job = CallJob(call, *args)
        job.signals.done.connect(lambda result, job=job: report(job, result))
        job.signals.failed.connect(lambda message, job=job: report(job, message))
        self._jobs.add(job)
        self.pool.start(job)

    def _damage_checked(self, job: CallJob, result: object) -> None:
        self._jobs.discard(job)
        if isinstance(result, str) and result:
            logger.warning("Journal damaged: %s", result)
            self.damaged.emit(result)

    def _done(self, job: CallJob, result: object) -> None:
        self._jobs.discard(job)
        if isinstance(result, str) and result and not self._warned:
            self._warned = True
            logger.warning("Log unavailable: %s", result)
            self.warning.emit(result)

    def reset_warning(self) -> None:
        """Warn again on the next failure (the journal was unlocked in between)."""
        self._warned = False

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until every queued event is written (closing the app, tests)."""
        return self.pool.waitForDone(msecs)
