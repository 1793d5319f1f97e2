"""Work-arounds for known PySide6 defects, applied once when ``huisclos.ui`` is imported.

PySide6 6.12.0 on Python 3.11 returns ``None`` (every method without a result, e.g.
``setText``) and ``True`` (``Signal.emit``) without taking a reference — it behaves as if
``None``, ``True`` and ``False`` were immortal, which they are only from Python 3.12 on. Each
such call lowers the object's reference count by one; after some thousands of calls (a «Tout
appliquer» on a large export refreshes thousands of rows) the interpreter aborts with
«none_dealloc» / «bool_dealloc: … refcount error in a C extension».

:func:`apply` detects the defect with a probe and, only then, gives ``None``, ``True`` and
``False`` a reference count so large that no session can exhaust it — what Python 3.12's
immortal objects do. Nothing changes on Python ≥ 3.12 or on a PySide6 without the defect.
The durable fix is to use PySide6 < 6.12 or ≥ a fixed release with Python 3.11 (see the
lead's notes), or Python 3.12.

Threading: call from the main thread before starting workers (the package import does it).
"""

from __future__ import annotations

import ctypes
import logging
import sys

logger = logging.getLogger(__name__)

_BOOST = 1 << 40
_applied = False


def leaking_singletons() -> list[object]:
    """The singletons (None, True) whose reference PySide6 loses on this interpreter."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")
        probe.ping.emit()
    leaking: list[object] = []
    if sys.getrefcount(None) < none_before:
        leaking.append(None)
    if sys.getrefcount(True) < true_before:
        leaking.append(True)
    return leaking


def apply() -> None:
    """Apply the work-around when the running PySide6 needs it (idempotent)."""
    global _applied
    if _applied:
        return
    _applied = True
    if sys.version_info >= (3, 12):  # None/True/False are immortal: the defect is harmless
        return
    try:
        leaking = leaking_singletons()
    except Exception:  # pragma: no cover - never stop the app for a probe
        logger.exception("PySide6 probe failed")
        return
    if leaking:
        for value in (None, True, False):
            ctypes.c_ssize_t.from_address(id(value)).value += _BOOST
        logger.info("PySide6 reference leak on %s: made effectively immortal", leaking)
