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


def plural(count: int, singular: str, many: str | None = None) -> str:
    """«1 commentaire corrigé», «2 commentaires corrigés», «12 431 patients»: the count the
    French way and the noun agreed with it (0 and 1 take the singular), never «(s)».
    ``many`` defaults to ``singular`` with an «s» on each word («commentaire corrigé» →
    «commentaires corrigés»)."""
    if count <= 1:
        return f"{number(count)} {singular}"
    if many is None:
        many = " ".join(
            word if word.endswith(("s", "x")) else word + "s" for word in singular.split()
        )
    return f"{number(count)} {many}"
