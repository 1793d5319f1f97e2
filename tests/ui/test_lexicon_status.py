"""The first scan on a computer compiles the lexicon's generated forms: the window says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import open_and_wait

from huisclos.core.detect.detector import Detector
from huisclos.ui import workers


def test_the_first_compile_of_the_lexicon_shows_a_message(
    window, qtbot, leaked_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    real = Detector.default

    def compiling(*, refresh: bool = False, progress=None) -> Detector:  # type: ignore[no-untyped-def]
        if progress is not None:  # what the matcher says before a compile of seconds
            progress("Préparation du lexique pour ce poste (une seule fois, quelques secondes)…")
        return real(refresh=refresh)

    monkeypatch.setattr(workers.Detector, "default", compiling)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    open_and_wait(qtbot, window, leaked_export)
    assert any("Préparation du lexique" in message for message in messages)
    assert window.session is not None and window.session.all_findings()
