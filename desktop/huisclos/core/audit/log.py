"""The encrypted, tamper-evident local log (``journal.sqlite`` in the data folder).

Each event is one row of an insert-only SQLite table (triggers refuse UPDATE and DELETE):
``seq, version, key_id, nonce, ciphertext, hash``. Nothing else is in clear: the event
type, time, OS user, app version and payload (counts, row numbers, rule ids, fingerprints, keyed
hashes — never cell text) are inside the AES-256-GCM ciphertext; see :mod:`.records` for the
associated data and the hash chain, :mod:`.head` for the head kept outside the database,
:mod:`.anchor` for the third copy of the head kept outside the data folder, and :mod:`.keys` for
where the keys live.

Checking the chain is :mod:`.verify`'s job, exporting it :mod:`.export`'s.

Concurrency: every writer holds the log's lock (``journal.lock``) and a ``BEGIN IMMEDIATE``
transaction from reading the previous hash until the head file and the anchor are replaced, so
two processes appending at once keep one valid chain. ``verify`` reads the rows and both copies
of the head under the same lock. An :class:`AuditLog` may be shared between threads.
"""

from __future__ import annotations

import errno
import getpass
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.ciphers.algorithms import AES
from cryptography.hazmat.primitives.ciphers.modes import GCM

from ... import __version__
from ..datafolder import data_dir, private_umask, restrict
from ..errors import AuditError
from ..stale_temps import remove_stale_temps
from . import keys as keys_mod
from .anchor import AnchorPlace, anchor_place
from .events import (
    EVENT_LABELS,
    ClearTextError,
    EditEvent,
    JournalEvent,
    TextHasher,
    check_payload,
    edit_payload,
    strip_payload,
)
from .head import Head, HeadError, read_head, write_head
from .lock import exclusive
from .records import (
    FORMAT_VERSION,
    GENESIS,
    NONCE_BYTES,
    SealedRecord,
    associated_data,
    chain_hasher,
    seal,
    unseal,
)
from .verify import TRIGGERS, Anchored, VerifyResult, damage_warning, verify_records

logger = logging.getLogger(__name__)

DB_NAME = "journal.sqlite"
HEAD_NAME = "journal.head"
LOCK_NAME = keys_mod.LOCK_FILE_NAME
TABLE = "records"

_COLUMNS = "seq, version, key_id, nonce, ciphertext, hash"
# The table as sqlite-utils created it in earlier versions (the same text, byte for byte).
_CREATE_TABLE = (
    f'CREATE TABLE "{TABLE}" (\n   "seq" INTEGER PRIMARY KEY,\n   "version" INTEGER NOT NULL,\n'
    '   "key_id" TEXT NOT NULL,\n   "nonce" BLOB NOT NULL,\n   "ciphertext" BLOB NOT NULL,\n'
    '   "hash" BLOB NOT NULL\n)'
)
_PIECE = 1 << 20  # a long record is read, hashed and decrypted this many bytes at a time
_TAG_BYTES = 16  # AES-GCM's tag, at the end of each ciphertext
_EVENT_TYPE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class AuditLog:
    """One practice's log. Obtain it with :func:`open_log`; close it when done."""

    def __init__(self, folder: Path, store: keys_mod.KeyStore) -> None:
        self.folder = folder
        self.path = folder / DB_NAME
        self.head_path = folder / HEAD_NAME
        self.lock_path = folder / LOCK_NAME
        self._store = store
        self._aeads: dict[str, AESGCM] = {}
        self._mutex = threading.RLock()
        restrict(self.path)
        # SQLite creates the database, then its -wal and -shm files with the database's mode:
        # all owner-only under this umask. Its side files are never touched afterwards.
        # Lock order, everywhere: the journal's lock first, then the umask's (a thread holding
        # the lock may create the anchor's folder under the umask; the reverse order deadlocked
        # the app when its recorder thread and the window opened the journal at once).
        with exclusive(self.lock_path), private_umask():
            self._conn = sqlite3.connect(
                str(self.path), timeout=60, isolation_level=None, check_same_thread=False
            )
            self._conn.execute("PRAGMA busy_timeout=60000")
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.execute("PRAGMA temp_store=MEMORY")
            self._create_schema()

    # --- schema ------------------------------------------------------------------------------

    def _create_schema(self) -> None:
        if self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
        ).fetchone():
            return
        self._conn.execute(_CREATE_TABLE)
        for name, action in zip(TRIGGERS, ("UPDATE", "DELETE"), strict=True):
            self._conn.execute(
                f"CREATE TRIGGER {name} BEFORE {action} ON {TABLE} "
                "BEGIN SELECT RAISE(ABORT, 'journal en ajout seul'); END"
            )

    # --- keys --------------------------------------------------------------------------------

    @property
    def key_id(self) -> str:
        """The id of the key that encrypts new records."""
        return self._store.keyset.current

    @property
    def storage(self) -> str:
        """Where the keys live: ``keyring`` or ``file``."""
        return self._store.storage

    def _refresh_keys(self) -> bool:
        """Re-read the stored keys (another process may have rotated); True if any was new."""
        try:
            stored = keys_mod.load_keys(self._store.passphrase, create=False).keyset
        except AuditError:
            return False
        new = set(stored.keys) - set(self._store.keyset.keys)
        first_hash = self._store.keyset.first_hash or stored.first_hash
        anchored = self._store.keyset.anchored or stored.anchored
        if new:
            merged = {**self._store.keyset.keys, **stored.keys}
            self._store.keyset = keys_mod.KeySet(stored.current, merged, first_hash, anchored)
            self._aeads.clear()
        else:
            self._store.keyset.first_hash = first_hash
            self._store.keyset.anchored = anchored
        return bool(new)

    def _first_hash(self) -> bytes | None:
        """The hash of this log's first record as the keys remember it (None: not started)."""
        if not self._store.keyset.first_hash:
            self._refresh_keys()  # another process may have started the log since
        marker = self._store.keyset.first_hash
        return bytes.fromhex(marker) if marker else None

    def _remember_start(self, anchored: bool) -> None:
        """Write the first record's hash next to the keys, and that the anchor exists, once
        each (under the log's lock): a key file is re-wrapped only for these two facts."""
        keyset = self._store.keyset
        if keyset.first_hash and (keyset.anchored or not anchored):
            return
        self._refresh_keys()  # never drop a key another process added meanwhile
        keyset = self._store.keyset.copy()
        if not keyset.first_hash:
            row = self._conn.execute(f"SELECT hash FROM {TABLE} WHERE seq = 1").fetchone()
            if row is None:
                return
            keyset.first_hash = bytes(row[0]).hex()
        keyset.anchored = keyset.anchored or anchored
        if (keyset.first_hash, keyset.anchored) == (
            self._store.keyset.first_hash,
            self._store.keyset.anchored,
        ):
            return
        try:
            self._store.save(keyset)
        except (AuditError, OSError) as error:  # retried at the next event
            logger.warning("The log's start could not be recorded with its keys: %s", error)

    def anchor_place(self) -> AnchorPlace | None:
        """Where this journal's anchor is kept (None before its first record)."""
        first_hash = self._store.keyset.first_hash
        if first_hash:
            return anchor_place(self.storage, bytes.fromhex(first_hash))
        row = self._conn.execute(f"SELECT hash FROM {TABLE} WHERE seq = 1").fetchone()
        return anchor_place(self.storage, bytes(row[0])) if row is not None else None

    def _read_anchor(self) -> tuple[Head | None, str | None]:
        """The anchor and, when it is forged, unreadable or gone, what is wrong (French)."""
        place = self.anchor_place()
        if place is None:
            return None, None
        try:
            anchor = place.read(self._store.keyset.keys)
        except HeadError as error:
            if not (error.unknown_key and self._refresh_keys()):
                return None, str(error)
            try:
                anchor = place.read(self._store.keyset.keys)
            except HeadError as again:
                return None, str(again)
        if anchor is None and self._store.keyset.anchored:
            return None, (
                f"{place.form.name} a disparu : impossible de prouver que le journal n'a pas "
                "été remis à un état antérieur"
            )
        return anchor, None

    def _write_anchor(self, head: Head, key: bytes) -> None:
        place = self.anchor_place()
        if place is not None and place.write(head, key):
            self._remember_start(anchored=True)

    def _read_head(self) -> Head | None:
        try:
            return read_head(self.head_path, self._store.keyset.keys)
        except HeadError as error:
            if error.unknown_key and self._refresh_keys():
                return read_head(self.head_path, self._store.keyset.keys)
            raise

    def _aead(self, key_id: str) -> AESGCM | None:
        aead = self._aeads.get(key_id)
        if aead is None:
            if key_id not in self._store.keyset.keys:
                self._refresh_keys()
            key = self._store.keyset.keys.get(key_id)
            if key is None:
                return None
            aead = self._aeads[key_id] = AESGCM(key)
        return aead

    def text_hasher(self) -> TextHasher:
        """Keyed hashes of texts under the current key (see :class:`events.TextHasher`)."""
        return TextHasher(self._store.keyset.current_key, self.key_id)

    def hash_texts(self, before: str, after: str) -> tuple[str, str]:
        """The keyed hashes of a cell's text before and after an edit."""
        return self.text_hasher().pair(before, after)

    def edit_payload(self, event: EditEvent) -> dict[str, Any]:
        """An ``edit`` payload for a batch, texts turned into keyed hashes (no clear text)."""
        return edit_payload(event, self.text_hasher())

    def rotate_key(self) -> str:
        """Start using a new key; older records keep theirs. Records a ``key_rotated`` event."""
        with self._mutex, exclusive(self.lock_path):
            self._refresh_keys()  # never drop a key another process added meanwhile
            self._check_head_before_write()
            old = self.key_id
            self._store.save(self._store.keyset.rotated())
            self._aeads.clear()
            self.append("key_rotated", {"old_key_id": old, "new_key_id": self.key_id})
            logger.info("Log key rotated")
            return self.key_id

    # --- writing -----------------------------------------------------------------------------

    def _envelope(self, event_type: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        if not _EVENT_TYPE.match(event_type):
            raise ClearTextError(f"log event type {event_type!r} is not an identifier")
        return {
            "v": FORMAT_VERSION,
            "event": event_type,
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "user": _os_user(),
            "app_version": __version__,
            "payload": check_payload(payload),
        }

    def append(self, event_type: str, payload: dict[str, Any]) -> int:
        """Encrypt and chain one event; returns its sequence number.

        Raises :class:`ClearTextError` (a ``ValueError``) for a payload that could carry clear
        text, :class:`AuditError` when the log was tampered with (truncated head) or cannot be
        written.
        """
        return self.append_many([(event_type, payload)])[-1]

    def append_many(self, events: Iterable[tuple[str, Mapping[str, Any]]]) -> list[int]:
        """Append several events in one transaction (imports, benchmarks)."""
        envelopes = [self._envelope(kind, payload) for kind, payload in events]
        if not envelopes:
            return []
        with self._mutex, exclusive(self.lock_path):
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    last_seq, previous = self._check_head_before_write()
                    key_id = self.key_id  # after the check, which may load a newer key
                    aead = self._aead(key_id)
                    assert aead is not None
                    rows = []
                    for envelope in envelopes:
                        last_seq += 1
                        envelope["seq"] = last_seq
                        plaintext = json.dumps(
                            envelope, ensure_ascii=False, separators=(",", ":"), sort_keys=True
                        ).encode("utf-8")
                        record = seal(aead, key_id, last_seq, previous, plaintext)
                        previous = record.hash
                        rows.append(
                            (
                                record.seq,
                                record.version,
                                record.key_id,
                                record.nonce,
                                record.ciphertext,
                                record.hash,
                            )
                        )
                    self._conn.executemany(
                        f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", rows
                    )
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                head = Head(last_seq, previous, key_id)
                key = self._store.keyset.keys[key_id]
                write_head(self.head_path, head, key)
                self._remember_start(anchored=False)
                self._write_anchor(head, key)
            except sqlite3.Error as error:
                if _disk_full(error):
                    raise AuditError(
                        f"Le disque est plein : le journal ({self.path}) n'a pas pu être écrit. "
                        "Libérez de la place, puis réessayez."
                    ) from error
                raise AuditError(
                    f"Le journal ({self.path}) n'a pas pu être écrit : vérifiez l'espace disque "
                    "et les droits du dossier de données."
                ) from error
            except OSError as error:
                raise AuditError(
                    f"La tête du journal ({self.head_path}) n'a pas pu être écrite : vérifiez "
                    "l'espace disque et les droits du dossier de données."
                ) from error
        return list(range(last_seq - len(envelopes) + 1, last_seq + 1))

    def refusal(self) -> str | None:
        """Why a new event would be refused now (French, :meth:`append`'s message), or
        ``None`` when the journal takes events."""
        with self._mutex, exclusive(self.lock_path):
            try:
                self._check_head_before_write()
            except AuditError as error:
                return error.message
        return None

    def _last(self) -> tuple[int, bytes]:
        row = self._conn.execute(
            f"SELECT seq, hash FROM {TABLE} ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        return (int(row[0]), bytes(row[1])) if row else (0, GENESIS)

    def _check_head_before_write(self) -> tuple[int, bytes]:
        """The last (seq, hash), after checking the head agrees: never extend a cut log."""
        last_seq, last_hash = self._last()
        refused = (
            "Le journal a été modifié ({}) : aucun événement n'y sera ajouté. Lancez « huisclos "
            "log verify » et conservez les fichiers du dossier de données pour l'enquête."
        )
        try:
            head = self._read_head()
        except HeadError as error:
            raise AuditError(refused.format(error)) from error
        first_hash = self._first_hash()
        if first_hash is not None:
            row = self._conn.execute(f"SELECT hash FROM {TABLE} WHERE seq = 1").fetchone()
            if row is None and head is None:
                raise AuditError(refused.format("le journal a été supprimé"))
            if row is not None and bytes(row[0]) != first_hash:
                raise AuditError(refused.format("le journal a été remplacé"))
        if head is None:
            if last_seq:
                raise AuditError(refused.format("la tête du journal a disparu"))
            return last_seq, last_hash
        if head.seq > last_seq:
            raise AuditError(refused.format(f"des événements après le n° {last_seq} manquent"))
        row = self._conn.execute(f"SELECT hash FROM {TABLE} WHERE seq = ?", (head.seq,)).fetchone()
        if row is None or bytes(row[0]) != head.hash:
            raise AuditError(refused.format(f"l'événement n° {head.seq} a changé"))
        anchor, problem = self._read_anchor()
        if problem:
            raise AuditError(refused.format(problem))
        if anchor is not None:
            if anchor.seq > last_seq:
                raise AuditError(
                    refused.format(
                        f"il a été remis à un état antérieur : il s'arrête au n° {last_seq}, "
                        f"son ancre en garde le n° {anchor.seq}"
                    )
                )
            row = self._conn.execute(
                f"SELECT hash FROM {TABLE} WHERE seq = ?", (anchor.seq,)
            ).fetchone()
            if row is None or bytes(row[0]) != anchor.hash:
                raise AuditError(
                    refused.format(f"l'événement n° {anchor.seq} ne correspond plus à son ancre")
                )
        return last_seq, last_hash

    # --- reading -----------------------------------------------------------------------------

    def _rows(self) -> list[SealedRecord]:
        cursor = self._conn.execute(f"SELECT {_COLUMNS} FROM {TABLE} ORDER BY seq")
        return [
            SealedRecord(int(s), int(v), str(k), bytes(n), bytes(c), bytes(h))
            for s, v, k, n, c, h in cursor
        ]

    def __len__(self) -> int:
        return int(self._conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])

    def events(self, since: str | None = None) -> list[dict[str, Any]]:
        """Decrypted events in order: ``seq, event, label, time, user, app_version, payload``.

        ``since``: a date (``2026-01-31`` or ``31/01/2026``, local midnight) or an ISO date-time.
        Raises :class:`AuditError` if a record cannot be decrypted (then run ``verify``).
        """
        threshold = parse_since(since) if since else None
        with self._mutex:
            rows = self._rows()
        out: list[dict[str, Any]] = []
        previous = GENESIS
        for record in rows:
            aead = self._aead(record.key_id)
            try:
                if aead is None:
                    raise InvalidTag
                data = json.loads(unseal(aead, record, previous))
            except (InvalidTag, ValueError) as error:
                raise AuditError(
                    f"L'événement n° {record.seq} du journal ne peut pas être déchiffré : le "
                    "journal a peut-être été modifié. Lancez « huisclos log verify »."
                ) from error
            previous = record.hash
            when = datetime.fromisoformat(data["time"])
            if threshold and when < threshold:
                continue
            out.append(
                {
                    "seq": record.seq,
                    "event": data["event"],
                    "label": EVENT_LABELS.get(data["event"], data["event"]),
                    "time": data["time"],
                    "user": data.get("user", ""),
                    "app_version": data.get("app_version", ""),
                    "key_id": record.key_id,
                    "payload": data.get("payload", {}),
                }
            )
        return out

    # --- verifying ---------------------------------------------------------------------------

    def _sealed_intact(self) -> list[SealedRecord] | None:
        """Every record, read in pieces, chains to the one before and decrypts under its key.

        Returns the records without their ciphertext (``b""``) when each one's version is
        known, its chain hash recomputed over its nonce and whole ciphertext equals the stored
        hash, and its AES-GCM tag checks against its key and associated data (the previous
        stored hash included); ``None`` at the first that does not, or when a record cannot be
        read this way — then :meth:`verify` checks them all again the slow way, which names
        what is wrong. The same checks as :func:`.verify.verify_records` makes on whole
        records; reading a long record in pieces only spares copying it whole, several times.
        """
        rows: list[SealedRecord] = []
        previous = GENESIS
        buffer = bytearray(_PIECE + 16)
        self._conn.execute("BEGIN")
        try:
            listed = self._conn.execute(
                f"SELECT seq, rowid, version, key_id, nonce, hash, length(ciphertext), "
                f"typeof(ciphertext) FROM {TABLE} ORDER BY seq"
            ).fetchall()
            for seq, rowid, version, key_id, nonce, stored, size, kind in listed:
                record = SealedRecord(
                    int(seq), int(version), str(key_id), bytes(nonce), b"", bytes(stored)
                )
                if (
                    rowid != seq  # the piece reader opens the ciphertext by rowid
                    or kind != "blob"
                    or record.version != FORMAT_VERSION
                    or not isinstance(size, int)
                    or size < _TAG_BYTES
                    or len(record.nonce) != NONCE_BYTES
                    or self._aead(record.key_id) is None
                ):
                    return None
                key = self._store.keyset.keys[record.key_id]
                hasher = chain_hasher(previous, record.seq, record.nonce)
                with self._conn.blobopen(TABLE, "ciphertext", record.seq, readonly=True) as blob:
                    blob.seek(size - _TAG_BYTES)
                    tag = blob.read(_TAG_BYTES)
                    blob.seek(0)
                    decryptor = Cipher(AES(key), GCM(record.nonce, tag)).decryptor()
                    decryptor.authenticate_additional_data(
                        associated_data(record.version, record.seq, record.key_id, previous)
                    )
                    left = size - _TAG_BYTES
                    while left:
                        piece = blob.read(min(_PIECE, left))
                        if not piece:
                            return None
                        left -= len(piece)
                        hasher.update(piece)
                        decryptor.update_into(piece, buffer)
                hasher.update(tag)
                decryptor.finalize()  # InvalidTag when anything bound was changed
                if hasher.digest() != record.hash:
                    return None
                rows.append(record)
                previous = record.hash
        except (InvalidTag, ValueError, sqlite3.Error):
            return None
        finally:
            self._conn.execute("COMMIT")
        return rows

    def verify(self) -> VerifyResult:
        """Check every record decrypts and chains, and that the head matches the end.

        What is checked, at each call (every command runs it first): every record is read
        whole, its chain hash recomputed and compared, its AES-GCM tag checked (so any change
        to any byte of any record — seq, version, key id, nonce, ciphertext or hash — shows),
        the numbering has no gap, the first record is the one the keys remember, the head file
        and the anchor (both HMAC'd under a log key) match the end, the triggers are in place.
        Nothing is taken on trust from an earlier check. Intact records are read in pieces
        (:meth:`_sealed_intact`); when one is not, all are checked again whole, for the message.
        """
        with self._mutex, exclusive(self.lock_path):
            rows = self._sealed_intact()
            intact = rows is not None
            if rows is None:
                rows = self._rows()
            head_problem: str | None = None
            head: Head | None = None
            try:
                head = self._read_head()
            except HeadError as error:
                head_problem = str(error)
            triggers = {
                name
                for (name,) in self._conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                    (TABLE,),
                )
            }
            first_hash = self._first_hash()
            anchor, anchor_problem = self._read_anchor()
            place = self.anchor_place()
        return verify_records(
            rows,
            head,
            head_problem,
            triggers,
            self._aead,
            first_hash,
            anchor=Anchored(anchor, anchor_problem, place.form.name if place else ""),
            sealed_checked=intact,
        )

    def close(self) -> None:
        with self._mutex:
            try:
                self._conn.close()
            except sqlite3.Error:  # pragma: no cover
                logger.warning("Closing the log failed", exc_info=True)

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- opening -----------------------------------------------------------------------------------


def _count_records(path: Path) -> int:
    """Records already in the log; when unsure (unreadable file), assume some — so a lost key
    is reported rather than silently replaced by a new one."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        conn = sqlite3.connect(str(path), timeout=60)
        try:
            if not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
            ).fetchone():
                return 0
            return int(conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 1


def open_log(passphrase: str | None = None) -> AuditLog:
    """The practice's log in the data folder; raises AuditError with a French message.

    ``passphrase``: only needed without a usable system keyring (the desktop app's dialog);
    otherwise the session passphrase (:func:`keys.unlock`) or ``$HUISCLOS_PASSPHRASE`` is used.
    Nothing is written when the passphrase is wrong or missing.
    """
    try:
        folder = data_dir()
        remove_stale_temps(folder)  # head and anchor files of a process killed mid-write
        try:
            store = keys_mod.load_keys(passphrase, create=False)
        except keys_mod.KeyMissing:
            with exclusive(folder / LOCK_NAME):
                if _count_records(folder / DB_NAME):
                    raise
                store = keys_mod.load_keys(passphrase, create=True)
        return AuditLog(folder, store)
    except (sqlite3.Error, OSError) as error:
        if _disk_full(error):
            raise AuditError(
                f"Le disque du dossier de données ({data_dir(create=False)}) est plein : le "
                "journal ne peut pas être ouvert. Libérez de la place, puis réessayez."
            ) from error
        if isinstance(error, OSError):
            raise AuditError(
                f"Le dossier de données ({data_dir(create=False)}) n'est pas accessible en "
                "écriture : le journal ne peut pas être ouvert. Vérifiez ses droits ou la "
                "variable HUISCLOS_HOME."
            ) from error
        raise AuditError(
            f"Le journal ({data_dir(create=False) / DB_NAME}) ne peut pas être ouvert : il est "
            "abîmé ou n'est pas un journal Huis clos."
        ) from error


def _disk_full(error: BaseException) -> bool:
    """SQLite's «database or disk is full», or the OS's «no space left»."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "is full" in str(
        error
    )


def record_event(
    event_type: str, payload: dict[str, Any], *, passphrase: str | None = None
) -> str | None:
    """Append an event for the CLI/GUI; returns a French warning instead of raising when the
    log cannot be opened (no keyring and no passphrase), None on success.

    A payload key that could carry clear text is dropped (and logged), never written.
    """
    cleaned, dropped = strip_payload(payload)
    if dropped:
        logger.warning("Log payload fields dropped: %s", "; ".join(dropped))
    return _record(lambda log: log.append(event_type, cleaned), passphrase)


def journal_damage(passphrase: str | None = None) -> str | None:
    """The French warning to give once (a command, an app session) when the journal fails
    verification but still takes events; ``None`` when it verifies or cannot be opened (the
    events' own messages say so then)."""
    try:
        log = open_log(passphrase)
    except Exception:  # unusable journal: reported by whoever writes to it
        return None
    try:
        return None if log.refusal() else damage_warning(log.verify())
    except Exception:  # a journal too damaged to read: verify tells
        logger.warning("journal check failed", exc_info=True)
        return None
    finally:
        log.close()


def record_required(
    events: Sequence[JournalEvent | EditEvent], *, passphrase: str | None = None
) -> None:
    """Append ``events`` in one transaction, or raise :class:`AuditError` (French) and append
    none: the records of a correction, which must not exist without them (the caller writes
    its files only after this returns)."""
    try:
        log = open_log(passphrase)
        try:
            entries: list[tuple[str, Mapping[str, Any]]] = []
            for event in events:
                if isinstance(event, EditEvent):
                    entries.append(("edit", log.edit_payload(event)))
                else:
                    cleaned, dropped = strip_payload(event.payload)
                    if dropped:
                        logger.warning("Log payload fields dropped: %s", "; ".join(dropped))
                    entries.append((event.kind, cleaned))
            log.append_many(entries)
        finally:
            log.close()
    except AuditError:
        raise
    except Exception as error:  # a witness that cannot write is a refusal, never a crash
        logger.warning("Events not logged", exc_info=True)
        raise AuditError(f"le journal n'a pas pu être écrit ({type(error).__name__}).") from error


def record_edits(event: EditEvent, *, passphrase: str | None = None) -> str | None:
    """Record an ``edit`` event (texts become keyed hashes); like :func:`record_event`."""
    return _record(lambda log: log.append("edit", log.edit_payload(event)), passphrase)


def _record(write: Callable[[AuditLog], object], passphrase: str | None) -> str | None:
    try:
        log = open_log(passphrase)
        try:
            write(log)
        finally:
            log.close()
    except AuditError as error:
        logger.warning("Event not logged: %s", error.message)
        return f"Événement non journalisé : {error.message}"
    except Exception as error:  # the log is a witness: its failure must never stop the work
        logger.warning("Event not logged", exc_info=True)
        return (
            f"Événement non journalisé : le journal n'a pas pu être écrit ({type(error).__name__})."
        )
    return None


# --- helpers for the CLI and the app ------------------------------------------------------------


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # pragma: no cover - no login name
        return ""


def parse_since(text: str) -> datetime:
    """A date or date-time typed by a user; naive values are local time. AuditError if bad."""
    text = text.strip()
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            parsed: datetime = datetime.combine(date(year, month, day), time())
        elif len(text) == 10:
            parsed = datetime.combine(date.fromisoformat(text), time())
        else:
            parsed = datetime.fromisoformat(text)
    except ValueError as error:
        raise AuditError(
            f"Date « {text} » non reconnue : écrivez-la comme 2026-01-31 ou 31/01/2026."
        ) from error
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # local time
    return parsed
