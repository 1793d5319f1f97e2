"""Errors the user can act on.

Every error that reaches a person carries one French sentence saying what is wrong and what to
do. The CLI prints it and exits with code 2; the desktop app shows it in a dialog. Anything else
escaping the core is a bug.
"""

from __future__ import annotations


class HuisclosError(Exception):
    """An error with a French message written for a practice secretary, not a developer."""

    def __init__(self, message: str) -> None:
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
