"""``huisclos scan`` and ``huisclos demo`` as a secretary or a script would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huisclos.cli import main
from huisclos.core.audit.log import open_log
from huisclos.core.detect.detector import Detector
from huisclos.core.detect.findings import Finding, json_line

NIR = "1 85 05 78 006 084 91"
ROWS = [
    ("0001", "DURAND", "préfère RDV le matin"),
    ("0002", "MARTIN", "porteuse sida !!! !!!!"),
    ("0003", "PETIT", ""),
    ("0004", "LEROY", f"n° sécu {NIR}, rappeler"),
]


def write_export(folder: Path, encoding: str = "cp1252") -> Path:
    path = folder / "patients.csv"
    lines = ["Dossier;Nom;Commentaire administratif"] + [";".join(row) for row in ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def test_text_summary_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(write_export(tmp_path))])
    out = capsys.readouterr().out
    assert code == 0
    assert "Lignes analysées : 4" in out
    assert "Commentaires à revoir : 2" in out
    assert "Santé : 1 (élevée : 1)" in out
    assert "Identifiant ou secret : 1 (élevée : 1)" in out
    assert "Durée :" in out
    assert "ligne 2, Commentaire administratif" in out
    assert "« sida » : Santé, gravité élevée — insistance" in out
    assert "préfère RDV" not in out  # benign comments are not listed


def test_jsonl_is_one_finding_per_line_as_in_design(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(write_export(tmp_path)), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    objects = [json.loads(line) for line in lines]
    assert [set(o) for o in objects] == [
        {
            "row",
            "column",
            "start",
            "end",
            "category",
            "severity",
            "rule",
            "match",
            "reasons",
            "suggestion",
        }
    ] * 2
    sida, nir = objects
    assert (sida["row"], sida["column"], sida["category"], sida["match"]) == (
        2,
        "Commentaire administratif",
        "health",
        "sida",
    )
    assert ROWS[1][2][sida["start"] : sida["end"]] == "sida"
    assert "emphasis" in sida["reasons"]
    assert (nir["row"], nir["category"], nir["rule"], nir["match"]) == (
        4,
        "identifier",
        "identifier.nir",
        NIR,
    )
    assert sida["suggestion"] is None and nir["suggestion"] is None  # detection only


def test_suggestions_option_fills_each_finding_with_its_cell_rewrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_export(tmp_path)
    assert main(["scan", str(path), "--format", "jsonl", "--suggestions"]) == 0
    sida, nir = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert isinstance(sida["suggestion"], str) and "sida" not in sida["suggestion"].lower()
    assert isinstance(nir["suggestion"], str) and NIR not in nir["suggestion"]
    assert main(["scan", str(path), "--suggestions"]) == 0
    assert "Proposition :" in capsys.readouterr().out
    assert main(["scan", str(path)]) == 0
    assert "Proposition :" not in capsys.readouterr().out


def test_columns_option_and_unknown_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_export(tmp_path)
    assert main(["scan", str(path), "--columns", "Nom", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["scan", str(path), "--columns", "Remarques"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "colonne introuvable" in err and "Traceback" not in err


def test_a_column_named_twice_is_counted_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_export(tmp_path)
    columns = "Commentaire administratif,commentaire ADMINISTRATIF"
    assert main(["scan", str(path), "--columns", columns]) == 0
    out = capsys.readouterr().out
    assert "Commentaires à revoir : 2" in out and "Santé : 1 (élevée : 1)" in out
    assert main(["scan", str(path), "--columns", columns, "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_unusable_input_exits_2_with_one_french_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(tmp_path / "absent.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("huisclos : ") and err.count("\n") == 1


def test_scan_is_logged_with_figures_and_no_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "une phrase de passe de test")
    assert main(["scan", str(write_export(tmp_path))]) == 0
    capsys.readouterr()
    events = [e for e in open_log().events() if e["event"] == "scan"]
    assert len(events) == 1
    payload = events[0]["payload"]
    assert payload["rows"] == 4
    assert payload["counts"] == {"health": {"high": 1}, "identifier": {"high": 1}}
    dumped = json.dumps(events)
    assert "sida" not in dumped and "006 084" not in dumped


def test_demo_prints_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Lignes analysées" in out
    assert "Commentaires à revoir" in out


def test_no_suggestions_is_still_accepted_as_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_export(tmp_path)
    assert main(["scan", str(path), "--format", "jsonl", "--no-suggestions"]) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(objects) == 2 and all(o["suggestion"] is None for o in objects)


@given(
    text=st.text(),
    reasons=st.lists(st.sampled_from(["hearsay", "third_party", "emphasis"]), max_size=3),
    suggestion=st.none() | st.text(),
    sheet=st.sampled_from(["", "Feuil1", 'Patients "2024"']),
)
def test_jsonl_lines_are_exactly_json_dumps(
    text: str, reasons: list[str], suggestion: str | None, sheet: str
) -> None:
    finding = Finding(
        row=3, column="Commentaire « admin »", start=0, end=len(text), category="health",
        severity="high", rule="health.hiv", match=text, reasons=tuple(reasons),
        suggestion=suggestion, sheet=sheet,
    )  # fmt: skip
    contract = {  # DESIGN.md's object, key order included
        "row": 3, "column": "Commentaire « admin »", "start": 0, "end": len(text),
        "category": "health", "severity": "high", "rule": "health.hiv", "match": text,
        "reasons": reasons, "suggestion": suggestion, **({"sheet": sheet} if sheet else {}),
    }  # fmt: skip
    assert json_line(finding) == json.dumps(contract, ensure_ascii=False) + "\n"


REPEATED = [
    ("0001", "porteuse sida, fils en prison", "mère musulmane voilée"),
    ("0002", "préfère RDV le matin", "porteuse sida, fils en prison"),
    ("0003", "porteuse sida, fils en prison", ""),
    ("0004", "serait homosexuelle d'après sa mère", "porteuse sida, fils en prison"),
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_jsonl_output_is_every_finding_of_the_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """The jsonl lines are written without building the findings: they must be exactly the
    findings' lines, for repeated comments, several findings per cell, two columns, sheets."""
    from huisclos.core.exports.reading import read_export
    from huisclos.core.review.scan import run_scan

    header = ("Dossier", "Commentaire", "Remarque")
    if kind == "csv":
        path = tmp_path / "patients.csv"
        lines = [";".join(header)] + [";".join(row) for row in REPEATED]
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    else:
        from openpyxl import Workbook

        path = tmp_path / "patients.xlsx"
        book = Workbook()
        for name in ("Patients", "Anciens"):
            sheet = book.create_sheet(name)
            sheet.append(header)
            for row in REPEATED:
                sheet.append(row)
        book.remove(book.worksheets[0])
        book.save(path)
    options = ["--format", "jsonl", "--columns", "Commentaire,Remarque", "--suggestions"]
    assert main(["scan", str(path), *options]) == 0
    out = capsys.readouterr().out
    export = read_export(path)
    columns = {t.name: ["Commentaire", "Remarque"] for t in export.tables}
    result = run_scan(export, detector=Detector.default(), columns=columns)
    expected = "".join(map(json_line, result.findings))
    assert out == expected
    assert out.count("\n") == len(result.findings) >= 10
    assert ('"sheet": "Anciens"' in out) == (kind == "xlsx")


def test_the_scan_event_counts_what_the_findings_say(tmp_path: Path) -> None:
    """The journal's scan event is counted from the scan's plain tuples; the findings, counted
    one by one here, must give the same figures."""
    from collections import Counter

    from huisclos.core.exports.reading import read_export
    from huisclos.core.review.journal_events import scan_event
    from huisclos.core.review.scan import run_scan

    path = write_export(tmp_path)
    result = run_scan(read_export(path), detector=Detector.default())
    kind, payload = scan_event(result, path.name)
    findings = result.findings
    assert kind == "scan" and len(findings) >= 2
    assert payload["findings"] == len(findings)
    assert payload["rows_flagged"] == len({(f.sheet, f.row) for f in findings})
    assert payload["by_category"] == dict(sorted(Counter(f.category for f in findings).items()))
    assert payload["by_severity"] == dict(sorted(Counter(f.severity for f in findings).items()))
    assert payload["by_rule"] == dict(sorted(Counter(f.rule for f in findings).items()))
    pairs = Counter((f.category, f.severity) for f in findings)
    assert payload["by_category_severity"] == {
        category: {s: n for (c, s), n in sorted(pairs.items()) if c == category}
        for category in sorted({c for c, _ in pairs})
    }
    assert payload["rows"] == result.rows and payload["file_name"] == path.name
    assert payload["fingerprint"] == result.fingerprint
    assert "sida" not in str(payload)


# --- QA audit -------------------------------------------------------------------------------


def test_a_file_without_comment_column_is_refused_with_its_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "adresses.csv"
    path.write_bytes(
        "Nom;Prénom;Adresse\r\nDUPONT;Marie;3 rue de la Paix, diabétique\r\n".encode("cp1252")
    )
    assert main(["scan", str(path)]) == 2
    captured = capsys.readouterr()
    assert "Aucun commentaire à revoir" not in captured.out
    (line,) = captured.err.strip().splitlines()
    assert "aucune colonne de commentaires" in line
    assert "« Nom », « Prénom », « Adresse »" in line and "--columns" in line
    assert main(["scan", str(path), "--columns", "Adresse"]) == 0


def test_scan_and_demo_go_on_with_a_malformed_practice_file(
    tmp_path: Path, huisclos_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (huisclos_home / "termes-cabinet.toml").write_text("[[rule]\n", encoding="utf-8")
    (huisclos_home / "termes-autorises.txt").write_bytes(b"diab\xe8te\r\n")
    assert main(["scan", str(write_export(tmp_path))]) == 0
    captured = capsys.readouterr()
    assert "Commentaires à revoir : 2" in captured.out
    assert "termes-cabinet.toml" in captured.err and "ligne 1" in captured.err
    assert "erreur inattendue" not in captured.err
    assert main(["demo"]) == 0
    assert "termes-cabinet.toml" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name, options",
    [("x.csv", ["--format", "xlsx"]), ("x.xlsx", ["--format", "csv-utf8"])],
)
def test_demo_generate_refuses_a_name_that_lies_about_the_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, options: list[str]
) -> None:
    output = tmp_path / name
    assert main(["demo", "--generate", "10", "-o", str(output), *options]) == 2
    assert not output.exists()
    assert "--format" in capsys.readouterr().err


def test_demo_generate_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "exercice.csv"
    output.write_text("mon travail", encoding="utf-8")
    assert main(["demo", "--generate", "10", "-o", str(output)]) == 2
    assert "existe déjà" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == "mon travail"
    assert main(["demo", "--generate", "10", "-o", str(output), "--force"]) == 0
    assert output.read_text(encoding="cp1252") != "mon travail"
