"""The journal policy shared by every command that acts on an export (scan, report, clean…).

For command authors — make ONE call at the start of ``run()``, after checking the arguments and
before reading or writing anything::

    from ._journal import ensure_journal

    unjournaled = ensure_journal(writes=False)   # a read-only command (scan, demo, report)
    ensure_journal(writes=True)                  # a command that writes a copy or a list (clean)

``writes=True`` either returns ``None`` or raises; ``writes=False`` returns ``None`` when the
command's event will be logged, or a French warning (one line, for stderr) when it cannot be:
print it with :func:`warn` and do not try to log at the end (the warning already says so).

The policy (GDPR accountability: a practice must be able to show what it checked and fixed):

- wrong passphrase — a key file exists and ``$HUISCLOS_PASSPHRASE`` (or the app's passphrase)
  does not open it: every command stops before doing anything, one French line, exit 2
  (:class:`~huisclos.core.audit.keys.WrongPassphrase`, a ``HuisclosError``); nothing is written;
- the journal cannot be opened (no usable keyring and no passphrase, a locked keyring, a
  damaged key file…): a read-only command proceeds with one French warning saying the check is
  not journaled and how to fix it; a command that writes a corrected copy or a correction list
  refuses (:class:`JournalRequired`, exit 2) and writes nothing — a correction must be journaled.

- the journal fails verification but still takes events (a record altered in the middle):
  one French warning, once, saying since which event; the command goes on, and ``log verify``
  tells its new events apart from the damaged ones.

Opening the journal here creates its key and database on first use, as the command's own event
would have done a moment later.
"""

from __future__ import annotations

import logging
import sys

from ..core.audit.keys import WrongPassphrase
from ..core.errors import AuditError, HuisclosError

logger = logging.getLogger(__name__)

__all__ = ["JournalRequired", "WrongPassphrase", "ensure_journal", "warn"]


class JournalRequired(AuditError):
    """A command that writes corrections cannot run because the journal cannot be opened."""


def ensure_journal(writes: bool) -> str | None:
    """Check the journal can take this command's events; see the module docstring.

    Raises :class:`WrongPassphrase` (wrong passphrase, any command) or :class:`JournalRequired`
    (``writes`` and the journal cannot be opened); returns a French warning when a read-only
    command will not be journaled, else ``None``.
    """
    from ..core.audit.log import open_log
    from ..core.audit.verify import damage_warning

    try:
        log = open_log()
        try:
            refused = log.refusal()  # damage that stops any new event (cut, rolled back…)
            damage = None if refused else damage_warning(log.verify())
        finally:
            log.close()
        if refused:
            raise AuditError(refused)
    except WrongPassphrase:
        raise
    except Exception as error:  # the journal is unusable: decide by what the command does
        reason = (
            error.message
            if isinstance(error, HuisclosError)
            else f"le journal n'a pas pu être ouvert ({type(error).__name__})."
        )
        logger.info("Journal unusable: %s", reason)
        if writes:
            raise JournalRequired(
                "rien n'a été écrit : chaque correction doit être inscrite au journal "
                f"(traçabilité exigée par le RGPD), qui ne peut pas l'inscrire. {reason}"
            ) from error
        return f"attention — cette vérification ne sera pas inscrite au journal. {reason}"
    if damage:
        warn(damage)  # once per command; its events are still appended, verifiably apart
    return None


def warn(message: str) -> None:
    """Print a warning from :func:`ensure_journal` the way every command does (one line)."""
    print(f"huisclos : {message}", file=sys.stderr)
