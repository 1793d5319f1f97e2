"""The fictional patient-list generator: what a trainer or a demo user would see in the file."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest
from openpyxl import load_workbook
from stdnum import iban, luhn
from stdnum.fr import nir

from huisclos.core.demo import comments, synthetic, values
from huisclos.core.detect.categories import CATEGORIES
from huisclos.core.errors import HuisclosError
from huisclos.core.exports.reading import read_export

DATE = re.compile(r"\d{2}/\d{2}/\d{4}")
PHONE = re.compile(r"0[1-9]( \d{2}){4}")


def test_same_seed_gives_the_same_patients_and_another_seed_does_not():
    first = synthetic.generate_patients(300, 0.1, seed=7)
    again = synthetic.generate_patients(300, 0.1, seed=7)
    other = synthetic.generate_patients(300, 0.1, seed=8)
    assert first == again
    assert first[1] != other[1]


def test_rows_look_like_a_french_practice_export():
    header, rows = synthetic.generate_patients(500, 0.05, seed=1)
    assert header[0] == "N° dossier" and header[-1] == "Commentaire administratif"
    assert all(len(row) == len(header) for row in rows)
    assert len({row[0] for row in rows}) == len(rows), "file numbers are unique"
    for row in rows:
        _number, last, first, born, sex, address, postcode, town, phone, _doctor, _comment = row
        assert last == last.upper() and last
        assert first[:1].isupper()
        assert DATE.fullmatch(born)
        day = dt.datetime.strptime(born, "%d/%m/%Y").date()
        assert dt.date(1920, 1, 1) <= day <= dt.date(2025, 12, 31)
        assert sex in ("F", "M")
        assert address[:1].isdigit()
        assert re.fullmatch(r"\d{5}", postcode) and town == town.upper()
        assert phone == "" or PHONE.fullmatch(phone)
    assert [(r[1], r[2]) for r in rows] == sorted((r[1], r[2]) for r in rows)
    filled = sum(1 for row in rows if row[-1])
    assert 0.2 * len(rows) < filled < 0.5 * len(rows), "most comments are empty, many are not"


@pytest.mark.parametrize("share", [0.0, 0.04, 0.25])
def test_the_share_of_sensitive_comments_is_the_one_asked_for(share):
    export = synthetic.generate_export(1000, share, seed=3)
    assert len(export.sensitive_rows) == round(1000 * share)
    for index in export.sensitive_rows:
        assert export.rows[index][-1], "a sensitive row has a comment"
        assert set(export.labels[index]) <= set(CATEGORIES)


def test_built_in_comments_alone_cover_every_category():
    bank = comments.load_comment_bank(include_corpus=False)
    assert len(bank.benign) >= 100 and len(bank.sensitive) >= 90
    assert {c for s in bank.sensitive for c in s.categories} == set(CATEGORIES)
    leaked = {"porteuse sida !!! !!!!", "serait homosexuelle d'après sa mère"}
    assert leaked <= {s.text for s in bank.sensitive}
    export = synthetic.generate_export(400, 0.3, seed=5, include_corpus=False)
    assert not any("{" in row[-1] for row in export.rows), "every placeholder is filled"


def test_identifiers_in_comments_carry_valid_check_digits():
    rng = synthetic.random.Random(11)
    for _ in range(50):
        assert iban.is_valid(values.make_iban(rng))
        assert luhn.is_valid(values.make_card(rng))
        number = values.make_nir(rng, "F", dt.date(1980, 5, 2), "20200")
        assert nir.is_valid(number) and number.startswith("280052B")
    quiz = synthetic.sample_comments(100, 1.0, seed=2, include_corpus=False)
    nirs = [q.text for q in quiz if q.text.startswith(("n° sécu", "NIR "))]
    assert len(nirs) == 2, "both NIR comments of the bank were drawn"
    for text in nirs:
        digits = re.search(r"[12](?: ?[\dAB]){14}", text).group().replace(" ", "")
        assert nir.is_valid(digits), text


def test_quiz_comments_come_with_their_answer():
    quiz = synthetic.sample_comments(20, 0.5, seed=4)
    assert len(quiz) == 20
    assert sum(q.sensitive for q in quiz) == 10
    assert all(q.text and "{" not in q.text for q in quiz)


def test_cp1252_csv_is_what_practice_software_writes(tmp_path):
    target = synthetic.write_export(tmp_path / "exo.csv", 400, 0.1, "csv-cp1252", seed=9)
    data = target.read_bytes()
    text = data.decode("cp1252")  # every character fits Windows-1252
    assert not data.startswith(b"\xef\xbb\xbf")
    assert text.split("\r\n", 1)[0] == ";".join(synthetic.HEADER)
    rows = list(csv.reader(text.splitlines(keepends=True), delimiter=";"))
    assert rows[1:] == synthetic.generate_patients(400, 0.1, seed=9)[1]
    assert list(tmp_path.iterdir()) == [target], "no temporary file left behind"


def test_utf8_csv_has_a_bom_for_excel(tmp_path):
    target = synthetic.write_export(tmp_path / "exo.csv", 50, 0.1, "csv-utf8", seed=9)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfN\xc2\xb0 dossier;")
    assert b"\r\n" in data


def test_xlsx_shows_the_same_patients_as_the_csv_with_real_numbers_and_dates(tmp_path):
    target = synthetic.write_export(tmp_path / "exo.xlsx", 120, 0.1, "xlsx", seed=9)
    header, rows = synthetic.generate_patients(120, 0.1, seed=9)
    table = read_export(target).table
    assert table.header == header
    assert [cells for _, cells in table.iter_rows()] == rows
    sheet = load_workbook(target, read_only=True).active
    first = next(sheet.iter_rows(min_row=2, values_only=True))
    assert isinstance(first[0], int), "a file number is a number, as in a real export"
    assert isinstance(first[3], dt.datetime), "a birth date is a date"


def test_bad_requests_get_a_french_message_and_no_file(tmp_path):
    with pytest.raises(HuisclosError, match="Format inconnu"):
        synthetic.write_export(tmp_path / "x.ods", 10, 0.1, "ods")
    with pytest.raises(HuisclosError, match="nombre de patients"):
        synthetic.write_export(tmp_path / "x.csv", 0, 0.1)
    with pytest.raises(HuisclosError, match="part de commentaires sensibles"):
        synthetic.generate_patients(10, 1.5)
    with pytest.raises(HuisclosError, match="n'existe pas"):
        synthetic.write_export(tmp_path / "absent" / "x.csv", 10, 0.1)
    assert list(tmp_path.iterdir()) == []


def test_bundled_demo_export_is_small_fictional_and_realistic():
    path = synthetic.demo_export_path()
    data = path.read_bytes()
    assert len(data) < 1_000_000
    text = data.decode("cp1252")
    assert text.startswith(";".join(synthetic.HEADER) + "\r\n")
    rows = list(csv.reader(text.splitlines(keepends=True), delimiter=";"))[1:]
    assert 2500 <= len(rows) <= 3500
    assert all(len(row) == len(synthetic.HEADER) for row in rows)
    patterns = [_template(s.text) for s in comments.load_comment_bank().sensitive]
    sensitive = [row for row in rows if row[-1] and any(p.fullmatch(row[-1]) for p in patterns)]
    assert 0.03 <= len(sensitive) / len(rows) <= 0.05


def _template(text: str) -> re.Pattern[str]:
    """A comment of the bank as a pattern: placeholders stand for any filled-in value."""
    parts = re.split(r"\{[a-z_]+\}", text)
    return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)
