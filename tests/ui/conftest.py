"""Fixtures for the desktop app tests: a main window whose background work is always finished
before the test ends, questions answered «oui», and a small export with the four leaked comments.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from ui_helpers import HEADER, ROWS, open_at_first_comment

from huisclos.ui import main_window, saving
from huisclos.ui.main_window import MainWindow
from practice_files import write_practice_csv


@pytest.fixture
def leaked_export(tmp_path: Path) -> Path:
    """A French-locale export: «;», Windows-1252, CRLF, as practice software writes them."""
    return write_practice_csv(tmp_path / "patients.csv", HEADER, ROWS)


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window; every thread it started is finished before the test ends."""
    win = MainWindow()
    win.ask = lambda title, question, **options: True  # type: ignore[method-assign]
    win.saving.ask_comments_left = lambda left: True  # type: ignore[method-assign]
    win.saving.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]
    win.resize(1366, 768)
    win.show()
    yield win
    win.close()
    win.wait_for_jobs()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    assert win.recorder.pool.activeThreadCount() == 0
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()  # Qt wrappers are finalised here, on the GUI thread, not in a later worker


@pytest.fixture
def first_comment(qtbot, window, leaked_export: Path):  # type: ignore[no-untyped-def]
    """The leaked export open in the window, its first comment to review selected: the
    session, the review page and that comment's cell."""
    return open_at_first_comment(qtbot, window, leaked_export)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The error messages the window shows, instead of dialogs."""
    messages: list[str] = []
    for module in (main_window, saving):
        monkeypatch.setattr(
            module, "show_error", lambda parent, error, title="": messages.append(str(error))
        )
    return messages
