"""Which columns of a table hold free text (comments) and which hold identity data.

CONTRACT: ``free_text_columns(table)`` returns header texts in table order.
"""

from __future__ import annotations

from .export import Table


def free_text_columns(table: Table) -> list[str]:
    """Headers of the columns that hold free-text comments (by header name, then by content)."""
    raise NotImplementedError


def identity_columns(table: Table) -> dict[str, str]:
    """Identity columns the correction list repeats, by role: "dossier", "nom", "prenom",
    "naissance" → header text (only the roles present)."""
    raise NotImplementedError
