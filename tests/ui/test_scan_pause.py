"""The scan waits for the window: after each update it stays paused until the table has
stopped repainting, so no repaint competes with it for the interpreter lock."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from huisclos.ui.scan_controller import RESUME_DELAY_MS, ScanController


class PausedJob:
    """Stands for a ScanJob waiting in ``_emit``: counts the resumes."""

    def __init__(self) -> None:
        self.resumed = 0

    def resume(self) -> None:
        self.resumed += 1


def test_the_scan_resumes_only_after_the_window_stops_repainting(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = ScanController(QThreadPool.globalInstance())
    job = PausedJob()
    controller._progressed(job, 2_000, 100_000, 0.1)  # type: ignore[arg-type]
    for _ in range(3):  # repaints keep coming, each a little before the pause would end
        qtbot.wait(RESUME_DELAY_MS * 2 // 3)
        controller.window_painted()
    assert job.resumed == 0  # twice the pause has gone by, but the window was still painting
    qtbot.waitUntil(lambda: job.resumed == 1, timeout=2_000)
    controller.window_painted()  # a repaint once the scan runs again changes nothing
    qtbot.wait(RESUME_DELAY_MS * 2)
    assert job.resumed == 1


def test_a_new_update_lets_the_job_paused_before_go_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = ScanController(QThreadPool.globalInstance())
    old, new = PausedJob(), PausedJob()
    controller._progressed(old, 2_000, 100_000, 0.1)  # type: ignore[arg-type]
    controller._progressed(new, 2_000, 100_000, 0.1)  # type: ignore[arg-type]
    assert old.resumed == 1
    qtbot.waitUntil(lambda: new.resumed == 1, timeout=2_000)
