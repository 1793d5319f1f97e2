"""Case and accent folding that keeps character offsets: one character in, one character out.

Why: the detector compares a comment with the lexicon without caring about capitals, accents or
punctuation, yet every finding must point at the exact characters of the original cell. A
1-to-1 translation gives both: offsets in the folded text are offsets in the cell.

Two foldings:

- :func:`fold` — lower case, accents stripped, typographic apostrophes and dashes unified; other
  punctuation kept (``«K+»`` stays ``«k+»``). Used for ``unless`` traps and raw-text checks.
  A text that cp1252 can encode (French text nearly always can) is folded through the codec and
  ``bytes.translate`` too, with a table made from the character table, so both ways agree.
- :func:`key_fold` — the matching form: pure ASCII, lower case, every character that is not a
  letter or a digit becomes a space (``«l’âme»`` → ``«l ame»``, ``«s.i.d.a»`` → ``«s i d a»``).
  It goes through the cp1252 codec and ``bytes.translate``, which run at memory speed on a whole
  batch of cells (``str.translate`` with a dict is much slower on accented text).

Pure functions, thread-safe.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from encodings import cp1252

__all__ = ["fold", "key_fold", "key_fold_bytes", "squeeze_repeats"]


def _fold_char(char: str) -> str:
    """The single folded character for ``char`` (itself when no 1-to-1 folding exists)."""
    special = {
        "œ": "o",
        "Œ": "o",
        "æ": "a",
        "Æ": "a",
        "ß": "s",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
    if char in special:
        return special[char]
    lower = char.lower()
    if len(lower) != 1:
        lower = char
    decomposed = unicodedata.normalize("NFD", lower)
    base = decomposed[0] if decomposed else lower
    if len(decomposed) > 1 and unicodedata.combining(decomposed[1]) and base.isascii():
        return base
    return lower


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x2100):
        char = chr(code)
        folded = _fold_char(char)
        if folded != char:
            table[code] = folded
    for char in "’‘ʼ–—‐‑\u202f":
        table[ord(char)] = _fold_char(char)
    return table


_FOLD_TABLE = _build_fold_table()

# The cp1252 codec called without the codec registry's Python wrapper (``str.encode`` goes
# through one per call): same tables, same errors.
_ENCODING_MAP = cp1252.encoding_table
_DECODING_TABLE = cp1252.decoding_table
_encode = codecs.charmap_encode
_decode = codecs.charmap_decode


def _build_fold_bytes() -> bytes:
    """cp1252 byte → the cp1252 byte of its character folded by :data:`_FOLD_TABLE` (every
    cp1252 character folds to one; a byte the codec does not define never comes up)."""
    out = bytearray(range(256))
    for byte in range(256):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        out[byte] = ord(char.translate(_FOLD_TABLE).encode("cp1252"))
    return bytes(out)


_FOLD_BYTES = _build_fold_bytes()


def fold(text: str) -> str:
    """Lower case, accents stripped, apostrophes/dashes unified; ``len(fold(t)) == len(t)``."""
    if text.isascii():
        return text.lower()
    try:
        encoded = _encode(text, "strict", _ENCODING_MAP)[0]
    except UnicodeEncodeError:  # a character beyond cp1252 (U+202F, «ŝ»): the slower table
        return text.translate(_FOLD_TABLE)
    return _decode(encoded.translate(_FOLD_BYTES), "strict", _DECODING_TABLE)[0]


def _build_key_table() -> bytes:
    """cp1252 byte → ASCII byte: letters and digits folded, NUL kept, everything else a space."""
    out = bytearray(b" " * 256)
    for byte in range(256):
        if byte == 0:
            out[0] = 0
            continue
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        folded = _fold_char(char)
        if folded.isascii() and folded.isalnum():
            out[byte] = ord(folded)
    return bytes(out)


_KEY_TABLE = _build_key_table()


def key_fold_bytes(text: str) -> bytes:
    """The matching form of ``text`` as ASCII bytes, one byte per character (NUL kept)."""
    return _encode(text, "replace", _ENCODING_MAP)[0].translate(_KEY_TABLE)


def key_fold(text: str) -> str:
    """The matching form: ASCII, lower case, non-alphanumerics as spaces; same length."""
    return key_fold_bytes(text).decode("ascii")


_RUN = re.compile(r"([a-z])\1{2,}")


def squeeze_repeats(key: str) -> tuple[str, list[int]] | None:
    """Collapse runs of three or more identical letters («sidaaa» → «sida»).

    Returns the squeezed text and, for each of its characters, the offset of the character it
    came from; None when nothing repeats (the common case costs one regex search).
    """
    if not _RUN.search(key):
        return None
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _RUN.finditer(key):
        pieces.append(key[last : match.start() + 1])
        origin.extend(range(last, match.start() + 1))
        last = match.end()
    pieces.append(key[last:])
    origin.extend(range(last, len(key)))
    origin.append(len(key))  # so an end offset maps too
    return "".join(pieces), origin
