"""Refresh the Qt Linguist sources and compile them.

    python resources/i18n/update_translations.py

1. ``pyside6-lupdate`` collects every ``self.tr()`` / ``QCoreApplication.translate()`` string of
   ``desktop/huisclos/ui`` into ``huisclos_en.ts`` (French is the source language: no file);
2. translate the new entries with Qt Linguist (``pyside6-linguist huisclos_en.ts``);
3. ``pyside6-lrelease`` compiles ``huisclos_en.qm``, which is committed so a checkout works.

``--check`` fails when an entry is still unfinished (used by the tests' reviewers and CI).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
UI = REPO / "desktop" / "huisclos" / "ui"
LANGUAGES = ("en",)


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(
            f"{name} introuvable : installez PySide6 (pip install PySide6-Essentials)."
        )
    return found


def unfinished(ts_file: Path) -> list[str]:
    """Source texts still without a finished translation."""
    root = ElementTree.parse(ts_file).getroot()
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") in ("unfinished",)
            or not (translation.text or "").strip()
        ):
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            missing.append(message.findtext("source") or "")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on unfinished entries")
    args = parser.parse_args()
    sources = sorted(str(path) for path in UI.rglob("*.py"))
    status = 0
    for language in LANGUAGES:
        ts_file = HERE / f"huisclos_{language}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), "-no-obsolete", "-source-language", "fr_FR",
             "-target-language", language, *sources, "-ts", str(ts_file)],
            check=True,
        )  # fmt: skip
        subprocess.run([_tool("pyside6-lrelease"), str(ts_file)], check=True)
        missing = unfinished(ts_file)
        if missing:
            print(f"{ts_file.name}: {len(missing)} texte(s) à traduire", file=sys.stderr)
            for text in missing[:20]:
                print(f"  - {text}", file=sys.stderr)
            status = 1 if args.check else status
    return status


if __name__ == "__main__":
    sys.exit(main())
