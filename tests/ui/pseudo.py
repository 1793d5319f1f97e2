"""Pseudo-translation: every interface text stretched by 40 %, to see what a longer language
(German, Finnish…) would clip.

``pseudo_qm(folder)`` writes ``huisclos_xx.qm`` whose translations are the French sources with
40 % more characters (placeholders, tags and «&» shortcuts kept); ``clipped(widget)`` lists the
visible labels, buttons and check boxes whose text does not fit. Run by hand to look at it::

    QT_QPA_PLATFORM=offscreen python tests/ui/pseudo.py --out /tmp/pseudo
"""

from __future__ import annotations

import math
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "huisclos_en.ts"
STRETCH = 0.4


def stretch(text: str) -> str:
    """``text`` with 40 % more characters: accented vowels and a tail of «·», so it reads as
    fake and any clipping shows."""
    extra = math.ceil(len(text) * STRETCH)
    accented = text.translate(str.maketrans("aeiouAEIOU", "àéîõüÀÉÎÕÜ"))
    if "<" in text or "{" in text:
        accented = text  # keep tags and placeholders exactly
    lines = accented.split("\n")
    lines[-1] += " " + "·" * max(1, extra - 1)
    return "\n".join(lines)


def pseudo_qm(folder: Path, language: str = "xx") -> Path:
    """Write the pseudo-translation ``huisclos_<language>.qm`` in ``folder``."""
    tree = ElementTree.parse(TS)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        translation.attrib.pop("type", None)
        translation.text = stretch(source)
    ts = folder / f"huisclos_{language}.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [str(lrelease), str(ts), "-qm", str(folder / f"huisclos_{language}.qm")],
        check=True,
        capture_output=True,
    )
    return folder / f"huisclos_{language}.qm"


def install_pseudo(app, folder: Path):  # type: ignore[no-untyped-def]
    """Install the pseudo-translation on ``app``; returns the translator (to remove it)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator(app)
    assert translator.load(str(pseudo_qm(folder)))
    app.installTranslator(translator)
    return translator


def clipped(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Visible labels, buttons and check boxes under ``root`` whose text does not fit."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea

    problems: list[str] = []
    for area in root.findChildren(QScrollArea):
        if area.isVisibleTo(root) and area.widget() is not None:
            overflow = area.widget().minimumSizeHint().width() - area.viewport().width()
            if overflow > 2:
                problems.append(f"{area.objectName() or 'QScrollArea'}: {overflow} px too wide")
    for widget in [root, *root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(root):
            continue
        text = widget.text()
        if not text or widget.width() <= 0:
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 2:
                problems.append(
                    f"{type(widget).__name__} «{text[:40]}»: {needed} > {widget.height()} px high"
                )
        elif widget.width() + 2 < hint.width() and not isinstance(widget, QLabel):
            problems.append(
                f"{type(widget).__name__} «{text[:40]}»: {hint.width()} > {widget.width()} px"
            )
        elif isinstance(widget, QLabel) and widget.width() + 2 < widget.minimumSizeHint().width():
            problems.append(
                f"QLabel «{text[:40]}»: {widget.minimumSizeHint().width()} > {widget.width()} px"
            )
    return problems


def main() -> int:
    import argparse
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HUISCLOS_HOME"] = tempfile.mkdtemp(prefix="huisclos-pseudo-")
    os.environ.setdefault("HUISCLOS_PASSPHRASE", "capture d'écran seulement")
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=tempfile.gettempdir())
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from huisclos.ui import app as app_module
    from huisclos.ui.main_window import demo_path

    app_module.configure_application(app)
    install_pseudo(app, Path(tempfile.mkdtemp()))
    window = app_module.create_window()
    window.resize(1366, 768)
    window.show()

    from make_screenshots import pump

    pump()
    window.grab().save(str(out / "pseudo-start.png"))
    print("start:", clipped(window.start_page) or "nothing clipped")
    loop = QEventLoop()
    window.scan_finished.connect(loop.quit)
    window.open_file(demo_path(), remember=False)
    loop.exec()
    window.review_page.step(True)
    pump()
    window.grab().save(str(out / "pseudo-review.png"))
    print("review:", clipped(window.review_page) or "nothing clipped")
    from huisclos.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window, window.session)
    dialog.show()
    pump()
    dialog.grab().save(str(out / "pseudo-settings.png"))
    print("settings:", clipped(dialog) or "nothing clipped")
    dialog.close()
    window.close()
    window.wait_for_jobs()
    print("screenshots in", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
