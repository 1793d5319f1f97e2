"""Beyond the file: is the export sitting somewhere it should not?

An export of the patient list is a copy of the practice's most sensitive administrative data.
If it lands in a folder that a cloud service synchronises (OneDrive, Dropbox, Google Drive,
iCloud Drive, Nextcloud/ownCloud), a copy leaves the office without anyone noticing; if it
lands in Téléchargements or on the Bureau, it tends to stay there for years. This module looks
at the file's path and at the marker files those services leave in the folders they manage,
and returns one French sentence for the desktop app to show (once, dismissible).

It also describes the data folder (location and permissions) for «À propos».

Pure functions over the file system; no Qt, no network. Safe to call from any thread.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..datafolder import data_dir

logger = logging.getLogger(__name__)

CLOUD = "cloud"
DOWNLOADS = "downloads"
DESKTOP = "desktop"

ONEDRIVE = "OneDrive"
DROPBOX = "Dropbox"
GOOGLE_DRIVE = "Google Drive"
ICLOUD = "iCloud Drive"
NEXTCLOUD = "Nextcloud"
OTHER_CLOUD = "un service de stockage en ligne"

# Folder names (compared case-insensitively) that a sync client creates and manages.
_CLOUD_FOLDER_NAMES: dict[str, str] = {
    "onedrive": ONEDRIVE,
    "skydrive": ONEDRIVE,
    "dropbox": DROPBOX,
    "google drive": GOOGLE_DRIVE,
    "googledrive": GOOGLE_DRIVE,
    "my drive": GOOGLE_DRIVE,
    "mon drive": GOOGLE_DRIVE,
    "mon disque": GOOGLE_DRIVE,
    "shared drives": GOOGLE_DRIVE,
    "drives partagés": GOOGLE_DRIVE,
    "icloud drive": ICLOUD,
    "iclouddrive": ICLOUD,
    "mobile documents": ICLOUD,
    "com~apple~clouddocs": ICLOUD,
    "nextcloud": NEXTCLOUD,
    "owncloud": NEXTCLOUD,
}

# Prefixes: «OneDrive - Cabinet Martin», «Dropbox (Cabinet)», macOS «GoogleDrive-x@y.fr».
_CLOUD_FOLDER_PREFIXES: tuple[tuple[str, str], ...] = (
    ("onedrive - ", ONEDRIVE),
    ("onedrive-", ONEDRIVE),
    ("dropbox (", DROPBOX),
    ("dropbox-", DROPBOX),
    ("googledrive-", GOOGLE_DRIVE),
    ("google drive-", GOOGLE_DRIVE),
    ("nextcloud-", NEXTCLOUD),
)

# Marker files a sync client leaves inside the folders it manages.
_MARKER_FILES: dict[str, str] = {
    ".dropbox": DROPBOX,
    ".dropbox.cache": DROPBOX,
    ".dropbox.attr": DROPBOX,
    ".nextcloudsync.log": NEXTCLOUD,
    ".owncloudsync.log": NEXTCLOUD,
    ".tmp.drivedownload": GOOGLE_DRIVE,
    ".tmp.driveupload": GOOGLE_DRIVE,
    ".shortcut-targets-by-id": GOOGLE_DRIVE,
}

_DOWNLOADS_NAMES = {"downloads", "téléchargements", "telechargements", "download"}
_DESKTOP_NAMES = {"desktop", "bureau"}

# Environment variables Windows sets to the OneDrive roots.
_ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


@dataclass(frozen=True, slots=True)
class LocationWarning:
    """Why the export's location is risky, and what to do, in French."""

    kind: str  # "cloud", "downloads" or "desktop"
    service: str  # the cloud service, or "" for Downloads/Desktop
    folder: Path  # the folder that triggered the warning
    message: str


def check_export_location(
    path: Path | str, *, environ: Mapping[str, str] | None = None
) -> LocationWarning | None:
    """A warning when ``path`` sits in a synchronised folder or in Downloads/Desktop, else None.

    The cloud check wins: a Bureau redirected into OneDrive is first of all a synchronised folder.
    Never raises: an unreadable folder is simply not a marker.
    """
    env = os.environ if environ is None else environ
    target = Path(os.path.abspath(os.fspath(path)))
    folders = [target.parent, *target.parent.parents]
    for folder in folders:
        service = _cloud_service_of(folder, env)
        if service:
            return LocationWarning(CLOUD, service, folder, _cloud_message(service))
    for folder in folders:
        name = folder.name.casefold()
        if name in _DOWNLOADS_NAMES:
            return LocationWarning(DOWNLOADS, "", folder, _local_message(folder.name))
        if name in _DESKTOP_NAMES:
            return LocationWarning(DESKTOP, "", folder, _local_message(folder.name))
    return None


def location_message(path: Path | str) -> str | None:
    """The French warning for ``path``, or None: what the desktop app shows on opening."""
    warning = check_export_location(path)
    return warning.message if warning else None


def _cloud_service_of(folder: Path, env: Mapping[str, str]) -> str:
    """The service that synchronises ``folder`` itself (by name, marker or OneDrive variable)."""
    name = folder.name.casefold()
    if name in _CLOUD_FOLDER_NAMES:
        return _CLOUD_FOLDER_NAMES[name]
    for prefix, service in _CLOUD_FOLDER_PREFIXES:
        if name.startswith(prefix):
            return service
    if name == "cloudstorage" and folder.parent.name.casefold() == "library":
        return _cloud_storage_service(folder)
    for variable in _ONEDRIVE_VARIABLES:
        root = env.get(variable)
        if root and _same_path(folder, Path(root)):
            return ONEDRIVE
    return _service_from_markers(folder)


def _cloud_storage_service(folder: Path) -> str:
    """macOS ~/Library/CloudStorage holds every provider's mount (OneDrive, Box, Google…);
    the known ones were recognised by their own folder's name on the way up."""
    return OTHER_CLOUD


def _service_from_markers(folder: Path) -> str:
    try:
        with os.scandir(folder) as entries:
            names = [(entry.name, entry.is_dir()) for entry in entries]
    except OSError:
        return ""
    for entry_name, is_dir in names:
        lowered = entry_name.casefold()
        if lowered == ".dropbox" and is_dir:
            continue  # ~/.dropbox is the client's settings folder, not a synchronised root
        if lowered in _MARKER_FILES:
            return _MARKER_FILES[lowered]
        if lowered.startswith((".sync_", "._sync_")) and lowered.endswith(".db"):
            return NEXTCLOUD
        if lowered == "desktop.ini" and (service := _desktop_ini_service(folder / entry_name)):
            return service
    return ""


def _desktop_ini_service(path: Path) -> str:
    """Windows sync clients brand their root folder through desktop.ini (icon, tooltip)."""
    try:
        raw = path.read_bytes()[:8192]
    except OSError:
        return ""
    text = _decode_ini(raw).casefold()
    if "onedrive" in text or "skydrive" in text:
        return ONEDRIVE
    if "dropbox" in text:
        return DROPBOX
    if "google drive" in text or "googledrivefs" in text or "drivefs" in text:
        return GOOGLE_DRIVE
    if "icloud" in text:
        return ICLOUD
    if "nextcloud" in text or "owncloud" in text:
        return NEXTCLOUD
    return ""


def _decode_ini(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="ignore")
    return raw.decode("utf-8", errors="ignore")


def _same_path(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _cloud_message(service: str) -> str:
    return (
        f"Ce fichier se trouve dans un dossier synchronisé avec {service} : une copie des "
        "données de vos patients part sur Internet à chaque enregistrement. Déplacez l'export "
        "dans un dossier du poste qui n'est pas synchronisé, et supprimez-le dès que la "
        "vérification est terminée."
    )


def _local_message(folder_name: str) -> str:
    return (
        f"Ce fichier se trouve dans le dossier « {folder_name} », où les exports s'oublient "
        "facilement et sont souvent sauvegardés ou partagés. Rangez-le dans un dossier réservé "
        "au cabinet, et supprimez-le dès que la vérification est terminée."
    )


@dataclass(frozen=True, slots=True)
class DataFolderStatus:
    """Where Huis clos keeps its files and who can read them — for «À propos»."""

    path: Path
    private: bool | None  # None when permissions cannot be read (Windows ACLs)
    message: str


def data_folder_status() -> DataFolderStatus:
    """The data folder's location and whether only its owner can open it, in French."""
    path = data_dir(create=True)
    if os.name == "nt":
        return DataFolderStatus(
            path,
            None,
            f"Dossier de données : {path}\nIl se trouve dans votre profil Windows, "
            "accessible à votre session uniquement.",
        )
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return DataFolderStatus(path, None, f"Dossier de données : {path}")
    private = mode & 0o077 == 0
    verdict = (
        "réservé à votre session (droits 700)."
        if private
        else f"lisible par d'autres comptes de ce poste (droits {mode:o}) : à corriger."
    )
    return DataFolderStatus(path, private, f"Dossier de données : {path}\nAccès : {verdict}")
