"""Settings, practice terms and the journal passphrase, as a user meets them."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QDialog
from ui_helpers import open_and_wait

from huisclos.core.audit import keys
from huisclos.core.detect import practice
from huisclos.ui import settings
from huisclos.ui.dialogs import passphrase as passphrase_module
from huisclos.ui.dialogs.journal import JournalDialog
from huisclos.ui.dialogs.settings_dialog import SettingsDialog


def test_settings_save_options_and_practice_terms(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.practice_edit.setText("Cabinet des Tilleuls")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.category_boxes["union"].setChecked(False)
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("medium"))
    dialog.allow_edit.setText("Gay")
    dialog._add_allowed()
    dialog.extra_edit.setText("le râleur")
    dialog.extra_category.setCurrentIndex(dialog.extra_category.findData("judgement"))
    dialog._add_extra()
    dialog._accept()
    changes = dialog.apply()

    assert settings.practice_name() == "Cabinet des Tilleuls"
    assert settings.language.value() == "en"
    assert "union" not in settings.enabled_categories()
    assert settings.min_severity.value() == "medium"
    assert practice.load_allowlist() == ["Gay"]
    rules = practice.load_extra_rules()
    assert [(rule.category, rule.terms) for rule in rules] == [("judgement", ("le râleur",))]
    assert changes["language"] and changes["scan"]
    assert changes["terms"] == {
        "allowlist_added": 1, "allowlist_removed": 0, "terms_added": 1, "terms_removed": 0
    }  # fmt: skip
    settings.language.set("fr")


def test_removing_a_practice_term_keeps_the_others(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    for term in ("le râleur", "la pipelette"):
        dialog.extra_edit.setText(term)
        dialog._add_extra()
    dialog._accept()
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.extra_list.count() == 2
    dialog.extra_list.item(0).setSelected(True)
    dialog._remove_extra()
    dialog._accept()
    assert [rule.terms for rule in practice.load_extra_rules()] == [("la pipelette",)]


def test_a_new_practice_term_is_flagged_at_the_next_scan(
    qtbot, window, leaked_export: Path
) -> None:
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.extra_edit.setText("rappeler la veille")
    dialog._add_extra()
    dialog._accept()
    dialog.apply()
    open_and_wait(qtbot, window, leaked_export)
    assert 10 in {key[1] for key in window.session.pending_keys()}


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setattr(keys, "SCRYPT_N", keys.SCRYPT_MIN_N)
    yield
    keys.forget_passphrase()
    keyring.set_keyring(previous)


def test_without_a_keyring_the_journal_asks_for_a_passphrase(
    qtbot, window, no_keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []

    def fake_exec(dialog: passphrase_module.PassphraseDialog) -> int:
        asked.append(dialog.choose)
        dialog.first.setText("une phrase assez longue")
        dialog.second.setText("une phrase assez longue")
        dialog._try_accept()
        return dialog.result()

    monkeypatch.setattr(passphrase_module.PassphraseDialog, "exec", fake_exec)
    journal = JournalDialog(window, window.pool)
    qtbot.addWidget(journal)
    assert journal.load() is not None
    assert asked == [True]  # nothing yet: the user chooses a passphrase (typed twice)
    qtbot.waitUntil(lambda: journal.verify_button.isEnabled(), timeout=20_000)
    journal.wait()


def test_a_wrong_passphrase_is_refused_in_french(qtbot, no_keyring) -> None:  # type: ignore[no-untyped-def]
    keys.unlock("la bonne phrase de passe")
    from huisclos.core.audit.log import open_log

    open_log().close()  # creates the key file
    keys.forget_passphrase()
    dialog = passphrase_module.PassphraseDialog(choose=False)
    qtbot.addWidget(dialog)
    dialog.first.setText("une mauvaise phrase")
    dialog._try_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "incorrecte" in dialog.error.text()


def test_a_locked_journal_says_in_one_line_how_to_unlock_it_in_the_app(
    qtbot, window, no_keyring, leaked_export, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["later", "unlock"])

    def fake_exec(dialog: passphrase_module.PassphraseDialog) -> int:
        if next(answers) == "later":  # «Plus tard»
            return QDialog.DialogCode.Rejected
        dialog.first.setText("une phrase assez longue")
        dialog.second.setText("une phrase assez longue")
        dialog._try_accept()
        return dialog.result()

    monkeypatch.setattr(passphrase_module.PassphraseDialog, "exec", fake_exec)
    open_and_wait(qtbot, window, leaked_export)
    window.recorder.wait()
    qtbot.waitUntil(lambda: window.log_lock_notice.button.isVisibleTo(window), timeout=10_000)
    notice = window.log_lock_notice.button
    assert "Cliquez ici pour déverrouiller le journal" in notice.text()
    assert "HUISCLOS_PASSPHRASE" not in notice.text() + window.statusBar().currentMessage()
    assert notice.fontMetrics().horizontalAdvance(notice.text()) < window.width()
    notice.click()
    assert not notice.isVisibleTo(window)
    assert "déverrouillé" in window.statusBar().currentMessage()
