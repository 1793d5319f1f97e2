"""One worksheet read lazily from its XML, like the CSV reader reads lazily from its bytes.

The sheet part is inflated once and kept as bytes; nothing else is parsed until asked:

- an index of the rows (their numbers and byte offsets, 16 bytes a row) is built at opening,
  which also checks that rows come in order, as the schema requires;
- :meth:`LazySheet.row_cells` reads one row (the desktop table's random access), and
  :meth:`LazySheet.cell_text` one cell;
- :meth:`LazySheet.column_texts` reads one column over a span of rows with one regular
  expression written for that column (``<c r="H(\\d+)"…``): the scan's batches get Python work
  only for the cells present in the columns scanned;
- :meth:`LazySheet.cell_span` says where a cell's ``<c>`` element lies, for the spliced copy.

Texts are what Excel shows (:mod:`.number_display`): shared and inline strings, numbers in
their number format, booleans VRAI/FAUX, errors as they are, formulas by their last computed
value. Coordinates are the sheet's own (a gap of empty rows or columns stays a gap).

The fast paths need the layout every known writer produces (``<row r="N"``, ``<c r="H12"`` as
the first attribute, no namespace prefix); cheap counts check it. A sheet written otherwise (an
``x:`` prefix, cells without ``r=``, as some .NET writers do) is read by the general tokenizer
into a grid once.

Threading: a :class:`LazySheet` only reads its bytes; its memo of number texts is a cache
(worker processes forked from the app each get their own).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from .number_display import GENERAL, NumberFormat, general_text, show_iso_date
from .xml_text import column_letters, column_number, range_of, rich_text, xml_text

_ROW_TAG = b'<row r="'
_ROW_NUMBER = re.compile(rb'<row r="(\d+)"')
_COLUMN_OF = re.compile(rb'<c r="([A-Z]{1,3})\d+"[^>]*(?<!/)>')  # a cell with content
_PLAIN_V = re.compile(rb"<v>(\d+)</v>")
MAX_ROWS = 1_048_576
"""Excel's last row: a sheet that numbers a row past it is damaged."""
_PLAIN_IS = re.compile(rb'<is><t(?: xml:space="preserve")?>([^<&_]*)</t></is>$')
_V = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>(.*?)</(?:\w+:)?v>", re.S)
_IS = re.compile(rb"<(?:\w+:)?is(?:\s[^>]*)?>(.*?)</(?:\w+:)?is>", re.S)
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref\s*=\s*[\"']([^\"']+)[\"']")
_COL = re.compile(rb"<(?:\w+:)?col\s([^>]*)/?>")

# One token of the general path: a <row …> start tag, or a whole <c …>…</c> or <c …/> element.
TOKEN = re.compile(
    rb"<(?:\w+:)?(?:(row)(?=[\s/>])([^>]*)>|c(?=[\s/>])([^>]*?)(/>|>(.*?)</(?:\w+:)?c>))", re.S
)
ATTR_R = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([A-Z]{1,3})?(\d+)?[\"']")
ATTR_S = re.compile(rb"(?:^|\s)s\s*=\s*[\"'](\d+)[\"']")
ATTR_T = re.compile(rb"(?:^|\s)t\s*=\s*[\"'](\w+)[\"']")
_FAST_ATTRS = re.compile(rb' r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?$')
_MEMO_LIMIT = 200_000


@lru_cache(maxsize=256)
def column_pattern(letters: bytes) -> re.Pattern[bytes]:
    """The cells of one column: (row)(attributes)(content or None for ``<c …/>``)."""
    return re.compile(rb'<c r="' + letters + rb'(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)


def is_canonical(data: bytes, start: int = 0, end: int | None = None) -> bool:
    """Every row and cell tag of ``data[start:end]`` (the sheet data) in the common layout:
    checked by counting, at C speed."""
    end = len(data) if end is None else end
    return (
        data.count(b"<row", start, end) == data.count(_ROW_TAG, start, end)
        and data.count(b"<c ", start, end) == data.count(b'<c r="', start, end)
        and data.find(b"<c>", start, end) < 0
        and data.find(b":c ", start, end) < 0
    )


def cell_text(
    t: bytes,
    s: bytes,
    content: bytes | None,
    shared: list[str],
    formats: list[NumberFormat],
    date1904: bool,
) -> str:
    """The text Excel shows for a ``<c>`` element (type ``t``, style ``s``, inner XML)."""
    if not content:
        return ""
    if t == b"inlineStr":
        match = _IS.search(content)
        return rich_text(match.group(1)) if match else ""
    value = _V.search(content)
    if value is None:
        return ""
    raw = value.group(1)
    if t == b"s":
        try:
            return shared[int(raw)]
        except (ValueError, IndexError):
            return ""
    if t in (b"str", b"e"):
        return xml_text(raw)
    if t == b"b":
        return "VRAI" if raw.strip() in (b"1", b"true") else "FAUX"
    if t == b"d":
        return show_iso_date(raw.decode("utf-8", "replace"))
    text = raw.decode("ascii", "replace").strip()
    style = int(s) if s else 0
    number_format = formats[style] if style < len(formats) else GENERAL
    if number_format.is_general:
        return general_text(text)
    try:
        return number_format.show(float(text), date1904)
    except ValueError:
        return text


def iter_cells(
    data: bytes, start: int = 0, end: int | None = None, row: int = 0
) -> Iterator[tuple[int, int, bytes, bytes, bytes | None, int, int]]:
    """(row, column, s, t, content, start, end) of every ``<c>`` in ``data[start:end]``, in any
    layout: a row or cell without ``r=`` follows the previous one."""
    column = 0
    end = len(data) if end is None else end
    for match in TOKEN.finditer(data, start, end):
        if match.group(1):
            found = ATTR_R.search(match.group(2))
            row = int(found.group(2)) if found and found.group(2) else row + 1
            column = 0
            continue
        attrs = match.group(3)
        fast = _FAST_ATTRS.match(attrs)
        if fast:
            column = column_number(fast.group(1))
            row = int(fast.group(2))
            s, t = fast.group(3) or b"", fast.group(4) or b""
        else:
            found = ATTR_R.search(attrs)
            if found and found.group(1):
                column = column_number(found.group(1))
                row = int(found.group(2)) if found.group(2) else row
            else:
                column += 1
            s_match, t_match = ATTR_S.search(attrs), ATTR_T.search(attrs)
            s = s_match.group(1) if s_match else b""
            t = t_match.group(1) if t_match else b""
        yield row, column, s, t, match.group(5), match.start(), match.end()


class LazySheet:
    """One worksheet's XML and the texts of its cells, read on demand."""

    def __init__(
        self,
        name: str,
        data: bytes,
        shared: list[str],
        formats: list[NumberFormat],
        date1904: bool,
    ) -> None:
        self.name = name
        self.data = data
        self.shared = shared
        self.formats = formats
        self.date1904 = date1904
        self._memo: dict[tuple[bytes, bytes], str] = {}
        self._positions: dict[tuple[int, int], tuple[int, int]] | None = None
        self._index: tuple[array, array] | None = None  # row numbers, their offsets
        end = data.rfind(b"</sheetData>")
        if end < 0:
            end = data.rfind(b"sheetData")  # an empty <sheetData/> or a prefixed one
        self.end = end if end >= 0 else len(data)
        self.start = max(data.find(b"<sheetData"), data.find(b":sheetData"), 0)
        self.canonical = is_canonical(data, self.start, self.end)
        self._grid: dict[int, dict[int, str]] = {}
        if self.canonical:
            self.index_rows()
            self.last_row = self._last_filled_row()
            self.columns = self._column_extent()
        else:
            self._grid = self._materialise()
            self.last_row = max(self._grid, default=0)
            self.columns = sorted({column for cells in self._grid.values() for column in cells})

    # --- layout --------------------------------------------------------------------------
    def _number_at(self, position: int) -> int:
        start = position + len(_ROW_TAG)
        return int(self.data[start : self.data.index(b'"', start)])

    def row_offset(self, number: int) -> int:
        """Byte offset of the first row numbered ``number`` or more (the end of the rows if
        none)."""
        numbers, offsets = self._index  # type: ignore[misc]
        found = bisect_left(numbers, number)
        return offsets[found] if found < len(offsets) else self.end

    def _last_filled_row(self) -> int:
        """The last row with a visible text: rows of empty (styled) cells after the data are
        not rows of the table. Found from the end by the last value tags, not row by row."""
        data, end = self.data, self.end
        while end > 0:
            value = max(data.rfind(b"</v>", 0, end), data.rfind(b"</t>", 0, end))
            if value < 0:
                return 0
            row_start = data.rfind(_ROW_TAG, 0, value)
            if row_start < 0:
                return 0
            number = self._number_at(row_start)
            if any(self.row_cells(number).values()):
                return number
            end = row_start
        return 0

    def index_rows(self) -> None:
        """Build the row index (row numbers and offsets, 16 bytes a row), checking that rows
        come in order and within Excel's limit (``ValueError`` otherwise: a damaged sheet).
        Built when the sheet is opened, it makes every row and cell one lookup away."""
        if self._index is not None or not self.canonical:
            return
        numbers, offsets = array("q"), array("q")
        previous = 0
        for match in _ROW_NUMBER.finditer(self.data, 0, self.end):
            number = int(match.group(1))
            if not previous < number <= MAX_ROWS:
                raise ValueError(f"row {number} after row {previous}")
            previous = number
            numbers.append(number)
            offsets.append(match.start())
        if len(numbers) != self.data.count(_ROW_TAG, 0, self.end):
            raise ValueError("a row without a number")
        self._index = (numbers, offsets)

    def _span(self, first: int, last: int) -> tuple[int, int]:
        return self.row_offset(first), self.row_offset(last + 1)

    def _column_extent(self) -> list[int]:
        """The columns used: those of the first rows, then one search over the whole sheet for
        any cell outside them (rare; every cell's column is then collected)."""
        seen: set[int] = set()
        start, stop = self._span(1, 30)
        for match in _COLUMN_OF.finditer(self.data, start, stop):
            seen.add(column_number(match.group(1)))
        if not seen:
            return sorted({column_number(c) for c in set(_COLUMN_OF.findall(self.data))})
        letters = b"|".join(column_letters(c).encode() for c in range(min(seen), max(seen) + 1))
        outside = re.compile(rb'<c r="(?!(?:' + letters + rb')\d)[A-Z]{1,3}\d+"[^>]*(?<!/)>')
        if outside.search(self.data, 0, self.end):
            seen |= {column_number(c) for c in set(_COLUMN_OF.findall(self.data))}
        return sorted(seen)

    def _materialise(self) -> dict[int, dict[int, str]]:
        grid: dict[int, dict[int, str]] = {}
        positions: dict[tuple[int, int], tuple[int, int]] = {}
        for row, column, s, t, content, start, end in iter_cells(self.data, self.start, self.end):
            if not 0 < row <= MAX_ROWS:
                raise ValueError(f"row {row}")
            positions[(row, column)] = (start, end)
            text = cell_text(t, s, content, self.shared, self.formats, self.date1904)
            if text:
                grid.setdefault(row, {})[column] = text
        self._positions = positions
        return grid

    def merged_ranges(self) -> list[tuple[int, int, int, int]]:
        """(first row, first column, last row, last column) of every merged range."""
        tail = self.data[self.end :]
        return [range_of(m.group(1).decode("ascii", "replace")) for m in _MERGE.finditer(tail)]

    def hidden_columns(self) -> set[int]:
        """Columns marked hidden (``<col … hidden="1">``)."""
        head = self.data[: self.start]
        hidden: set[int] = set()
        for match in _COL.finditer(head):
            attrs = match.group(1)
            if not re.search(rb'hidden\s*=\s*["\'](1|true)["\']', attrs):
                continue
            low = re.search(rb'min\s*=\s*["\'](\d+)', attrs)
            high = re.search(rb'max\s*=\s*["\'](\d+)', attrs)
            if low and high:
                hidden.update(range(int(low.group(1)), min(int(high.group(1)), 16_384) + 1))
        return hidden

    # --- reading -------------------------------------------------------------------------
    def _text(self, attrs: bytes, content: bytes) -> str:
        t_match, s_match = ATTR_T.search(attrs), ATTR_S.search(attrs)
        return cell_text(
            t_match.group(1) if t_match else b"",
            s_match.group(1) if s_match else b"",
            content,
            self.shared,
            self.formats,
            self.date1904,
        )

    def row_cells(self, sheet_row: int) -> dict[int, str]:
        """Column → text of the non-empty cells of one sheet row."""
        if not self.canonical:
            return dict(self._grid.get(sheet_row, {}))
        start, end = self._span(sheet_row, sheet_row)
        out: dict[int, str] = {}
        for _row, column, s, t, content, _start, _end in iter_cells(
            self.data, start, end, sheet_row - 1
        ):
            text = cell_text(t, s, content, self.shared, self.formats, self.date1904)
            if text:
                out[column] = text
        return out

    def column_texts(self, column: int, first: int, last: int) -> list[str]:
        """Texts of ``column`` for sheet rows ``first`` … ``last`` ("" where there is no cell)."""
        out = [""] * (last - first + 1)
        if not self.canonical:
            grid = self._grid
            for row in range(first, last + 1):
                cells = grid.get(row)
                if cells:
                    out[row - first] = cells.get(column, "")
            return out
        start, end = self._span(first, last)
        shared, memo = self.shared, self._memo
        for match in column_pattern(column_letters(column).encode()).finditer(
            self.data, start, end
        ):
            content = match.group(3)
            if not content:
                continue
            attrs = match.group(2)
            index = int(match.group(1)) - first
            if attrs.endswith(b't="s"'):
                plain = _PLAIN_V.match(content)
                if plain is not None:
                    number = int(plain.group(1))
                    if number < len(shared):
                        out[index] = shared[number]
                    continue
            elif attrs.endswith(b't="inlineStr"'):
                plain = _PLAIN_IS.match(content)
                if plain is not None:
                    out[index] = plain.group(1).decode("utf-8")
                    continue
            key = (attrs, content)
            text = memo.get(key)
            if text is None:
                text = self._text(attrs, content)
                if len(memo) < _MEMO_LIMIT:
                    memo[key] = text
            out[index] = text
        return out

    def _cell_match(self, row: int, column: int) -> re.Match[bytes] | None:
        """The column pattern's match of one cell of a canonical sheet, or None."""
        start, end = self._span(row, row)
        if start >= end:
            return None
        return column_pattern(column_letters(column).encode()).search(self.data, start, end)

    def cell_text(self, row: int, column: int) -> str:
        """The text of one cell ("" when empty): one search in that row only."""
        if not self.canonical:
            return self._grid.get(row, {}).get(column, "")
        match = self._cell_match(row, column)
        if match is None or not match.group(3):
            return ""
        key = (match.group(2), match.group(3))
        text = self._memo.get(key)
        if text is None:
            text = self._text(*key)
            if len(self._memo) < _MEMO_LIMIT:
                self._memo[key] = text
        return text

    def cell_span(self, row: int, column: int) -> tuple[int, int] | None:
        """Where the ``<c>`` element of a cell lies in :attr:`data`; None when the sheet has
        no element for it (an empty cell that was never written)."""
        if not self.canonical:
            if self._positions is None:
                self._materialise()
            assert self._positions is not None
            return self._positions.get((row, column))
        match = self._cell_match(row, column)
        return match.span() if match is not None else None
