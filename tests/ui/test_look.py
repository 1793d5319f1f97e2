"""What a user sees: readable highlights on light, dark and high-contrast palettes, French
numbers, accessible names, shortcuts shown in menus, settings kept between sessions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from huisclos.core.detect.categories import CATEGORIES
from huisclos.core.review.counts import ReviewCounts
from huisclos.ui import settings
from huisclos.ui.labels import format_number
from huisclos.ui.review_page import summary_text
from huisclos.ui.theme import (
    CATEGORY_MARKERS,
    dark_palette,
    high_contrast_palette,
    highlight_contrast,
)


@pytest.mark.parametrize("palette_name", ["light", "dark", "high_contrast"])
def test_highlighted_words_stay_readable(qapp, palette_name: str) -> None:
    palette = {
        "light": QPalette(),
        "dark": dark_palette(),
        "high_contrast": high_contrast_palette(),
    }[palette_name]
    for category in CATEGORIES:
        assert highlight_contrast(category, palette) >= 4.5, category


def test_every_category_has_its_own_text_marker() -> None:
    assert len(set(CATEGORY_MARKERS.values())) == len(CATEGORIES)


def test_summary_uses_french_numbers_with_narrow_spaces(qapp) -> None:
    assert format_number(12431) == "12\u202f431"
    counts = ReviewCounts(flagged=350, passages=1200, to_review=238, corrected=112, patients=12431)
    assert summary_text(counts) == (
        "238 commentaires à revoir sur 12\u202f431 patients · 1\u202f200 passages repérés · "
        "112 commentaires corrigés"
    )
    one = ReviewCounts(flagged=1, passages=1, to_review=1, corrected=0, patients=1)
    assert summary_text(one) == (
        "1 commentaire à revoir sur 1 patient · 1 passage repéré · 0 commentaire corrigé"
    )


def test_controls_have_accessible_names_and_menus_show_shortcuts(window) -> None:
    from PySide6.QtWidgets import QAbstractButton

    unnamed = [
        button.text()
        for button in window.findChildren(QAbstractButton)
        if button.isVisibleTo(window) and not (button.accessibleName() or button.text())
    ]
    assert unnamed == []
    assert window.menus.undo.shortcut().toString() == "Ctrl+Z"
    assert window.menus.redo.shortcut().toString() == "Ctrl+Y"
    assert "Ctrl+S" in window.menus.save.toolTip()
    for menu_action in window.menuBar().actions():
        assert menu_action.menu() is not None and menu_action.menu().actions()


def test_settings_are_typed_and_survive_a_restart(qapp) -> None:
    assert settings.language.value() == "fr"
    assert settings.only_to_review.value() is True
    settings.language.set("en")
    settings.language.set("xx")  # never a language we do not have
    assert settings.language.value() == "fr"
    settings.practice.set("Cabinet des Tilleuls")
    assert settings.practice_name() == "Cabinet des Tilleuls"
    settings.disabled_categories.set(["union"])
    assert "union" not in settings.enabled_categories()
    for name in ("a.csv", "b.csv", "a.csv"):
        settings.add_recent_file(name)
    assert settings.recent_files.value() == ["a.csv", "b.csv"]
    settings.clear_recent_files()
    assert settings.recent_files.value() == []


def test_recent_files_show_name_and_folder_open_in_one_click_and_grey_missing_ones(
    qtbot, window, tmp_path
) -> None:
    present = tmp_path / "cabinet" / "export.csv"
    present.parent.mkdir()
    present.write_text("Nom;Commentaire\n", encoding="utf-8")
    settings.add_recent_file(str(tmp_path / "ancien" / "parti.csv"))
    settings.add_recent_file(str(present))
    window.start_page.set_recent_files(settings.recent_files.value())
    recent = window.start_page.recent_list
    item, missing = recent.item(0), recent.item(1)
    assert item.text() == "export.csv\ncabinet" and item.toolTip() == str(present)
    assert "introuvable" in missing.text()
    assert missing.foreground().color() != item.foreground().color()
    chosen: list = []
    window.start_page.file_chosen.connect(chosen.append)
    rect = recent.visualItemRect(missing)
    qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen == []  # a missing file does not open
    window.start_page.file_chosen.disconnect()
    window.start_page.file_chosen.connect(chosen.append)
    rect = recent.visualItemRect(item)
    qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen == [present]  # one click
    window.clear_recent()
    assert window.start_page.recent_list.count() == 0
    assert settings.recent_files.value() == []
    # an empty list says so instead of showing an empty box
    page = window.start_page
    assert page.recent_empty.isVisibleTo(page)
    assert page.recent_empty.text() == "Aucun fichier récent"
    assert not page.recent_list.isVisibleTo(page) and not page.clear_button.isVisibleTo(page)


def test_a_pyside6_that_crashes_on_this_python_is_refused_in_french() -> None:
    import pytest

    from huisclos.core.errors import HuisclosError
    from huisclos.ui.qt_compat import check_qt_version

    with pytest.raises(HuisclosError, match="réinstallez Huis clos"):
        check_qt_version("6.12.0", (3, 11))
    check_qt_version("6.12.0", (3, 12))  # immortal None and True: harmless there
    check_qt_version("6.11.1", (3, 11))
    check_qt_version()  # the PySide6 of this environment is a good one
