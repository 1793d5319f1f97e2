"""The log's head (last sequence number and hash), kept outside the database.

Deleting the last records of the database — even after dropping its triggers — leaves the head
pointing past the end, so truncation shows (sigstore keeps its checkpoint outside the log for the
same reason). The head lives in ``journal.head`` next to the database, authenticated with an HMAC
under a key derived from a log key: it cannot be rewritten to match a shortened log without the
key. It is replaced atomically, under the log's lock, only ever moving forward.

Deleting both the database and the head file is caught by the keys: once the log has started,
the hash of its first record is kept with the keys (keyring entry or key file, see
``KeySet.first_hash``), so an empty or restarted log is reported («supprimé», «remplacé»).
Limits: putting back an older copy of both the database and the head is not detected by the
head alone; ``verify`` still checks what is there.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from pathlib import Path

from ..safe_write import replace_atomically
from .records import HEAD_INFO, derive, mac

HEAD_FORMAT = "huisclos-log-head"


@dataclass(frozen=True)
class Head:
    seq: int
    hash: bytes
    key_id: str


class HeadError(Exception):
    """The head file exists but is unreadable or its HMAC does not match (French message)."""

    def __init__(self, message: str, *, unknown_key: bool = False) -> None:
        super().__init__(message)
        self.unknown_key = unknown_key


def _message(head: Head) -> bytes:
    return f"{HEAD_FORMAT}|1|{head.seq}|{head.hash.hex()}|{head.key_id}".encode("ascii")


def write_head(path: Path, head: Head, key: bytes) -> None:
    tag = mac(derive(key, HEAD_INFO), _message(head))
    document = {
        "format": HEAD_FORMAT,
        "version": 1,
        "seq": head.seq,
        "hash": head.hash.hex(),
        "key_id": head.key_id,
        "mac": tag.hex(),
    }
    data = json.dumps(document).encode("ascii")
    replace_atomically(path, lambda handle: handle.write(data))


def read_head(path: Path, keys: dict[str, bytes]) -> Head | None:
    """The authenticated head, None when the file does not exist; HeadError if forged/broken."""
    if not path.exists():
        return None
    try:
        document = json.loads(path.read_text(encoding="ascii"))
        if document.get("format") != HEAD_FORMAT or document.get("version") != 1:
            raise ValueError("unknown head format")
        head = Head(int(document["seq"]), bytes.fromhex(document["hash"]), str(document["key_id"]))
        tag = bytes.fromhex(document["mac"])
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise HeadError("le fichier de tête du journal (journal.head) est illisible") from error
    key = keys.get(head.key_id)
    if key is None:
        raise HeadError(
            "la tête du journal (journal.head) est signée par une clé inconnue de ce poste",
            unknown_key=True,
        )
    if not hmac.compare_digest(tag, mac(derive(key, HEAD_INFO), _message(head))):
        raise HeadError("la tête du journal (journal.head) a été modifiée")
    return head
