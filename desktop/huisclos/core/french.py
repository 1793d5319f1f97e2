"""How numbers and punctuation are written for a French reader, in one place for the CLI, the
log, the report and the app: «12 431» with a narrow no-break space as thousands separator, and
no-break spaces inside «  » and before «:» and «;» so that no line starts with them."""

from __future__ import annotations

NARROW_NBSP = "\u202f"


def number(value: object) -> str:
    """A count the French way: «3 000», «12 431»; anything that is not a whole number is
    shown as it is."""
    if isinstance(value, bool) or not isinstance(value, int):
        return str(value)
    return f"{value:,}".replace(",", NARROW_NBSP)


_SPACED_MARKS = (("« ", "«\u00a0"), (" »", "\u00a0»"), (" :", "\u00a0:"), (" ;", "\u00a0;"))


def french_spacing(text: str) -> str:
    """``text`` with no-break spaces inside «  » and before «:» and «;»."""
    for before, after in _SPACED_MARKS:
        text = text.replace(before, after)
    return text
