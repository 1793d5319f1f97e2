"""The workstation check: an export in a synchronised folder or in Downloads/Desktop is flagged,
with a French message telling the secretary what to do; an export in an ordinary folder is not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from huisclos.core.report.workstation import (
    CLOUD,
    DESKTOP,
    DOWNLOADS,
    check_export_location,
    data_folder_status,
)


def _export_in(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "patients.csv"
    path.write_text("Nom;Commentaire\nMARTIN;RDV le matin\n", encoding="utf-8")
    return path


def _check(path: Path):  # type: ignore[no-untyped-def]
    return check_export_location(path, environ={})


@pytest.mark.parametrize(
    ("folders", "service"),
    [
        ("OneDrive/Documents", "OneDrive"),
        ("OneDrive - Cabinet Martin/Exports", "OneDrive"),
        ("Dropbox/Cabinet", "Dropbox"),
        ("Dropbox (Cabinet Martin)", "Dropbox"),
        ("Google Drive/Mon Drive/Exports", "Google Drive"),
        ("G/My Drive", "Google Drive"),
        ("G/Mon Drive/Exports", "Google Drive"),
        ("Library/CloudStorage/GoogleDrive-dr.martin@example.fr/Exports", "Google Drive"),
        ("iCloud Drive/Documents", "iCloud Drive"),
        ("Library/Mobile Documents/com~apple~CloudDocs/Cabinet", "iCloud Drive"),
        ("Nextcloud/Cabinet", "Nextcloud"),
    ],
)
def test_cloud_folders_are_recognised_by_name(tmp_path: Path, folders: str, service: str) -> None:
    warning = _check(_export_in(tmp_path / folders))
    assert warning is not None
    assert warning.kind == CLOUD
    assert warning.service == service
    assert f"synchronisé avec {service}" in warning.message
    assert "supprimez-le" in warning.message


@pytest.mark.parametrize(
    ("marker", "is_dir", "content", "service"),
    [
        (".dropbox", False, "{}", "Dropbox"),
        (".dropbox.cache", True, None, "Dropbox"),
        (".nextcloudsync.log", False, "", "Nextcloud"),
        (".owncloudsync.log", False, "", "Nextcloud"),
        (".sync_3f2a9c.db", False, "", "Nextcloud"),
        ("._sync_3f2a9c.db", False, "", "Nextcloud"),
        (".tmp.drivedownload", True, None, "Google Drive"),
        (
            "desktop.ini",
            False,
            "[.ShellClassInfo]\r\nIconResource=C:\\Program Files\\Microsoft OneDrive\\"
            "OneDrive.exe,0\r\n",
            "OneDrive",
        ),
    ],
)
def test_cloud_roots_with_another_name_are_recognised_by_their_marker_files(
    tmp_path: Path, marker: str, is_dir: bool, content: str | None, service: str
) -> None:
    root = tmp_path / "Partage cabinet"
    root.mkdir()
    if is_dir:
        (root / marker).mkdir()
    else:
        (root / marker).write_text(content or "", encoding="utf-8")
    warning = _check(_export_in(root / "Exports" / "2025"))
    assert warning is not None and warning.kind == CLOUD
    assert warning.service == service
    assert warning.folder == root


def test_a_utf16_desktop_ini_naming_onedrive_is_recognised(tmp_path: Path) -> None:
    root = tmp_path / "Cabinet"
    root.mkdir()
    text = "[.ShellClassInfo]\r\nInfoTip=Vos fichiers OneDrive\r\n"
    (root / "desktop.ini").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    warning = _check(_export_in(root))
    assert warning is not None and warning.service == "OneDrive"


def test_an_ordinary_desktop_ini_is_not_a_cloud_marker(tmp_path: Path) -> None:
    root = tmp_path / "Documents"
    root.mkdir()
    (root / "desktop.ini").write_text(
        "[.ShellClassInfo]\r\nLocalizedResourceName=@%SystemRoot%\\system32\\shell32.dll,-21770\r\n",
        encoding="utf-8",
    )
    assert _check(_export_in(root / "Cabinet")) is None


def test_the_dropbox_settings_folder_in_the_home_is_not_a_synchronised_root(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    (home / ".dropbox").mkdir(parents=True)
    assert _check(_export_in(home / "Cabinet")) is None


def test_the_onedrive_folder_named_by_windows_is_recognised_whatever_its_name(
    tmp_path: Path,
) -> None:
    root = tmp_path / "Espace pro"
    export = _export_in(root / "Exports")
    warning = check_export_location(export, environ={"OneDriveCommercial": str(root)})
    assert warning is not None and warning.service == "OneDrive"


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("Downloads", DOWNLOADS),
        ("Téléchargements", DOWNLOADS),
        ("Desktop", DESKTOP),
        ("Bureau/exports", DESKTOP),
    ],
)
def test_downloads_and_desktop_are_flagged_with_a_reminder_to_delete(
    tmp_path: Path, folder: str, kind: str
) -> None:
    warning = _check(_export_in(tmp_path / "home" / folder))
    assert warning is not None
    assert warning.kind == kind
    assert warning.service == ""
    assert folder.split("/")[0] in warning.message
    assert "supprimez-le" in warning.message


def test_a_desktop_synchronised_by_onedrive_is_reported_as_synchronised(tmp_path: Path) -> None:
    warning = _check(_export_in(tmp_path / "OneDrive" / "Bureau"))
    assert warning is not None and warning.kind == CLOUD and warning.service == "OneDrive"


def test_an_export_in_an_ordinary_folder_gets_no_warning(tmp_path: Path) -> None:
    assert _check(_export_in(tmp_path / "Cabinet" / "Exports")) is None


def test_words_that_merely_contain_a_service_name_do_not_trigger(tmp_path: Path) -> None:
    assert _check(_export_in(tmp_path / "Dropboxes anciennes" / "Bureautique")) is None


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_about_shows_the_data_folder_and_that_it_is_private(huisclos_home: Path) -> None:
    status = data_folder_status()
    assert status.path == huisclos_home
    assert str(huisclos_home) in status.message
    assert status.private is True
    assert "réservé à votre session" in status.message


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_data_folder_opened_to_others_is_made_private_again(huisclos_home: Path) -> None:
    os.chmod(huisclos_home, 0o755)
    status = data_folder_status()
    assert status.private is True
    assert os.stat(huisclos_home).st_mode & 0o077 == 0
