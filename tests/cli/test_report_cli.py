"""``huisclos report``: a PDF (drawn by Qt offscreen) or HTML report a GP can file, with the
figures of the scan and the log — and no patient's words or names in it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from huisclos import cli
from huisclos.__main__ import main
from huisclos.core.detect.detector import Detector
from huisclos.core.exports.reading import read_export
from huisclos.core.report.layout import percent
from huisclos.core.review.scan import run_scan
from practice_files import write_practice_csv

PATIENTS = [
    ("1001", "LEFEBVRE", "Ginette", "porteuse sida !!! !!!!"),
    ("1002", "BERTRAND", "Solange", "serait homosexuelle d'après sa mère"),
    ("1003", "CHEVALIER", "Yasmina", "mère musulmane voilée"),
    ("1004", "ROUSSEL", "Armand", "catholique non pratiquante car ses 2 frères sont suicidés"),
    ("1005", "GAUTHIER", "Lucienne", "préfère RDV le matin"),
    ("1006", "PERRIN", "Marcel", "ne pas laisser de message, appeler sur portable"),
    ("1007", "MOREL", "Huguette", "tiers payant intégral"),
    ("1008", "FAURE", "Gaston", ""),
]
SENSITIVE_WORDS = ("sida", "homosexuelle", "musulmane", "voilée", "catholique", "suicidés")
PDFTOTEXT = shutil.which("pdftotext")


HEADER = "N° dossier;NOM;Prénom;Commentaire administratif"


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_practice_csv(tmp_path / "export_patients.csv", HEADER, PATIENTS)


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "phrase de passe du cabinet")


def _pdf_text(path: Path) -> str:
    result = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"],  # type: ignore[list-item]
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8")


def _assert_no_patient_words(text: str) -> None:
    lowered = text.lower()
    for number, surname, first_name, comment in PATIENTS:
        assert surname.lower() not in lowered, surname
        assert first_name.lower() not in lowered, first_name
        if comment:
            assert comment.lower() not in lowered, comment
        assert f"{number}" not in lowered
    for word in SENSITIVE_WORDS:
        assert word not in lowered, word


def test_the_pdf_report_shows_the_figures_and_nothing_of_the_patients(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_scan(read_export(export), detector=Detector.default())
    flagged_rows = {(f.sheet, f.row) for f in result.findings}
    assert {("", 1), ("", 2)} <= flagged_rows  # at least «sida» and «homosexuelle»

    output = tmp_path / "rapport.pdf"
    assert (
        main(["report", str(export), "-o", str(output), "--practice", "Cabinet des Tilleuls"]) == 0
    )
    assert "Rapport enregistré" in capsys.readouterr().out
    data = output.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert 1 <= pages <= 3  # one to three pages
    assert not list(tmp_path.glob(".*.tmp"))
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) absent: the PDF text is not checked here")
    text = _pdf_text(output)
    assert "Rapport d'autocontrôle" in text
    assert "Cabinet des Tilleuls" in text
    assert "export_patients.csv" in text
    assert result.fingerprint in text.replace("\n", "")
    assert "Santé" in text and "Vie sexuelle" in text
    share = percent(len(flagged_rows) / len(PATIENTS)).replace("\u00a0", " ")
    flat = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    assert f"sur {len(PATIENTS)} ({share})" in flat and "patients concernés" in flat
    assert "Journal" in text and "intègre" in text
    assert "Supprimer l'export" in text.replace("’", "'")
    _assert_no_patient_words(text)
    # no paragraph is printed twice (a line split across pages leaves clipped copies)
    assert text.count("Former l'équipe") == 1


def test_the_html_report_carries_the_same_figures_and_no_patient_words(
    export: Path, tmp_path: Path
) -> None:
    output = tmp_path / "rapport.html"
    assert main(["report", str(export), "-o", str(output)]) == 0
    html = output.read_text(encoding="utf-8")
    assert "<html" in html and "Rapport d'autocontrôle" in html
    flagged = {
        (f.sheet, f.row)
        for f in run_scan(read_export(export), detector=Detector.default()).findings
    }
    assert f"({percent(len(flagged) / len(PATIENTS))})" in html
    _assert_no_patient_words(html)


def test_corrections_made_with_clean_appear_in_the_next_report(
    export: Path, tmp_path: Path
) -> None:
    result = run_scan(read_export(export), detector=Detector.default())
    corrected = len(
        {(f.sheet, f.row, f.column) for f in result.findings if f.suggestion is not None}
    )
    assert corrected >= 2
    cleaned = tmp_path / "export_patients-nettoye.csv"
    assert main(["clean", str(export), "-o", str(cleaned)]) == 0
    output = tmp_path / "rapport.html"
    assert main(["report", str(export), "-o", str(output)]) == 0
    html = output.read_text(encoding="utf-8")
    assert f"D'après le journal, {corrected} commentaires corrigés" in html
    assert "1 enregistrement d'une copie nettoyée" in html
    assert "Tous les commentaires signalés ont été traités" in html


def test_masked_examples_are_added_only_on_request(export: Path, tmp_path: Path) -> None:
    plain = tmp_path / "sans.html"
    assert main(["report", str(export), "-o", str(plain)]) == 0
    assert "Exemples masqués" not in plain.read_text(encoding="utf-8")
    with_examples = tmp_path / "avec.html"
    assert main(["report", str(export), "-o", str(with_examples), "--with-examples"]) == 0
    html = with_examples.read_text(encoding="utf-8").lower()
    assert "exemples masqués" in html
    assert "[santé]" in html
    for finding in run_scan(read_export(export), detector=Detector.default()).findings:
        assert finding.match.lower() not in html, finding.match  # every flagged passage masked
    for number, surname, first_name, _comment in PATIENTS:
        assert surname.lower() not in html and first_name.lower() not in html
        assert number not in html


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("rapport.docx", "Format de rapport inconnu"),
        ("absent/rapport.pdf", "n'existe pas"),
    ],
)
def test_unusable_output_is_refused_in_french(
    export: Path,
    tmp_path: Path,
    output: str,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["report", str(export), "-o", str(tmp_path / output)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / output).exists()


def test_the_report_never_overwrites_the_export(
    export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html_named = export.with_suffix(".html")
    html_named.write_bytes(export.read_bytes())
    before = html_named.read_bytes()
    assert main(["report", str(html_named), "-o", str(html_named)]) == 2
    assert "ne peut pas remplacer l'export" in capsys.readouterr().err
    assert html_named.read_bytes() == before


def test_the_report_never_replaces_an_existing_file_without_force(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "rapport.html"
    output.write_text("le rapport du trimestre dernier", encoding="utf-8")
    assert main(["report", str(export), "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert "existe déjà" in err and "--force" in err and "Traceback" not in err
    assert output.read_text(encoding="utf-8") == "le rapport du trimestre dernier"
    assert main(["report", str(export), "-o", str(output), "--force"]) == 0
    assert "Rapport d'autocontrôle" in output.read_text(encoding="utf-8")


def test_a_missing_export_is_a_french_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(tmp_path / "absent.csv"), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "introuvable" in capsys.readouterr().err


def test_producing_a_report_is_noted_in_the_log_with_figures_only(
    export: Path, tmp_path: Path
) -> None:
    from huisclos.core.audit.log import open_log

    assert main(["report", str(export), "-o", str(tmp_path / "rapport.html")]) == 0
    log = open_log()
    try:
        events = [e for e in log.events() if e["event"] == "report"]
    finally:
        log.close()
    assert len(events) == 1
    payload = events[0]["payload"]
    assert payload["fingerprint"] == read_export(export).fingerprint
    assert payload["rows"] == len(PATIENTS)
    assert payload["format"] == "html"
    assert "LEFEBVRE" not in str(events[0]) and "sida" not in str(events[0])


def test_without_a_pdf_renderer_the_command_line_writes_html_only(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["report", str(export), "-o", str(tmp_path / "rapport.pdf")]) == 2
    assert ".html" in capsys.readouterr().err
    assert not (tmp_path / "rapport.pdf").exists()
    assert cli.main(["report", str(export), "-o", str(tmp_path / "rapport.html")]) == 0


def test_the_practice_name_comes_from_the_settings_unless_given(
    export: Path, tmp_path: Path
) -> None:
    from huisclos.core.report import preferences

    preferences.set_practice_name("Maison de santé du Port")
    output = tmp_path / "rapport.html"
    assert main(["report", str(export), "-o", str(output)]) == 0
    assert "Maison de santé du Port" in output.read_text(encoding="utf-8")
    argv = ["report", str(export), "-o", str(output), "--practice", "Cabinet B", "--force"]
    assert main(argv) == 0
    html = output.read_text(encoding="utf-8")
    assert "Cabinet B" in html and "Maison de santé du Port" not in html


# --- huisclos demo --generate: the workshop's exercise files -----------------------------------


@pytest.mark.parametrize(
    ("name", "options", "encoding_check"),
    [
        ("exercice.csv", [], "cp1252"),
        ("exercice.csv", ["--format", "csv-utf8"], "utf-8-sig"),
        ("exercice.xlsx", [], None),
    ],
)
def test_demo_generate_writes_an_exercise_file_with_the_chosen_share_and_format(
    tmp_path: Path, name: str, options: list[str], encoding_check: str | None
) -> None:
    output = tmp_path / name
    args = ["demo", "--generate", "200", "-o", str(output), "--share", "0.25", *options]
    assert main(args) == 0
    export = read_export(output)
    assert export.kind == ("xlsx" if name.endswith(".xlsx") else "csv")
    assert len(export.table) == 200
    if encoding_check == "utf-8-sig":
        assert output.read_bytes().startswith(b"\xef\xbb\xbf")
    elif encoding_check == "cp1252":
        assert not output.read_bytes().startswith(b"\xef\xbb\xbf")
        output.read_bytes().decode("cp1252")
    flagged = {(f.sheet, f.row) for f in run_scan(export, detector=Detector.default()).findings}
    assert 30 <= len(flagged) <= 70  # about a quarter of 200 patients


def test_demo_generate_refuses_a_share_outside_zero_to_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "exercice.csv"
    assert main(["demo", "--generate", "10", "-o", str(output), "--share", "1.5"]) == 2
    assert "entre 0 et 1" in capsys.readouterr().err
    assert not output.exists()


def test_cleaning_twice_then_reporting_counts_each_comment_once(
    export: Path, tmp_path: Path
) -> None:
    result = run_scan(read_export(export), detector=Detector.default())
    corrected = {(f.sheet, f.row, f.column) for f in result.findings if f.suggestion is not None}
    health = {(f.sheet, f.row, f.column) for f in result.findings if f.category == "health"}
    assert main(["clean", str(export), "-o", str(tmp_path / "r1.csv")]) == 0
    assert main(["clean", str(export), "-o", str(tmp_path / "r2.csv")]) == 0
    output = tmp_path / "rapport.html"
    assert main(["report", str(export), "-o", str(output)]) == 0
    html = output.read_text(encoding="utf-8")
    assert f"D'après le journal, {len(corrected)} commentaires corrigés" in html
    assert "2 enregistrements d'une copie nettoyée" in html
    assert f"<li>Santé\u00a0: {len(health)}</li>" in html


class _LyingDisk:
    """A file on a disk that accepts every write and keeps only the first 8 KB."""

    def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
        self.handle = handle

    def write(self, data: bytes) -> int:
        room = max(0, 8192 - self.handle.tell())
        self.handle.write(bytes(data)[:room])
        return len(data)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.handle, name)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def test_a_pdf_the_disk_did_not_keep_whole_is_not_reported_as_saved(
    export: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from huisclos.core import safe_write

    real_fdopen = safe_write.os.fdopen
    monkeypatch.setattr(safe_write.os, "fdopen", lambda *a, **k: _LyingDisk(real_fdopen(*a, **k)))
    output = tmp_path / "rapport.pdf"
    before = sorted(path.name for path in tmp_path.iterdir())
    capsys.readouterr()

    assert main(["report", str(export), "-o", str(output)]) == 2

    captured = capsys.readouterr()
    assert "enregistré" not in captured.out.replace("rien n'a été enregistré", "")
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "en entier" in lines[0], captured.err
    assert sorted(path.name for path in tmp_path.iterdir()) == before
