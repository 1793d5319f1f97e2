"""Synthetic practice exports for tests, written the way French practice software writes them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path


def write_practice_csv(path: Path, header: str, rows: Iterable[Sequence[str]]) -> Path:
    """A «;»-separated, Windows-1252, CRLF export with ``header`` then one line per row."""
    lines = [header, *(";".join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path
