"""The command line writes like the app: French thousands spaces, plurals without «(s)»."""

from __future__ import annotations

from pathlib import Path

from huisclos.__main__ import main


def test_generated_exercise_counts_are_written_the_french_way(tmp_path: Path, capsys) -> None:
    assert main(["demo", "--generate", "1500", "-o", str(tmp_path / "exercice.csv")]) == 0
    out = capsys.readouterr().out
    assert "1\u202f500 patients fictifs" in out
    assert "(s)" not in out
