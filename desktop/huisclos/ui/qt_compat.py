"""The PySide6 release Huis clos cannot run on, refused with a French message.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` or ``True`` at each call that
returns them; after some thousands of calls (a «Tout appliquer» on a large export) the
interpreter aborts. The dependency pin (``PySide6-Essentials!=6.12.0``) keeps it out; this check
catches an environment put together by hand.
"""

from __future__ import annotations

import sys

import PySide6

from ..core.errors import HuisclosError

BROKEN_ON_PYTHON_3_11 = frozenset({"6.12.0"})


def check_qt_version(
    version: str = PySide6.__version__, python: tuple[int, int] = sys.version_info[:2]
) -> None:
    """Raise ``HuisclosError`` when this PySide6 is known to crash on this Python."""
    if python < (3, 12) and version in BROKEN_ON_PYTHON_3_11:
        raise HuisclosError(
            f"La version {version} de PySide6 installée fait planter Huis clos avec "
            "Python 3.11 : réinstallez Huis clos (pip install -e .) pour obtenir une version "
            "compatible."
        )
