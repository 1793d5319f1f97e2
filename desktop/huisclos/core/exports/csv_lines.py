"""The columns of a run of single-line CSV records, cut with string methods at C speed.

The scan reads a comment column batch by batch (:meth:`.csv_file.CsvTable.column_batch`). When
every record of a batch is one line (no quoted line break, no lone CR), most lines hold no
quote and exactly as many delimiters as the header: such a line is its fields split at the
delimiter, which ``str.split``/``str.rpartition`` mapped over the lines do without a Python
step per line. Every other line (a quote, a missing or an extra field, a blank line) is read
again by the csv module — all of them in one ``csv.reader`` — so every text is exactly what the
csv module reads (tests/core/test_export_properties.py).

Threading: pure functions.
"""

from __future__ import annotations

import csv
from itertools import compress, repeat
from operator import itemgetter

from .csv_dialect import QUOTE

_QUOTE = QUOTE.encode("ascii")


def single_line_columns(
    chunk: bytes, count: int, codec: str, delimiter: str, width: int, wanted: list[int]
) -> dict[int, list[str]]:
    """Field ``i`` of every line of ``chunk``, for each ``i`` in ``wanted`` (sorted, distinct).

    ``chunk`` holds ``count`` records of one line each, in ``codec``, every line ending with a
    line break (CRLF or LF, no lone CR) except perhaps the last; ``width`` is the header's
    number of fields. The lines are cut as bytes (the encodings read never use the bytes of the
    delimiter, the quote or a line break inside another character), then each wanted column is
    decoded in one call.
    """
    line_end = b"\r\n" if chunk.endswith(b"\r\n") else b"\n" if chunk.endswith(b"\n") else b""
    if b"\r" in chunk:  # every CR is a CRLF's: the lines' fields stay the same without it
        chunk = chunk.translate(None, b"\r")
    lines = chunk.split(b"\n")
    if len(lines) > count:
        del lines[count:]  # the empty piece after the last line break
    separator = delimiter.encode("ascii")
    expected = width - 1  # delimiters on a regular line
    counts = list(map(bytes.count, lines, repeat(separator)))
    odd: list[int] = []
    if counts.count(expected) != count:
        odd = list(compress(range(count), map(expected.__ne__, counts)))
    if _QUOTE in chunk:
        odd = sorted({*odd, *_quoted_lines(chunk)})
    originals = [lines[i] for i in odd]
    if odd:
        placeholder = separator * expected
        for i in odd:
            lines[i] = placeholder
    columns = {
        index: b"\n".join(values).decode(codec).split("\n")
        for index, values in _split_regular(lines, separator, expected, wanted).items()
    }
    if odd:
        rows = _csv_rows(originals, odd, count, line_end, codec, delimiter)
        for i, cells in zip(odd, rows, strict=True):
            for index, values in columns.items():
                values[i] = cells[index] if index < len(cells) else ""
    return columns


def _quoted_lines(chunk: bytes) -> list[int]:
    """Indexes of the lines of ``chunk`` (LF line ends) that hold a quote."""
    found = []
    line = 0
    previous = 0  # where line number ``line`` starts
    find, count = chunk.find, chunk.count
    quote = find(_QUOTE)
    while quote >= 0:
        line += count(b"\n", previous, quote)
        found.append(line)
        previous = find(b"\n", quote)
        if previous < 0:
            break
        quote = find(_QUOTE, previous)
    return found


def _split_regular(
    lines: list[bytes], separator: bytes, expected: int, wanted: list[int]
) -> dict[int, list[bytes]]:
    """The ``wanted`` fields of lines that each hold exactly ``expected`` delimiters."""
    if expected == 0:
        return {index: lines if index == 0 else [b""] * len(lines) for index in wanted}
    if len(wanted) > 1:
        fields = separator.join(lines).split(separator)
        step = expected + 1
        blank = [b""] * len(lines)
        return {i: fields[i::step] if i <= expected else blank for i in wanted}
    (index,) = wanted
    if index > expected:
        return {index: [b""] * len(lines)}
    if index == expected:
        parts = map(bytes.rpartition, lines, repeat(separator))
        return {index: list(map(itemgetter(2), parts))}
    if index == 0:
        parts = map(bytes.partition, lines, repeat(separator))
        return {index: list(map(itemgetter(0), parts))}
    if index + 1 <= expected - index + 1:
        pieces = map(bytes.split, lines, repeat(separator), repeat(index + 1))
        return {index: list(map(itemgetter(index), pieces))}
    pieces = map(bytes.rsplit, lines, repeat(separator), repeat(expected - index + 1))
    return {index: list(map(itemgetter(1), pieces))}


def _csv_rows(
    originals: list[bytes], odd: list[int], count: int, line_end: bytes, codec: str, delimiter: str
) -> list[list[str]]:
    """The csv module's reading of the ``odd`` lines, in one reader.

    Each line is given a line break back: no quoted field is open at a line's end (every
    record is one line), except perhaps in the batch's last record at the end of the file,
    which gets its own break (the csv module keeps it in a field left open)."""
    feed = [line + "\n" for line in b"\n".join(originals).decode(codec).split("\n")]
    if odd[-1] == count - 1:
        feed[-1] = feed[-1][:-1] + line_end.decode("ascii")
    rows = list(csv.reader(feed, delimiter=delimiter, quotechar=QUOTE))
    if len(rows) != len(feed):  # pragma: no cover - a quote left open: read line by line
        rows = [next(csv.reader([line], delimiter=delimiter, quotechar=QUOTE), []) for line in feed]
    return rows
