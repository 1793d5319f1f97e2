"""``huisclos log show|verify|export`` as a practice secretary or a script uses it."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from huisclos.cli import main
from huisclos.core.audit.log import DB_NAME, open_log


def _write(count: int = 3) -> None:
    with open_log() as log:
        for index in range(1, count + 1):
            log.append(
                "scan",
                {"findings": index, "by_category": {"health": index}, "file_name": "export.csv"},
            )


def test_show_prints_a_french_table(capsys: pytest.CaptureFixture[str]) -> None:
    _write(2)
    assert main(["log", "show"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["n°", "date", "événement", "détails"]
    assert len(out) == 3
    assert "Analyse" in out[1] and "santé 1" in out[1] and "export.csv" in out[1]


def test_show_jsonl_and_since(capsys: pytest.CaptureFixture[str]) -> None:
    _write(2)
    assert main(["log", "show", "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["seq"] for line in lines] == [1, 2]
    assert lines[1]["payload"]["findings"] == 2
    assert main(["log", "show", "--since", "31/12/2999"]) == 0
    assert "Aucun événement" in capsys.readouterr().out
    assert main(["log", "show", "--since", "bientôt"]) == 2
    assert "non reconnue" in capsys.readouterr().err


def test_show_on_an_empty_log(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "show"]) == 0
    assert "Le journal est vide." in capsys.readouterr().out


def test_verify_an_intact_log(capsys: pytest.CaptureFixture[str]) -> None:
    _write(3)
    assert main(["log", "verify"]) == 0
    assert capsys.readouterr().out.strip() == "journal intègre : 3 événements"
    with open_log() as log:  # the check itself is logged
        assert log.events()[-1]["event"] == "verify"


def test_verify_names_the_first_bad_record(
    capsys: pytest.CaptureFixture[str], huisclos_home: Path
) -> None:
    _write(4)
    conn = sqlite3.connect(huisclos_home / DB_NAME, isolation_level=None)
    conn.execute("DROP TRIGGER records_refuse_delete")
    conn.execute("DELETE FROM records WHERE seq = 4")
    conn.close()
    assert main(["log", "verify"]) == 1
    out = capsys.readouterr().out
    assert "tronqué" in out and "n° 4" in out


def test_export_csv_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(2)
    assert main(["log", "export", "-o", str(tmp_path / "registre.csv")]) == 0
    assert "2 événements exportés" in capsys.readouterr().out
    with (tmp_path / "registre.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [row["n°"] for row in rows] == ["1", "2"]
    assert json.loads(rows[0]["données"])["findings"] == 1
    assert main(["log", "export", "-o", str(tmp_path / "registre.json")]) == 0
    document = json.loads((tmp_path / "registre.json").read_text(encoding="utf-8"))
    assert len(document["events"]) == 2


def test_no_backend_and_no_passphrase_says_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert main(["log", "export", "-o", str(tmp_path / "registre.csv")]) == 2
    err = capsys.readouterr().err
    assert "HUISCLOS_PASSPHRASE" in err and "Traceback" not in err
    assert not (tmp_path / "registre.csv").exists()


def test_wrong_passphrase_exits_2_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    huisclos_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "la bonne phrase")
    _write(2)
    before = {p.name: p.read_bytes() for p in huisclos_home.iterdir()}
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "la mauvaise phrase")
    for argv in (["log", "verify"], ["log", "export", "-o", str(tmp_path / "r.json")]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "Phrase de passe incorrecte" in err
    assert not (tmp_path / "r.json").exists()
    assert {p.name: p.read_bytes() for p in huisclos_home.iterdir()} == before


def test_the_real_command_without_keyring(tmp_path: Path, huisclos_home: Path) -> None:
    """As a script runs it: a separate process, no keyring backend, the passphrase variable."""
    env = dict(
        os.environ,
        HUISCLOS_HOME=str(huisclos_home),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    env.pop("HUISCLOS_PASSPHRASE", None)
    command = [sys.executable, "-m", "huisclos", "log", "verify"]
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "HUISCLOS_PASSPHRASE" in run.stderr and "Traceback" not in run.stderr
    env["HUISCLOS_PASSPHRASE"] = "phrase du script"
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "journal intègre : 0 événement"


DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "patients-demo.csv"


def _demo_rows() -> list[dict[str, str]]:
    raw = DEMO.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return list(csv.DictReader(text.splitlines(), delimiter=";"))


def test_scan_and_clean_leave_no_comment_or_name_in_the_log_files(
    tmp_path: Path, huisclos_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _demo_rows()
    comment_column = next(name for name in rows[0] if name.startswith("Commentaire"))
    name_columns = [name for name in rows[0] if name.upper() in ("NOM", "PRÉNOM", "PRENOM")]
    comments = {row[comment_column] for row in rows if len(row[comment_column]) >= 6}
    names = {row[col] for row in rows for col in name_columns if len(row[col]) >= 6}
    assert len(comments) > 50 and len(names) > 100
    snapshots: list[bytes] = []
    assert main(["scan", str(DEMO)]) == 0
    snapshots.append(b"".join(p.read_bytes() for p in huisclos_home.iterdir() if p.is_file()))
    argv = ["clean", str(DEMO), "-o", str(tmp_path / "copie.csv")]
    assert main([*argv, "--worklist", str(tmp_path / "liste.csv")]) == 0
    snapshots.append(b"".join(p.read_bytes() for p in huisclos_home.iterdir() if p.is_file()))
    capsys.readouterr()
    with open_log() as log:
        kinds = [event["event"] for event in log.events()]
        assert log.verify().ok
    assert {"scan", "edit", "save_copy", "worklist"} <= set(kinds)
    for raw in snapshots:
        for secret in (*comments, *names, "patients-demo"):
            for encoding in ("utf-8", "cp1252", "utf-16-le"):
                encoded = secret.encode(encoding, errors="ignore")
                assert encoded not in raw, secret


def test_export_never_overwrites_the_log_itself(
    huisclos_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(1)
    before = (huisclos_home / DB_NAME).read_bytes()
    assert main(["log", "export", "-o", str(huisclos_home / DB_NAME), "--format", "json"]) == 2
    assert "fichier du journal" in capsys.readouterr().err
    assert (huisclos_home / DB_NAME).read_bytes() == before
    assert main(["log", "export", "-o", str(tmp_path / "absent" / "r.csv")]) == 2
    assert "n'existe pas" in capsys.readouterr().err
    assert not (tmp_path / "absent").exists()


def test_rotate_key_keeps_history_readable(capsys: pytest.CaptureFixture[str]) -> None:
    _write(2)
    assert main(["log", "rotate-key"]) == 0
    assert "nouvelle clé du journal" in capsys.readouterr().out
    _write(1)
    assert main(["log", "verify"]) == 0
    assert capsys.readouterr().out.strip() == "journal intègre : 4 événements"
    with open_log() as log:
        assert len({event["key_id"] for event in log.events()}) == 2


def test_export_never_replaces_an_existing_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(2)
    target = tmp_path / "registre.csv"
    target.write_text("le registre de l'an dernier", encoding="utf-8")
    assert main(["log", "export", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "existe déjà" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "le registre de l'an dernier"
    assert main(["log", "export", "-o", str(target), "--force"]) == 0
    assert "2 événements exportés" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8-sig").startswith("n°;")


def test_verify_reports_a_deleted_log_naming_its_first_event(
    huisclos_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(2)
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", "journal.head"):
        (huisclos_home / name).unlink(missing_ok=True)
    assert main(["log", "verify"]) == 1
    out = capsys.readouterr().out
    assert "journal supprimé" in out and "n° 1" in out
    assert "journal intègre" not in out
