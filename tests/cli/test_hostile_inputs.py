"""Inputs that used to tie the tool up or end in «erreur inattendue»: each gets its own French
line and exit 2, at once (timings: tests/benchmarks/bench_hostile.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from huisclos.cli import main
from huisclos.core.exports.csv_file import MAX_FIELDS_PER_ROW
from huisclos.core.exports.model import MAX_CELL_CHARS
from huisclos.core.review.scan import MAX_SCANNED_COLUMNS


def _refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "inattendue" not in err, err
    return err


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "patients.csv"
    path.write_bytes("NOM;Commentaire\r\nMARTIN;porteuse sida\r\n".encode("cp1252"))
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFO on this system")
def test_a_fifo_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "tube.csv"
    os.mkfifo(fifo)
    assert "pas un fichier ordinaire" in _refused(capsys, "scan", str(fifo))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert "pas un fichier ordinaire" in _refused(capsys, "scan", "/dev/zero")


def _loop(folder: Path) -> Path:
    first, second = folder / "boucle.csv", folder / "boucle2.csv"
    os.symlink(second, first)
    os.symlink(first, second)
    return first


def test_a_loop_of_links_as_input_or_output_is_named(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = _loop(tmp_path)
    assert "pointe vers lui-même" in _refused(capsys, "scan", str(loop))
    assert "pointe vers lui-même" in _refused(capsys, "clean", str(export), "-o", str(loop))


def test_a_300_character_name_as_input_or_output_is_named(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = tmp_path / ("n" * 300 + ".csv")
    assert "trop long" in _refused(capsys, "scan", str(long_name))
    assert "trop long" in _refused(capsys, "clean", str(export), "-o", str(long_name))
    listed = str(long_name.with_suffix(".xlsx"))
    out = str(tmp_path / "copie.csv")
    assert "trop long" in _refused(capsys, "clean", str(export), "-o", out, "--worklist", listed)
    assert not (tmp_path / "copie.csv").exists()


def test_a_line_wider_than_the_limit_is_refused_saying_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wide = tmp_path / "large.csv"
    fields = MAX_FIELDS_PER_ROW + 1
    wide.write_text(";".join(["Commentaire"] * fields) + "\r\n", encoding="utf-8")
    line = _refused(capsys, "scan", str(wide))
    assert f"{fields:,}".replace(",", " ") in line and "au plus 5 000" in line


def test_more_comment_columns_than_the_limit_are_refused_saying_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = tmp_path / "commentaires.csv"
    count = MAX_SCANNED_COLUMNS + 1
    header = "NOM;" + ";".join(f"Commentaire {n}" for n in range(count))
    many.write_text(header + "\r\nA;" + ";".join(["sida"] * count) + "\r\n", encoding="utf-8")
    line = _refused(capsys, "scan", str(many))
    assert f"au plus {MAX_SCANNED_COLUMNS}" in line and "--columns" in line


def test_a_wide_but_admissible_file_is_scanned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wide = tmp_path / "large.csv"
    header = ";".join(["NOM"] * 3_000 + ["Commentaire"])
    wide.write_text(header + "\r\n" + ";".join(["x"] * 3_000 + ["porteuse sida"]) + "\r\n")
    capsys.readouterr()
    assert main(["scan", str(wide)]) == 0
    assert "sida" in capsys.readouterr().out


@pytest.mark.parametrize("quoted", [False, True])
def test_a_cell_larger_than_the_limit_is_refused_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quoted: bool
) -> None:
    """Deep in a big file of ordinary lines (the scan's reader never indexes them one by one),
    or quoted across line breaks: the cell is refused with its line, in French, before any
    finding is written."""
    huge = "sida " * (MAX_CELL_CHARS // 5 + 10)
    if quoted:
        huge = '"' + huge.replace("sida sida", "sida\r\nsida") + '"'
    lines = ["NOM;Commentaire"] + [f"MARTIN;porteuse sida {i}" for i in range(3000)]
    lines.insert(2500, f"DURAND;{huge}")
    path = tmp_path / "patients.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    for fmt in ("jsonl", "text"):
        capsys.readouterr()
        assert main(["scan", str(path), "--format", fmt]) == 2
        out, err = capsys.readouterr()
        assert out == "" and len(err.strip().splitlines()) == 1, err
        assert "La cellule de la ligne 2501 (colonne 2)" in err, err
