"""Lines written in UTF-8 inside a file read with a one-byte encoding (Windows-1252, ISO-8859).

A practice's export is sometimes stitched together from two sources: most lines in
Windows-1252, a few pasted from a web form in UTF-8 — or the reverse, a UTF-8 export with a few
Windows-1252 lines, which makes the whole file fail as UTF-8 and be read as Windows-1252. Read
with one encoding, «séropositive» typed in UTF-8 becomes «sÃ©ropositive» and is missed.

A line whose bytes hold UTF-8 multi-byte sequences and decode as UTF-8 as a whole is read as
UTF-8: in French text written in a one-byte encoding, an accented capital followed by one or
two bytes of the 0x80–0xBF range («Ã©») practically never happens, while every accented letter
in UTF-8 is exactly that. Each line is read (and an edited cell written) in its own encoding;
untouched bytes are never rewritten.

Threading: pure functions.
"""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_right

ONE_BYTE_CODECS = frozenset(
    codecs.lookup(name).name for name in ("cp1252", "latin-1", "iso8859-15", "cp1250")
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_UTF8_START = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")  # where one may start (quicker to find)
_NOT_CONTINUATION = bytes(range(0x80)) + bytes(range(0xC0, 0x100))


def is_utf8_line(record: bytes) -> bool:
    """True when ``record`` holds UTF-8 multi-byte sequences and is valid UTF-8 throughout."""
    if _UTF8_MULTIBYTE.search(record) is None:
        return False
    try:
        record.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def utf8_records(data: bytes, bounds: array, codec: str) -> frozenset[int]:
    """Indexes of the records (between consecutive ``bounds``) written in UTF-8, in a file read
    with the one-byte ``codec``; empty for any other codec. One search per UTF-8 record, so a
    file mostly in UTF-8 costs one step per line, not per accented letter."""
    if codecs.lookup(codec).name not in ONE_BYTE_CODECS or len(bounds) < 2:
        return frozenset()
    if not data.translate(None, _NOT_CONTINUATION):  # no byte 0x80–0xBF: no UTF-8 at all
        return frozenset()
    found: list[int] = []
    position, end = bounds[0], bounds[-1]
    while True:
        match = _UTF8_START.search(data, position, end)
        if match is None:
            break
        record = bisect_right(bounds, match.start()) - 1
        stop = bounds[record + 1]
        if is_utf8_line(data[bounds[record] : stop]):
            found.append(record)
        position = stop
    return frozenset(found)
