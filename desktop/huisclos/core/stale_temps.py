"""Temporary names of our own, and removal of those a killed process left behind.

Every file Huis clos writes is first written under a hidden temporary name beside its target
(:mod:`.safe_write`). That name carries this computer's tag and the writing process's id
(``.<name>.hc-<host>-<pid>-<random>.tmp``), so that a ``clean`` killed mid-write — which leaves
one behind, possibly megabytes of patient names — can be cleaned up later by
:func:`remove_stale_temps`: only names of exactly this form, made on this computer, by a process
that no longer runs. A live concurrent writer's file is never touched, nor anyone else's file.

Threading: safe from any thread (no shared state).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import platform
import re
from pathlib import Path

logger = logging.getLogger(__name__)

_NAME_IN_TEMP = 40  # characters of the target's name kept in its temporary name
_HOST = hashlib.sha256(platform.node().encode("utf-8", "replace")).hexdigest()[:6]
_TEMP_NAME = re.compile(
    r"^\..*\.hc-(?P<host>[0-9a-f]{6})-(?P<pid>\d{1,10})-[a-z0-9_]{6,16}\.tmp$", re.DOTALL
)


def temp_prefix(target: Path) -> str:
    """The start of a temporary name for ``target``: hidden, short, with our tag and pid
    (``tempfile.mkstemp`` adds the random part and ``.tmp``)."""
    return f".{target.name[:_NAME_IN_TEMP]}.hc-{_HOST}-{os.getpid()}-"


def remove_stale_temps(folder: Path) -> int:
    """Remove the temporary files of Huis clos processes that died while writing in
    ``folder``; returns how many. Only names :func:`temp_prefix` makes, made on this computer,
    by a process that no longer runs (never this one's)."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        match = _TEMP_NAME.match(name)
        if match is None or match["host"] != _HOST:
            continue
        pid = int(match["pid"])
        if pid == os.getpid() or process_alive(pid):
            continue
        with contextlib.suppress(OSError):
            os.unlink(Path(folder) / name)
            removed += 1
            logger.info("removed a stale temporary file of process %d", pid)
    return removed


if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import ctypes

    def process_alive(pid: int) -> bool:
        """True when process ``pid`` runs (or cannot be asked: assume it does)."""
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)

else:

    def process_alive(pid: int) -> bool:
        """True when process ``pid`` runs (or cannot be asked: assume it does)."""
        if pid <= 0:
            return True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True  # another user's process, or no right to ask
        return True
