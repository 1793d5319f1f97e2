"""«Veille du presse-papiers» with the offscreen platform's real QClipboard: which copies raise a
notification (through ``ClipboardWatch.flagged``, the seam the tray listens to), what the
notification says — never the comment — and its two actions."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QImage

from huisclos.core.check.comment import Notice
from huisclos.core.check.copies import MAX_LENGTH
from huisclos.ui.clipboard_watch import ClipboardWatch
from huisclos.ui.tray import NoticePopup, notice_line, notice_title

SENSITIVE = "serait homosexuelle d'après sa mère"


@pytest.fixture
def watch(qtbot) -> Iterator[tuple[ClipboardWatch, list[Notice]]]:  # type: ignore[no-untyped-def]
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("")  # what was there before the watch started is not looked at
    watcher = ClipboardWatch(clipboard, own_copy=lambda: False)  # copied in another program
    notices: list[Notice] = []
    watcher.flagged.connect(lambda notice, check: notices.append(notice))
    watcher.start()
    yield watcher, notices
    watcher.stop()


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w+", text.casefold()) if len(word) > 2}


def test_a_sensitive_copy_raises_one_notification(watch) -> None:  # type: ignore[no-untyped-def]
    _watcher, notices = watch
    QGuiApplication.clipboard().setText(SENSITIVE)
    assert len(notices) == 1
    assert notices[0].main_category == "sex_life"
    assert "hearsay" in notices[0].reasons


def test_a_benign_copy_raises_none(watch) -> None:  # type: ignore[no-untyped-def]
    _watcher, notices = watch
    QGuiApplication.clipboard().setText("Préfère RDV le matin, appeler sur portable")
    assert notices == []


def test_the_same_text_copied_again_raises_no_second_notification(watch) -> None:  # type: ignore[no-untyped-def]
    _watcher, notices = watch
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(SENSITIVE)
    clipboard.setText("autre chose")
    clipboard.setText(SENSITIVE)
    clipboard.setText("  " + SENSITIVE + "\n")
    assert len(notices) == 1


def test_long_texts_images_and_password_manager_secrets_are_not_looked_at(watch) -> None:  # type: ignore[no-untyped-def]
    _watcher, notices = watch
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(("porteuse sida. " * 200)[: MAX_LENGTH + 1])
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0)
    clipboard.setImage(image)
    for hint, value in (
        ("x-kde-passwordManagerHint", b"secret"),
        ("ExcludeClipboardContentFromMonitorProcessing", b"\x00"),
    ):
        mime = QMimeData()
        mime.setText("porteuse sida " + hint)
        mime.setData(hint, value)
        clipboard.setMimeData(mime)
    assert notices == []


def test_huis_clos_own_copies_and_a_stopped_watch_raise_none(watch) -> None:  # type: ignore[no-untyped-def]
    watcher, notices = watch
    watcher.write("mère musulmane voilée")
    watcher.stop()
    QGuiApplication.clipboard().setText("porteuse sida")
    assert notices == []


def test_the_notification_never_quotes_the_comment(watch) -> None:  # type: ignore[no-untyped-def]
    _watcher, notices = watch
    comments = [
        SENSITIVE,
        "mère musulmane voilée",
        "porteuse sida !!! !!!!",
        "fils en prison, militant syndical",
    ]
    for comment in comments:
        QGuiApplication.clipboard().setText(comment)
    assert len(notices) == len(comments)
    for comment, notice in zip(comments, notices, strict=True):
        said = notice_title(notice) + " " + notice_line(notice)
        popup = NoticePopup(notice)
        shown = " ".join(label.text() for label in (popup.title, popup.line))
        assert not _words(comment) & _words(said + " " + shown), (comment, said)
        popup.close()


def test_the_popups_buttons_ask_for_the_two_actions(qtbot, watch) -> None:  # type: ignore[no-untyped-def]
    _watcher, notices = watch
    QGuiApplication.clipboard().setText(SENSITIVE)
    popup = NoticePopup(notices[0])
    qtbot.addWidget(popup)
    with qtbot.waitSignal(popup.copy_requested, timeout=1_000):
        popup.copy_button.click()
    popup = NoticePopup(notices[0])
    qtbot.addWidget(popup)
    with qtbot.waitSignal(popup.open_requested, timeout=1_000):
        popup.open_button.click()


def test_a_copy_made_in_a_huis_clos_window_is_not_looked_at(qtbot) -> None:  # type: ignore[no-untyped-def]
    clipboard = QGuiApplication.clipboard()
    watcher = ClipboardWatch(clipboard, own_copy=lambda: True)
    notices: list[Notice] = []
    watcher.flagged.connect(lambda notice, check: notices.append(notice))
    watcher.start()
    try:
        clipboard.setText("porteuse sida, vue dans la revue")
    finally:
        watcher.stop()
    assert notices == []
