"""Every interface text 40 % longer (a pseudo-translation): nothing on the start screen, the
review screen or the settings is clipped, and the detail panel never scrolls sideways."""

from __future__ import annotations

from pathlib import Path

from pseudo import clipped, install_pseudo
from ui_helpers import open_and_wait

from huisclos.ui.app import install_translations
from huisclos.ui.dialogs.settings_dialog import SettingsDialog
from huisclos.ui.main_window import MainWindow


def test_stretched_texts_are_never_clipped(qapp, qtbot, tmp_path: Path, leaked_export) -> None:
    translator = install_pseudo(qapp, tmp_path)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.ask = lambda title, question, **options: True  # type: ignore[method-assign]
        window.resize(1366, 768)
        window.show()
        assert "·" in window.start_page.open_button.text()  # the pseudo-translation is on
        qtbot.wait(50)
        assert clipped(window.start_page) == []
        open_and_wait(qtbot, window, leaked_export)
        window.review_page.select_row(0)
        qtbot.wait(50)
        assert clipped(window.review_page) == []
        dialog = SettingsDialog(window, window.session)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(50)
        assert clipped(dialog) == []
        window.close()
        window.wait_for_jobs()
    finally:
        qapp.removeTranslator(translator)
        install_translations(qapp, "fr")
