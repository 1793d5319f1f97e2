"""Saving what a review produced — the cleaned copy, the correction list — so that no
correction ever exists without its journal record.

:func:`save_outputs` is the one path of «Enregistrer» in the app and of ``huisclos clean``:

1. every output is written in full under a temporary name beside its target
   (:func:`~huisclos.core.safe_write.staged_outputs`); a failure here (a full disk, a list
   that cannot be written) leaves nothing and the journal untouched;
2. the journal records them all in one transaction (with the edits that led to them); when it
   refuses (damaged, locked, no key), the temporary files are removed: nothing was written;
3. only then are the files renamed to their targets. A rename that fails still removes what
   this save had created and adds a ``write_failed`` record, so the journal tells the truth.

Threading: like the session, one thread at a time (the app: GUI thread; it takes well under a
second for a real export, the journal append included).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..audit import log as audit_log
from ..audit.events import EditEvent, JournalEvent, loggable_name
from ..errors import AuditError, HuisclosError
from ..safe_write import PreparedFile, staged_outputs
from .session import ReviewSession, SavedWorklist

logger = logging.getLogger(__name__)


class JournalRefused(AuditError):
    """The journal cannot take the records of a save: nothing was written."""


class SavedOutputs(NamedTuple):
    copy: JournalEvent | None  # the copy's ``save_copy`` event, when a copy was asked for
    worklist: SavedWorklist | None  # the list's figures, when a list was asked for


def save_outputs(
    session: ReviewSession,
    *,
    copy: Path | None = None,
    worklist: Path | None = None,
    with_original: bool = False,
    before: Sequence[JournalEvent | EditEvent] = (),
    passphrase: str | None = None,
) -> SavedOutputs:
    """Write the cleaned copy at ``copy`` and/or the correction list at ``worklist``, journalled
    first (``before``: events to record ahead of theirs, e.g. the edits of ``clean``).

    Raises ``HuisclosError`` (French, one sentence) and leaves nothing at either target when
    an output cannot be prepared, the journal refuses, or a rename fails.
    """
    with staged_outputs() as outputs:
        copy_event = session.write_copy(copy) if copy is not None else None
        saved_list = (
            session.write_worklist(worklist, with_original=with_original)
            if worklist is not None
            else None
        )
        events: list[JournalEvent | EditEvent] = list(before)
        events += [event for event in (copy_event, saved_list and saved_list.event) if event]
        try:
            audit_log.record_required(events, passphrase=passphrase)
        except AuditError as error:
            raise JournalRefused(
                "rien n'a été écrit : le journal ne peut pas inscrire cette correction, qui "
                f"doit l'être (traçabilité exigée par le RGPD). {error.message}"
            ) from error
        try:
            outputs.commit()
        except HuisclosError:
            _record_failure(session, outputs.files, passphrase)
            raise
    return SavedOutputs(copy_event, saved_list)


def _record_failure(
    session: ReviewSession, files: list[PreparedFile], passphrase: str | None
) -> None:
    """After a rename refused: say in the journal which outputs just recorded are not there."""
    for prepared in files:
        if prepared.committed:
            continue
        kind = "worklist" if prepared.what == "la liste de corrections" else "save_copy"
        warning = audit_log.record_event(
            "write_failed",
            {
                "of": kind,
                "fingerprint": session.export.fingerprint,
                "target_name": loggable_name(prepared.target),
            },
            passphrase=passphrase,
        )
        if warning:
            logger.warning("write failure not journalled: %s", warning)
