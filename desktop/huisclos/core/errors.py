"""Errors the user can act on.

Every error that reaches a person carries one French sentence saying what is wrong and what to
do. The CLI prints it and exits with code 2; the desktop app shows it in a dialog. Anything else
escaping the core is a bug.
"""

from __future__ import annotations

import re

QUOTED_INPUT_CHARS = 80
"""The most of a quoted input («…») a message shows: a 3 MB cell or name stays one short line."""

_QUOTED = re.compile(r"« (.*?) »", re.DOTALL)


def shorten(text: str, limit: int = QUOTED_INPUT_CHARS) -> str:
    """``text`` cut to ``limit`` characters (an ellipsis marks the cut), on one line."""
    text = " ".join(text.split()) if ("\n" in text or "\r" in text) else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shorten_quotes(message: str) -> str:
    return _QUOTED.sub(lambda match: f"« {shorten(match.group(1))} »", message)


class HuisclosError(Exception):
    """An error with a French message written for a practice secretary, not a developer.

    Every quoted input in it («…») is cut to :data:`QUOTED_INPUT_CHARS` characters."""

    def __init__(self, message: str) -> None:
        message = _shorten_quotes(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ExportError(HuisclosError):
    """The export file cannot be read or the copy cannot be written."""


class LexiconError(HuisclosError):
    """A lexicon file (bundled or the practice's own) is malformed."""


class AuditError(HuisclosError):
    """The encrypted log cannot be opened, written or read."""
