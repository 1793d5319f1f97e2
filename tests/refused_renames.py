"""A rename the system refuses, for tests of what a failed save leaves (nothing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def refuse_rename_to(monkeypatch: pytest.MonkeyPatch, target: Path, error: OSError) -> None:
    """``os.replace`` raises ``error`` for ``target``; every other rename goes through."""
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        if Path(dst) == target:
            raise error
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
