"""Finds the bundled ``resources/`` folder (lexicon, demo export, translations, icons).

Works from a source checkout or an editable install (the folder beside ``desktop/``), from a
PyInstaller bundle (``sys._MEIPASS``), or wherever ``$HUISCLOS_RESOURCES`` points.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from .errors import HuisclosError


@cache
def resources_dir() -> Path:
    """The resources folder; raises a French error if the installation is incomplete."""
    candidates: list[Path] = []
    if override := os.environ.get("HUISCLOS_RESOURCES"):
        candidates.append(Path(override))
    if bundle := getattr(sys, "_MEIPASS", None):
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve()
    candidates.append(here.parents[3] / "resources")  # checkout: desktop/huisclos/core/ → top
    candidates.append(Path(sys.prefix) / "share" / "huisclos" / "resources")
    for candidate in candidates:
        if (candidate / "lexicon").is_dir():
            return candidate
    raise HuisclosError(
        "Les fichiers de Huis clos (lexique, exemple) sont introuvables : réinstallez le logiciel."
    )


def resource(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_dir().joinpath(*parts)
