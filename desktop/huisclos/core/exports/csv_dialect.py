"""Recognise how a CSV/TSV export was written: its encoding, delimiter, quoting and line endings.

Encoding: a strict cascade on the raw bytes — UTF-8 BOM, pure ASCII, strict UTF-8, then
Windows-1252 / ISO-8859-15 — and charset-normalizer only when the cascade cannot decide. Only
encodings in which the delimiter, quote and line-break bytes can never be part of another
character are accepted, so the rest of the reader can work on bytes (and byte offsets).

Delimiter: ``;`` ``,`` tab ``|`` — chosen by parsing a sample with each candidate and keeping
the one that gives the most regular rows. ``csv.Sniffer`` is never used: on CRLF files it can
pick ``\\r`` and merge every column.

Threading: pure functions, safe anywhere.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..errors import ExportError

logger = logging.getLogger(__name__)

UTF8_BOM = codecs.BOM_UTF8
DELIMITERS = (";", ",", "\t", "|")
QUOTE = '"'

# Bytes undefined in Windows-1252 (a file containing them is not Windows-1252).
_CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"  # each of them a C1 byte
_C1 = bytes(range(0x80, 0xA0))
# Bytes whose meaning differs between ISO-8859-1 and ISO-8859-15 (€ Š š Ž ž Œ œ Ÿ).
_LATIN9_ONLY = re.compile(rb"[\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe]")
_LATIN9_IN_WORD = re.compile(rb"[A-Za-z\xc0-\xff][\xa6\xa8\xb4\xb8\xbc\xbd\xbe][A-Za-z\xc0-\xff]")
_LATIN9_EURO = re.compile(rb"[0-9] ?\xa4")
# é â à ç ê ë è ï î ô û ù in code page 850, and ’ œ in Windows-1252, between two letters.
_DOS_IN_WORD = re.compile(rb"[A-Za-z][\x82\x83\x85\x87\x88\x89\x8a\x8b\x8c\x93\x96\x97][a-z]")
_WINDOWS_IN_WORD = re.compile(rb"[A-Za-z][\x92\x9c][a-z]")
# Encodings whose bytes below 0x80 are always ASCII: delimiter and quote bytes are unambiguous.
_ASCII_SAFE = {
    "utf_8", "ascii", "latin_1", "iso8859_15", "cp1252", "cp850", "cp437", "cp858", "mac_roman",
    "iso8859_2", "cp1250", "iso8859_9", "cp1254",
}  # fmt: skip
_CHUNK = 1 << 22


@dataclass(frozen=True, slots=True)
class Encoding:
    """How the file's bytes become text: ``name`` is a Python codec, ``bom`` the bytes skipped."""

    name: str
    bom: bytes = b""
    label: str = ""  # shown to the user, e.g. « UTF-8 avec BOM », « Windows-1252 »


@dataclass(frozen=True, slots=True)
class Dialect:
    """How the records of a CSV file are written."""

    delimiter: str
    quote_all: bool = False  # every field of the sample is quoted
    newline: str = "\r\n"  # the line ending of the header line ("\r\n", "\n" or "\r")


def _is_utf8(data: bytes) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(data[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _has_any(data: bytes, table: bytes) -> bool:
    """True when any byte of ``table`` occurs in ``data`` (chunked, no big copies)."""
    for start in range(0, len(data), _CHUNK):
        chunk = data[start : start + _CHUNK]
        if len(chunk.translate(None, table)) != len(chunk):
            return True
    return False


def _strict_decodes(data: bytes, codec: str) -> bool:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(data[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def detect_encoding(data: bytes) -> Encoding:
    """The encoding of an export's bytes; raises ``ExportError`` when no text encoding fits."""
    if data.startswith(UTF8_BOM):
        if not _is_utf8(data[len(UTF8_BOM) :]):
            raise ExportError(
                "Le fichier annonce de l'UTF-8 mais contient des caractères illisibles : il est "
                "peut-être abîmé. Exportez de nouveau la liste depuis le logiciel du cabinet."
            )
        return Encoding("utf_8", UTF8_BOM, "UTF-8 avec BOM")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ExportError(
            "Ce fichier est en « Texte Unicode » (UTF-16), que Huis clos ne lit pas encore. "
            "Exportez la liste en CSV (séparateur point-virgule) ou en classeur Excel (.xlsx)."
        )
    if not _has_any(data, bytes(range(0x80, 0x100))):
        # Pure ASCII: any ASCII-compatible encoding reads it; a new accented letter is written
        # in Windows-1252, the usual encoding of French practice software.
        return Encoding("cp1252", b"", "ASCII (Windows-1252)")
    if _is_utf8(data):
        return Encoding("utf_8", b"", "UTF-8")
    has_c1 = _has_any(data, _C1)
    undefined = has_c1 and _has_any(data, _CP1252_UNDEFINED)  # one pass, not five
    if has_c1 and not undefined:
        if _looks_like_dos(data):
            return Encoding("cp850", b"", "DOS (CP850)")
        return Encoding("cp1252", b"", "Windows-1252")
    if not has_c1:
        if _LATIN9_ONLY.search(data) and (
            _LATIN9_IN_WORD.search(data) or _LATIN9_EURO.search(data)
        ):
            return Encoding("iso8859_15", b"", "ISO-8859-15")
        return Encoding("cp1252", b"", "Windows-1252 (ISO-8859-1)")
    return _guess_encoding(data)


def _looks_like_dos(data: bytes) -> bool:
    """True when bytes that are accented letters in DOS code page 850 (é è à ç ê â ô…) sit
    inside words more often than Windows-1252 punctuation (’ œ …) does: old DOS software."""
    dos_letters = len(_DOS_IN_WORD.findall(data, 0, 1 << 20))
    windows_marks = len(_WINDOWS_IN_WORD.findall(data, 0, 1 << 20))
    return dos_letters > windows_marks and _strict_decodes(data, "cp850")


def _plausible(text: str) -> bool:
    """Most non-ASCII characters of a real French export are letters, not symbols."""
    others = [char for char in text if ord(char) > 127]
    if not others:
        return True
    letters = sum(1 for char in others if char.isalpha())
    return letters / len(others) >= 0.8


def _guess_encoding(data: bytes) -> Encoding:
    """Last resort: ask charset-normalizer, accept only ASCII-safe encodings that decode it all."""
    from charset_normalizer import from_bytes  # only here: it is slow to import

    sample = data[: 1 << 20]
    for match in from_bytes(sample, cp_isolation=sorted(_ASCII_SAFE)):
        codec = codecs.lookup(match.encoding).name.replace("-", "_")
        if (
            codec in _ASCII_SAFE
            and _plausible(sample.decode(codec, "replace"))
            and _strict_decodes(data, codec)
        ):
            logger.info("encoding guessed by charset-normalizer: %s", codec)
            return Encoding(codec, b"", codec.upper().replace("_", "-"))
    raise ExportError(
        "Le fichier contient des caractères illisibles : ce n'est pas un texte dans un codage "
        "connu (UTF-8, Windows-1252, ISO-8859). Exportez de nouveau la liste depuis le "
        "logiciel du cabinet, au format CSV ou Excel."
    )


def records_of(text: str, delimiter: str) -> list[list[str]]:
    """Parse a text sample with the csv module (the same rules as the full reader)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=QUOTE)
    records: list[list[str]] = []
    with contextlib.suppress(csv.Error):
        records.extend(reader)
    return records


def sniff_delimiter(sample: str, complete: bool = False) -> str:
    """The delimiter among ; , tab | that splits the sample into the most regular rows.

    ``complete`` says the sample is the whole file (otherwise its last record may be cut)."""
    best: tuple[float, int, int] | None = None
    chosen = ";"
    for preference, delimiter in enumerate(DELIMITERS):
        if delimiter not in sample:
            continue
        records = [r for r in records_of(sample, delimiter) if len(r) > 1 or (r and r[0])]
        if not complete and len(records) > 2:
            records = records[:-1]  # the sample may cut the last record
        widths = Counter(len(r) for r in records if len(r) > 1)
        if not widths:
            continue
        count, width = max((count, width) for width, count in widths.items())
        score = (count / len(records), width, -preference)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


# Plain stand-ins for characters an 8-bit encoding may not hold.
_PLAIN = {
    "’": "'", "‘": "'", "‚": ",", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‑": "-",
    "…": "...", "œ": "oe", "Œ": "OE", "€": "EUR", "\u202f": " ", "\u2009": " ", "\u00a0": " ",
    "•": "-", "→": "->", "≥": ">=", "≤": "<=",
}  # fmt: skip


def fit_to_encoding(text: str, codec: str) -> str:
    """``text`` with the characters ``codec`` cannot write replaced by plain ones («’» → «'»,
    «œ» → «oe», «–» → «-»), so a new text can always be written into a Latin-1 export."""
    try:
        text.encode(codec)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    out: list[str] = []
    for char in text:
        try:
            char.encode(codec)
            out.append(char)
            continue
        except UnicodeEncodeError:
            pass
        except LookupError:
            return text
        plain = _PLAIN.get(char)
        if plain is None:
            plain = unicodedata.normalize("NFKD", char).encode(codec, "ignore").decode(codec)
        out.append(plain if plain else "?")
    return "".join(out)
