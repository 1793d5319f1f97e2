"""Starting Huis clos with the user's session, in the notification area (for the clipboard
watch): the per-user entry each desktop reads at log-in, written and removed by the app.

- Windows: the value ``HuisClos`` of ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``
  (per user, no administrator rights); the installer's option writes the same value and its
  uninstaller removes it (``installer/windows/huisclos.nsi``).
- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/huisclos.desktop`` (by default
  ``~/.config/autostart``), the Desktop Application Autostart Specification.
- macOS: not offered (:func:`session_autostart` returns None).

The entry runs ``huisclos --tray``: the app starts hidden, its clipboard watch on. Both places
can be moved for tests (``XdgAutostart(folder)``, ``RunKey(registry, key)``), so a test never
touches the real session.

Threading: GUI thread (a registry value or a small file; no shared state).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Protocol

from ..errors import HuisclosError

logger = logging.getLogger(__name__)

TRAY_ARGUMENT = "--tray"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "HuisClos"
DESKTOP_FILE = "huisclos.desktop"


def launch_command() -> list[str]:
    """How the session starts this installation of Huis clos, hidden in the tray."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: its own executable
        return [sys.executable, TRAY_ARGUMENT]
    python = Path(sys.executable)
    windowed = python.with_name("pythonw.exe")  # Windows: no console window at log-in
    if sys.platform == "win32" and windowed.is_file():
        python = windowed
    return [str(python), "-m", "huisclos", TRAY_ARGUMENT]


class Autostart(Protocol):
    """A session's autostart entry for Huis clos."""

    def is_enabled(self) -> bool: ...

    def enable(self) -> None:
        """Write the entry (raises :class:`HuisclosError` with a French message)."""

    def disable(self) -> None:
        """Remove the entry if present (raises :class:`HuisclosError`)."""

    def where(self) -> str:
        """Where the entry lives, for the user (a path or a registry key)."""


class XdgAutostart:
    """``huisclos.desktop`` in an XDG autostart folder."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
            folder = Path(base) / "autostart"
        self.folder = folder
        self.path = folder / DESKTOP_FILE

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def entry(self) -> str:
        command = " ".join(_desktop_quote(part) for part in launch_command())
        return (
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Huis clos\n"
            "Comment=Veille du presse-papiers : vérifie les commentaires copiés, sur cet "
            "ordinateur\n"
            "Comment[en]=Clipboard watch: checks copied comments, on this computer\n"
            f"Exec={command}\n"
            "Icon=huisclos\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )

    def enable(self) -> None:
        from ..safe_write import replace_atomically

        body = self.entry().encode("utf-8")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            replace_atomically(self.path, lambda handle: handle.write(body), 0o644)
        except OSError as error:
            raise HuisclosError(
                f"Le démarrage avec la session n'a pas pu être activé : « {self.path} » n'a pas "
                f"pu être écrit ({error.strerror or error})."
            ) from error

    def disable(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise HuisclosError(
                f"Le démarrage avec la session n'a pas pu être retiré : supprimez « {self.path} »"
                f" ({error.strerror or error})."
            ) from error

    def where(self) -> str:
        return str(self.path)


def _desktop_quote(argument: str) -> str:
    """An Exec= argument quoted as the Desktop Entry Specification wants (``"…"`` with ``\\"``,
    ``\\\\``, ``\\$`` and ``\\``` escaped; a literal ``%`` doubled)."""
    argument = argument.replace("%", "%%")
    if not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


class RunKey:
    """The ``HuisClos`` value of the per-user Run key (``registry`` is ``winreg``; tests pass a
    stand-in)."""

    def __init__(self, registry: Any, key: str = RUN_KEY, value: str = RUN_VALUE) -> None:
        self.registry = registry
        self.key = key
        self.value = value

    def command(self) -> str:
        return subprocess.list2cmdline(launch_command())

    def is_enabled(self) -> bool:
        reg = self.registry
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, self.key, 0, reg.KEY_READ) as handle:
                reg.QueryValueEx(handle, self.value)
        except OSError:
            return False
        return True

    def enable(self) -> None:
        reg = self.registry
        try:
            with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, self.key, 0, reg.KEY_SET_VALUE) as handle:
                reg.SetValueEx(handle, self.value, 0, reg.REG_SZ, self.command())
        except OSError as error:
            raise HuisclosError(
                "Le démarrage avec la session n'a pas pu être activé : la clé « HKCU\\"
                f"{self.key} » n'a pas pu être écrite ({error})."
            ) from error

    def disable(self) -> None:
        reg = self.registry
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, self.key, 0, reg.KEY_SET_VALUE) as handle:
                reg.DeleteValue(handle, self.value)
        except FileNotFoundError:
            return
        except OSError as error:
            raise HuisclosError(
                "Le démarrage avec la session n'a pas pu être retiré : supprimez la valeur "
                f"« {self.value} » de « HKCU\\{self.key} » ({error})."
            ) from error

    def where(self) -> str:
        return f"HKCU\\{self.key}\\{self.value}"


def session_autostart() -> Autostart | None:
    """This system's autostart entry, or None where Huis clos does not offer one (macOS)."""
    if sys.platform == "win32":
        import winreg

        return RunKey(winreg, RUN_KEY)
    if sys.platform == "darwin":
        return None
    return XdgAutostart()


__all__ = [
    "TRAY_ARGUMENT",
    "Autostart",
    "RunKey",
    "XdgAutostart",
    "launch_command",
    "session_autostart",
]
