"""Where each record and each field of a CSV file starts and ends, in bytes.

The reader keeps the file's bytes and only an index of record starts (:class:`RecordIndex`:
line feeds counted per block, and an array of record start offsets built when first needed),
so a million-row export opens in a fraction of a second and costs little memory; a record's
fields are located (and decoded) only when someone asks for that record.

Records follow exactly the rules of Python's ``csv`` module (``strict=False``, ``"`` quoting
with doubled quotes, line breaks ``\\r\\n``, ``\\n`` or a lone ``\\r``): a quote opens a quoted
field only at the start of a field, a quoted field may hold line breaks, and text after a
closing quote is kept. The encodings accepted by :mod:`csv_dialect` never use the bytes of
``"``, the delimiter, ``\\r`` or ``\\n`` inside another character, so working on bytes is safe.

Threading: pure functions, safe anywhere.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import sub

QUOTE_BYTE = ord('"')


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """One field of a record: bytes ``start``–``end`` (quotes included) and whether it is quoted."""

    start: int
    end: int
    quoted: bool


@lru_cache(maxsize=8)
def _patterns(delimiter: str) -> tuple[re.Pattern[bytes], ...]:
    d = re.escape(delimiter.encode("ascii"))
    field = rb'(?:"[^"]*+(?:""[^"]*+)*+"?+[^' + d + rb"\r\n]*+|[^" + d + rb"\r\n]*+)"
    record = re.compile(field + rb"(?:" + d + field + rb")*+(?:\r\n|\n|\r|\Z)")
    opening = rb"(?<![^" + d + rb'\r\n"])"'
    closing_ok = rb"(?=[" + d + rb'\r\n"]|\Z)'
    # Quoted runs without a line break, paired from the start; then optionally one quoted run
    # that does hold a line break (group 1 is its inside).
    pair = rb'[^"]*+' + opening + rb'[^"\r\n]*+"' + closing_ok
    multiline = re.compile(
        rb"(?>" + pair + rb')*+[^"]*+(?:' + opening + rb'([^"]*+)"?+' + closing_ok + rb")?"
    )
    quoted = re.compile(rb'"([^"]*+(?:""[^"]*+)*+)("?+)([^' + d + rb"\r\n]*+)")
    unquoted = re.compile(rb"[^" + d + rb"\r\n]*+")
    return record, multiline, quoted, unquoted


_LF = re.compile(rb"\n")
_LONE_CR = re.compile(rb"\r(?!\n)")
_CR = re.compile(rb"\r")
_ANY_BREAK = re.compile(rb"\r\n|\n|\r")
_CHUNK = 1 << 22
_NOT_SPECIAL = {
    delimiter: bytes(b for b in range(256) if b not in b'"\r\n' + delimiter.encode("ascii"))
    for delimiter in (";", ",", "\t", "|")
}


def has_lone_cr(data: bytes, start: int = 0) -> bool:
    """True when a CR not followed by LF (an old Mac line end) appears from ``start``."""
    return data.find(b"\r", start) >= 0 and _LONE_CR.search(data, start) is not None


def _line_ends(data: bytes, start: int) -> array:
    """Offsets just after every line break from ``start`` (CRLF, LF or lone CR)."""
    if not has_lone_cr(data, start):
        pattern = _LF
    elif data.find(b"\n", start) < 0:
        pattern = _CR
    else:
        pattern = _ANY_BREAK
    return array("q", map(re.Match.end, pattern.finditer(data, start)))


def _quotes_stay_on_their_line(data: bytes, start: int, delimiter: str) -> bool:
    """A fast, sound test that no quoted field spans a line break.

    Keep only quotes, delimiters and line breaks (a «skeleton»), remove every pair of adjacent
    quotes: a quoted field opens at a field start, so it can only stay open across a line
    break if its run of quotes has odd length, which leaves a quote behind. (A quote left
    behind may also be harmless; then the slower exact scans decide.) Works chunk by chunk,
    cut at line feeds, so memory stays small.
    """
    delete = _NOT_SPECIAL.get(delimiter)
    if delete is None:  # pragma: no cover - only the four supported delimiters
        return False
    pos, size = start, len(data)
    while pos < size:
        cut = data.find(b"\n", min(pos + _CHUNK, size) - 1)
        cut = size if cut < 0 else cut + 1
        skeleton = data[pos:cut].translate(None, delete)
        if b'"' in skeleton.replace(b'""', b""):
            return False
        pos = cut
    return True


def _multiline_runs(data: bytes, start: int, delimiter: str) -> list[tuple[int, int]] | None:
    """Insides of quoted fields that contain a line break, or None when quotes are irregular
    (a quote inside an unquoted field, text after a closing quote): then use the exact scan."""
    if data.find(b'"', start) < 0 or _quotes_stay_on_their_line(data, start, delimiter):
        return []
    pattern = _patterns(delimiter)[1]
    runs: list[tuple[int, int]] = []
    pos, size = start, len(data)
    while pos < size:
        match = pattern.match(data, pos)
        if match is None:  # pragma: no cover - the pattern always matches (possibly empty)
            return None
        if match.group(1) is None:
            return runs if match.end() == size else None
        inner_start, inner_end = match.span(1)
        chunk = data[inner_start:inner_end]
        if b"\n" not in chunk and b"\r" not in chunk:
            return None
        runs.append((inner_start, inner_end))
        if match.end() == pos:  # pragma: no cover - defensive: no progress
            return None
        pos = match.end()
    return runs


def _exact_ends(data: bytes, start: int, delimiter: str) -> array:
    record = _patterns(delimiter)[0]
    size = len(data)
    return array("q", (m.end() for m in record.finditer(data, start) if m.start() < size))


def record_bounds(data: bytes, start: int, delimiter: str) -> array:
    """``[start, end of record 1, end of record 2, …]``: record *i* is ``bounds[i]:bounds[i+1]``
    (line break included). An empty line is a record (with no cells)."""
    return RecordIndex(data, start, delimiter).bounds


_BLOCK = 1 << 14
"""Bytes per block whose line feeds a :class:`RecordIndex` counts."""


class RecordIndex:
    """Where each record of a CSV file starts, from byte ``start`` (:func:`record_bounds`).

    When every record is one line (``single_lines``: no lone CR, no quoted line break — the
    usual export), the number of records and the bytes of a run of records (a scan's batch)
    come from the line feeds counted per block of :data:`_BLOCK` bytes, at C speed, and the
    array of every record's start (``bounds``, which random access needs) is only built on
    first use: a scan never needs it. Otherwise the array is built at once.

    Threading: two threads that build ``bounds`` at once build the same array; either is kept.
    """

    __slots__ = ("_blocks", "_bounds", "_data", "_feeds", "_records", "single_lines", "start")

    def __init__(self, data: bytes, start: int, delimiter: str) -> None:
        self._data = data
        self.start = start
        size = len(data)
        self._bounds: array | None = None
        self._blocks = array("q")
        self._feeds = 0
        if start >= size:
            self.single_lines = True
            self._bounds = array("q", [start])
            self._records = 0
            return
        runs = _multiline_runs(data, start, delimiter)
        self.single_lines = runs == [] and not has_lone_cr(data, start)
        if not self.single_lines:
            self._bounds = _bounds_of(data, start, delimiter, runs)
            self._records = len(self._bounds) - 1
            return
        count = data.count
        self._blocks = array(
            "q", accumulate(count(b"\n", at, at + _BLOCK) for at in range(start, size, _BLOCK))
        )
        self._feeds = self._blocks[-1]
        self._records = self._feeds + (data[-1] != 0x0A)  # a last line without its line feed

    def __len__(self) -> int:
        return self._records

    @property
    def end(self) -> int:
        """Where the last record ends (the end of the file when there is any record)."""
        return self.start if self._records == 0 else len(self._data)

    @property
    def bounds(self) -> array:
        """``[start, end of record 1, end of record 2, …]`` (see :func:`record_bounds`)."""
        if self._bounds is None:
            bounds = array("q", [self.start])
            bounds.extend(map(re.Match.end, _LF.finditer(self._data, self.start)))
            if bounds[-1] != len(self._data):
                bounds.append(len(self._data))
            self._bounds = bounds
        return self._bounds

    def offset(self, record: int) -> int:
        """Where record ``record`` (0-based; ``len(self)`` for the end) starts."""
        if self._bounds is not None:
            return self._bounds[record]
        if record == 0:
            return self.start
        if record > self._feeds:  # the last line, without a line feed: it ends the file
            return len(self._data)
        block = bisect_left(self._blocks, record)
        position = self.start + block * _BLOCK
        find = self._data.find
        for _ in range(record - (self._blocks[block - 1] if block else 0)):
            position = find(b"\n", position) + 1
        return position

    def span(self, first: int, count: int) -> tuple[int, int]:
        """The bytes of ``count`` records from record ``first`` (0-based)."""
        return self.offset(first), self.offset(first + count)

    def longer_than(self, limit: int) -> list[tuple[int, int, int]]:
        """(index, start, end) of the records longer than ``limit`` bytes (usually none).

        One line feed at least in every ``limit // 2`` bytes proves none is, without the array
        of record starts."""
        if self._bounds is None:
            step = max(limit // 2, 1)
            find, size = self._data.find, len(self._data)
            if all(find(b"\n", at, at + step) >= 0 for at in range(self.start, size, step)):
                return []
        bounds = self.bounds
        return [(i, bounds[i], bounds[i + 1]) for i in records_longer_than(bounds, limit)]


def _bounds_of(
    data: bytes, start: int, delimiter: str, runs: list[tuple[int, int]] | None
) -> array:
    """The record bounds of a file with quoted line breaks (``runs``), lone CRs or irregular
    quotes (``runs`` None: the exact scan)."""
    size = len(data)
    bounds = array("q", [start])
    if runs is None:
        ends = _exact_ends(data, start, delimiter)
    else:
        ends = _line_ends(data, start)
        if runs:
            kept = array("q")
            previous = 0
            for inner_start, inner_end in runs:
                lo = bisect_right(ends, inner_start, previous)
                hi = bisect_right(ends, inner_end, lo)
                kept.extend(ends[previous:lo])
                previous = hi
            kept.extend(ends[previous:])
            ends = kept
        if not ends or ends[-1] != size:
            ends.append(size)
    bounds.extend(ends)
    return bounds


def first_records(data: bytes, start: int, delimiter: str, count: int) -> list[tuple[int, int]]:
    """Spans of the first ``count`` records from ``start`` (exact scan; for the header sample)."""
    record = _patterns(delimiter)[0]
    spans: list[tuple[int, int]] = []
    pos, size = start, len(data)
    while pos < size and len(spans) < count:
        match = record.match(data, pos)
        if match is None or match.end() == pos:  # pragma: no cover - defensive
            break
        spans.append((pos, match.end()))
        pos = match.end()
    return spans


def record_body_end(data: bytes, start: int, end: int) -> int:
    """End of a record without its line break."""
    if end > start and data[end - 1] == 0x0A:
        end -= 1
    if end > start and data[end - 1] == 0x0D:
        end -= 1
    return end


def field_spans(data: bytes, start: int, end: int, delimiter: str) -> list[FieldSpan]:
    """The fields of the record ``data[start:end]`` (line break excluded from the last one)."""
    unquoted = _patterns(delimiter)[3]
    delim = ord(delimiter)
    body_end = record_body_end(data, start, end)
    spans: list[FieldSpan] = []
    pos = start
    while True:
        if pos < body_end and data[pos] == QUOTE_BYTE:
            field_end = _quoted_end(data, pos, end, body_end, delimiter)
            spans.append(FieldSpan(pos, field_end, True))
        else:
            match = unquoted.match(data, pos, body_end)
            field_end = match.end() if match else pos
            spans.append(FieldSpan(pos, field_end, False))
        pos = field_end
        if pos < body_end and data[pos] == delim:
            pos += 1
            continue
        return spans


def plain_field(
    data: bytes, start: int, end: int, delimiter: str, index: int
) -> tuple[int, int, bool, bool] | None:
    """Field ``index`` of the record ``data[start:end]`` as (start, end, present, quoted), when
    no quote stands before it in the record (most records: the fields before it are what lies
    between delimiters, as the csv module splits them; the comment column is often the last);
    None otherwise (:func:`field_spans` then). A quick path for reading or replacing one cell."""
    body_end = record_body_end(data, start, end)
    before = _unquoted_fields(delimiter, index).match(data, start, body_end)
    if before is None:
        return _short_record(data, start, body_end, delimiter)
    position = before.end()
    if position < body_end and data[position] == QUOTE_BYTE:
        field_end = _quoted_end(data, position, end, body_end, delimiter)
        return position, field_end, True, True
    field_end = _unquoted_field(delimiter).match(data, position, body_end).end()  # type: ignore[union-attr]
    if field_end < body_end and data[field_end] != ord(delimiter):
        return None  # a quote or a line break inside the field
    return position, field_end, True, False


@lru_cache(maxsize=64)
def _unquoted_fields(delimiter: str, count: int) -> re.Pattern[bytes]:
    """``count`` fields without quotes nor line breaks, each with its delimiter."""
    d = re.escape(delimiter.encode("ascii"))
    return re.compile(rb"(?:[^" + d + rb'"\r\n]*+' + d + rb"){" + str(count).encode() + rb"}")


@lru_cache(maxsize=8)
def _unquoted_field(delimiter: str) -> re.Pattern[bytes]:
    d = re.escape(delimiter.encode("ascii"))
    return re.compile(rb"[^" + d + rb'"\r\n]*+')


def _short_record(
    data: bytes, start: int, body_end: int, delimiter: str
) -> tuple[int, int, bool, bool] | None:
    """(body_end, body_end, False, False) when the record has too few fields (and no quote nor
    line break), None when it holds quotes or line breaks (then ask :func:`field_spans`)."""
    if data.find(b'"', start, body_end) >= 0 or _has_break(data, start, body_end):
        return None
    return body_end, body_end, False, False


def _has_break(data: bytes, start: int, end: int) -> bool:
    return data.find(b"\r", start, end) >= 0 or data.find(b"\n", start, end) >= 0


def _quoted_end(data: bytes, position: int, end: int, body_end: int, delimiter: str) -> int:
    """Where the quoted field starting at ``position`` ends (the csv module's rules)."""
    match = _patterns(delimiter)[2].match(data, position, end)
    if match is None:  # pragma: no cover - the pattern always matches a quote
        return body_end
    if match.group(2):
        return min(match.end(), body_end)
    return match.end()  # never closed: the field runs to the end of the file, line break included


def field_value(data: bytes, span: FieldSpan, delimiter: str, codec: str) -> str:
    """The text of one field, as the csv module reads it."""
    if not span.quoted:
        return data[span.start : span.end].decode(codec)
    match = _patterns(delimiter)[2].match(data, span.start, span.end)
    assert match is not None
    inside = match.group(1).decode(codec).replace('""', '"')
    return inside + match.group(3).decode(codec)


def encode_field(
    text: str, delimiter: str, *, quote: bool, codec: str
) -> bytes:  # raises UnicodeEncodeError
    """A field written as the file's dialect requires: quoted when asked (the file or the old
    cell quoted it) or when the text holds the delimiter, a quote or a line break."""
    if quote or delimiter in text or '"' in text or "\r" in text or "\n" in text:
        text = '"' + text.replace('"', '""') + '"'
    return text.encode(codec)


def records_longer_than(bounds: array, limit: int) -> list[int]:
    """Indexes of records longer than ``limit`` bytes (usually none: checked with one max())."""
    if len(bounds) < 2:
        return []
    if max(map(sub, bounds[1:], bounds[:-1])) <= limit:  # operator.sub: twice int.__rsub__'s speed
        return []
    return [i for i in range(len(bounds) - 1) if bounds[i + 1] - bounds[i] > limit]
