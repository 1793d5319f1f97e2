"""The command line speaks French and never shows a traceback, whatever goes wrong."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from huisclos.cli import main


def test_a_missing_argument_is_one_french_line_and_exit_2(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["scan"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "arguments obligatoires manquants" in err


def test_help_is_in_french(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("utilisation : huisclos")
    assert "affiche cette aide" in out
    assert "show this help" not in out
    assert "positional arguments" not in out


def test_an_unknown_command_is_refused_in_french(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["nettoie"])
    assert exit_info.value.code == 2
    assert "choix invalide" in capsys.readouterr().err


def test_a_bug_in_a_command_becomes_a_french_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    def broken(args):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("boom")

    import huisclos.commands.demo as demo

    monkeypatch.setattr(demo, "run", broken)
    monkeypatch.delenv("HUISCLOS_DEBUG", raising=False)
    assert main(["demo"]) == 2
    err = capsys.readouterr().err
    assert "erreur inattendue" in err
    assert "Traceback" not in err


def test_library_warnings_stay_out_of_the_users_terminal() -> None:
    code = (
        "import logging; from huisclos import cli; cli._configure_logging(); "
        "logging.getLogger('huisclos.core.audit.log').warning('Event not logged: internal')"
    )
    env = {k: v for k, v in os.environ.items() if k != "HUISCLOS_DEBUG"}
    quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert quiet.returncode == 0
    assert "internal" not in quiet.stderr
    loud = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env | {"HUISCLOS_DEBUG": "1"},
    )
    assert "internal" in loud.stderr  # developers still see it when they ask


def test_a_closed_pipe_ends_quietly_with_success(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        **{k: v for k, v in os.environ.items() if k != "HUISCLOS_DEBUG"},
        "HUISCLOS_HOME": str(tmp_path),
        "HUISCLOS_PASSPHRASE": "phrase de test",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    command = f"{sys.executable} -m huisclos demo --details | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.count("\n") == 1
