"""``huisclos check``: a comment checked before it is saved, from a trainer's terminal or a
script — French text or JSON lines with the proposal, exit 0 whatever it found, 2 on bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from huisclos.cli import main
from huisclos.core.detect import practice


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The one French line a refused check prints (exit 2, nothing on stdout)."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("huisclos : ")
    return captured.err


def test_a_sensitive_comment_gets_category_reason_words_and_proposal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "juif pratiquant, pas de RDV le samedi"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("À revoir : 2 passages sensibles\n")
    assert "« juif » : Religion et convictions, gravité élevée" in out
    assert "Pourquoi : " in out and "RGPD art. 9" in out
    assert "Proposition : « Pas de RDV le samedi »" in out


def test_hearsay_is_named_as_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "serait homosexuelle d'après sa mère"]) == 0
    assert "— rumeur, tiers" in capsys.readouterr().out


def test_a_benign_comment_says_so_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Préfère RDV le matin"]) == 0
    assert capsys.readouterr().out == "Rien à signaler dans ce commentaire.\n"


def test_unquoted_words_are_one_comment(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "porteuse", "sida"]) == 0
    assert "« sida » : Santé" in capsys.readouterr().out


def test_jsonl_is_scans_object_with_the_suggestion_filled_in(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--format", "jsonl", "ramadan : RDV après 18h"]) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(objects) == 1
    assert list(objects[0]) == [
        "row", "column", "start", "end", "category", "severity", "rule", "match", "reasons",
        "suggestion",
    ]  # fmt: skip
    assert objects[0]["row"] == 1 and objects[0]["column"] == ""
    assert objects[0]["match"] == "ramadan" and objects[0]["category"] == "religion"
    assert objects[0]["suggestion"] == "RDV après 18h"


def test_lines_from_stdin_keep_their_line_numbers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "Préfère RDV le matin\n\nmère musulmane voilée\r\nCMU\n".encode())
    assert main(["check", "--lines", "--format", "jsonl"]) == 0
    rows = [json.loads(line)["row"] for line in capsys.readouterr().out.splitlines()]
    assert sorted(set(rows)) == [3, 4]
    _stdin(monkeypatch, "Préfère RDV le matin\n\nmère musulmane voilée\n".encode())
    assert main(["check", "--lines"]) == 0
    out = capsys.readouterr().out
    assert "- ligne 1 : rien à signaler\n" in out
    assert "- ligne 3 : 2 passages sensibles\n" in out
    assert out.endswith("Commentaires vérifiés : 2 ; à revoir : 1\n")


def test_stdin_without_lines_is_one_comment_even_on_several_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "Préfère RDV le matin\nporteuse sida\n".encode())
    assert main(["check", "--format", "jsonl"]) == 0
    assert {json.loads(line)["row"] for line in capsys.readouterr().out.splitlines()} == {1}


def test_a_windows_1252_text_is_read_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "mère voilée".encode("cp1252"))
    assert main(["check"]) == 0
    assert "« voilée » : Religion et convictions" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "data", "said"),
    [
        (["check", "   "], None, "le commentaire à vérifier est vide"),
        (["check"], b"\n\n", "le commentaire à vérifier est vide"),
        (["check", "--lines"], b"  \n\n", "chaque ligne reçue est vide"),
        (["check"], b"\x00\x01PK", "n'est pas du texte"),
    ],
)
def test_bad_input_is_one_french_line_and_exit_2(
    argv: list[str],
    data: bytes | None,
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if data is not None:
        _stdin(monkeypatch, data)
    assert said in _refused(argv, capsys)


def test_nothing_piped_asks_for_the_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    assert 'huisclos check "texte"' in _refused(["check"], capsys)


def test_the_practices_terms_and_allowed_terms_apply(capsys: pytest.CaptureFixture[str]) -> None:
    practice.add_allowed_term("pratiquant")
    assert main(["check", "--format", "jsonl", "juif pratiquant"]) == 0
    matches = [json.loads(line)["match"] for line in capsys.readouterr().out.splitlines()]
    assert matches == ["juif"]


def test_a_check_writes_nothing_not_even_the_journal(huisclos_home, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "porteuse sida"]) == 0
    written = {p.name for p in huisclos_home.iterdir()} - {"cache"}  # the compiled lexicon
    assert written == set()
    assert "journal" not in capsys.readouterr().err


def test_a_real_pipe_from_a_script(huisclos_home) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run(
        [sys.executable, "-m", "huisclos", "check", "--lines", "--format", "jsonl"],
        input="Préfère RDV le matin\nCMU, AME en cours\n".encode(),
        capture_output=True,
        env={**os.environ, "HUISCLOS_HOME": str(huisclos_home)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    objects = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert objects and {o["row"] for o in objects} == {2}
    assert all(o["category"] == "social" and o["suggestion"] is not None for o in objects)
