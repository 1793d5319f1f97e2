"""Which copied texts the clipboard watch looks at, and remembering — without keeping them —
the texts it has already looked at.

The watch looks at a copied text only when all of these hold:

- it is text: not an image, not files copied in the file manager;
- a password manager did not mark it secret: KDE's ``x-kde-passwordManagerHint`` = ``secret``
  (KeePassXC and other managers set it), or the Windows clipboard format
  ``ExcludeClipboardContentFromMonitorProcessing`` (KeePass, Bitwarden and others add it);
- it holds at most :data:`MAX_LENGTH` characters (a comment, not a document) and some letters;
- it was not seen before: :class:`SeenTexts` keeps an HMAC of each text under a random key made
  for this process, in memory only, so a text copied twice is checked once and nothing that could
  be matched against a dictionary is ever written anywhere;
- Huis clos did not put it there itself (the proposal it copies is marked seen before it is).

Plain data, no Qt: the watch (``ui/clipboard_watch.py``) passes the clipboard's formats as
names and bytes. Threading: one watcher per process, on the GUI thread.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections import OrderedDict
from collections.abc import Callable
from enum import Enum

MAX_LENGTH = 2_000
"""Longer copied texts are documents or pages, not a comment about to be saved: ignored."""

PASSWORD_HINT_FORMAT = "x-kde-passwordManagerHint"
WINDOWS_EXCLUDE_FORMAT = "ExcludeClipboardContentFromMonitorProcessing"


class Skip(Enum):
    """Why a clipboard change is not checked (tests and debug logs name it)."""

    NOT_TEXT = "not_text"
    SECRET = "secret"
    TOO_LONG = "too_long"
    NO_WORDS = "no_words"
    SEEN = "seen"


def marked_secret(formats: list[str], data: Callable[[str], bytes]) -> bool:
    """True when a password manager marked the clipboard's content as not to be monitored.

    ``formats`` are the clipboard's format names (on Windows Qt names a native format
    ``application/x-qt-windows-mime;value="…"``); ``data(name)`` reads one format's bytes.
    """
    for name in formats:
        if WINDOWS_EXCLUDE_FORMAT in name:
            return True
        if name.endswith(PASSWORD_HINT_FORMAT) and data(name).strip().lower() == b"secret":
            return True
    return False


def skip_reason(text: str, *, is_text: bool, secret: bool) -> Skip | None:
    """Why this clipboard content is not to be checked, or None when it is to be."""
    if secret:
        return Skip.SECRET
    if not is_text or not text:
        return Skip.NOT_TEXT
    if len(text) > MAX_LENGTH:
        return Skip.TOO_LONG
    if not any(character.isalpha() for character in text):
        return Skip.NO_WORDS
    return None


class SeenTexts:
    """Keyed hashes of the texts already looked at, in memory only (the most recent ``limit``).

    The key is random and lives as long as the process, so the hashes cannot be matched against
    the hashes of another run, of another PC, or of a list of words.
    """

    def __init__(self, limit: int = 5_000) -> None:
        self._key = os.urandom(32)
        self._limit = limit
        self._seen: OrderedDict[bytes, None] = OrderedDict()

    def _digest(self, text: str) -> bytes:
        return hmac.new(self._key, text.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()

    def first_time(self, text: str) -> bool:
        """True the first time ``text`` is offered (and remember it); False afterwards."""
        digest = self._digest(text)
        if digest in self._seen:
            self._seen.move_to_end(digest)
            return False
        self.remember(text, digest)
        return True

    def remember(self, text: str, digest: bytes | None = None) -> None:
        """Count ``text`` as seen without looking at it (the app's own clipboard writes)."""
        digest = digest or self._digest(text)
        self._seen[digest] = None
        self._seen.move_to_end(digest)
        while len(self._seen) > self._limit:
            self._seen.popitem(last=False)

    def __len__(self) -> int:
        return len(self._seen)
