"""The command line writes like the app: French thousands spaces, plurals without «(s)»."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from huisclos.__main__ import main
from huisclos.commands.clean import parse_categories


def test_generated_exercise_counts_are_written_the_french_way(tmp_path: Path, capsys) -> None:
    assert main(["demo", "--generate", "1500", "-o", str(tmp_path / "exercice.csv")]) == 0
    out = capsys.readouterr().out
    assert "1\u202f500 patients fictifs" in out
    assert "(s)" not in out


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("health,religion", {"health", "religion"}),
        ("santé, vie sexuelle", {"health", "sex_life"}),
        ("Sante,PRECARITE", {"health", "social"}),
        ("opinions politiques,justice", {"political", "criminal"}),
        ("Identifiant ou secret", {"identifier"}),
    ],
)
def test_categories_accept_the_apps_words_with_or_without_accents(typed, expected) -> None:
    assert parse_categories(typed) == expected


def test_an_unknown_category_lists_the_words_in_french(capsys, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("Nom;Commentaire\nA;rien\n", encoding="utf-8")
    code = main(["clean", str(export), "-o", str(tmp_path / "propre.csv"), "--categories", "sant"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "santé" in err and "précarité" in err


def test_without_a_display_the_app_says_so_in_one_french_line(
    monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "aucun écran" in err
