"""Text inside workbook XML: reading it back as the user sees it, writing it so that it reads
back the same, and cell coordinates («H12» ↔ row 12, column 8).

SpreadsheetML stores a cell's text as XML character data with two layers of escaping: the XML
entities (``&amp;``, ``&#233;``) and Excel's own ``_xHHHH_`` escapes for characters XML 1.0 cannot
hold (a carriage return is ``_x000D_``; a literal ``_x0041_`` typed by a user is protected as
``_x005F_x0041_``). :func:`xml_text` undoes both; :func:`escape_text` writes both.
:func:`written_forms` lists the byte strings a text may have become in any XML part, so that a
copy can be searched for a removed comment.

Threading: pure functions.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..errors import ExportError

_XESC = re.compile(r"_x([0-9A-Fa-f]{4})_")
_T = re.compile(rb"<(?:\w+:)?t(?:\s[^>]*)?(?:/>|>(.*?)</(?:\w+:)?t>)", re.S)
_RPH = re.compile(rb"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")
_LITERAL_X = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")

EXCEL_MAX_CHARS = 32_767
"""The longest text an Excel cell holds."""


def xml_text(raw: bytes) -> str:
    """The text of an XML text node as the user sees it (entities and ``_xHHHH_`` decoded)."""
    text = raw.decode("utf-8")
    if "&" in text:
        text = html.unescape(text)
    if "_x" in text:
        text = _XESC.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


def rich_text(inner: bytes) -> str:
    """The text of an ``<si>``, ``<is>`` or note ``<text>`` element's content: its ``<t>`` runs
    joined (rich text), phonetic guides (``<rPh>``) left out."""
    if b"rPh" in inner:
        inner = _RPH.sub(b"", inner)
    parts = [m.group(1) or b"" for m in _T.finditer(inner)]
    return xml_text(b"".join(parts)) if parts else ""


def escape_markup(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (the three that text content needs)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_text(text: str) -> bytes:
    """A cell or note text as SpreadsheetML character data: XML entities, a literal
    ``_xHHHH_`` protected as ``_x005F_xHHHH_``, and a carriage return or any other character
    XML 1.0 cannot hold written ``_xHHHH_``. Raises ``ExportError`` for a lone surrogate."""
    if "_x" in text:
        text = _LITERAL_X.sub(r"_x005F_\1", text)
    text = escape_markup(text)
    text = _BAD_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ExportError(
            "Un nouveau texte contient un caractère invalide (un demi-caractère Unicode) : "
            "retapez-le, puis enregistrez de nouveau. Rien n'a été écrit."
        ) from error


def written_forms(text: str) -> set[bytes]:
    """The byte strings ``text`` may have become in an XML part: plain UTF-8, with entities
    (attribute quoting included), with non-ASCII characters as numeric references, and with
    line breaks written as ``_x000D_`` or ``&#10;``."""
    marked = escape_markup(text)
    quoted = marked.replace('"', "&quot;").replace("'", "&apos;")
    forms = {text, marked, quoted, "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in marked)}
    if "_x" in text:
        forms.add(_LITERAL_X.sub(r"_x005F_\1", marked))
    if "\n" in text:
        forms |= {form.replace("\n", "_x000D_\n") for form in forms}
        forms |= {form.replace("\n", "&#10;") for form in forms}
    if "\r" in text:
        forms |= {form.replace("\r", "_x000D_") for form in forms}
    out = set()
    for form in forms:
        try:
            out.add(form.encode("utf-8"))
        except UnicodeEncodeError:
            continue
    return {form for form in out if form}


@lru_cache(maxsize=4096)
def column_letters(number: int) -> str:
    """«A» for column 1, «AB» for column 28."""
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


def column_number(letters: bytes | str) -> int:
    """1 for «A», 28 for «AB» (upper-case letters)."""
    number = 0
    for char in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + (char - 64)
    return number


def split_ref(ref: str) -> tuple[int, int]:
    """(row, column) of a cell reference such as «H12» or «$H$12»; raises ``ValueError``."""
    match = _REF.fullmatch(ref.strip())
    if not match:
        raise ValueError(ref)
    return int(match.group(2)), column_number(match.group(1).upper())


def ref_of(row: int, column: int) -> str:
    """«H12» for row 12, column 8."""
    return f"{column_letters(column)}{row}"


def range_of(ref: str) -> tuple[int, int, int, int]:
    """(first row, first column, last row, last column) of «J4:K5» (or of one cell)."""
    first, _, last = ref.partition(":")
    r1, c1 = split_ref(first)
    r2, c2 = split_ref(last) if last else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)
