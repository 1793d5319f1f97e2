"""The app's scan of a big export in a process of its own, so that the window's process only
receives what it finds.

While a scan runs Python on one of the window's threads, each Python call the window makes
(painting the table calls the model and its delegates hundreds of times) waits for the
interpreter lock, and the window stutters. :class:`ScanProcess` runs
:func:`~huisclos.core.review.scan.scan_export` on the same file in a spawned process with the
detector's lexicon and allowlist — the same rules in the same order, as the scan's worker
processes (:mod:`huisclos.core.review.pool`) — and hands back each batch's flagged cells; the
scan job (:mod:`.workers`) builds their findings with the window's detector. The process yields
exactly the batches an in-process scan of the same export would, in the same order.

The process reads the file again: it first says the fingerprint of what it read, and the job
uses it only when that is the fingerprint of the export the window holds. It is spawned, not
forked (the app runs Qt's threads; Windows can only spawn), and not started in a bundled app,
which has no safe way to start itself again (as the scan's worker processes and the proposals
helper, :mod:`huisclos.core.review.ahead`).

This module imports no Qt: it is also what the spawned process runs.

Threading: one :class:`ScanProcess` is driven by one thread (the scan job's).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple

from ..core.detect.detector import Detector
from ..core.detect.lexicon import Lexicon
from ..core.exports.reading import read_export
from ..core.review.ahead import SPAWN, can_spawn, lower_priority, spawned
from ..core.review.scan import FlaggedCell, scan_export

logger = logging.getLogger(__name__)

STOP_TIMEOUT = 2.0  # seconds to wait for the process to end
SCAN_NICE = 3  # the process's priority below the window's (the proposals helper's is 5)


class Ready(NamedTuple):
    """The process has read the file and built its detector."""

    fingerprint: str


class Scanned(NamedTuple):
    """One batch scanned: how far the scan is and the batch's flagged cells."""

    rows_done: int
    rows_total: int
    sheet: str
    cells: list[FlaggedCell]


class Done(NamedTuple):
    """The scan is over: what its :class:`~huisclos.core.review.scan.ScanResult` holds besides
    the batches, the detector and the times."""

    rows: int
    columns: dict[str, list[str]]
    counts: dict[str, dict[str, int]]


class Failed(NamedTuple):
    """The process could not scan (the job then scans in its own process)."""

    reason: str


Message = Ready | Scanned | Done | Failed


class ScanOrder(NamedTuple):
    """What to scan, as :func:`~huisclos.core.review.scan.scan_export` takes it."""

    path: Path
    columns: dict[str, list[str]]
    categories: set[str] | None
    min_severity: str
    batch_rows: int


class ScanProcess:
    """One spawned process scanning one export: :meth:`start` it, :meth:`receive` what it
    sends, :meth:`close` it."""

    def __init__(
        self, process: multiprocessing.process.BaseProcess, results: Connection, sent: Connection
    ) -> None:
        self._process = process
        self._results = results
        self.gone = False  # ended, failed or closed: nothing more will come
        # Starting waits until the new interpreter has read its arguments (a quarter of a
        # second): on a thread of its own, so the scan is not held up meanwhile.
        self._starter = threading.Thread(
            target=self._start, args=(sent,), name="huisclos-analyse-start", daemon=True
        )
        self._starter.start()

    @classmethod
    def start(cls, detector: Detector, order: ScanOrder) -> ScanProcess | None:
        """Start scanning with ``detector``'s rules; None in a bundled app (the job then scans
        in its own process, as it does when the process cannot be started)."""
        if not can_spawn():
            return None
        results_out, results_in = SPAWN.Pipe(duplex=False)
        process = spawned(
            serve, (detector.lexicon, detector.allowlist, order, results_in), "huisclos-analyse"
        )
        return cls(process, results_out, results_in)

    def _start(self, sent: Connection) -> None:
        try:
            self._process.start()
        except OSError:
            logger.warning("Scan process not started", exc_info=True)
            self.gone = True
        finally:
            sent.close()  # the process's end: the pipe breaks when the process ends

    def receive(self, timeout: float) -> Message | None:
        """The next message, waiting at most ``timeout`` seconds (None: nothing yet, or the
        process is :attr:`gone`)."""
        if self._starter.is_alive():
            self._starter.join(timeout)
            return None
        if self.gone:
            return None
        try:
            if not self._results.poll(timeout):
                return None
            message: Message = self._results.recv()
        except (OSError, EOFError):
            logger.warning("Scan process stopped", exc_info=True)
            self.close()
            return None
        if isinstance(message, Failed):
            logger.warning("Scan process failed: %s", message.reason)
            self.close()
        return message

    def close(self) -> None:
        """Stop the process at once (what it was scanning is dropped)."""
        if self._results.closed:
            return
        self.gone = True
        self._starter.join(STOP_TIMEOUT)
        if self._process.pid is not None:
            self._process.terminate()
            self._process.join(STOP_TIMEOUT)
        self._results.close()


# ----------------------------------------------------------------------- in the scan process
def serve(lexicon: Lexicon, allowlist: tuple[str, ...], order: ScanOrder,
          results: Connection) -> None:  # fmt: skip
    """The process's life: read the file, scan it and send each batch, then the end."""
    gc.disable()  # the process ends with the scan: no collection on the way
    # a little below the window: on a busy computer the window is served first
    lower_priority(SCAN_NICE)
    try:
        detector = Detector(lexicon, allowlist)
        export = read_export(order.path)
        results.send(Ready(export.fingerprint))
        generator = scan_export(
            export,
            detector=detector,
            columns=order.columns,
            categories=order.categories,
            min_severity=order.min_severity,
            suggest=False,  # a comment's proposals are made when it is shown or applied
            batch_rows=order.batch_rows,
        )
        while True:
            try:
                progress = next(generator)
            except StopIteration as stop:
                result = stop.value
                break
            flagged = progress.flagged
            results.send(
                Scanned(progress.rows_done, progress.rows_total, flagged.sheet, flagged.cells)
            )
        results.send(Done(result.rows, result.columns, result.counts))
    except (OSError, EOFError):  # the app closed its end: nobody to send to
        return
    except Exception as error:  # the job scans in its own process instead
        with contextlib.suppress(OSError, EOFError):
            results.send(Failed(f"{type(error).__name__}: {error}"))
