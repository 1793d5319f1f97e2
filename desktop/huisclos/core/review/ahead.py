"""Proposals made ahead: a helper process writes the first proposal of each flagged comment
while the scan goes on, so that «Tout appliquer» finds most of them made.

Rewriting a comment costs far more than finding what is sensitive in it: for ten thousand
flagged comments the proposals take seconds of one core. The app hands each flagged comment to
:class:`ProposalsAhead` as soon as the scan finds it; one spawned process, below normal
priority, makes its proposal
with :func:`~huisclos.core.rewrite.suggestions.first_suggestion` — the computation of
:meth:`ReviewSession.proposal` — and detects what the new text still holds, so that applying it
need not detect it again. The session uses a proposal made ahead only for exactly the text and
the findings it was made from (:mod:`.session` compares them); anything else is made as before.

The process gets the detector's lexicon and allowlist, as the scan's worker processes do
(:mod:`.pool`): its rules are the same, in the same order. It is spawned, not forked (the app
runs Qt's threads; Windows can only spawn), and not started in a bundled app, which has no safe
way to start itself again. It reads its work in one thread and sends its results from another,
so that neither process ever waits on the other's pipe: submitting never blocks for long, and
results wait in the pipe, and in the helper, until they are collected.

Threading: :meth:`wire` and :meth:`collect` from one thread at a time (the window's, or the
«Tout appliquer» job while the window waits for it); :meth:`send` from one other thread, which
may wait while the helper is busy.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import NamedTuple

from ..detect.detector import Detector
from ..detect.findings import Finding, RawFinding
from ..detect.lexicon import Lexicon
from ..edits import CellKey
from ..rewrite.suggestions import first_suggestion

logger = logging.getLogger(__name__)

CHUNK = 50  # comments per message back: results arrive while the rest is being made
STOP_TIMEOUT = 2.0  # seconds to wait for the helper to end

# A finding on its way to the helper: its fields, in the order Finding takes them.
WiredFinding = tuple[object, ...]


class MadeAhead(NamedTuple):
    """A proposal made by the helper: the cell, its text and findings it was made from, the
    proposal (None: nothing to propose) and what the detector finds in the proposal."""

    key: CellKey
    text: str
    findings: tuple[Finding, ...]
    proposal: str | None
    found_in_proposal: tuple[RawFinding, ...]


class ProposalsAhead:
    """One helper process making first proposals; :meth:`start` it, :meth:`wire` and
    :meth:`send` comments, :meth:`collect` what is made, :meth:`close` it."""

    def __init__(self, process: multiprocessing.process.BaseProcess, work: Connection,
                 results: Connection, detector: Detector) -> None:  # fmt: skip
        self._process = process
        self._work = work
        self._results = results
        self.detector = detector  # the rules the proposals are made with
        # cell → the number of its last request, its text and findings: a comment asked for
        # again (a new scan) takes only the answer to its last request
        self._sent: dict[CellKey, tuple[int, str, tuple[Finding, ...]]] = {}
        self._requests = 0
        self._closed = False

    @classmethod
    def start(cls, detector: Detector) -> ProposalsAhead | None:
        """Start the helper for ``detector``'s rules; None in a bundled app or when no process
        can be started (the proposals are then all made when needed)."""
        if not can_spawn():
            return None
        work_out, work_in = SPAWN.Pipe(duplex=False)
        results_out, results_in = SPAWN.Pipe(duplex=False)
        process = spawned(
            serve,
            (detector.lexicon, detector.allowlist, work_out, results_in),
            "huisclos-propositions",
        )
        try:
            process.start()
        except OSError:
            logger.warning("Proposals helper not started", exc_info=True)
            for end in (work_out, work_in, results_out, results_in):
                end.close()
            return None
        work_out.close()
        results_in.close()
        return cls(process, work_in, results_out, detector)

    @property
    def outstanding(self) -> int:
        """Comments submitted whose proposal has not been collected yet."""
        return len(self._sent)

    def wire(self, cells: Iterable[tuple[CellKey, str, Sequence[Finding]]]) -> bytes | None:
        """The message asking for the proposals of these comments (cell, text, findings), for
        :meth:`send`; None when there is nothing to ask. Call it from the thread that
        collects: it records what was asked."""
        if self._closed:
            return None
        wired = []
        for key, text, findings in cells:
            kept = tuple(findings)
            self._requests += 1
            self._sent[key] = (self._requests, text, kept)
            wired.append((self._requests, key, text, [_wire(finding) for finding in kept]))
        if not wired:
            return None
        return pickle.dumps(wired, protocol=pickle.HIGHEST_PROTOCOL)

    def send(self, message: bytes) -> None:
        """Send a :meth:`wire` message to the helper. This may wait while the helper is busy
        reading (the app sends from a thread of its own, in order)."""
        try:
            self._work.send_bytes(message)
        except OSError:  # the helper is gone or closed: the proposals are made when needed
            logger.info("Proposals helper unreachable", exc_info=True)

    def collect(self) -> list[MadeAhead]:
        """The proposals made since the last call (never waits)."""
        made: list[MadeAhead] = []
        try:
            while not self._closed and self._results.poll():
                for request, key, proposal, found in pickle.loads(self._results.recv_bytes()):
                    sent = self._sent.get(key)
                    if sent is None or sent[0] != request:
                        continue  # the answer to an earlier request for this comment
                    del self._sent[key]
                    made.append(MadeAhead(key, sent[1], sent[2], proposal, found))
        except (OSError, EOFError):
            logger.warning("Proposals helper stopped", exc_info=True)
            self.close()
        return made

    def close(self) -> None:
        """Stop the helper at once (what it was making is dropped; it holds nothing else)."""
        if self._closed:
            return
        self._closed = True
        self._process.terminate()  # first: a message being sent fails at once (broken pipe)
        self._process.join(STOP_TIMEOUT)
        self._work.close()
        self._results.close()
        self._sent.clear()


class _Missing:
    """No proposal made ahead fits (the session makes it)."""


MISSING = _Missing()


class AheadStore:
    """A session's proposals made ahead, and what the detector finds in each, kept for exactly
    the text, findings and detector they were made from."""

    def __init__(self) -> None:
        self.helper: ProposalsAhead | None = None
        self._made: dict[CellKey, MadeAhead] = {}
        self._found_in: dict[str, tuple[RawFinding, ...]] = {}

    def ask(
        self,
        helper: ProposalsAhead,
        detector: Detector,
        cells: Iterable[tuple[CellKey, str, Sequence[Finding]]],
    ) -> bytes | None:
        """The message asking ``helper`` for these comments' proposals (it becomes the store's
        helper), to :meth:`ProposalsAhead.send`; None when there is nothing to ask."""
        if helper is not self.helper:
            self.forget()
            self.helper = helper
        return helper.wire(cells) if helper.detector is detector else None

    def gather(self) -> int:
        """Keep what the helper has made since the last call; how many proposals that is."""
        if self.helper is None:
            return 0
        made = self.helper.collect()
        for item in made:
            self._made[item.key] = item
            if item.proposal:
                self._found_in[item.proposal] = item.found_in_proposal
        return len(made)

    def proposal(
        self, key: CellKey, text: str, findings: Sequence[Finding], detector: Detector
    ) -> str | _Missing | None:
        """The proposal made for ``key`` if it was made from this text and these findings
        with this detector, else MISSING."""
        made = self._made.get(key)
        if (
            made is None
            or self.helper is None
            or self.helper.detector is not detector
            or made.text != text
            or made.findings != tuple(findings)
        ):
            return MISSING
        return made.proposal

    def found_in(self, text: str, detector: Detector) -> tuple[RawFinding, ...] | None:
        """What ``detector`` finds in ``text`` if it is a proposal made ahead with it."""
        if self.helper is None or self.helper.detector is not detector:
            return None
        return self._found_in.get(text)

    def forget(self) -> None:
        """Drop every proposal made ahead (another detector, another helper)."""
        self.helper = None
        self._made.clear()
        self._found_in.clear()


def _wire(finding: Finding) -> WiredFinding:
    return (
        finding.row, finding.column, finding.start, finding.end, finding.category,
        finding.severity, finding.rule, finding.match, finding.reasons, finding.suggestion,
        finding.sheet, finding.explanation,
    )  # fmt: skip


# ----------------------------------------------------------------------- in the helper process
def serve(lexicon: Lexicon, allowlist: tuple[str, ...], work: Connection,
          results: Connection) -> None:  # fmt: skip
    """The helper's life: make the proposals of the comments it is sent, in order, until the
    app closes its end of the work pipe."""
    lower_priority()
    # the reader takes the interpreter lock at once when work arrives: the app never waits long
    sys.setswitchinterval(0.001)
    inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    app_gone = threading.Event()
    reader = threading.Thread(target=_read, args=(work, inbox, app_gone), daemon=True)
    writer = threading.Thread(target=_write, args=(results, outbox), daemon=True)
    reader.start()  # before the detector is built: work may already be on its way
    writer.start()
    detector = Detector(lexicon, allowlist)
    while (message := inbox.get()) is not None:
        cells = pickle.loads(message)
        for start in range(0, len(cells), CHUNK):
            if app_gone.is_set():  # the app closed its end, or died: stop at once
                break
            made = [_propose(detector, *cell) for cell in cells[start : start + CHUNK]]
            outbox.put(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    outbox.put(None)
    writer.join(STOP_TIMEOUT)


SPAWN = multiprocessing.get_context("spawn")
"""How the app starts its helper processes: spawned, not forked (the app runs Qt's threads, and
Windows can only spawn)."""


def can_spawn() -> bool:
    """False in a bundled app, which has no safe way to start itself again."""
    return not getattr(sys, "frozen", False)  # PyInstaller's documented flag


def spawned(target: Callable[..., None], args: tuple[object, ...], name: str) -> BaseProcess:
    """A helper process of the app, not started yet; it ends with the app (daemon)."""
    return SPAWN.Process(target=target, args=args, name=name, daemon=True)


def lower_priority(steps: int = 5) -> None:
    """Work made ahead must not slow the scan down, nor the rest of the computer: the helper
    runs below normal priority (``steps`` of ``nice`` where there is one)."""
    try:
        if hasattr(os, "nice"):
            os.nice(steps)
        elif sys.platform == "win32":
            import ctypes

            kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel.SetPriorityClass(kernel.GetCurrentProcess(), 0x4000)  # BELOW_NORMAL
    except OSError:
        pass


def _propose(
    detector: Detector, request: int, key: CellKey, text: str, wired: list[WiredFinding]
) -> tuple[int, CellKey, str | None, tuple[RawFinding, ...]]:
    findings = [Finding(*fields) for fields in wired]  # type: ignore[arg-type]
    proposal = first_suggestion(text, findings, detector=detector)
    found = detector.detect_raw(proposal) if proposal else ()
    return request, key, proposal, found


def _read(
    work: Connection, inbox: queue.SimpleQueue[bytes | None], app_gone: threading.Event
) -> None:
    try:
        while True:
            inbox.put(work.recv_bytes())
    except (EOFError, OSError):
        app_gone.set()
        inbox.put(None)


def _write(results: Connection, outbox: queue.SimpleQueue[bytes | None]) -> None:
    try:
        while (message := outbox.get()) is not None:
            results.send_bytes(message)
    except OSError:  # the app closed its end: nothing more to send
        pass
