"""Scan an Export: a generator yielding progress and findings batch by batch, cancellable by
simply not asking for the next batch (close the generator).

CONTRACT (the detector work fills in the bodies).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field

from .detect import Detector
from .export import Export
from .findings import Finding


@dataclass
class ScanProgress:
    """Yielded every batch of rows: how far the scan is, and the findings of this batch."""

    rows_done: int
    rows_total: int | None
    findings: list[Finding]
    seconds: float


@dataclass
class ScanResult:
    """Everything a summary, a report or the log needs — the findings carry their suggestion."""

    rows: int
    findings: list[Finding]
    columns: dict[str, list[str]]  # sheet name ("" for CSV) → scanned free-text columns
    seconds: float
    fingerprint: str
    cancelled: bool = False
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # category → severity → cells


def scan_export(
    export: Export,
    detector: Detector | None = None,
    columns: dict[str, list[str]] | None = None,
    *,
    categories: set[str] | None = None,
    min_severity: str = "low",
    suggest: bool = True,
    batch_rows: int = 20_000,
) -> Generator[ScanProgress, None, ScanResult]:
    """Scan the free-text columns; the generator's return value is the ScanResult."""
    raise NotImplementedError


def run_scan(export: Export, **options) -> ScanResult:  # type: ignore[no-untyped-def]
    """Scan to the end without progress (CLI, tests)."""
    raise NotImplementedError
