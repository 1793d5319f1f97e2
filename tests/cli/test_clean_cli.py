"""``huisclos clean``: the cleaned copy, the correction list, the refusals and the log events.

Round trip on every export dialect the reader supports: clean → re-read → only the flagged
comment cells differ, and their new text is the suggestion ``huisclos scan --format jsonl`` shows.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from huisclos.cli import main
from huisclos.core.exports.reading import read_export
from practice_files import write_practice_xlsx

HEADER = ["N° dossier", "NOM", "Prénom", "Date de naissance", "Commentaire administratif"]
ROWS = [
    ["1001", "MARTIN", "Hélène", "12/03/1958", "Préfère RDV le matin. Porteuse sida !!! !!!!"],
    ["1002", "DUPONT", "Jérôme", "01/01/1970", "appeler sur portable"],
    ["1003", "LEFÈVRE", "Zoé", "23/07/1990", ""],
    ["1004", "GARCIA", "Éric", "05/11/1944", "malentendant – parler fort"],
    ["1005", "NGUYEN", "Anaïs", "30/09/1985", "RDV longs\nséropositive, ne pas en parler"],
    ["1006", "BERNARD", "Loïc", "14/02/2001", "Carte vitale à mettre à jour"],
    ["1007", "PETIT", "Cécile", "08/08/1962", "serait homosexuelle d'après sa mère"],
    ["1008", "ROUX", "Noël", "19/04/1977", "diabétique type 2, prévoir RDV longs"],
]
BENIGN = [
    ["2001", "DURAND", "Marc", "02/02/1950", "appeler sur portable"],
    ["2002", "MOREAU", "Inès", "03/03/1960", "Préfère RDV le matin"],
]

DIALECTS = [
    pytest.param(";", "cp1252", "\r\n", id="point-virgule-windows-1252-crlf"),
    pytest.param(",", "utf-8", "\n", id="virgule-utf8-lf"),
    pytest.param("\t", "utf-8-sig", "\r\n", id="tabulation-utf8-bom-crlf"),
    pytest.param(";", "latin-1", "\n", id="point-virgule-iso-8859-1-lf"),
    pytest.param("|", "iso-8859-15", "\r\n", id="barre-iso-8859-15-crlf"),
]


def write_csv(
    path: Path, rows: list[list[str]], delimiter: str, encoding: str, newline: str
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows([HEADER, *rows])
    text = buffer.getvalue()
    if encoding in ("latin-1", "iso-8859-15"):
        text = text.replace("–", "-")  # no en dash in ISO-8859-1/15
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    return write_practice_xlsx(path, HEADER, rows)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The practice's export: «;», Windows-1252, CRLF."""
    return write_csv(tmp_path / "patients.csv", ROWS, ";", "cp1252", "\r\n")


def scan_jsonl(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert main(["scan", str(path), "--format", "jsonl", "--suggestions"]) == 0
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def cells(path: Path) -> dict[tuple[str, int, str], str]:
    export = read_export(path)
    found = {}
    for table in export.tables:
        for row, values in table.iter_rows():
            for column, value in zip(table.header, values, strict=False):
                found[(table.name, row, column)] = value
    return found


def check_round_trip(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original_bytes = source.read_bytes()
    findings = scan_jsonl(source, capsys)
    assert findings, "the sample must hold sensitive comments"
    expected = {}
    for finding in findings:
        key = (finding.get("sheet", ""), finding["row"], finding["column"])
        expected.setdefault(key, finding["suggestion"])
        assert expected[key] == finding["suggestion"], "one suggestion per cell"
    out = tmp_path / f"propre{source.suffix}"
    assert main(["clean", str(source), "-o", str(out)]) == 0
    assert source.read_bytes() == original_bytes, "the original is never written"
    before, after = cells(source), cells(out)
    assert before.keys() == after.keys()
    changed = {key for key in before if before[key] != after[key]}
    sheet_names = {key[0] for key in before}
    expected = {
        (key[0] if key[0] in sheet_names else next(iter(sheet_names)), key[1], key[2]): value
        for key, value in expected.items()
    }
    assert changed == {key for key, value in expected.items() if value != before[key]}
    for key in changed:
        assert after[key] == expected[key]
    # The leak comment keeps its benign sentence, and nothing outside comments moved.
    comment = next(key for key in before if key[1] == 1 and key[2] == "Commentaire administratif")
    assert after[comment] == "Préfère RDV le matin."
    assert all(key[2] == "Commentaire administratif" for key in changed)


@pytest.mark.parametrize(("delimiter", "encoding", "newline"), DIALECTS)
def test_clean_round_trip_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], delimiter: str, encoding: str, newline: str
) -> None:
    source = write_csv(tmp_path / "patients.csv", ROWS, delimiter, encoding, newline)
    check_round_trip(source, tmp_path, capsys)


def test_clean_round_trip_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_xlsx(tmp_path / "patients.xlsx", ROWS)
    check_round_trip(source, tmp_path, capsys)


def test_nothing_to_change_gives_a_byte_identical_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_csv(tmp_path / "patients.csv", BENIGN, ";", "cp1252", "\r\n")
    out = tmp_path / "copie.csv"
    assert main(["clean", str(source), "-o", str(out)]) == 0
    assert out.read_bytes() == source.read_bytes()
    assert "Aucun commentaire à modifier" in capsys.readouterr().out


def test_summary_counts_comments_changed_per_category_in_french(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["clean", str(source), "-o", str(tmp_path / "copie.csv")]) == 0
    out = capsys.readouterr().out
    assert "commentaires corrigés sur 8 lignes analysées" in out
    assert "Santé : " in out
    assert "l'original n'a pas été modifié" in out


def test_categories_and_severity_limit_what_is_changed(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "copie.csv"
    assert main(["clean", str(source), "-o", str(out), "--min-severity", "medium"]) == 0
    after = cells(out)
    # «malentendant» is a low-severity functional need: left as it was.
    assert after[("", 4, "Commentaire administratif")] == "malentendant – parler fort"
    assert after[("", 1, "Commentaire administratif")] == "Préfère RDV le matin."
    out2 = tmp_path / "copie2.csv"
    assert main(["clean", str(source), "-o", str(out2), "--categories", "sex_life"]) == 0
    after = cells(out2)
    assert after[("", 1, "Commentaire administratif")] == ROWS[0][4]
    assert after[("", 7, "Commentaire administratif")] != ROWS[6][4]
    out3 = tmp_path / "copie3.csv"
    code = main(
        ["clean", str(source), "-o", str(out3), "--categories", "Santé", "--categories", "sex_life"]
    )
    assert code == 0
    after = cells(out3)
    assert after[("", 1, "Commentaire administratif")] == "Préfère RDV le matin."
    assert after[("", 7, "Commentaire administratif")] != ROWS[6][4]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--categories", "astrologie"], "catégorie « astrologie » inconnue"),
        (["--min-severity", "énorme"], "gravité « énorme » inconnue"),
    ],
)
def test_bad_options_are_refused_in_french(
    source: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    code = main(["clean", str(source), "-o", str(tmp_path / "copie.csv"), *arguments])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "copie.csv").exists()


def test_refuses_to_overwrite_the_original(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = source.read_bytes()
    assert main(["clean", str(source), "-o", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("huisclos : ") and "original" in err and len(err.splitlines()) == 1
    assert main(["clean", str(source), "-o", str(tmp_path / "." / "patients.csv"), "--force"]) == 2
    assert source.read_bytes() == before


def test_refuses_an_existing_copy_without_force(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "copie.csv"
    out.write_text("à garder")
    assert main(["clean", str(source), "-o", str(out)]) == 2
    assert "existe déjà" in capsys.readouterr().err
    assert out.read_text() == "à garder"
    assert main(["clean", str(source), "-o", str(out), "--force"]) == 0
    assert out.read_bytes() != b"\xc3\xa0 garder"


def test_needs_a_copy_or_a_list(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", str(source)]) == 2
    assert "-o" in capsys.readouterr().err


def test_unreadable_input_is_a_french_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", str(tmp_path / "absent.csv"), "-o", str(tmp_path / "copie.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("huisclos : ") and "Traceback" not in err


def read_list(path: Path, encoding: str, delimiter: str) -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as stream:
        return list(csv.reader(stream, delimiter=delimiter))


def test_worklist_lines_for_the_secretary(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "corrections.csv"
    capsys.readouterr()
    assert main(["clean", str(source), "--worklist", str(listing)]) == 0
    printed = capsys.readouterr().out
    lines = read_list(listing, "cp1252", ";")  # same encoding and delimiter as the source
    header, entries = lines[0], lines[1:]
    assert header[:5] == ["Ligne", "N° dossier", "NOM", "Prénom", "Date de naissance"]
    assert "Commentaire proposé" in header and "Catégories" in header
    assert "Commentaire actuel" not in header
    flagged = {finding["row"] for finding in scan_jsonl(source, capsys)}
    assert [int(entry[0]) for entry in entries] == sorted(flagged)
    first = dict(zip(header, entries[0], strict=True))
    assert (
        first["N° dossier"] == "1001" and first["NOM"] == "MARTIN" and first["Prénom"] == "Hélène"
    )
    assert first["Date de naissance"] == "12/03/1958"
    assert first["Commentaire proposé"] == "Préfère RDV le matin."
    assert first["Catégories"] == "Santé"
    assert b"\r\n" in listing.read_bytes()
    # The summary names the list and how many lines she has to report in the software.
    assert (
        f"Liste de corrections : {listing} ({len(entries)} lignes à reporter dans le logiciel)."
        in printed
    )
    assert "Copie nettoyée" not in printed  # no copy was asked for


def test_worklist_with_original_and_with_the_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_csv(tmp_path / "patients.csv", ROWS, ",", "utf-8", "\n")
    listing = tmp_path / "corrections.csv"
    out = tmp_path / "copie.csv"
    code = main(
        ["clean", str(source), "-o", str(out), "--worklist", str(listing), "--with-original"]
    )
    assert code == 0
    lines = read_list(listing, "utf-8", ",")
    header = lines[0]
    assert header[-1] == "Commentaire actuel"
    by_row = {int(line[0]): dict(zip(header, line, strict=True)) for line in lines[1:]}
    assert by_row[5]["Commentaire actuel"] == "RDV longs\nséropositive, ne pas en parler"
    after = cells(out)
    for row, entry in by_row.items():
        assert entry["Commentaire proposé"] == after[("", row, "Commentaire administratif")]


def test_worklist_as_an_excel_file(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    source = write_xlsx(tmp_path / "patients.xlsx", ROWS)
    listing = tmp_path / "corrections.xlsx"
    assert main(["clean", str(source), "--worklist", str(listing)]) == 0
    sheet = load_workbook(listing).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Ligne" and "Commentaire proposé" in rows[0]
    assert rows[1][1] == "1001" or rows[1][1] == 1001


def test_clean_writes_edit_save_copy_and_worklist_events(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huisclos.core.audit.log import open_log

    out = tmp_path / "copie.csv"
    listing = tmp_path / "corrections.csv"
    assert main(["clean", str(source), "-o", str(out), "--worklist", str(listing)]) == 0
    log = open_log()
    try:
        events = log.events()
    finally:
        log.close()
    kinds = [event["event"] for event in events]
    assert {"edit", "save_copy", "worklist"} <= set(kinds)
    dump = json.dumps(events, ensure_ascii=False)
    # Row numbers and rule ids, never the text of a comment.
    assert "sida" not in dump and "Préfère" not in dump and "MARTIN" not in dump
    edit = next(event for event in events if event["event"] == "edit")
    assert "health.hiv" in json.dumps(edit["payload"])


def test_columns_option_limits_and_checks_the_headers(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "copie.csv"
    assert main(["clean", str(source), "-o", str(out), "--columns", "Remarques"]) == 2
    assert "colonne introuvable : « Remarques »" in capsys.readouterr().err
    assert not out.exists()
    assert main(["clean", str(source), "-o", str(out), "--columns", "NOM"]) == 0
    assert out.read_bytes() == source.read_bytes()
    # Headers are matched as scan matches them: whatever the case.
    everything = tmp_path / "tout.csv"
    assert main(["clean", str(source), "-o", str(everything)]) == 0
    named = tmp_path / "nommee.csv"
    assert (
        main(["clean", str(source), "-o", str(named), "--columns", "commentaire ADMINISTRATIF"])
        == 0
    )
    assert named.read_bytes() == everything.read_bytes() != source.read_bytes()


def write_rows(path: Path, rows: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("NOM;Commentaire\n" + "".join(f"{row}\n" for row in rows)).encode(encoding))
    return path


def cleaned(path: Path) -> list[str]:
    return [value for (_, _, column), value in cells(path).items() if column == "Commentaire"]


def test_a_category_filter_never_removes_the_other_categories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_rows(tmp_path / "sev.csv", ["A;CMU, voilée", "B;RDV le matin, CMU, voilée"])
    out = tmp_path / "out.csv"
    assert main(["clean", str(source), "-o", str(out), "--categories", "religion"]) == 0
    # Social (CMU) was not chosen: it stays; the religion goes and is not flagged again.
    assert cleaned(out) == ["CMU", "RDV le matin, CMU"]
    out2 = tmp_path / "out2.csv"
    assert main(["clean", str(source), "-o", str(out2), "--min-severity", "high"]) == 0
    # CMU is of medium severity: cleaning only the high ones keeps it.
    assert cleaned(out2) == ["CMU", "RDV le matin, CMU"]
    findings = scan_jsonl(out2, capsys)
    assert {finding["category"] for finding in findings} == {"social"}


def test_passwords_and_logins_go_but_the_rest_of_the_comment_stays(tmp_path: Path) -> None:
    source = write_rows(
        tmp_path / "ids.csv",
        [
            "A;mdp doctolib: Azerty1, préfère SMS",
            "B;code porte 1234, mdp wifi: abcd",
            "C;identifiant ameli jdupont - RDV le matin",
        ],
    )
    out = tmp_path / "out.csv"
    assert main(["clean", str(source), "-o", str(out)]) == 0
    assert cleaned(out) == ["Préfère SMS", "Code porte 1234", "RDV le matin"]


def test_line_breaks_inside_a_comment(tmp_path: Path) -> None:
    source = write_rows(
        tmp_path / "lignes.csv",
        ['A;"porteuse\r\nsida, RDV matin"', 'B;"serait homosexuelle\nd\'après sa mère"'],
    )
    out = tmp_path / "out.csv"
    assert main(["clean", str(source), "-o", str(out)]) == 0
    assert cleaned(out) == ["RDV matin", ""]


def test_a_utf8_list_opens_in_excel_and_formulas_are_neutralised(tmp_path: Path) -> None:
    source = write_rows(
        tmp_path / "patients.csv",
        ["A;+33 6 12 12 12 12 appeler, porteuse sida", "B;@Maman, séropo"],
    )
    assert not source.read_bytes().startswith(b"\xef\xbb\xbf")
    out = tmp_path / "copie.csv"
    listing = tmp_path / "corrections.csv"
    assert main(["clean", str(source), "-o", str(out), "--worklist", str(listing)]) == 0
    data = listing.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads «Prénom», not «PrÃ©nom»
    lines = read_list(listing, "utf-8-sig", ";")
    proposed = [line[lines[0].index("Commentaire proposé")] for line in lines[1:]]
    # Exactly what the copy holds; no spreadsheet runs it, whatever its import options.
    assert proposed == ["'+33 6 12 12 12 12 appeler", "'@Maman"]
    # The cleaned copy neutralises as the export module does.
    copy = out.read_bytes().decode("utf-8")
    assert "A;'+33 6 12 12 12 12 appeler\n" in copy and "B;'@Maman\n" in copy


def test_nothing_is_written_when_the_journal_cannot_be_opened(
    source: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from huisclos.core.audit import log
    from huisclos.core.errors import AuditError

    def unusable(*args: object, **kwargs: object) -> None:
        raise AuditError("Aucun trousseau sécurisé n'est disponible sur ce poste.")

    monkeypatch.setattr(log, "open_log", unusable)
    out, listing = tmp_path / "copie.csv", tmp_path / "corrections.csv"
    assert main(["clean", str(source), "-o", str(out), "--worklist", str(listing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("huisclos : rien n'a été écrit") and "journal" in err
    assert not out.exists() and not listing.exists()


def test_clean_of_an_ods_is_spliced_and_of_an_xls_is_an_xlsx_said_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from workbook_checks import LIBREOFFICE_ODS, LIBREOFFICE_XLS, SENSITIVE, assert_no_trace

    ods = tmp_path / "cabinet.ods"
    shutil.copyfile(LIBREOFFICE_ODS, ods)
    assert main(["clean", str(ods), "-o", str(tmp_path / "propre.ods")]) == 0
    out = capsys.readouterr().out
    assert "format .xlsx" not in out
    assert SENSITIVE not in read_export(tmp_path / "propre.ods").table.cell(1, "Commentaire")
    assert_no_trace(tmp_path / "propre.ods", SENSITIVE)

    xls = tmp_path / "cabinet.xls"
    shutil.copyfile(LIBREOFFICE_XLS, xls)
    assert main(["clean", str(xls), "-o", str(tmp_path / "propre.xls")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "« .xlsx »" in err
    assert not (tmp_path / "propre.xls").exists()
    assert main(["clean", str(xls), "-o", str(tmp_path / "propre.xlsx")]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("La copie de « cabinet.xls » est enregistrée au format .xlsx")
    assert_no_trace(tmp_path / "propre.xlsx", SENSITIVE)
