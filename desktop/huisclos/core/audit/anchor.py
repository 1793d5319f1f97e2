"""The anchor: a third copy of the journal's head, kept where the journal's files are not.

The head file (:mod:`.head`) catches a shortened database, but not older copies of *both*
``journal.sqlite`` and ``journal.head`` put back together (a restored backup, a copied folder):
they agree with each other. The anchor — the same sequence number and hash, authenticated with
the journal's key under its own HMAC domain and bound to one journal (the hash of its first
record) — lives elsewhere and is not rolled back with them:

- with the OS keyring, in a second entry of the ``huisclos`` service (``log-anchor-<journal>``);
- in passphrase mode, in a small file of the per-user state folder, outside the data folder
  (:func:`~huisclos.core.datafolder.state_dir`), replaced atomically. The journal's key is
  already in memory: updating the anchor never derives the passphrase key again.

It is written under the journal's lock after every append, after the head. A journal written
before anchors existed has none; its first anchor is its head at the next event. Limits (said in
the README): whoever puts back an older copy of every place at once — data folder, anchor file
or keyring entry — is not detected.
"""

from __future__ import annotations

import contextlib
import logging
from abc import ABC, abstractmethod
from pathlib import Path

import keyring
import keyring.errors

from ..datafolder import state_dir
from ..safe_write import replace_atomically
from .head import Head, HeadError, HeadForm, open_head, seal_head
from .keys import SERVICE
from .records import ANCHOR_INFO

logger = logging.getLogger(__name__)

ANCHOR_FORMAT = "huisclos-log-anchor"
KEYRING_PREFIX = "log-anchor-"
FILE_SUFFIX = ".anchor"

_KEYRING_ERRORS = (keyring.errors.KeyringError, RuntimeError, OSError)


def journal_id(first_hash: bytes) -> str:
    """The short name of one journal: the start of its first record's hash."""
    return first_hash.hex()[:32]


def anchor_dir() -> Path:
    """The folder of passphrase-mode anchors (outside the data folder)."""
    return state_dir()


class AnchorPlace(ABC):
    """Where one journal's anchor is kept, and how to read and replace it."""

    def __init__(self, journal: str) -> None:
        self.journal = journal
        self.form = HeadForm(ANCHOR_FORMAT, ANCHOR_INFO, journal, f"l'ancre du journal ({self})")

    @abstractmethod
    def read_raw(self) -> str | None:
        """The stored document, None when there is none; raises OSError or a keyring error."""

    @abstractmethod
    def write_raw(self, text: str) -> None:
        """Replace the stored document; raises OSError or a keyring error."""

    @abstractmethod
    def delete(self) -> None:
        """Remove the anchor (tests, and nothing else)."""

    def read(self, keys: dict[str, bytes]) -> Head | None:
        """The authenticated anchor, None when there is none; HeadError if forged/unreadable."""
        try:
            raw = self.read_raw()
        except _KEYRING_ERRORS as error:
            raise HeadError(f"{self.form.name} ne peut pas être lue") from error
        if raw is None:
            return None
        return open_head(raw.encode("ascii", "replace"), keys, self.form)

    def write(self, head: Head, key: bytes) -> bool:
        """Replace the anchor; False (and a log line) when it cannot be written now — it is
        behind the head until the next append, which ``verify`` accepts."""
        try:
            self.write_raw(seal_head(head, key, self.form).decode("ascii"))
        except _KEYRING_ERRORS as error:
            logger.warning("The journal's anchor could not be written: %s", type(error).__name__)
            return False
        return True


class KeyringAnchor(AnchorPlace):
    """A second entry of the ``huisclos`` service in the OS keyring."""

    @property
    def entry(self) -> str:
        return KEYRING_PREFIX + self.journal

    def __str__(self) -> str:
        return "gardée dans le trousseau du système"

    def read_raw(self) -> str | None:
        return keyring.get_password(SERVICE, self.entry)

    def write_raw(self, text: str) -> None:
        keyring.set_password(SERVICE, self.entry, text)

    def delete(self) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(SERVICE, self.entry)


class FileAnchor(AnchorPlace):
    """A file in the per-user state folder, outside the data folder."""

    @property
    def path(self) -> Path:
        return anchor_dir() / f"journal-{self.journal}{FILE_SUFFIX}"

    def __str__(self) -> str:
        return f"gardée hors du dossier de données, dans {self.path}"

    def read_raw(self) -> str | None:
        try:
            return self.path.read_text(encoding="ascii", errors="replace")
        except FileNotFoundError:
            return None

    def write_raw(self, text: str) -> None:
        data = text.encode("ascii")
        replace_atomically(self.path, lambda handle: handle.write(data))

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)


def anchor_place(storage: str, first_hash: bytes) -> AnchorPlace:
    """The anchor of the journal that starts with ``first_hash``, beside its keys' storage."""
    journal = journal_id(first_hash)
    return KeyringAnchor(journal) if storage == "keyring" else FileAnchor(journal)
