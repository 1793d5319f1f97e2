"""CSV/TSV exports: open without copying the text, read cells lazily, splice a copy.

The file's bytes stay in memory as read (they are the fingerprinted bytes), with an index of
record starts (:class:`.csv_index.RecordIndex`). Iterating rows runs the ``csv`` module over
a decoding stream of those bytes, as fast as a plain ``csv.reader`` over the file; random
access decodes one record.
Writing a copy reuses every untouched byte and re-encodes only the changed fields.

Threading: a :class:`CsvTable` never changes after opening; each iteration uses its own stream.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import logging
import os
from collections.abc import Iterable, Iterator
from operator import itemgetter
from pathlib import Path

from ..edits import Edit
from ..errors import ExportError
from ..safe_write import write_atomically
from .csv_dialect import (
    QUOTE,
    Encoding,
    detect_encoding,
    fit_to_encoding,
    records_of,
    sniff_delimiter,
)
from .csv_index import (
    FieldSpan,
    RecordIndex,
    encode_field,
    field_spans,
    field_value,
    first_records,
    has_lone_cr,
    plain_field,
    record_body_end,
)
from .csv_lines import single_line_columns
from .header_row import column_names, find_header
from .mixed_encoding import ONE_BYTE_CODECS, is_utf8_line, utf8_records
from .model import MAX_CELL_CHARS, CellSource, Export, Table, neutralise_formula

logger = logging.getLogger(__name__)

PlainField = tuple[int, int, bool, bool]
"""A cell's place in its record: :func:`~.csv_index.plain_field`'s (start, end, present,
quoted)."""

_SAMPLE_BYTES = 1 << 16
_SAMPLE_RECORDS = 40
_NEWLINE_NAMES = {"\r\n": "Windows (CRLF)", "\n": "Unix (LF)", "\r": "Mac (CR)"}
_DELIMITER_NAMES = {";": "point-virgule", ",": "virgule", "\t": "tabulation", "|": "barre « | »"}


class CsvTable(Table):
    """The single table of a CSV file."""

    def __init__(
        self,
        data: bytes,
        encoding: Encoding,
        delimiter: str,
        raw_header: list[str],
        header_line: int,
        records: RecordIndex,
        width: int,
    ) -> None:
        self.name = ""
        self._data = data
        self._codec = encoding.name
        self.delimiter = delimiter
        self.raw_header = raw_header
        self.header_line = header_line
        self.header = column_names(raw_header, width)
        self._records = records
        self.utf8_records = utf8_records(data, records, encoding.name)  # mixed encodings

    def codec_of(self, row: int) -> str:
        """The encoding data row ``row`` is written in (its own, in a mixed file)."""
        return "utf-8" if row - 1 in self.utf8_records else self._codec

    @property
    def data_start(self) -> int:
        """Byte offset of the first data record."""
        return self._records.start

    def __len__(self) -> int:
        return len(self._records)

    def _parse_record(self, row: int) -> list[str]:
        bounds = self._records.bounds
        start, end = bounds[row - 1], bounds[row]
        return self._parse(self._data[start:end].decode(self.codec_of(row)))

    def _parse(self, text: str) -> list[str]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter)
        return next(reader, [])

    def record_span(self, row: int) -> tuple[int, int]:
        """Bytes of data row ``row`` in the file, line break included."""
        self.check_row(row)
        bounds = self._records.bounds
        return bounds[row - 1], bounds[row]

    def cell(self, row: int, column: str) -> str:
        return self.placed_cell(row, column)[0]

    def placed_cell(self, row: int, column: str) -> tuple[str, PlainField | None]:
        """The cell's text and, when no quote stands before it in its record, its place there
        (:func:`~.csv_index.plain_field`; the copy splices a changed cell in at that place)."""
        index = self.column_index(column)
        start, end = self.record_span(row)
        field = plain_field(self._data, start, end, self.delimiter, index)
        if field is None:  # quotes before the cell: the csv module reads the record
            return super().cell(row, column), None
        field_start, field_end, _present, quoted = field
        if quoted:
            span = FieldSpan(field_start, field_end, True)
            return field_value(self._data, span, self.delimiter, self.codec_of(row)), field
        return self._data[field_start:field_end].decode(self.codec_of(row)), field

    def row(self, row: int) -> list[str]:
        start, end = self.record_span(row)
        cells = self._parse(self._data[start:end].decode(self.codec_of(row)))
        if len(cells) < len(self.header):
            cells.extend([""] * (len(self.header) - len(cells)))
        return cells

    def _reader(self) -> Iterator[list[str]]:
        if self.utf8_records:  # one record at a time, each in its own encoding
            return (self._parse_record(row) for row in range(1, len(self) + 1))
        stream = io.BytesIO(self._data)
        stream.seek(self.data_start)
        text = io.TextIOWrapper(stream, encoding=self._codec, newline="")
        return csv.reader(text, delimiter=self.delimiter, quotechar=QUOTE)

    def iter_rows(self) -> Iterator[tuple[int, list[str]]]:
        width = len(self.header)
        padding = [""] * width
        for number, cells in enumerate(self._reader(), 1):
            if len(cells) < width:
                cells.extend(padding[len(cells) :])
            yield number, cells

    def iter_column_values(self, columns: list[str]) -> Iterator[tuple[int, list[str]]]:
        indexes = [self.column_index(column) for column in columns]
        if not indexes:
            for number in range(1, len(self) + 1):
                yield number, []
            return
        needed = max(indexes) + 1
        reader = self._reader()
        if len(indexes) == 1:
            (only,) = indexes
            for number, cells in enumerate(reader, 1):
                if len(cells) >= needed:
                    yield number, [cells[only]]
                else:
                    yield number, [""]
            return
        pick = itemgetter(*indexes)
        for number, cells in enumerate(reader, 1):
            if len(cells) >= needed:
                yield number, list(pick(cells))
            else:
                yield number, [cells[i] if i < len(cells) else "" for i in indexes]

    def column_batch(self, columns: list[str], first_row: int, count: int) -> list[list[str]]:
        """:meth:`_column_batch` with the rows written in UTF-8 of a mixed file read again in
        their own encoding."""
        batch = self._column_batch(columns, first_row, count)
        if self.utf8_records:
            indexes = [self.column_index(column) for column in columns]
            for record in range(first_row - 1, first_row - 1 + count):
                if record in self.utf8_records:
                    cells = self._parse_record(record + 1)
                    for values, index in zip(batch, indexes, strict=True):
                        values[record - first_row + 1] = cells[index] if index < len(cells) else ""
        return batch

    def _column_batch(self, columns: list[str], first_row: int, count: int) -> list[list[str]]:
        """One list of texts per column for data rows ``first_row`` … ``first_row + count - 1``.

        A batch whose records are all single lines (records never span a line break, and
        every line is a record) is cut into fields by string methods over all its lines
        (:mod:`.csv_lines`), the lines the delimiter alone cannot cut read by the csv module.
        Any other batch (quoted line breaks, lone CR line ends) is read by the csv module over
        exactly its records, so the texts are the csv module's in every case
        (tests/core/test_export_properties.py).
        """
        indexes = [self.column_index(column) for column in columns]
        wanted = sorted(set(indexes))
        if not wanted:
            return []
        start, end = self._records.span(first_row - 1, count)
        chunk = self._data[start:end]
        if self._records.single_lines or _single_lines(chunk, count):
            by_index = single_line_columns(
                chunk, count, self._codec, self.delimiter, len(self.header), wanted
            )
            return [by_index[i] for i in indexes]
        reader = csv.reader(
            io.StringIO(chunk.decode(self._codec), newline=""),
            delimiter=self.delimiter,
            quotechar=QUOTE,
        )
        rows = list(reader)
        assert len(rows) == count, "record index and csv module disagree"
        return [[cells[i] if i < len(cells) else "" for cells in rows] for i in indexes]

    def source_of(self, row: int, column: str) -> CellSource:
        index = self.column_index(column)
        start, end = self.record_span(row)
        spans = field_spans(self._data, start, end, self.delimiter)
        if index < len(spans):
            span = spans[index]
            return CellSource("csv", span.start, span.end, span.quoted)
        body_end = record_body_end(self._data, start, end)
        return CellSource("csv", body_end, body_end, False, present=False)


def _single_lines(chunk: bytes, count: int) -> bool:
    """True when the ``count`` records of ``chunk`` are each one line (no lone CR)."""
    breaks = chunk.count(b"\n")
    return breaks == (count if chunk.endswith(b"\n") else count - 1) and not has_lone_cr(chunk)


TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
"""The extensions a CSV copy may take besides the original's own."""


class CsvExport(Export):
    """A CSV/TSV export and how it is written (encoding, BOM, delimiter, quoting, line ends)."""

    def __init__(
        self,
        path: Path,
        data: bytes,
        fingerprint: str,
        encoding: Encoding,
        table: CsvTable,
        newline: str,
        quote_all: bool,
    ) -> None:
        self.path = path
        self.kind = "csv"
        # A CSV copy is CSV bytes: «-o copie.xlsx» would be a CSV file Excel refuses to open.
        self.copy_suffixes = tuple(dict.fromkeys((path.suffix.lower(), *TEXT_SUFFIXES)))
        self.fingerprint = fingerprint
        self.size = len(data)
        self.tables = [table]
        self.encoding = encoding.name
        self.encoding_label = encoding.label
        self.bom = encoding.bom
        self.delimiter = table.delimiter
        self.newline = newline
        self.quote_all = quote_all
        self._encoding = encoding
        self._data = data

    @property
    def description(self) -> str:
        delimiter = _DELIMITER_NAMES.get(self.delimiter, self.delimiter)
        newline = _NEWLINE_NAMES.get(self.newline, "")
        return f"CSV, séparateur {delimiter}, codage {self.encoding_label}, fins de ligne {newline}"

    def fit_text(self, text: str) -> str:
        return fit_to_encoding(text, self.encoding)

    def copy_text(self, text: str) -> str:
        return neutralise_formula(text)

    def reading_notes(self) -> list[str]:
        notes = super().reading_notes()
        table = self.tables[0]
        assert isinstance(table, CsvTable)
        mixed = len(table.utf8_records)
        if mixed:
            lines = "1 ligne est écrite" if mixed == 1 else f"{mixed:,} lignes sont écrites"
            notes.append(
                f"encodage mélangé : {lines.replace(',', ' ')} en UTF-8, les autres en "
                f"{self.encoding_label} ; chaque ligne est lue, et corrigée, dans son propre "
                "encodage."
            )
        return notes

    def write_copy(self, edits: Iterable[Edit], path: Path) -> None:
        target = self.check_copy_target(path)
        unchanged = self._check_unchanged_aside()  # the bytes in memory are still the file's
        places: dict[tuple[int, int], PlainField | None] = {}  # (row, column index) → place

        def read(table: Table, row: int, column: str) -> str:
            assert isinstance(table, CsvTable)
            text, places[(row, table.column_index(column))] = table.placed_cell(row, column)
            return text

        try:
            changes = self._net_changes(edits, read)
            data = memoryview(self._data)
            pieces = self._splice(data, changes, places) if changes else [data]
        except BaseException:
            with contextlib.suppress(ExportError):  # the edits' own error is the one to tell
                unchanged()
            raise
        unchanged()
        try:
            mode = os.stat(self.path).st_mode & 0o777
        except OSError:
            mode = None

        def write(handle: io.BufferedWriter) -> None:  # type: ignore[type-arg]
            handle.writelines(pieces)

        write_atomically(target, write, mode)
        logger.info("wrote %s with %d changed cells", target.name, len(changes))

    def _splice(
        self,
        data: memoryview,
        changes: dict[tuple[str, int, str], str],
        places: dict[tuple[int, int], PlainField | None],
    ) -> list[bytes | memoryview]:
        """The copy as pieces: slices of the original bytes around re-encoded changed rows
        (``places``: where each changed cell lies in its record, found when it was read)."""
        table = self.tables[0]
        assert isinstance(table, CsvTable)
        by_row: dict[int, dict[int, str]] = {}
        for (_sheet, row, column), text in changes.items():
            by_row.setdefault(row, {})[table.column_index(column)] = text
        pieces: list[bytes | memoryview] = []
        previous = 0
        raw = self._data
        for row in sorted(by_row):
            start, end = table.record_span(row)
            changed = sorted(by_row[row].items())
            codec = table.codec_of(row)
            plain = [places[(row, index)] for index, _ in changed]
            if all(field is not None and field[2] for field in plain):
                # Most records: only the changed fields are re-encoded, in place.
                for field, (index, text) in zip(plain, changed, strict=True):
                    assert field is not None
                    quote = field[3] or (self.quote_all and text != "")
                    pieces.append(data[previous : field[0]])
                    pieces.append(self._encode(neutralise_formula(text), quote, row, index, codec))
                    previous = field[1]
                continue
            spans = field_spans(raw, start, end, self.delimiter)
            body_end = record_body_end(raw, start, end)
            fields = [raw[span.start : span.end] for span in spans]
            quoted = [span.quoted for span in spans]
            for index, text in changed:
                while len(fields) <= index:
                    fields.append(b"")
                    quoted.append(False)
                quote = quoted[index] or (self.quote_all and text != "")
                fields[index] = self._encode(neutralise_formula(text), quote, row, index, codec)
            pieces.append(data[previous:start])
            pieces.append(self.delimiter.encode("ascii").join(fields))
            previous = max(body_end, spans[-1].end)
        pieces.append(data[previous:])
        return pieces

    def _encode(self, text: str, quote: bool, row: int, index: int, codec: str) -> bytes:
        """An edited cell in the encoding of its own line (a mixed file's UTF-8 lines stay
        UTF-8)."""
        try:
            return encode_field(text, self.delimiter, quote=quote, codec=codec)
        except UnicodeEncodeError as error:
            char = text[error.start]
            column = self.tables[0].header[index]
            raise ExportError(
                f"Le caractère « {char} » (ligne {row}, colonne « {column} ») ne peut pas être "
                f"écrit dans ce fichier, enregistré en {self.encoding_label}. Remplacez-le par "
                "un caractère simple, puis enregistrez de nouveau : rien n'a été écrit."
            ) from error


def _decode_line(record: bytes, codec: str) -> str:
    """A line of the header sample in its own encoding (UTF-8 inside a one-byte file)."""
    if codecs.lookup(codec).name in ONE_BYTE_CODECS and is_utf8_line(record):
        return record.decode("utf-8")
    return record.decode(codec)


def _decode_sample(data: bytes, start: int, codec: str) -> str:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    return decoder.decode(data[start : start + _SAMPLE_BYTES], final=False)


def _check_cell_sizes(
    data: bytes, long_records: list[tuple[int, int, int]], delimiter: str, codec: str,
    lines_before: int,
) -> None:  # fmt: skip
    """Refuse a cell larger than the csv module accepts, naming its line; ``long_records``:
    (index, start, end) of the records longer than :data:`MAX_CELL_CHARS` bytes."""
    for index, start, end in long_records:
        for column, span in enumerate(field_spans(data, start, end, delimiter), 1):
            if span.end - span.start <= MAX_CELL_CHARS:
                continue
            size = len(field_value(data, span, delimiter, codec))
            if size > MAX_CELL_CHARS:
                raise ExportError(
                    f"La cellule de la ligne {lines_before + index + 1} (colonne {column}) "
                    f"contient {size:,} caractères".replace(",", " ")
                    + " : ce n'est pas une liste de patients ordinaire (un commentaire dépasse "
                    "rarement quelques lignes). Vérifiez que c'est le bon fichier ou exportez "
                    "de nouveau la liste depuis le logiciel du cabinet."
                )


MAX_FIELDS_PER_ROW = 5_000
"""The most fields a line may have (a real export has tens; Excel's own limit is 16,384): a
wider line is refused at once, before its fields are named or scanned."""


def _too_wide(path: Path, line: int, fields: int) -> ExportError:
    return ExportError(
        f"La ligne {line} de « {path.name} » compte {fields:,} champs".replace(",", " ")
        + f" : Huis clos en lit au plus {MAX_FIELDS_PER_ROW:,} par ligne".replace(",", " ")
        + " (une liste de patients en compte quelques dizaines). Vérifiez que c'est le bon "
        "fichier, ou exportez de nouveau la liste depuis le logiciel du cabinet."
    )


def read_csv(path: Path, data: bytes, fingerprint: str, *, random_access: bool = True) -> CsvExport:
    """Open a CSV/TSV export from its bytes; ``random_access``: see :func:`.reading.read_export`."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        detect_encoding(data)  # explains that UTF-16 is not read
    if b"\x00" in data:
        raise ExportError(
            f"« {path.name} » n'est pas un fichier texte (il contient des données binaires) : "
            "ce n'est ni un export CSV ni un classeur Excel. Choisissez le fichier exporté "
            "par le logiciel du cabinet."
        )
    encoding = detect_encoding(data)
    start = len(encoding.bom)
    complete = start + _SAMPLE_BYTES >= len(data)
    delimiter = sniff_delimiter(_decode_sample(data, start, encoding.name), complete)
    head = first_records(data, start, delimiter, _SAMPLE_RECORDS)
    rows = []
    separator = delimiter.encode("ascii")
    for line, (record_start, record_end) in enumerate(head, 1):
        # Counting separators first (C speed) keeps a 100,000-field line from being parsed.
        if data.count(separator, record_start, record_end) >= MAX_FIELDS_PER_ROW:
            text = data[record_start:record_end].decode(encoding.name)
            fields = len(records_of(text, delimiter)[0])
            if fields > MAX_FIELDS_PER_ROW:
                raise _too_wide(path, line, fields)
        text = _decode_line(data[record_start:record_end], encoding.name)
        parsed = records_of(text, delimiter)
        rows.append(parsed[0] if parsed else [])
    header_index = find_header(rows)
    if header_index is None:
        raw_header: list[str] = []
        header_line = 0
        data_start = start
        width = max((len(row) for row in rows), default=1)
    else:
        raw_header = rows[header_index]
        header_line = header_index + 1
        data_start = head[header_index][1]
        # Columns beyond the header (rows longer than it) get names too, so they can be shown.
        width = max([len(raw_header)] + [len(row) for row in rows[header_index + 1 :]])
    records = RecordIndex(data, data_start, delimiter)
    if head:
        head_long = [
            (index, start, end)
            for index, (start, end) in enumerate(head)
            if end - start > MAX_CELL_CHARS
        ]
        _check_cell_sizes(data, head_long, delimiter, encoding.name, 0)
    _check_cell_sizes(
        data, records.longer_than(MAX_CELL_CHARS), delimiter, encoding.name, header_line
    )
    if random_access:
        records.bounds  # noqa: B018 - built now, on the thread that opens the file
    table = CsvTable(data, encoding, delimiter, raw_header, header_line, records, width)
    newline = _newline_of(data, head)
    quote_all = _quotes_everything(data, head[header_index or 0 :], delimiter)
    return CsvExport(path, data, fingerprint, encoding, table, newline, quote_all)


def _newline_of(data: bytes, head: list[tuple[int, int]]) -> str:
    for start, end in head:
        body_end = record_body_end(data, start, end)
        if body_end < end:
            return data[body_end:end].decode("ascii")
    return "\r\n"


def _quotes_everything(data: bytes, head: list[tuple[int, int]], delimiter: str) -> bool:
    """True when the software quotes every non-empty field (``"a";"b"`` or ``"a";;"b"``)."""
    seen = False
    for start, end in head:
        spans = field_spans(data, start, end, delimiter)
        filled = [span for span in spans if span.end > span.start]
        if not filled:
            continue  # blank line
        if not all(span.quoted for span in filled):
            return False
        seen = True
    return seen
