"""``python -m huisclos`` / ``huisclos``: no argument opens the desktop app, a sub-command runs
the command line; ``huisclos --tray`` (the session's autostart entry) starts the app hidden in
the notification area with the clipboard watch on.

This is where the two faces are put together: the command line only uses the core, so the Qt
renderer that draws PDF reports is handed to it here, imported only when a PDF is written.
"""

from __future__ import annotations

import sys
from pathlib import Path


def render_pdf_with_qt(html: str, path: Path) -> int:
    """The desktop app's PDF renderer, for ``huisclos report … -o rapport.pdf``."""
    from .ui.report_pdf import render_pdf

    return render_pdf(html, path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args == ["--tray"]:
        from .ui.app import run_app

        return run_app(tray=bool(args))
    from .cli import main as cli_main

    return cli_main(args, render_pdf=render_pdf_with_qt)


if __name__ == "__main__":
    sys.exit(main())
