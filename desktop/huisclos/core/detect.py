"""The Detector: text → findings, with qualifiers (hearsay, third party, emphasis) as reasons.

CONTRACT (the detector work fills in the bodies).
Threading: a Detector is immutable after construction and safe to share between threads.
"""

from __future__ import annotations

from .findings import Finding
from .lexicon import Lexicon


class Detector:
    lexicon: Lexicon

    @classmethod
    def default(cls) -> Detector:
        """Bundled lexicon + the practice's extra terms and allowlist from the data folder."""
        raise NotImplementedError

    def detect(self, text: str, *, row: int = 0, column: str = "", sheet: str = "") -> list[Finding]:
        """Every sensitive passage of ``text``, sorted by start offset (suggestion left None)."""
        raise NotImplementedError
