"""The window's prevention tools: the clipboard watch switched on and off (settings, tray), life
in the tray, the notification's two actions, starting with the session, and the journal's one
event per day of use."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from huisclos.core.audit.log import open_log
from huisclos.core.check import autostart
from huisclos.core.check.comment import check_comment
from huisclos.core.check.usage import DailyUsage
from huisclos.core.detect.categories import CATEGORIES
from huisclos.core.detect.detector import Detector
from huisclos.ui import clipboard_watch, prevention, settings
from huisclos.ui.dialogs.settings_dialog import SettingsDialog

SENSITIVE = "catholique non pratiquante car ses 2 frères sont suicidés"


@pytest.fixture(autouse=True)
def copied_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every copy of these tests is made in another program (the offscreen platform gives the
    test window the focus, which would mean a copy made in Huis clos)."""
    monkeypatch.setattr(clipboard_watch, "copied_in_huis_clos", lambda: False)


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop with a notification area (the offscreen platform has none)."""
    monkeypatch.setattr(prevention, "tray_available", lambda: True)


@pytest.fixture
def watching(qtbot, window, with_tray):  # type: ignore[no-untyped-def]
    """The window with the clipboard watch on; switched off again after the test."""
    QGuiApplication.clipboard().setText("")
    assert window.prevention.set_watch(True)
    qtbot.waitUntil(lambda: window.prevention.detector_ready, timeout=60_000)
    notices: list = []
    window.prevention.watch.flagged.connect(lambda notice, check: notices.append(notice))
    yield window, notices
    window.prevention.set_watch(False)
    assert QApplication.quitOnLastWindowClosed()


def test_the_watch_is_off_by_default(window) -> None:  # type: ignore[no-untyped-def]
    assert not settings.clipboard_watch.value()
    assert not window.prevention.watching
    QGuiApplication.clipboard().setText(SENSITIVE)
    assert window.prevention.last is None


def test_without_a_system_tray_the_option_says_so_and_stays_off(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert not prevention.tray_available()  # the offscreen platform
    assert not window.prevention.set_watch(True)
    assert not settings.clipboard_watch.value() and not window.prevention.watching
    dialog = SettingsDialog(window, tray_available=False, autostart=False)
    qtbot.addWidget(dialog)
    assert not dialog.watch_box.isEnabled() and not dialog.watch_box.isChecked()
    assert "pas de zone de notification" in dialog.no_tray.text()


def test_the_settings_explain_the_watch_in_one_sentence(qtbot, with_tray) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(None, tray_available=True, autostart=False)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    sentence = next(text for text in texts if "Ctrl+C" in text)
    assert "ni enregistré ni envoyé" in sentence and sentence.count(". ") == 0  # one sentence
    assert dialog.watch_box.isEnabled() and not dialog.watch_box.isChecked()


def test_a_sensitive_copy_is_flagged_once_and_its_proposal_replaces_it(watching) -> None:  # type: ignore[no-untyped-def]
    window, notices = watching
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(SENSITIVE)
    clipboard.setText(SENSITIVE)
    assert len(notices) == 1
    assert window.prevention.tray.copy_action.isEnabled()
    assert window.prevention.copy_neutral()
    assert clipboard.text() == window.prevention.last.proposal
    assert "catholique" not in clipboard.text()
    assert len(notices) == 1  # Huis clos's own copy is not looked at


def test_open_shows_the_copied_text_in_the_check_box(watching) -> None:  # type: ignore[no-untyped-def]
    window, _notices = watching
    QGuiApplication.clipboard().setText(SENSITIVE)
    dialog = window.prevention.open_last()
    assert dialog is not None and dialog.isVisible()
    assert dialog.panel.text() == SENSITIVE
    assert {f.category for f in dialog.findings()} >= {"religion"}
    dialog.close()


def test_the_tray_menu_switches_the_watch_off(watching) -> None:  # type: ignore[no-untyped-def]
    window, notices = watching
    window.prevention.tray.watch_action.trigger()
    assert not window.prevention.watching and not settings.clipboard_watch.value()
    QGuiApplication.clipboard().setText(SENSITIVE)
    assert notices == []


def test_closing_the_window_keeps_huis_clos_in_the_tray_and_quit_quits(
    watching, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window, _notices = watching
    window.close()
    assert not window.isVisible()
    assert window.prevention.watching and window.prevention.tray.icon.isVisible()
    window.prevention.tray.show_action.trigger()  # «Afficher Huis clos»
    assert window.isVisible()
    window.close()
    assert not window.isVisible()
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    window.prevention.tray.quit_action.trigger()
    assert quits == [True]
    assert not window.prevention.watching  # quitting stopped the watch
    window.prevention.set_watch(True)  # for the fixture's tidy-up


def test_autostart_is_written_with_the_watch_and_removed_when_it_is_unticked(
    qtbot, window, with_tray
) -> None:  # type: ignore[no-untyped-def]
    entry = autostart.session_autostart()
    assert entry is not None and not entry.is_enabled()
    dialog = SettingsDialog(window, tray_available=True, autostart=False)
    qtbot.addWidget(dialog)
    dialog.watch_box.setChecked(True)
    dialog.autostart_box.setChecked(True)
    window.prevention.apply_settings(dialog.apply())
    assert window.prevention.watching and entry.is_enabled()
    assert "--tray" in Path(entry.where()).read_text(encoding="utf-8")
    dialog = SettingsDialog(window, tray_available=True, autostart=True)
    qtbot.addWidget(dialog)
    dialog.watch_box.setChecked(False)  # the watch off takes the autostart with it
    assert not dialog.autostart_box.isChecked()
    window.prevention.apply_settings(dialog.apply())
    assert not window.prevention.watching and not entry.is_enabled()


def test_one_journal_event_per_day_with_counts_only(qtbot, watching, huisclos_home: Path) -> None:  # type: ignore[no-untyped-def]
    window, _notices = watching
    open_log().close()
    today = [date(2026, 3, 2)]
    window.prevention.usage = DailyUsage(today=lambda: today[0])
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(SENSITIVE)
    clipboard.setText("porteuse sida")
    clipboard.setText("appeler sur portable")
    dialog = window.prevention.open_check()
    for text in ("mère musulmane voilée", "préfère RDV le matin", "juif pratiquant"):
        dialog.panel.set_text(text)
        qtbot.keyClicks(dialog.panel.editor, " ")
    dialog.close()
    window.wait_for_jobs()
    assert _prevention_events() == []  # the day is not over
    today[0] = date(2026, 3, 3)
    window.prevention.flush_usage()
    window.wait_for_jobs()
    events = _prevention_events()
    assert len(events) == 1
    payload = events[0]["payload"]
    assert payload["day"] == "2026-03-02"
    watcher, box = payload["watcher"], payload["check_box"]
    assert (watcher["checked"], watcher["flagged"]) == (3, 2)
    assert watcher["by_category"] == _by_category([SENSITIVE, "porteuse sida"])
    assert (box["checked"], box["flagged"]) == (3, 2)
    assert box["by_category"] == _by_category(["mère musulmane voilée ", "juif pratiquant "])
    written = json.dumps(events)
    for word in ("catholique", "sida", "musulmane", "juif", "portable", "matin"):
        assert word not in written
    window.prevention.flush_usage()
    window.wait_for_jobs()
    assert len(_prevention_events()) == 1


def _by_category(texts: list[str]) -> dict[str, int]:
    detector = Detector.default()
    counts = Counter(c for text in texts for c in check_comment(text, detector).categories)
    return {category: counts[category] for category in CATEGORIES if counts[category]}


def _prevention_events() -> list[dict]:
    log = open_log()
    try:
        return [event for event in log.events() if event["event"] == "prevention"]
    finally:
        log.close()


def test_the_box_waits_for_the_lexicon_without_freezing_then_checks(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = window.prevention.open_check("porteuse sida")
    assert not window.prevention.detector_ready  # prepared on the pool, not on the GUI thread
    assert "Préparation du lexique" in dialog.panel.status.text()
    qtbot.waitUntil(lambda: bool(dialog.findings()), timeout=60_000)
    assert {f.category for f in dialog.findings()} == {"health"}
    dialog.close()


def test_a_copy_made_while_the_lexicon_is_prepared_waits_for_it(qtbot, window, with_tray) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText("")
    notices: list = []
    window.prevention.watch.flagged.connect(lambda notice, check: notices.append(notice))
    window.prevention.set_watch(True)
    try:
        QGuiApplication.clipboard().setText(SENSITIVE)
        assert notices == [] and not window.prevention.detector_ready
        qtbot.waitUntil(lambda: len(notices) == 1, timeout=60_000)
        assert notices[0].main_category in {"religion", "health"}
    finally:
        window.prevention.set_watch(False)


def test_huisclos_tray_starts_the_app_in_the_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    import huisclos.__main__ as entry
    from huisclos.ui import app as app_module

    started: list[bool] = []
    monkeypatch.setattr(app_module, "run_app", lambda tray=False: started.append(tray) or 0)
    assert entry.main(["--tray"]) == 0
    assert entry.main([]) == 0
    assert started == [True, False]


def test_starting_in_the_tray_hides_the_window_and_watches(qtbot, window, with_tray) -> None:  # type: ignore[no-untyped-def]
    window.hide()
    window.prevention.start_in_tray()
    try:
        assert window.prevention.watching and not window.isVisible()
        assert settings.clipboard_watch.value()
    finally:
        window.prevention.set_watch(False)
    assert window.isVisible()  # the watch off: never running with nothing on screen


def test_starting_in_the_tray_without_one_shows_the_window(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(prevention, "TRAY_RETRIES", 0)
    window.hide()
    window.prevention.start_in_tray()
    assert window.isVisible() and not window.prevention.watching
