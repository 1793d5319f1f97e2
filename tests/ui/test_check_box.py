"""«Vérifier un commentaire»: what the secretary sees as she types a comment, and what one click
on «Copier la proposition» puts on the clipboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from huisclos.core.detect import practice
from huisclos.core.detect.detector import Detector
from huisclos.ui.check_box import CheckDialog


def _dialog(qtbot) -> CheckDialog:  # type: ignore[no-untyped-def]
    dialog = CheckDialog()
    qtbot.addWidget(dialog)
    dialog.open_with()
    return dialog


def test_typing_a_sensitive_comment_shows_its_findings_and_proposal(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    panel = dialog.panel
    qtbot.keyClicks(panel.editor, "juif pratiquant, pas de RDV le samedi")
    qtbot.waitUntil(lambda: bool(dialog.findings()), timeout=2_000)
    assert {f.category for f in dialog.findings()} == {"religion"}
    assert "À revoir" in panel.status.text()
    assert panel.highlighted() == [f.match for f in dialog.findings()]  # in the text box
    assert "RDV le samedi" in panel.proposal.text()
    assert "juif" not in panel.proposal.text()
    assert panel.copy_button.isEnabled() and panel.copy_button.isVisible()
    assert panel.cards.count() == len(dialog.findings())
    assert "Pourquoi" in panel.cards.itemAt(0).widget().why_button.text()


def test_a_long_paste_shows_every_passage_highlighted_and_a_few_cards(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    panel = dialog.panel
    text = " ; ".join(["porteuse sida", "mère musulmane voilée", "alcoolique", "sous tutelle"] * 3)
    panel.set_text(text)
    assert len(panel.highlighted()) == len(dialog.findings()) >= 12
    assert 1 < panel.cards.count() <= 4  # a word repeated is one card
    assert panel.more.isVisibleTo(panel) == (panel.cards.count() == 4)


def test_cards_of_passages_still_there_are_kept_while_typing(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    panel = dialog.panel
    panel.set_text("porteuse sida")
    card = panel.cards.itemAt(0).widget()
    panel.set_text("porteuse sida, appeler le matin")
    assert panel.cards.count() == 1 and panel.cards.itemAt(0).widget() is card
    assert panel.highlighted() == ["sida"]


def test_a_benign_comment_says_so_plainly(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.panel.editor, "RDV le matin de preference")  # keyClicks: ASCII only
    qtbot.waitUntil(lambda: "Rien à signaler" in dialog.panel.status.text(), timeout=2_000)
    assert dialog.findings() == []
    assert not dialog.panel.copy_button.isVisible()


def test_findings_follow_the_text_as_it_changes(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.panel.editor, "appeler sur portable")
    qtbot.waitUntil(lambda: "Rien à signaler" in dialog.panel.status.text(), timeout=2_000)
    qtbot.keyClicks(dialog.panel.editor, ", porteuse sida")
    qtbot.waitUntil(lambda: bool(dialog.findings()), timeout=2_000)
    assert {f.category for f in dialog.findings()} == {"health"}


def test_copy_puts_the_proposal_on_the_clipboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    dialog.panel.set_text("juif pratiquant, pas de RDV le samedi")
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("autre chose")
    qtbot.mouseClick(dialog.panel.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == dialog.panel.check.proposal
    assert "samedi" in clipboard.text() and "juif" not in clipboard.text()
    assert "Copiée" in dialog.panel.copied.text()


def test_another_proposal_becomes_the_one_copied(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    panel = dialog.panel
    panel.set_text("catholique non pratiquante car ses 2 frères sont suicidés")
    assert panel.other_button.isEnabled()
    others = panel.other_menu.actions()
    assert others
    second = panel.proposals[1].text
    others[0].trigger()
    assert panel.proposals[0].text == second
    panel.copy_proposal()
    assert QGuiApplication.clipboard().text() == second


def test_the_practices_allowed_and_own_terms_apply(qtbot) -> None:  # type: ignore[no-untyped-def]
    practice.add_allowed_term("pratiquant")
    practice.save_extra_terms_text(
        '[[rule]]\nid = "cabinet.terme-vip"\ncategory = "judgement"\nseverity = "medium"\n'
        'label = "VIP"\nterms = ["patient VIP"]\nexplanation = "Terme signalé par le cabinet."\n'
    )
    dialog = CheckDialog(detector=Detector.default)
    qtbot.addWidget(dialog)
    dialog.panel.set_text("juif pratiquant")
    assert [f.match for f in dialog.findings()] == ["juif"]
    dialog.panel.set_text("patient VIP")
    assert {f.category for f in dialog.findings()} == {"judgement"}


def test_a_comment_is_counted_once_when_left_not_per_keystroke(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    done: list = []
    dialog.panel.comment_done.connect(done.append)
    qtbot.keyClicks(dialog.panel.editor, "porteuse sida")
    qtbot.waitUntil(lambda: bool(dialog.findings()), timeout=2_000)
    assert done == []
    dialog.close()
    assert [check.categories for check in done] == [("health",)]
    dialog.close()
    assert len(done) == 1


def test_ctrl_k_the_tools_menu_and_the_start_page_open_the_box(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.menus.check.shortcut().toString() == "Ctrl+K"
    assert window.menus.check in window.menus.tools_menu.actions()
    window.menus.check.trigger()
    dialog = window.prevention.check_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    qtbot.mouseClick(window.start_page.check_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    dialog.close()


def test_the_box_is_usable_with_a_screen_reader_and_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton

    dialog = _dialog(qtbot)
    dialog.panel.set_text("porteuse sida, appeler le matin")
    unnamed = [
        button
        for button in dialog.findChildren(QAbstractButton)
        if button.isVisibleTo(dialog) and not (button.accessibleName() or button.text())
    ]
    assert unnamed == []
    assert dialog.panel.editor.accessibleName() and dialog.panel.status.accessibleName()
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2_000)  # shortcuts need an active window
    qtbot.keyClick(
        dialog.panel.editor,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert clipboard.text() == dialog.panel.check.proposal
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
