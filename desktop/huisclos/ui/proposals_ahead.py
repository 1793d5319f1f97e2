"""The window's proposals helper: once a scan has found many comments to review, a helper
process makes their proposals while the scan goes on (:mod:`huisclos.core.review.ahead`), so
that «Tout appliquer» finds most of them made.

Starting the process takes a quarter of a second (the new interpreter has to read its rules),
so it is started on the thread pool; meanwhile the comments found go on being recorded, and
every one found so far is handed over once the helper is there. The helper ends with the
session, when the detector changes (a term allowed), and when the window closes.

Threading: GUI thread only; the helper's start runs on the pool, and messages to the helper
are sent from the control's own thread (sending waits while the helper is busy).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QThreadPool

from ..core.edits import CellKey
from ..core.review.ahead import STOP_TIMEOUT, ProposalsAhead
from ..core.review.session import ReviewSession
from .bulk_apply import BACKGROUND_COMMENTS
from .workers import PROCESS_ROWS, CallJob

# A helper is worth its start only for a «Tout appliquer» that runs in the background.
AHEAD_COMMENTS = BACKGROUND_COMMENTS
# An export this big gets its helper as its scan starts (the scan's own process then starts
# too, :data:`.workers.PROCESS_ROWS`): starting the helper takes over half a second, which
# was a third of the time it had to work when it waited for AHEAD_COMMENTS found.
AHEAD_ROWS = PROCESS_ROWS


class ProposalsAheadControl(QObject):
    """Starts, feeds and stops the proposals helper of the window's session."""

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.helper: ProposalsAhead | None = None
        self._session: ReviewSession | None = None  # the session the helper works for
        self._starting: CallJob | None = None
        self._jobs: set[CallJob] = set()  # kept alive until they have run
        self._sender = QThreadPool(self)  # one thread: the messages go in order
        self._sender.setMaxThreadCount(1)

    def found(self, session: ReviewSession, keys: Iterable[CellKey]) -> None:
        """The scan found these comments in ``session``: hand them over (starting the helper
        when there are enough of them)."""
        self._stop_if_for_another(session)
        if self.helper is not None:
            self._send(session.propose_ahead(self.helper, sorted(keys, key=lambda key: key[1])))
        elif (
            self._starting is None
            and self._session is not session  # one try per session
            and session.review_count() >= AHEAD_COMMENTS
        ):
            self._start(session)

    def scan_starts(self, session: ReviewSession) -> None:
        """The scan of ``session`` starts: a big export gets its helper at once, ready when
        the first comments are found."""
        self._stop_if_for_another(session)
        rows = sum(len(table) for table in session.export.tables)
        if (
            rows >= AHEAD_ROWS
            and self.helper is None
            and self._starting is None
            and self._session is not session
        ):
            self._start(session)

    def _stop_if_for_another(self, session: ReviewSession) -> None:
        """A helper made for another session, or for another detector, is ended."""
        if self.helper is not None and (
            self._session is not session or self.helper.detector is not session.detector
        ):
            self.stop()

    def _start(self, session: ReviewSession) -> None:
        self._session = session
        detector = session.detector
        job = CallJob(ProposalsAhead.start, detector)
        self._starting = job
        self._jobs.add(job)

        def started(helper: ProposalsAhead | None) -> None:
            self._jobs.discard(job)
            if job is not self._starting:  # stopped meanwhile
                if helper is not None:
                    helper.close()
                return
            self._starting = None
            if helper is None or session.detector is not detector:
                if helper is not None:
                    helper.close()
                return
            self.helper = helper
            self._send(session.propose_ahead(helper, session.pending_keys()))

        job.signals.done.connect(started)
        job.signals.failed.connect(lambda _message: self._forget_start(job))
        self.pool.start(job)

    def _send(self, message: bytes | None) -> None:
        """Send on the control's own thread, in order: the helper may be slow to read."""
        if message is None or self.helper is None:
            return
        job = CallJob(self.helper.send, message)
        self._jobs.add(job)
        job.signals.done.connect(lambda _result, job=job: self._jobs.discard(job))
        job.signals.failed.connect(lambda _message, job=job: self._jobs.discard(job))
        self._sender.start(job)

    def _forget_start(self, job: CallJob) -> None:
        self._jobs.discard(job)
        if job is self._starting:
            self._starting = None

    def stop(self) -> None:
        """End the helper (a helper still starting is ended as soon as it is there)."""
        self._starting = None
        self._session = None
        if self.helper is not None:
            self.helper.close()  # a message being sent fails at once
            self.helper = None
        self._sender.waitForDone(int(STOP_TIMEOUT * 1000))  # never hang the window
