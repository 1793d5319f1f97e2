"""Desktop app entry point: the QApplication, translations, style, and the main window.

``huisclos`` with no argument calls :func:`run_app`. Tests use :func:`create_window` with
pytest-qt's own QApplication.

Threading: GUI thread only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ..core import resources
from ..core.errors import HuisclosError
from . import settings
from .errors import install_excepthook, show_error
from .main_window import MainWindow
from .qt_compat import check_qt_version
from .style import apply_style

logger = logging.getLogger(__name__)

_translators: list[QTranslator] = []  # kept alive as long as the application


def qt_translation_folders() -> list[Path]:
    """Where ``qtbase_fr.qm`` may be: beside our translations (the installer puts it there),
    Qt's translations folder, PySide6's own."""
    folders: list[Path] = []
    with contextlib.suppress(HuisclosError):
        folders.append(resources.resource("i18n"))
    folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    import PySide6

    folders.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    return folders


def install_translations(app: QCoreApplication, language: str | None = None) -> str:
    """Load the interface language (French is the source: no file needed). Returns it."""
    language = language or settings.language.value()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    loaded = "fr"
    if language != "fr":
        try:
            folder = resources.resource("i18n")
        except HuisclosError:  # pragma: no cover - incomplete installation
            folder = None
        translator = QTranslator(app)
        if folder is not None and translator.load(f"huisclos_{language}", str(folder)):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded = language
        else:
            logger.warning("No translation for %s; the interface stays in French", language)
    qt_translator = QTranslator(app)
    for qt_folder in qt_translation_folders():
        if qt_translator.load(QLocale(loaded), "qtbase", "_", str(qt_folder)):
            # Qt's own dialogs and buttons in French («Voir dans :», «Annuler», «Oui»…)
            app.installTranslator(qt_translator)
            _translators.append(qt_translator)
            break
    else:
        logger.warning("Qt's own translation for %s not found", loaded)
    app.setProperty("huisclos_language", loaded)
    QLocale.setDefault(
        QLocale(QLocale.Language.French if loaded == "fr" else QLocale.Language.English)
    )
    return loaded


def configure_application(app: QApplication) -> None:
    """Names, icon, translations, style and the French excepthook."""
    app.setApplicationName("Huis clos")
    app.setOrganizationName("huisclos")
    app.setApplicationDisplayName("Huis clos")
    try:
        icon = resources.resource("icons", "huisclos.svg")
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
    except HuisclosError:  # pragma: no cover
        pass
    install_translations(app)
    apply_style(app)
    install_excepthook()


def create_window() -> MainWindow:
    """The main window, restored to its last size when known."""
    window = MainWindow()
    geometry = settings.window_geometry.value()
    if geometry:
        window.restoreGeometry(geometry)  # type: ignore[arg-type]
    return window


def run_app(argv: list[str] | None = None, *, tray: bool = False) -> int:
    """Start the desktop app; returns the exit code. ``tray`` (``huisclos --tray``, what the
    session's autostart entry runs): start hidden in the notification area, clipboard watch on
    (the window shows when the desktop has no notification area)."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    configure_application(app)  # type: ignore[arg-type]
    try:
        check_qt_version()
        window = create_window()
    except HuisclosError as error:
        show_error(None, error)
        return 2
    if tray:
        window.prevention.start_in_tray()
    else:
        window.show()
    if os.environ.get("HUISCLOS_SMOKE_REPORT") and sys.stdout is not None:
        # The installer's smoke test waits for this line to time start-up and prove the
        # bundled app really built its window.
        print("huisclos: window shown", flush=True)
    return app.exec()
