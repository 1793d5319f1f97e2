"""A big export is scanned in a process of its own, so the window's process only receives what it
finds: the findings, their order and the figures are exactly those of a scan in the window's
process, and whatever goes wrong with that process, the scan ends just the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from ui_helpers import HEADER, ROWS

from huisclos.core.detect.detector import Detector
from huisclos.core.exports.reading import read_export
from huisclos.core.review.scan import ScanResult, run_scan
from huisclos.ui import workers
from huisclos.ui.scan_process import Ready, Scanned, ScanProcess
from practice_files import write_practice_csv

BATCH_ROWS = 7


@pytest.fixture
def big_export(tmp_path: Path) -> Path:
    """Twelve batches of rows: the leaked comments again and again, each a little different."""
    rows = [
        (str(2000 + number), *row[1:4], f"{row[4]} ({number})" if row[4] else "")
        for number, row in enumerate(ROWS * 8, start=1)
    ]
    return write_practice_csv(tmp_path / "patients.csv", HEADER, rows)


@pytest.fixture
def taken(monkeypatch) -> list[Scanned]:  # type: ignore[no-untyped-def]
    """Every file is big enough for the process; the batches the job takes from it."""
    monkeypatch.setattr(workers, "PROCESS_ROWS", 1)
    received: list[Scanned] = []
    receive = ScanProcess.receive

    def recording(self, timeout):  # type: ignore[no-untyped-def]
        message = receive(self, timeout)
        if isinstance(message, Scanned):
            received.append(message)
        return message

    monkeypatch.setattr(ScanProcess, "receive", recording)
    return received


def scan(qtbot, path: Path) -> tuple[ScanResult, list]:  # type: ignore[no-untyped-def,type-arg]
    """The app's scan job on ``path``: its result and the findings it sent, in order."""
    job = workers.ScanJob(path, batch_rows=BATCH_ROWS)
    sent: list = []  # type: ignore[type-arg]
    job.signals.findings.connect(
        lambda batches: sent.extend(f for batch in batches for f in batch.findings())
    )
    job.signals.progress.connect(lambda *_: job.resume())
    with qtbot.waitSignal(job.signals.finished, timeout=60_000) as finished:
        QThreadPool.globalInstance().start(job)
    assert QThreadPool.globalInstance().waitForDone(10_000)
    return finished.args[0], sent


def in_this_process(path: Path) -> ScanResult:
    return run_scan(
        read_export(path), detector=Detector.default(), suggest=False, batch_rows=BATCH_ROWS
    )


def assert_same_scan(result: ScanResult, sent: list, expected: ScanResult) -> None:  # type: ignore[type-arg]
    assert result.findings == expected.findings and sent == expected.findings
    assert len(result.batches) == len(expected.batches)
    assert result.counts == expected.counts and result.rows == expected.rows
    assert result.columns == expected.columns and result.fingerprint == expected.fingerprint


def test_a_big_export_scanned_in_a_process_gives_exactly_the_scan_made_here(
    qtbot, big_export: Path, taken: list[Scanned]
) -> None:
    result, sent = scan(qtbot, big_export)

    assert taken  # most batches came from the process
    assert_same_scan(result, sent, in_this_process(big_export))


def test_when_the_process_stops_part_way_the_scan_goes_on_here(
    qtbot, big_export: Path, taken: list[Scanned], monkeypatch
) -> None:
    receive = ScanProcess.receive

    def stopping(self, timeout):  # type: ignore[no-untyped-def]
        if len(taken) == 3:  # the process dies after its third batch
            self.close()
        return receive(self, timeout)

    monkeypatch.setattr(ScanProcess, "receive", stopping)
    result, sent = scan(qtbot, big_export)

    assert len(taken) == 3
    assert_same_scan(result, sent, in_this_process(big_export))


def test_a_process_that_read_another_file_is_not_used(
    qtbot, big_export: Path, taken: list[Scanned], monkeypatch
) -> None:
    """The file changed between the window's reading and the process's: the window's reading
    is the one scanned."""
    receive = ScanProcess.receive

    def elsewhere(self, timeout):  # type: ignore[no-untyped-def]
        message = receive(self, timeout)
        return Ready("une autre empreinte") if isinstance(message, Ready) else message

    monkeypatch.setattr(ScanProcess, "receive", elsewhere)
    result, sent = scan(qtbot, big_export)

    assert not taken
    assert_same_scan(result, sent, in_this_process(big_export))
