"""The log's head (last sequence number and hash), kept outside the database.

Deleting the last records of the database — even after dropping its triggers — leaves the head
pointing past the end, so truncation shows (sigstore keeps its checkpoint outside the log for the
same reason). The head lives in ``journal.head`` next to the database, authenticated with an HMAC
under a key derived from a log key: it cannot be rewritten to match a shortened log without the
key. It is replaced atomically, under the log's lock, only ever moving forward.

Deleting both the database and the head file is caught by the keys: once the log has started,
the hash of its first record is kept with the keys (keyring entry or key file, see
``KeySet.first_hash``), so an empty or restarted log is reported («supprimé», «remplacé»).
Putting back older copies of both the database and the head is caught by a third copy of the
head kept elsewhere, the anchor (:mod:`.anchor`), written in the same form by :func:`seal_head`.
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


@dataclass(frozen=True)
class HeadForm:
    """How one copy of the head is written: its format name, the domain of its HMAC key, the
    text that binds it to one journal (empty for ``journal.head``), and its name in messages."""

    format: str
    info: bytes
    binding: str
    name: str


HEAD_FILE_FORM = HeadForm(HEAD_FORMAT, HEAD_INFO, "", "la tête du journal (journal.head)")


def _message(head: Head, form: HeadForm) -> bytes:
    text = f"{form.format}|1|{head.seq}|{head.hash.hex()}|{head.key_id}"
    if form.binding:
        text += f"|{form.binding}"
    return text.encode("ascii")


def seal_head(head: Head, key: bytes, form: HeadForm = HEAD_FILE_FORM) -> bytes:
    """The head as an authenticated JSON document (ASCII bytes)."""
    tag = mac(derive(key, form.info), _message(head, form))
    document = {
        "format": form.format,
        "version": 1,
        "seq": head.seq,
        "hash": head.hash.hex(),
        "key_id": head.key_id,
        "mac": tag.hex(),
    }
    return json.dumps(document).encode("ascii")


def open_head(data: bytes, keys: dict[str, bytes], form: HeadForm = HEAD_FILE_FORM) -> Head:
    """The head in ``data``; HeadError (French, naming ``form.name``) if forged or broken."""
    try:
        document = json.loads(data.decode("ascii"))
        if document.get("format") != form.format or document.get("version") != 1:
            raise ValueError("unknown head format")
        head = Head(int(document["seq"]), bytes.fromhex(document["hash"]), str(document["key_id"]))
        tag = bytes.fromhex(document["mac"])
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
        raise HeadError(f"{form.name} est illisible") from error
    key = keys.get(head.key_id)
    if key is None:
        raise HeadError(
            f"{form.name} est signée par une clé inconnue de ce poste", unknown_key=True
        )
    if not hmac.compare_digest(tag, mac(derive(key, form.info), _message(head, form))):
        raise HeadError(f"{form.name} a été modifiée")
    return head


def write_head(path: Path, head: Head, key: bytes) -> None:
    data = seal_head(head, key)
    replace_atomically(path, lambda handle: handle.write(data))


def read_head(path: Path, keys: dict[str, bytes]) -> Head | None:
    """The authenticated head, None when the file does not exist; HeadError if forged/broken."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise HeadError(f"{HEAD_FILE_FORM.name} est illisible") from error
    return open_head(data, keys)
