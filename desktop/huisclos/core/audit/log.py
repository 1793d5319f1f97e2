"""The encrypted, tamper-evident local log.

CONTRACT (the log work fills in the bodies).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class VerifyResult:
    ok: bool
    events: int
    first_bad_seq: int | None = None
    problem: str | None = None  # French: altered, missing, reordered, truncated, wrong key…
    message: str = ""           # «journal intègre : N événements» or what went wrong


class AuditLog:
    def append(self, event_type: str, payload: dict[str, Any]) -> int:
        """Encrypt and chain one event; returns its sequence number."""
        raise NotImplementedError

    def events(self, since: str | None = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def verify(self) -> VerifyResult:
        raise NotImplementedError


def open_log(passphrase: str | None = None) -> AuditLog:
    """The practice's log in the data folder; raises AuditError with a French message."""
    raise NotImplementedError


def record_event(event_type: str, payload: dict[str, Any]) -> str | None:
    """Append an event for the CLI/GUI; returns a French warning instead of raising when the
    log cannot be opened (no keyring and no passphrase), None on success."""
    return None
