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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .csv_index import RecordIndex

ONE_BYTE_CODECS = frozenset(
    codecs.lookup(name).name for name in ("cp1252", "latin-1", "iso8859-15", "cp1250")
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Where a sequence may start — a lead byte then a continuation byte — found by mapping bytes to
# classes (C speed) and searching «LC», a chunk at a time: about 0.2 s for 90 MB, where a regex
# takes 0.45 s.
_CLASSES = bytes(
    ord("L") if 0xC2 <= byte <= 0xF4 else ord("C") if 0x80 <= byte <= 0xBF else ord(".")
    for byte in range(256)
)
_CHUNK = 1 << 23


def is_utf8_line(record: bytes) -> bool:
    """True when ``record`` holds UTF-8 multi-byte sequences and is valid UTF-8 throughout."""
    return _UTF8_MULTIBYTE.search(record) is not None and _valid_utf8(record)


def utf8_records(data: bytes, records: RecordIndex, codec: str) -> frozenset[int]:
    """Indexes of the ``records`` written in UTF-8, in a file read with the one-byte ``codec``;
    empty for any other codec. One search per UTF-8 record, so a file mostly in UTF-8 costs one
    step per line, not per accented letter; the array of record starts is only asked for when
    a sequence is found."""
    if codecs.lookup(codec).name not in ONE_BYTE_CODECS or len(records) == 0:
        return frozenset()
    found: list[int] = []
    end = records.end
    bounds: array | None = None
    for chunk_start in range(records.start, end, _CHUNK):
        chunk_stop = min(end, chunk_start + _CHUNK)
        mapped = data[chunk_start : min(end, chunk_stop + 1)].translate(_CLASSES)
        at = mapped.find(b"LC")
        while 0 <= at < chunk_stop - chunk_start:
            if bounds is None:
                bounds = records.bounds
            record = bisect_right(bounds, chunk_start + at) - 1
            stop = bounds[record + 1]
            if (not found or found[-1] != record) and _valid_utf8(data[bounds[record] : stop]):
                found.append(record)
            at = mapped.find(b"LC", max(at + 1, stop - chunk_start))
    return frozenset(found)


def _valid_utf8(record: bytes) -> bool:
    try:
        record.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
