"""``python -m huisclos`` / ``huisclos``: no argument opens the desktop app, a sub-command runs
the command line; ``huisclos --tray`` (the session's autostart entry) starts the app hidden in
the notification area with the clipboard watch on.

This is where the two faces are put together: the command line only uses the core, so the Qt
renderer that draws PDF reports is handed to it here, imported only when a PDF is written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NO_DISPLAY = (
    "huisclos : aucun écran disponible pour ouvrir l'application (session sans affichage). "
    "Ouvrez-la depuis le bureau, ou utilisez la ligne de commande : huisclos --help."
)


def has_display() -> bool:
    """False on a Linux session without any display (SSH, a server), where Qt would abort
    with an English message; Windows and macOS always have one."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def render_pdf_with_qt(html: str, path: Path) -> int:
    """The desktop app's PDF renderer, for ``huisclos report … -o rapport.pdf``."""
    from .ui.report_pdf import render_pdf

    return render_pdf(html, path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args == ["--tray"]:
        if not has_display():
            print(NO_DISPLAY, file=sys.stderr)
            return 2
        from .ui.app import run_app

        return run_app(tray=bool(args))
    from .cli import main as cli_main

    return cli_main(args, render_pdf=render_pdf_with_qt)


if __name__ == "__main__":
    sys.exit(main())
