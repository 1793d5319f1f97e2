"""The report's preferences, shared by the desktop app and the command line.

Today one: the practice name printed at the top of the report. It lives in the data folder as a
small UTF-8 JSON file (``rapport.json``, owner-only), written and read without Qt, so that
``huisclos report`` prints the name the settings dialog saved.

Threading: plain functions; each call reads or replaces the file whole.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from ..datafolder import data_dir
from ..safe_write import replace_atomically

logger = logging.getLogger(__name__)

PREFERENCES_FILE = "rapport.json"


def preferences_path(create: bool = True) -> Path:
    """Where the report's preferences live (``rapport.json`` in the data folder)."""
    return data_dir(create=create) / PREFERENCES_FILE


def practice_name() -> str:
    """The practice's name for the report, «» when none was given; a damaged or unreadable
    file never blocks a report (the name is then left out)."""
    path = preferences_path(create=False)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ""
    except (OSError, ValueError) as error:
        logger.warning("Report preferences unreadable (%s): no practice name", error)
        return ""
    name = stored.get("practice") if isinstance(stored, dict) else None
    return name.strip() if isinstance(name, str) else ""


def set_practice_name(name: str) -> None:
    """Save the practice's name for the next reports («» forgets it)."""
    data = json.dumps({"practice": name.strip()}, ensure_ascii=False, indent=1) + "\n"
    replace_atomically(preferences_path(), lambda handle: handle.write(data.encode("utf-8")))
