"""French first, English through Qt Linguist: the translation is complete and actually loads."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from huisclos.core.resources import resource
from huisclos.core.review.counts import ReviewCounts
from huisclos.ui.app import install_translations
from huisclos.ui.main_window import MainWindow
from huisclos.ui.review_page import summary_text


def _script():  # type: ignore[no-untyped-def]
    path = resource("i18n", "update_translations.py")
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert install_translations(qapp, "en") == "en"
    yield
    install_translations(qapp, "fr")


def test_the_english_translation_is_complete_and_compiled() -> None:
    assert _script().unfinished(resource("i18n", "huisclos_en.ts")) == []
    assert resource("i18n", "huisclos_en.qm").stat().st_size > 1000


def test_every_interface_text_is_in_the_translation_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A new ``tr()`` text must reach the .ts file (and be translated) before it ships."""
    script = _script()
    ts_copy = tmp_path / "huisclos_en.ts"
    shutil.copy(resource("i18n", "huisclos_en.ts"), ts_copy)
    sources = sorted(str(path) for path in script.UI.rglob("*.py"))
    subprocess.run(
        [script._tool("pyside6-lupdate"), "-no-obsolete", "-source-language", "fr_FR",
         "-target-language", "en", *sources, "-ts", str(ts_copy)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert script.unfinished(ts_copy) == []


def test_the_window_speaks_english_when_asked(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.start_page.open_button.text() == "Open a file…"
    assert window.start_page.banner.text() == "Everything stays on this computer. No data is sent."
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Edit"]
    counts = ReviewCounts(flagged=3, passages=4, to_review=2, corrected=1, patients=1500)
    assert summary_text(counts) == (
        "2 comments to review out of 1,500 patients · 4 passages found · 1 comment corrected"
    )


def test_french_is_the_default(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert install_translations(qapp) == "fr"
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.start_page.open_button.text() == "Ouvrir un fichier…"


def test_the_tools_menu_is_translated_too(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    from huisclos.ui import app as app_module

    window = app_module.create_window()
    qtbot.addWidget(window)
    texts = [action.text() for action in window.menus.tools_menu.actions()]
    assert "Self-check report…" in texts
    assert "Workshop mode…" in texts
    assert window.menus.help_menu.actions()[0].text() == "Why? The rules for comments"


def test_qts_own_dialogs_speak_french(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    assert install_translations(qapp, "fr") == "fr"
    said = QCoreApplication.translate("QFileDialog", "Look in:").replace("\u00a0", " ")
    assert said == "Voir dans :"
    said = QCoreApplication.translate("QFileDialog", "Files of type:").replace("\u00a0", " ")
    assert said == "Fichiers de type :"
    spec = (resource("i18n").parents[1] / "installer" / "huisclos.spec").read_text("utf-8")
    assert "qtbase_fr.qm" in spec  # bundled beside our translations, where the app looks


def test_in_english_the_rules_help_and_suggestions_are_english(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    from huisclos.core.detect.findings import Finding
    from huisclos.core.report.quiz import Quiz, QuizItem
    from huisclos.ui.detail_panel import FindingCard
    from huisclos.ui.help_dialog import HelpDialog
    from huisclos.ui.labels import format_decimal, suggestion_label
    from huisclos.ui.workshop import QuizView

    finding = Finding(
        1, "C", 0, 4, "health", "high", "health.hiv", "sida", ("emphasis",),
        explanation="Une infection au VIH est une donnée de santé.",
    )  # fmt: skip
    card = FindingCard(finding)
    qtbot.addWidget(card)
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in card.findChildren(QLabel))
    assert "HIV infection" in texts and "donnée de santé" not in texts
    assert "Excessive tone" in texts or "excessive" in texts.lower()
    assert suggestion_label("Vider le commentaire") == "Empty the comment"
    assert format_decimal(0.5) == "0.5"

    help_window = HelpDialog()
    qtbot.addWidget(help_window)
    assert "What the CNIL expects" in help_window.topics.item(0).text()
    assert "right of access" in help_window.text.toPlainText()

    from huisclos.core.detect.detector import Detector

    quiz = Quiz([QuizItem("porteuse sida !!! !!!!", True, ("health",))], Detector.default())
    view = QuizView(quiz)
    qtbot.addWidget(view)
    view.record_answer(True)
    view.reveal()
    assert view.categories.text() == "Health"
    assert "health data" in view.explanation.text()


def test_category_markers_follow_the_language(english) -> None:  # type: ignore[no-untyped-def]
    from huisclos.core.detect.categories import CATEGORIES
    from huisclos.ui.labels import category_marker

    markers = [category_marker(c) for c in CATEGORIES]
    assert category_marker("health") == "HEA" and len(set(markers)) == len(CATEGORIES)
