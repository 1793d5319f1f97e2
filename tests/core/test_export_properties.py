"""Property tests: random tables written in every supported CSV dialect read back exactly, copy
byte for byte, and take one edited cell without disturbing anything else."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huisclos.core.edits import Edit
from huisclos.core.exports import csv_index
from huisclos.core.exports.csv_index import (
    RecordIndex,
    field_spans,
    field_value,
    plain_field,
    record_bounds,
    records_longer_than,
)
from huisclos.core.exports.model import neutralise_formula
from huisclos.core.exports.reading import read_export

HEADER = ["N° dossier", "NOM", "Prénom", "Commentaire", "Ville"]
SINGLE_BYTE = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .;,|\t\"'\r\n-=+@!éèàçÉÀù"
)
UTF8_EXTRA = "œ’€✓ßŒ"
ENCODINGS = [
    ("utf-8", b"", SINGLE_BYTE + UTF8_EXTRA),
    ("utf-8", b"\xef\xbb\xbf", SINGLE_BYTE + UTF8_EXTRA),
    ("cp1252", b"", SINGLE_BYTE),
    ("latin-1", b"", SINGLE_BYTE),
    ("iso8859_15", b"", SINGLE_BYTE),
]


def _record(cells: list[str], delimiter: str, quote_all: bool) -> str:
    """A record as spreadsheet software writes it (quotes around special characters)."""
    fields = []
    for cell in cells:
        if quote_all or any(char in cell for char in (delimiter, '"', "\r", "\n")):
            cell = '"' + cell.replace('"', '""') + '"'
        fields.append(cell)
    return delimiter.join(fields)


@st.composite
def exports(draw):  # type: ignore[no-untyped-def]
    encoding, bom, alphabet = draw(st.sampled_from(ENCODINGS))
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    quote_all = draw(st.booleans())
    final_newline = draw(st.booleans())
    cell = st.text(alphabet=alphabet, max_size=25)
    row_of_cells = st.lists(cell, min_size=len(HEADER), max_size=len(HEADER))
    rows = draw(st.lists(row_of_cells, min_size=1, max_size=12))
    text = "".join(_record(cells, delimiter, quote_all) + newline for cells in [HEADER, *rows])
    if draw(st.booleans()):  # a title line before the header, as some software writes
        text = "Liste des patients au 12/03/2025" + newline + newline + text
    if not final_newline:
        text = text[: -len(newline)]
    new_text = draw(st.text(alphabet=alphabet, max_size=30))
    row = draw(st.integers(1, len(rows)))
    column = draw(st.sampled_from(HEADER))
    return {
        "content": bom + text.encode(encoding),
        "rows": rows,
        "edit": (row, column, new_text),
        "delimiter": delimiter,
        "newline": newline,
    }


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exports())
def test_read_copy_and_edit_one_cell(case):  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "export.csv"
        source.write_bytes(case["content"])
        export = read_export(source)
        table = export.table
        assert export.delimiter == case["delimiter"]
        assert table.header == HEADER
        assert len(table) == len(case["rows"])
        assert [cells for _, cells in table.iter_rows()] == case["rows"]
        assert [table.row(n) for n in range(1, len(table) + 1)] == case["rows"]
        assert [[table.cell(n, c) for c in HEADER] for n in range(1, len(table) + 1)] == case[
            "rows"
        ]
        assert [values for _, values in table.iter_column_values(["Commentaire", "NOM"])] == [
            [r[3], r[1]] for r in case["rows"]
        ]
        assert_batches_agree(table, ["Commentaire", "NOM"])
        for column in HEADER:  # the first, a middle and the last field are cut differently
            assert_batches_agree(table, [column])

        copy = Path(folder) / "copie.csv"
        export.write_copy([], copy)
        assert copy.read_bytes() == case["content"]

        row, column, new_text = case["edit"]
        before = table.cell(row, column)
        edited = Path(folder) / "modifie.csv"
        export.write_copy([Edit(row, column, before, new_text)], edited)
        reread = read_export(edited).table
        expected = [list(r) for r in case["rows"]]
        if new_text != before:
            expected[row - 1][HEADER.index(column)] = neutralise_formula(new_text)
        assert reread.header == HEADER
        assert [cells for _, cells in reread.iter_rows()] == expected
        # Bytes outside the edited record are untouched.
        start, end = table.record_span(row)
        data = edited.read_bytes()
        assert data[:start] == case["content"][:start]
        tail = case["content"][end:]
        assert data.endswith(tail)
        assert source.read_bytes() == case["content"]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet='a;"\r\n ', max_size=80), st.sampled_from([";", ","]))
def test_record_index_agrees_with_the_csv_module(raw, delimiter):  # type: ignore[no-untyped-def]
    """Any text at all — stray quotes, unclosed quotes, lone CRs — splits into the same records
    and fields as the csv module reads (the reader iterates with csv, random access uses the
    index: they must never disagree)."""
    raw = raw.replace(";", delimiter)
    prefix = f"H1{delimiter}H2\n"
    data = (prefix + raw).encode("ascii")
    start = len(prefix)
    expected = list(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter))
    bounds = record_bounds(data, start, delimiter)
    assert len(bounds) - 1 == len(expected)
    for index, record in enumerate(expected):
        begin, end = bounds[index], bounds[index + 1]
        spans = field_spans(data, begin, end, delimiter)
        values = [field_value(data, span, delimiter, "ascii") for span in spans]
        assert values == (record or [""])
        for column in range(len(values) + 2):  # the quick path, where it answers
            plain = plain_field(data, begin, end, delimiter, column)
            if plain is not None:
                field_start, field_end, present, quoted = plain
                assert present == (column < len(values))
                if present:
                    span = spans[column]
                    assert (field_start, field_end, quoted) == (span.start, span.end, span.quoted)
                else:
                    assert field_start == field_end


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet='a;"\r\n ', max_size=80) | st.text(alphabet="a\n", max_size=80),
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=1, max_value=12),
)
def test_record_counts_agree_with_the_record_starts(raw, block, limit):  # type: ignore[no-untyped-def]
    """Without the array of record starts (line feeds counted per block), the number of
    records, where each starts and which are too long are exactly what the array says."""
    data = ("H1;H2\n" + raw).encode("ascii")
    with mock.patch.object(csv_index, "_BLOCK", block):
        index = RecordIndex(data, 6, ";")
        bounds = RecordIndex(data, 6, ";").bounds
        assert len(index) == len(bounds) - 1
        assert index.end == bounds[-1]
        assert [index.offset(i) for i in range(len(bounds))] == list(bounds)
        assert index.span(0, len(index)) == (bounds[0], bounds[-1])
        long = [(i, bounds[i], bounds[i + 1]) for i in records_longer_than(bounds, limit)]
        assert index.longer_than(limit) == long


def assert_batches_agree(table, columns: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The scan's batch reader gives exactly the texts and row numbers of iter_column_values,
    whatever the batch size."""
    expected = list(table.iter_column_values(columns))
    for size in (1, 2, 5, 1000):
        rows = []
        for first, values in table.iter_column_batches(columns, size):
            assert len(values) == len(columns)
            count = len(values[0])
            assert 1 <= count <= size
            rows.extend((first + i, [column[i] for column in values]) for i in range(count))
        assert rows == expected


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet='a;é"\r\n ', max_size=80),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["utf-8", "cp1252"]),
)
def test_batch_reader_agrees_with_the_csv_module(raw, delimiter, codec):  # type: ignore[no-untyped-def]
    """Stray and unclosed quotes, quoted line breaks, lone CRs, blank and short lines: the
    batch reader (one regular expression per batch) reads what the csv module reads."""
    raw = raw.replace(";", delimiter)
    header = delimiter.join(["N° dossier", "NOM", "Commentaire"])
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "export.csv"
        source.write_bytes((header + "\n" + raw).encode(codec))
        table = read_export(source).table
        if table.header[:3] != ["N° dossier", "NOM", "Commentaire"]:
            return  # the header was not recognised in this odd file: nothing to compare
        rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter))
        assert [values for _, values in table.iter_column_values(["Commentaire"])] == [
            [cells[2] if len(cells) > 2 else ""] for cells in rows
        ]
        assert_batches_agree(table, ["Commentaire"])
        assert_batches_agree(table, ["Commentaire", "N° dossier", "Commentaire"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exports(), st.data())
def test_two_cells_of_one_row_edited_together(case, data):  # type: ignore[no-untyped-def]
    """Two cells of the same record change in one copy; every other cell stays as it was."""
    row, _column, _text = case["edit"]
    first, second = data.draw(
        st.lists(st.sampled_from(HEADER), min_size=2, max_size=2, unique=True)
    )
    texts = [data.draw(st.text(alphabet='ab ;"é\n=', max_size=12)) for _ in range(2)]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "export.csv"
        source.write_bytes(case["content"])
        export = read_export(source)
        table = export.table
        edits = [
            Edit(row, column, table.cell(row, column), text)
            for column, text in zip((first, second), texts, strict=True)
        ]
        edited = Path(folder) / "modifie.csv"
        export.write_copy(edits, edited)
        expected = [list(r) for r in case["rows"]]
        for edit in edits:
            if edit.after != edit.before:
                expected[row - 1][HEADER.index(edit.column)] = neutralise_formula(edit.after)
        assert [cells for _, cells in read_export(edited).table.iter_rows()] == expected
