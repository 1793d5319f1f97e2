"""One helper for tests that need a review session: an export read, scanned to the end with
the bundled detector, and its findings handed to the session (what the app and ``clean`` do)."""

from __future__ import annotations

from pathlib import Path

from huisclos.core.detect.detector import Detector
from huisclos.core.exports.reading import read_export
from huisclos.core.review.scan import run_scan
from huisclos.core.review.session import ReviewSession


def reviewed(
    path: Path, *, categories: set[str] | None = None, min_severity: str = "low"
) -> ReviewSession:
    """The review session of the export at ``path`` once its scan is over."""
    export = read_export(path)
    result = run_scan(
        export, detector=Detector.default(), categories=categories, min_severity=min_severity
    )
    return ReviewSession.of_scan(export, result, categories=categories, min_severity=min_severity)
