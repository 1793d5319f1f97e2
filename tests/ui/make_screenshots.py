"""Render the start, check box, notification, review, journal and workshop screens into
resources/screenshots/ (the main window at 1366×768).

Run by hand (not collected by pytest):
    QT_QPA_PLATFORM=offscreen python tests/ui/make_screenshots.py [EXPORT] [--out DIR]
Uses the bundled demo export by default and a throw-away data folder (no real log touched).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HUISCLOS_HOME"] = tempfile.mkdtemp(prefix="huisclos-shots-")
os.environ["HUISCLOS_STATE_HOME"] = tempfile.mkdtemp(prefix="huisclos-shots-state-")
os.environ.setdefault("HUISCLOS_PASSPHRASE", "capture d'écran seulement")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[2]


def wait(signal, timeout_ms: int = 30_000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def pump(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def check_box_and_notice(window, out: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """«Vérifier un commentaire» with a leaked-like comment, and a clipboard notification's
    content (the popup its click opens: offscreen has no notification area to show one)."""
    from huisclos.core.check.comment import check_comment, notice_for
    from huisclos.core.detect.detector import Detector
    from huisclos.ui.tray import NoticePopup

    dialog = window.prevention.open_check(
        "catholique non pratiquante car ses 2 frères sont suicidés, RDV le matin"
    )
    dialog.resize(680, 620)
    while not window.prevention.detector_ready:
        pump(100)
    pump()
    dialog.grab().save(str(out / f"check{suffix}.png"))
    dialog.panel.set_text("")
    dialog.close()
    notice = notice_for(check_comment("serait homosexuelle d'après sa mère", Detector.default()))
    assert notice is not None
    popup = NoticePopup(notice)
    popup.show()
    pump()
    popup.grab().save(str(out / f"notification{suffix}.png"))
    popup.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("export", nargs="?")
    parser.add_argument("--out", default=str(REPO / "resources" / "screenshots"))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--language", default="fr")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from huisclos.ui import app as app_module
    from huisclos.ui import settings
    from huisclos.ui.main_window import demo_path
    from huisclos.ui.theme import dark_palette

    settings.language.set(args.language)
    app_module.configure_application(app)
    if args.dark:
        app.setPalette(dark_palette())
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-dark" if args.dark else ("" if args.language == "fr" else f"-{args.language}")
    window = app_module.create_window()
    window.resize(1366, 768)
    window.show()
    # a recent export that is still there, and one that was moved since («introuvable»)
    exports = Path(os.environ["HUISCLOS_HOME"]) / "Exports du cabinet"
    exports.mkdir()
    settings.add_recent_file(str(exports / "export-patients-2026-10.csv"))
    present = exports / "export-patients-2026-11.csv"
    present.write_bytes(demo_path().read_bytes())
    settings.add_recent_file(str(present))
    window.start_page.set_recent_files(settings.recent_files.value())
    pump()
    window.grab().save(str(out / f"start{suffix}.png"))
    check_box_and_notice(window, out, suffix)
    path = Path(args.export) if args.export else demo_path()
    window.open_file(path, remember=False)
    wait(window.scan_finished)
    page = window.review_page
    page.step(True)
    window.review.apply_suggestion()  # corrections done, so the summary and the log show them
    window.review.apply_suggestion()
    window.review.ignore_finding()  # the status bar offers «Annuler»
    bar = page.search_bar  # Ctrl+F, a name typed
    bar.open_bar()
    bar.field.setText("schizophrène")
    bar.search()
    # show a comment like the leaked ones: several findings, hearsay about relatives
    session = window.session
    wanted = next(
        (
            k
            for k in session.pending_keys()
            if "frère" in session.text(k) or "mère" in session.text(k)
        ),
        None,
    )
    if wanted is not None:
        column = page.model.column_of(wanted[2])
        page.table.setCurrentIndex(page.proxy.mapFromSource(page.model.index_of(wanted[1], column)))
    else:
        page.select_row(0)
    pump()
    window.grab().save(str(out / f"review{suffix}.png"))
    window.recorder.wait()
    from huisclos.ui.dialogs.journal import JournalDialog

    dialog = JournalDialog(window, window.pool)
    dialog.resize(1000, 560)
    dialog.load()
    window.pool.waitForDone()
    pump()
    dialog.verify()
    window.pool.waitForDone()
    pump()
    dialog.show()
    pump()
    # the dialog over the dimmed window, at the window's 1366×768
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

    base = window.grab().toImage()
    shot = QPixmap.fromImage(base)
    painter = QPainter(shot)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 110))
    inner = dialog.grab()
    title_height = 30
    x = (shot.width() - inner.width()) // 2
    y = (shot.height() - inner.height() + title_height) // 2
    title = QRect(x, y - title_height, inner.width(), title_height)
    painter.fillRect(title, QColor("#DADDE1"))
    font = QFont(window.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#202124"))
    painter.drawText(title, Qt.AlignmentFlag.AlignCenter, dialog.windowTitle())
    painter.drawPixmap(x, y, inner)
    painter.setPen(QColor("#5F6368"))
    painter.drawRect(
        QRect(x, y - title_height, inner.width() - 1, inner.height() + title_height - 1)
    )
    painter.end()
    shot.save(str(out / f"journal{suffix}.png"))
    dialog.close()

    from huisclos.ui.workshop import WorkshopWindow

    workshop = WorkshopWindow()
    workshop.resize(1366, 768)
    workshop.show()
    workshop.start_quiz()
    assert workshop.view is not None
    workshop.view.reveal()
    pump()
    workshop.grab().save(str(out / f"workshop{suffix}.png"))
    workshop.close()
    window.undo_stack.clear()
    window.close()
    window.wait_for_jobs()
    print("screenshots in", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
