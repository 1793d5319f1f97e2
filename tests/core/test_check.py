"""Checking one comment before it is saved (core, no Qt): the check, what a notification may
say, which copies the watch looks at, the day's figures for the journal, the autostart entry."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from huisclos.core.audit.events import check_payload, describe, prevention_payload
from huisclos.core.check import autostart
from huisclos.core.check.comment import CATEGORY_REASONS, check_comment, notice_for
from huisclos.core.check.copies import MAX_LENGTH, SeenTexts, Skip, marked_secret, skip_reason
from huisclos.core.check.usage import CHECK_BOX, USAGE_FILE, WATCHER, DailyUsage
from huisclos.core.detect import practice
from huisclos.core.detect.detector import Detector
from huisclos.core.errors import HuisclosError

# --- the check -------------------------------------------------------------------------------


def test_a_benign_comment_has_nothing_and_no_proposal() -> None:
    check = check_comment("Préfère RDV le matin", Detector.default())
    assert not check.flagged and check.findings == () and check.proposal is None
    assert notice_for(check) is None


def test_a_sensitive_comment_keeps_the_need_in_its_proposal() -> None:
    check = check_comment("juif pratiquant, pas de RDV le samedi", Detector.default(), number=7)
    assert check.categories == ("religion",)
    assert check.proposal == "Pas de RDV le samedi"
    assert {f.suggestion for f in check.findings} == {"Pas de RDV le samedi"}
    assert {f.row for f in check.findings} == {7}
    assert len(check.suggestions) > 1  # «Autres propositions»


def test_the_practices_allowed_and_own_terms_apply() -> None:
    practice.add_allowed_term("pratiquant")
    practice.save_extra_terms_text(
        '[[rule]]\nid = "cabinet.terme-vip"\ncategory = "judgement"\nseverity = "medium"\n'
        'label = "VIP"\nterms = ["patient VIP"]\nexplanation = "Terme signalé par le cabinet."\n'
    )
    detector = Detector.default()
    assert [f.match for f in check_comment("juif pratiquant", detector).findings] == ["juif"]
    assert check_comment("patient VIP", detector).categories == ("judgement",)


def test_a_notice_names_categories_and_reasons_never_the_text() -> None:
    text = "serait homosexuelle d'après sa mère, musulmane"
    notice = notice_for(check_comment(text, Detector.default()))
    assert notice is not None
    assert set(notice.categories) == {"sex_life", "religion"}
    assert set(notice.reasons) >= {"hearsay", "third_party"}
    assert notice.severity == "high"
    said = json.dumps([notice.categories, notice.reasons, notice.severity], ensure_ascii=False)
    for word in ("homosexuelle", "mère", "musulmane", "serait"):
        assert word not in said
    for reason in CATEGORY_REASONS.values():  # the fixed reasons quote no comment either
        assert "«" not in reason


def test_a_low_severity_need_is_not_worth_a_notice() -> None:
    check = check_comment("malentendant – parler fort", Detector.default())
    assert check.flagged and not check.worth_a_notice()
    assert notice_for(check) is None


# --- which copies the watch looks at ------------------------------------------------------------


def test_password_managers_marks_are_respected() -> None:
    kde = {"text/plain": b"Azerty2024", "x-kde-passwordManagerHint": b"secret"}
    assert marked_secret(list(kde), kde.__getitem__)
    windows = ['application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"']
    assert marked_secret(windows, lambda name: b"")
    plain = {"text/plain": b"porteuse sida", "x-kde-passwordManagerHint": b"not-secret"}
    assert not marked_secret(list(plain), plain.__getitem__)


@pytest.mark.parametrize(
    ("text", "is_text", "secret", "skip"),
    [
        ("porteuse sida", True, False, None),
        ("porteuse sida", True, True, Skip.SECRET),
        ("", False, False, Skip.NOT_TEXT),
        ("x" * (MAX_LENGTH + 1), True, False, Skip.TOO_LONG),
        ("a" * MAX_LENGTH, True, False, None),
        ("06 12 34 56 78", True, False, Skip.NO_WORDS),
    ],
)
def test_what_the_watch_skips(text: str, is_text: bool, secret: bool, skip: Skip | None) -> None:
    assert skip_reason(text, is_text=is_text, secret=secret) is skip


def test_seen_texts_are_keyed_hashes_remembered_once() -> None:
    seen = SeenTexts(limit=3)
    assert seen.first_time("porteuse sida")
    assert not seen.first_time("porteuse sida")
    seen.remember("Pas de RDV le samedi")  # the app's own write
    assert not seen.first_time("Pas de RDV le samedi")
    for text in ("a", "b", "c"):
        seen.first_time(text)
    assert len(seen) == 3 and seen.first_time("porteuse sida")  # the oldest was let go
    other = SeenTexts()
    assert other._digest("porteuse sida") != seen._digest("porteuse sida")  # a key per run
    assert all(b"sida" not in digest for digest in seen._seen)


# --- the day's figures -------------------------------------------------------------------------


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def test_one_event_per_day_with_counts_per_category(tmp_path: Path) -> None:
    clock = Clock(date(2026, 12, 3))
    usage = DailyUsage(tmp_path / USAGE_FILE, today=clock)
    usage.checked(CHECK_BOX, ["health", "religion"])
    usage.checked(CHECK_BOX, [])
    usage.checked(CHECK_BOX, ["health"])
    usage.proposal_copied(CHECK_BOX)
    usage.checked(WATCHER, ["social"])
    assert usage.finished_days() == []  # the day is not over
    clock.day = date(2026, 12, 4)
    usage.checked(WATCHER, [])
    events = usage.finished_days()
    assert [event.kind for event in events] == ["prevention"]
    payload = events[0].payload
    assert payload == {
        "day": "2026-12-03",
        "check_box": {
            "checked": 3, "flagged": 2, "proposals_copied": 1,
            "by_category": {"health": 2, "religion": 1},
        },
        "watcher": {
            "checked": 1, "flagged": 1, "proposals_copied": 0, "by_category": {"social": 1},
        },
    }  # fmt: skip
    assert check_payload(payload) == payload  # the journal takes it as it is
    assert usage.finished_days() == []  # handed over once
    assert list(usage.pending()) == ["2026-12-04"]


def test_quitting_and_restarting_the_same_day_still_gives_one_event(tmp_path: Path) -> None:
    clock = Clock(date(2026, 12, 3))
    DailyUsage(tmp_path / USAGE_FILE, today=clock).checked(CHECK_BOX, ["health"])
    DailyUsage(tmp_path / USAGE_FILE, today=clock).checked(CHECK_BOX, ["health"])
    clock.day = date(2026, 12, 5)
    restarted = DailyUsage(tmp_path / USAGE_FILE, today=clock)
    assert restarted.has_finished_days()
    (event,) = restarted.finished_days()
    assert event.payload["check_box"]["checked"] == 2
    assert event.payload["check_box"]["by_category"] == {"health": 2}


def test_the_figures_file_holds_counts_only(tmp_path: Path) -> None:
    usage = DailyUsage(tmp_path / USAGE_FILE, today=Clock(date(2026, 12, 3)))
    check = check_comment("porteuse sida !!! !!!!", Detector.default())
    usage.checked(WATCHER, check.categories)
    raw = (tmp_path / USAGE_FILE).read_text(encoding="utf-8")
    assert "sida" not in raw and "porteuse" not in raw
    assert (tmp_path / USAGE_FILE).stat().st_mode & 0o077 == 0


def test_a_damaged_figures_file_is_started_again(tmp_path: Path) -> None:
    (tmp_path / USAGE_FILE).write_text("{pas du json", encoding="utf-8")
    usage = DailyUsage(tmp_path / USAGE_FILE, today=Clock(date(2026, 12, 3)))
    usage.checked(CHECK_BOX, [])
    assert usage.pending()["2026-12-03"][CHECK_BOX]["checked"] == 1


def test_the_event_reads_as_one_french_line() -> None:
    payload = prevention_payload(
        "2026-12-03",
        {"check_box": {"checked": 4, "flagged": 2, "proposals_copied": 1,
                       "by_category": {"health": 2}},
         "watcher": {"checked": 9, "flagged": 1, "by_category": {"religion": 1}}},
    )  # fmt: skip
    line = describe({"event": "prevention", "payload": payload})
    assert line == (
        "03/12/2026 — vérifier un commentaire : 4 vérifiés, 2 à revoir (santé 2), "
        "1 proposition copiée ; veille du presse-papiers : 9 vérifiés, 1 à revoir "
        "(religion et convictions 1)"
    )


@pytest.mark.parametrize(
    "sources",
    [
        {"clipboard": {"checked": 1}},
        {"watcher": {"checked": -1}},
        {"watcher": {"checked": 1, "by_category": {"porteuse sida": 1}}},
        {"watcher": {"checked": 1, "text": "porteuse sida"}},
        {"watcher": {"checked": "1"}},
    ],
)
def test_the_event_schema_refuses_anything_but_counts(sources: dict) -> None:
    with pytest.raises(ValueError, match="prevention"):
        prevention_payload("2026-12-03", sources)


# --- starting with the session ---------------------------------------------------------------


def test_the_xdg_entry_is_written_in_the_config_folder_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = autostart.XdgAutostart()
    assert entry.path == tmp_path / "config" / "autostart" / "huisclos.desktop"
    assert not entry.is_enabled()
    entry.enable()
    assert entry.is_enabled()
    text = entry.path.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Type=Application" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" --tray") and "huisclos" in exec_line
    entry.disable()
    assert not entry.is_enabled()
    entry.disable()  # already gone: nothing to do


def test_an_exec_argument_is_quoted_as_the_desktop_spec_wants() -> None:
    assert autostart._desktop_quote("/opt/huisclos/huisclos") == "/opt/huisclos/huisclos"
    assert autostart._desktop_quote('/home/a b/"x"$') == '"/home/a b/\\"x\\"\\$"'
    assert autostart._desktop_quote("50%") == "50%%"


def test_an_unwritable_autostart_folder_is_a_french_message(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(HuisclosError, match="n'a pas pu être activé"):
        autostart.XdgAutostart(blocker / "autostart").enable()


class FakeRegistry:
    """Enough of ``winreg`` for the Run key: keys are dicts of values."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_READ, KEY_SET_VALUE, REG_SZ = 1, 2, 1

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, str]] = {}

    class _Handle:
        def __init__(self, values: dict[str, str]) -> None:
            self.values = values

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def OpenKey(self, root, key, reserved, access):  # type: ignore[no-untyped-def]
        if key not in self.keys:
            raise FileNotFoundError(key)
        return self._Handle(self.keys[key])

    def CreateKeyEx(self, root, key, reserved, access):  # type: ignore[no-untyped-def]
        return self._Handle(self.keys.setdefault(key, {}))

    def QueryValueEx(self, handle, name):  # type: ignore[no-untyped-def]
        if name not in handle.values:
            raise FileNotFoundError(name)
        return handle.values[name], self.REG_SZ

    def SetValueEx(self, handle, name, reserved, kind, value):  # type: ignore[no-untyped-def]
        handle.values[name] = value

    def DeleteValue(self, handle, name):  # type: ignore[no-untyped-def]
        if name not in handle.values:
            raise FileNotFoundError(name)
        del handle.values[name]


def test_the_windows_run_key_is_per_user_and_removable() -> None:
    registry = FakeRegistry()
    entry = autostart.RunKey(registry)
    assert not entry.is_enabled()
    entry.disable()  # nothing there: nothing to do
    entry.enable()
    value = registry.keys[r"Software\Microsoft\Windows\CurrentVersion\Run"]["HuisClos"]
    assert value.endswith(" --tray")
    assert entry.is_enabled() and entry.where().startswith("HKCU\\")
    entry.disable()
    assert not entry.is_enabled()


def test_the_installers_entry_is_the_apps_and_the_uninstaller_removes_it() -> None:
    nsi = Path(__file__).resolve().parents[2] / "installer" / "windows" / "huisclos.nsi"
    script = nsi.read_text(encoding="utf-8")
    # the tests point autostart.RUN_KEY at a test key: the installer must use Windows' own
    assert '!define RUNKEY "Software\\Microsoft\\Windows\\CurrentVersion\\Run"' in script
    assert f'!define RUNVALUE "{autostart.RUN_VALUE}"' in script
    optional, uninstall = (
        script.split('Section /o "$(SecAutostartName)"')[1],
        script.split('Section "Uninstall"')[1],
    )
    assert 'WriteRegStr HKCU "${RUNKEY}" "${RUNVALUE}"' in optional.split("SectionEnd")[0]
    assert f"huisclos.exe\" {autostart.TRAY_ARGUMENT}'" in optional.split("SectionEnd")[0]
    assert 'DeleteRegValue HKCU "${RUNKEY}" "${RUNVALUE}"' in uninstall
