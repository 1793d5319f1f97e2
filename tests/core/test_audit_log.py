"""The encrypted log: what a practice writes can be read back, checked, and holds no clear text."""

from __future__ import annotations

import csv
import json
import sqlite3
import stat
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from faker import Faker

from huisclos.core.audit import keys
from huisclos.core.audit.events import (
    ClearTextError,
    EditEvent,
    describe,
    edit_payload,
    file_written_payload,
    settings_payload,
)
from huisclos.core.audit.export import export_events
from huisclos.core.audit.log import DB_NAME, open_log, record_edits, record_event
from huisclos.core.edits import Edit
from huisclos.core.errors import AuditError
from huisclos.core.safe_write import file_fingerprint

LEAKED = [
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée",
    "catholique non pratiquante car ses 2 frères sont suicidés",
]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_events_come_back_in_order_with_who_when_and_version() -> None:
    with open_log() as log:
        first = log.append("scan", {"findings": 4, "by_category": {"health": 2, "religion": 2}})
        second = log.append("save_copy", {"cells_changed": 3, "fingerprint": "ab" * 32})
        events = log.events()
    assert (first, second) == (1, 2)
    assert [e["event"] for e in events] == ["scan", "save_copy"]
    assert events[0]["payload"]["by_category"] == {"health": 2, "religion": 2}
    assert events[0]["app_version"] and events[0]["user"] is not None
    assert events[0]["time"].endswith("+00:00")


def test_a_fresh_log_verifies_with_the_french_message() -> None:
    with open_log() as log:
        for count in range(3):
            log.append("scan", {"findings": count})
        result = log.verify()
    assert result.ok
    assert result.events == 3
    assert result.message == "journal intègre : 3 événements"


def test_database_and_side_files_are_private(huisclos_home: Path) -> None:
    with open_log() as log:
        log.append("scan", {"findings": 1})
        side_files = [p for p in huisclos_home.iterdir() if p.name.startswith("journal")]
        assert huisclos_home / DB_NAME in side_files
        for path in side_files:  # database, WAL, shared memory, head, lock
            assert _mode(path) == 0o600, path.name
    assert _mode(huisclos_home / DB_NAME) == 0o600


def test_key_file_is_private_and_never_holds_the_clear_key(
    huisclos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "cheval agrafe pile")
    with open_log() as log:
        log.append("scan", {"findings": 1})
        raw_key = log._store.keyset.current_key
    key_file = huisclos_home / keys.KEY_FILE_NAME
    document = json.loads(key_file.read_text())
    assert _mode(key_file) == 0o600
    assert document["scheme"] == "huisclos-keyfile" and document["version"] == 1
    assert document["kdf"] == "scrypt" and document["salt"]
    everything = b"".join(p.read_bytes() for p in huisclos_home.iterdir() if p.is_file())
    assert raw_key not in everything
    assert keys._b64(raw_key).encode() not in everything
    assert raw_key.hex().encode() not in everything


def test_the_table_refuses_update_and_delete(huisclos_home: Path) -> None:
    with open_log() as log:
        log.append("scan", {"findings": 1})
    conn = sqlite3.connect(huisclos_home / DB_NAME)
    with pytest.raises(sqlite3.DatabaseError, match="ajout seul"):
        conn.execute("UPDATE records SET key_id = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="ajout seul"):
        conn.execute("DELETE FROM records")
    conn.close()
    with open_log() as log:
        assert log.verify().ok


def test_key_rotation_keeps_old_events_readable() -> None:
    with open_log() as log:
        log.append("scan", {"findings": 1})
        old = log.key_id
        new = log.rotate_key()
        log.append("scan", {"findings": 2})
        events = log.events()
        result = log.verify()
    assert new != old
    assert [e["key_id"] for e in events] == [old, new, new]
    assert events[1]["event"] == "key_rotated"
    assert events[1]["payload"] == {"old_key_id": old, "new_key_id": new}
    assert [e["payload"].get("findings") for e in events] == [1, None, 2]
    assert result.ok and result.events == 3
    with open_log() as again:  # a later session still reads both keys' records
        assert len(again.events()) == 3
        assert again.key_id == new


def test_key_rotation_with_a_key_file(monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setenv("HUISCLOS_PASSPHRASE", "cheval agrafe pile")
    with open_log() as log:
        log.append("scan", {"findings": 1})
        log.rotate_key()
        log.append("scan", {"findings": 2})
    with open_log() as log:
        assert log.verify().ok
        assert [e["payload"].get("findings") for e in log.events()] == [1, None, 2]


def test_since_keeps_only_later_events() -> None:
    with open_log() as log:
        log.append("scan", {"findings": 1})
        assert len(log.events(since="2000-01-01")) == 1
        assert log.events(since="31/12/2999") == []
        with pytest.raises(AuditError, match="non reconnue"):
            log.events(since="hier")


def test_payload_keys_that_carry_text_are_refused() -> None:
    with open_log() as log:
        for payload in (
            {"before": "porteuse sida"},
            {"edits": [{"row": 2, "after": "RAS"}]},
            {"comment": "x"},
            {"rule": "sida !!!"},  # a sentence where an identifier is expected
        ):
            with pytest.raises(ClearTextError):
                log.append("edit", payload)
        assert len(log) == 0


def test_record_event_strips_clear_text_and_still_records() -> None:
    warning = record_event("scan", {"findings": 2, "match": "porteuse sida"})
    assert warning is None
    with open_log() as log:
        (event,) = log.events()
    assert event["payload"] == {"findings": 2}


def test_record_event_accepts_other_helpers_event_types() -> None:
    assert record_event("report", {"format": "pdf", "counts": {"health": {"high": 2}}}) is None
    with open_log() as log:
        assert log.events()[0]["event"] == "report"


def test_record_event_without_backend_or_passphrase_returns_a_warning(
    huisclos_home: Path,
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    warning = record_event("scan", {"findings": 1})
    assert warning is not None
    assert "HUISCLOS_PASSPHRASE" in warning
    assert not (huisclos_home / DB_NAME).exists()


def test_edit_batches_are_logged_as_rows_rules_and_keyed_hashes() -> None:
    batch = [
        Edit(3, "Commentaire", LEAKED[0], "", ("health.vih",)),
        Edit(7, "Commentaire", LEAKED[2], "", ("religion.islam", "ethnic_origin.x")),
    ]
    categories = {
        "health.vih": "health",
        "religion.islam": "religion",
        "ethnic_origin.x": "ethnic_origin",
    }
    event = EditEvent(tuple(batch), "apply", categories, "Tout appliquer", "cd" * 32)
    assert record_edits(event) is None
    with open_log() as log:
        (event,) = log.events()
        expected = log.hash_texts(LEAKED[0], "")
    payload = event["payload"]
    assert payload["cells"] == 2 and payload["rows"] == 2
    assert payload["categories"] == {"ethnic_origin": 1, "health": 1, "religion": 1}
    assert [cell["row"] for cell in payload["edits"]] == [3, 7]
    assert payload["edits"][0]["rules"] == ["health.vih"]
    assert payload["edits"][1]["categories"] == ["religion", "ethnic_origin"]
    assert (payload["edits"][0]["before_hash"], payload["edits"][0]["after_hash"]) == expected
    assert LEAKED[0] not in json.dumps(payload, ensure_ascii=False)


def test_equal_texts_hash_differently_in_two_practices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_log() as log:
        here = log.hash_texts(LEAKED[1], "RAS")
        assert log.hash_texts(LEAKED[1], "RAS") == here  # stable within one practice
    monkeypatch.setenv("HUISCLOS_HOME", str(tmp_path / "other-practice"))
    keyring.get_keyring().secrets.clear()  # type: ignore[attr-defined]
    with open_log() as other:
        assert other.hash_texts(LEAKED[1], "RAS")[0] != here[0]


def _synthetic_export(path: Path) -> tuple[list[str], list[str]]:
    fake = Faker("fr_FR")
    Faker.seed(5)
    names: list[str] = []
    comments = [*LEAKED, "juif pratiquant, pas de RDV le samedi", "ancien détenu, RSA, SDF"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Nom", "Prénom", "Commentaire"])
        for comment in comments:
            last, first = fake.last_name(), fake.first_name()
            names += [last, first]
            writer.writerow([last, first, comment])
    return comments, names


def test_no_comment_or_name_appears_in_any_log_file(tmp_path: Path, huisclos_home: Path) -> None:
    export = tmp_path / "export_patients.csv"
    comments, names = _synthetic_export(export)
    fingerprint = file_fingerprint(export)
    edits = tuple(
        Edit(row, "Commentaire", text, "Pas de RDV le samedi", ("religion.judaisme",))
        for row, text in enumerate(comments, start=1)
    )
    edited = EditEvent(edits, "apply", {"religion.judaisme": "religion"}, fingerprint=fingerprint)
    log = open_log()
    try:
        scan = {"findings": 6, "rows": len(comments), "by_category": {"health": 6}}
        log.append("scan", {**scan, "fingerprint": fingerprint, "file_name": export.name})
        log.append("edit", log.edit_payload(edited))
        log.append(
            "save_copy",
            file_written_payload(
                source_fingerprint=fingerprint,
                target_fingerprint="0" * 64,
                target_name="copie.csv",
                cells_changed=6,
            ),
        )
        log.append("settings_changed", settings_payload(allowlist_added=2, terms_added=1))
        log.rotate_key()
        log.append("verify", {"ok": True, "events": 5})
        # read while the connection is open: the WAL and shared-memory files exist now
        files = [p for p in huisclos_home.iterdir() if p.is_file()]
        assert any(p.name.endswith("-wal") for p in files)
        raw_open = b"".join(p.read_bytes() for p in files)
    finally:
        log.close()
    raw_closed = b"".join(p.read_bytes() for p in huisclos_home.iterdir() if p.is_file())
    secrets = [
        *comments,
        *names,
        "export_patients",
        *(w for c in comments for w in c.split() if len(w) >= 5),
    ]
    for raw in (raw_open, raw_closed):
        for secret in secrets:
            for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                assert encoded not in raw, secret


def test_record_event_stores_the_file_name_only_encrypted(huisclos_home: Path) -> None:
    assert record_event("scan", {"file_name": "dossiers_Durand.csv", "findings": 1}) is None
    raw = b"".join(p.read_bytes() for p in huisclos_home.iterdir() if p.is_file())
    assert b"Durand" not in raw
    with open_log() as log:
        assert log.events()[0]["payload"]["file_name"] == "dossiers_Durand.csv"


def test_export_writes_csv_and_json(tmp_path: Path) -> None:
    with open_log() as log:
        log.append("scan", {"findings": 3, "by_category": {"health": 3}})
        log.append("edit", edit_payload(EditEvent((), "apply", {}), log.text_hasher()))
        assert export_events(log, tmp_path / "registre.csv") == 2
        assert export_events(log, tmp_path / "registre.json") == 2
        with pytest.raises(AuditError, match=r"\.csv ou \.json"):
            export_events(log, tmp_path / "registre.txt")
    rows = list(
        csv.DictReader((tmp_path / "registre.csv").open(encoding="utf-8-sig"), delimiter=";")
    )
    assert [row["événement"] for row in rows] == ["scan", "edit"]
    assert "santé 3" in rows[0]["détails"]
    document = json.loads((tmp_path / "registre.json").read_text(encoding="utf-8"))
    assert document["integrity"]["ok"] is True
    assert [e["seq"] for e in document["events"]] == [1, 2]
    assert not (tmp_path / "registre.txt").exists()


def test_in_english_the_csv_export_has_english_headers_names_and_details(tmp_path: Path) -> None:
    payload = {"findings": 1200, "cells_flagged": 1100, "rows": 3000, "file_name": "export.csv"}
    with open_log() as log:
        log.append("scan", {**payload, "counts": {"health": {"high": 1100}}})
        export_events(log, tmp_path / "log.csv", language="en", labels={"scan": "Scan"})
        export_events(log, tmp_path / "journal.csv")
    english = (tmp_path / "log.csv").read_text(encoding="utf-8-sig")
    (row,) = csv.DictReader(english.splitlines(), delimiter=";")
    assert list(row)[:4] == ["no.", "date", "event", "label"]
    assert row["label"] == "Scan"
    assert row["details"] == (
        "export.csv — 1,100 comments to review, 1,200 passages found, in 3,000 rows (health 1,100)"
    )
    (french,) = csv.DictReader((tmp_path / "journal.csv").open(encoding="utf-8-sig"), delimiter=";")
    assert "détails" in french and "1\u202f100" in french["détails"]  # French stays French


def test_scan_events_read_in_french() -> None:
    payload = {
        "findings": 3,
        "rows": 10,
        "rows_flagged": 2,
        "by_category": {"health": 1, "religion": 1, "social": 1},
        "by_severity": {"high": 2, "medium": 1},
        "file_name": "export.csv",
    }
    record_event("scan", payload)
    with open_log() as log:
        (event,) = log.events()
    line = describe(event)
    assert line.startswith("export.csv — 3 passages repérés sur 10 lignes")
    assert "santé 1" in line and "élevée 2" in line


def test_a_session_opened_before_another_rotated_the_key_keeps_writing() -> None:
    """The app stays open while a script rotates the key: both keep one valid chain."""
    app, script = open_log(), open_log()
    try:
        app.append("scan", {"findings": 1})
        new = script.rotate_key()
        app.append("scan", {"findings": 2})  # picks up the new key instead of refusing
        script.append("scan", {"findings": 3})
        events = app.events()
        assert [e["key_id"] for e in events][-2:] == [new, new]
        assert app.verify().ok and script.verify().ok
    finally:
        app.close()
        script.close()


def test_two_sessions_rotating_keep_every_key() -> None:
    first, second = open_log(), open_log()
    try:
        first.append("scan", {"findings": 1})
        first.rotate_key()
        second.rotate_key()  # must not forget the key the first session just added
        first.append("scan", {"findings": 2})
    finally:
        first.close()
        second.close()
    with open_log() as log:
        assert log.verify().ok
        assert len({event["key_id"] for event in log.events()}) == 3


def test_the_journal_lines_read_in_english_with_the_same_figures() -> None:
    from huisclos.core.audit.describe_en import describe_in_english

    scan = {
        "event": "scan",
        "payload": {
            "findings": 1500, "rows": 3000, "cells_flagged": 1320, "file_name": "export.csv",
            "counts": {"health": {"high": 600, "low": 70}, "religion": {"high": 5}},
        },
    }  # fmt: skip
    line = describe_in_english(scan)
    assert line == (
        "export.csv — 1,320 comments to review, 1,500 passages found, in 3,000 rows "
        "(health 670, religion and beliefs 5)"
    )
    assert "1\u202f320 commentaires à revoir" in describe(scan)  # the same figure in French
    edit = {"event": "edit", "payload": {"action": "apply", "cells": 1, "rows": 1}}
    assert describe_in_english(edit) == "1 comment corrected on 1 row"
    ignore = {"event": "ignore", "payload": {"action": "undo", "row": 12, "category": "social"}}
    assert describe_in_english(ignore) == "row 12: ignore undone (social hardship)"
    assert "(s)" not in " ".join(describe_in_english(e) for e in (scan, edit, ignore))


def test_text_hashes_are_the_hmac_sha256_of_the_texts_under_the_derived_key() -> None:
    """A practice checks «was this the text of row 12?» with any HMAC-SHA256 tool: the hashes
    the journal keeps are exactly that, under the key derived from the log key."""
    import hashlib
    import hmac

    from huisclos.core.audit.events import TextHasher
    from huisclos.core.audit.records import TEXT_HASH_INFO, derive

    log_key = bytes(range(32))
    hasher = TextHasher(log_key, "k1")
    for text in ("", "porteuse sida !!! !!!!", "Préfère RDV le matin ’€", "x" * 500):
        expected = hmac.new(derive(log_key, TEXT_HASH_INFO), text.encode(), hashlib.sha256)
        assert hasher.hash(text) == expected.hexdigest()[:32]
    assert hasher.pair("a", "b") == (hasher.hash("a"), hasher.hash("b"))


def test_a_new_journal_has_the_table_and_triggers_earlier_versions_wrote(
    huisclos_home: Path,
) -> None:
    with open_log() as log:
        log.append("scan", {"findings": 1})
    connection = sqlite3.connect(huisclos_home / DB_NAME)
    schema = dict(connection.execute("SELECT name, sql FROM sqlite_master"))
    connection.close()
    assert schema["records"] == (
        'CREATE TABLE "records" (\n   "seq" INTEGER PRIMARY KEY,\n   "version" INTEGER NOT NULL,'
        '\n   "key_id" TEXT NOT NULL,\n   "nonce" BLOB NOT NULL,\n   "ciphertext" BLOB NOT NULL,'
        '\n   "hash" BLOB NOT NULL\n)'
    )
    assert schema["records_refuse_update"] == (
        "CREATE TRIGGER records_refuse_update BEFORE UPDATE ON records "
        "BEGIN SELECT RAISE(ABORT, 'journal en ajout seul'); END"
    )
