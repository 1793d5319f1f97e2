"""The log's keys: a random 256-bit key in the OS keyring, or a passphrase-wrapped key file.

Where the keys live, in order:

1. a key file ``journal.key`` in the data folder, if one exists: it is wrapped with a key derived
   from a passphrase (scrypt) and AES-256-GCM, with the scheme, version and KDF parameters written
   in the file and bound as associated data (as keyrings.cryptfile does). A clear key never
   touches the disk;
2. otherwise the OS keyring, service ``huisclos``, entry ``log-keys``;
3. with no usable keyring backend (headless Linux, CI, ``keyring.backends.fail.Keyring``), a new
   key file — which needs a passphrase: ``$HUISCLOS_PASSPHRASE`` for scripts and tests, or the
   desktop app's dialog (:func:`unlock` / ``open_log(passphrase=…)``).

The states are explicit (:class:`KeyState`, as craft-store does): *available* — the keys can be
read now; *locked* — they exist but need a passphrase or an unlocked system keyring;
*unavailable* — no keyring and no key file yet: a passphrase must be chosen.

Key rotation adds a key: new records use it, older ones keep their key id and stay readable;
history is never re-encrypted. Every key is kept, by id, in the same keyring entry or key file.

Threading: functions here do blocking I/O (keyring, scrypt); call them off the GUI thread when a
keyring may prompt. The in-memory session passphrase is process-wide.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import json
import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..datafolder import data_dir
from ..errors import AuditError
from ..safe_write import replace_atomically
from .lock import exclusive

logger = logging.getLogger(__name__)

SERVICE = "huisclos"
KEYRING_ENTRY = "log-keys"
KEY_FILE_NAME = "journal.key"
LOCK_FILE_NAME = "journal.lock"
PASSPHRASE_ENV = "HUISCLOS_PASSPHRASE"

KEYSET_FORMAT = "huisclos-log-keys"
KEYFILE_SCHEME = "huisclos-keyfile"
KEYFILE_VERSION = 1
KEY_BYTES = 32

# scrypt cost. The parameters are written in each key file, so a file keeps opening with the
# cost it was made with; tests may lower SCRYPT_N before creating a file (never below MIN).
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_MIN_N = 2**10

MSG_NO_BACKEND = (
    "Aucun trousseau sécurisé n'est disponible sur ce poste pour protéger la clé du journal : "
    "définissez la variable HUISCLOS_PASSPHRASE (phrase de passe) ou utilisez l'application Huis "
    "clos, qui vous la demandera."
)
MSG_LOCKED_FILE = (
    "Le journal est protégé par une phrase de passe : définissez la variable HUISCLOS_PASSPHRASE "
    "ou utilisez l'application Huis clos, qui vous la demandera."
)
MSG_KEYRING_LOCKED = (
    "Le trousseau du système est verrouillé : déverrouillez-le (ouvrez votre session ou le "
    "gestionnaire de mots de passe), puis recommencez."
)
MSG_WRONG_PASSPHRASE = (
    "Phrase de passe incorrecte : le journal n'a pas pu être ouvert. Vérifiez la phrase de passe "
    "(majuscules, accents) et recommencez ; rien n'a été écrit."
)


class KeyMissing(AuditError):
    """No key exists yet (first use) — or the key of an existing log was lost."""


class WrongPassphrase(AuditError):
    """A key file exists and the passphrase given does not open it."""


class KeyState(enum.Enum):
    """Whether the log's keys can be used right now."""

    AVAILABLE = "available"
    """The keys can be read (or created) without asking anything more."""
    LOCKED = "locked"
    """The keys exist but need a passphrase, or the system keyring must be unlocked."""
    UNAVAILABLE = "unavailable"
    """No keyring backend and no key file yet: a passphrase must be chosen to create one."""


@dataclass(frozen=True)
class KeyStatus:
    """What the desktop app needs to decide which dialog to show."""

    state: KeyState
    storage: str  # "keyring" or "file"
    message: str  # French, empty when available
    needs_new_passphrase: bool = False  # True: ask to *choose* a passphrase (and confirm it)


@dataclass
class KeySet:
    """Every key the log ever used, by id; ``current`` encrypts new records.

    ``first_hash``: the hash (hex) of the log's first record, written here once the log has
    started — so a log whose database and head were both deleted (or replaced by a new log)
    is detected: the keys know a log existed and how it began. Key sets written before this
    field existed get it at the next event.

    ``anchored``: the log's anchor (:mod:`.anchor`) has been written, so its absence is a
    finding, not a log from before anchors. Set once, after the first anchor is written.
    """

    current: str
    keys: dict[str, bytes] = field(default_factory=dict)
    first_hash: str | None = None
    anchored: bool = False

    @classmethod
    def new(cls) -> KeySet:
        key_id = new_key_id()
        return cls(current=key_id, keys={key_id: AESGCM.generate_key(bit_length=256)})

    @property
    def current_key(self) -> bytes:
        return self.keys[self.current]

    def copy(self) -> KeySet:
        return KeySet(self.current, dict(self.keys), self.first_hash, self.anchored)

    def rotated(self) -> KeySet:
        """A copy with a fresh current key; every older key is kept."""
        key_id = new_key_id()
        while key_id in self.keys:  # pragma: no cover - 64 random bits
            key_id = new_key_id()
        keys = dict(self.keys)
        keys[key_id] = AESGCM.generate_key(bit_length=256)
        return KeySet(key_id, keys, self.first_hash, self.anchored)

    def to_json(self) -> str:
        document: dict[str, object] = {
            "format": KEYSET_FORMAT,
            "version": 1,
            "current": self.current,
            "keys": {kid: _b64(key) for kid, key in self.keys.items()},
        }
        journal: dict[str, object] = {}
        if self.first_hash:
            journal["first_hash"] = self.first_hash
        if self.anchored:
            journal["anchored"] = True
        if journal:
            document["journal"] = journal
        return json.dumps(document, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> KeySet:
        try:
            data = json.loads(text)
            if data.get("format") != KEYSET_FORMAT or data.get("version") != 1:
                raise ValueError("unknown key set format")
            keys = {str(kid): _unb64(value) for kid, value in data["keys"].items()}
            current = str(data["current"])
            if current not in keys or any(len(k) != KEY_BYTES for k in keys.values()):
                raise ValueError("inconsistent key set")
            journal = data.get("journal") or {}
            first_hash = journal.get("first_hash")
            if first_hash is not None:
                first_hash = bytes.fromhex(str(first_hash)).hex()
            anchored = journal.get("anchored") is True
        except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as error:
            raise AuditError(
                "La clé du journal enregistrée est illisible : le journal ne peut pas être ouvert."
            ) from error
        return cls(current, keys, first_hash or None, anchored)


def new_key_id() -> str:
    """A random, meaningless key id (16 hex digits), written in clear next to each record."""
    return secrets.token_hex(8)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


# --- the passphrase given by the app for this session ---------------------------------------

_session_passphrase: str | None = None


def unlock(passphrase: str) -> KeyState:
    """Keep ``passphrase`` in memory for this process (the desktop app's dialog calls this).

    The passphrase is checked first when a key file exists: a wrong one raises
    :class:`AuditError` and is not kept. Returns the resulting state.
    """
    global _session_passphrase
    path = key_file_path()
    if path.exists():
        read_key_file(path, passphrase)  # raises on a wrong passphrase
    _session_passphrase = passphrase
    return key_status().state


def change_passphrase(old: str, new: str) -> None:
    """Re-wrap the key file with a new passphrase (keys and history unchanged).

    Raises :class:`AuditError` when the old passphrase is wrong or there is no key file (the
    keys are in the system keyring, which needs no passphrase).
    """
    global _session_passphrase
    path = key_file_path()
    if not path.exists():
        raise AuditError(
            "La clé du journal est dans le trousseau du système : il n'y a pas de phrase de "
            "passe à changer."
        )
    if not new:
        raise AuditError("La nouvelle phrase de passe est vide : choisissez-en une.")
    with exclusive(path.with_name(LOCK_FILE_NAME)):
        write_key_file(path, read_key_file(path, old), new)
    if _session_passphrase is not None:
        _session_passphrase = new


def forget_passphrase() -> None:
    """Drop the session passphrase (e.g. when the app locks or quits)."""
    global _session_passphrase
    _session_passphrase = None


def resolve_passphrase(passphrase: str | None = None) -> str | None:
    """The passphrase to use: the one given, else the session's, else ``$HUISCLOS_PASSPHRASE``."""
    if passphrase:
        return passphrase
    if _session_passphrase:
        return _session_passphrase
    return os.environ.get(PASSPHRASE_ENV) or None


# --- the OS keyring --------------------------------------------------------------------------


def keyring_usable() -> bool:
    """False for keyring's fail/null backends, an empty chainer, or a plaintext file keyring."""
    backend = keyring.get_keyring()
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    if "plaintext" in name.lower() or "plaintext" in module.lower():
        return False  # keyrings.alt's PlaintextKeyring writes secrets in clear on disk
    empty_chain = module.startswith("keyring.backends.chainer") and not backend.backends
    return not empty_chain


def _keyring_get() -> str | None:
    """The keyring entry; raises KeyringLocked, or other KeyringError/RuntimeError if broken."""
    return keyring.get_password(SERVICE, KEYRING_ENTRY)


def _keyring_set(keyset: KeySet) -> None:
    keyring.set_password(SERVICE, KEYRING_ENTRY, keyset.to_json())
    if _keyring_get() != keyset.to_json():
        raise keyring.errors.PasswordSetError("the keyring did not keep the log key")


# --- the key file ------------------------------------------------------------------------------


def key_file_path() -> Path:
    return data_dir() / KEY_FILE_NAME


def _keyfile_header(n: int, r: int, p: int, salt: bytes) -> dict[str, object]:
    return {
        "scheme": KEYFILE_SCHEME,
        "version": KEYFILE_VERSION,
        "kdf": "scrypt",
        "n": n,
        "r": r,
        "p": p,
        "salt": _b64(salt),
        "cipher": "AES-256-GCM",
    }


def _header_aad(header: dict[str, object]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def write_key_file(path: Path, keyset: KeySet, passphrase: str) -> None:
    """Wrap ``keyset`` with ``passphrase`` and replace the file atomically (0600)."""
    if not passphrase:
        raise AuditError(MSG_NO_BACKEND)
    salt = os.urandom(16)
    header = _keyfile_header(SCRYPT_N, SCRYPT_R, SCRYPT_P, salt)
    wrapping = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    nonce = os.urandom(12)
    ciphertext = AESGCM(wrapping).encrypt(nonce, keyset.to_json().encode(), _header_aad(header))
    document = dict(header, nonce=_b64(nonce), ciphertext=_b64(ciphertext))
    data = json.dumps(document, indent=1).encode("utf-8")
    replace_atomically(path, lambda handle: handle.write(data))
    _remember_unwrapped(path, passphrase, keyset)


_unwrapped: dict[tuple[object, ...], KeySet] = {}


def read_key_file(path: Path, passphrase: str | None) -> KeySet:
    """Unwrap the key file; :class:`AuditError` with a French message on any failure.

    The result is kept in memory for this process while the file is unchanged, so the app does
    not pay for scrypt at every event.
    """
    if not passphrase:
        raise AuditError(MSG_LOCKED_FILE)
    cache_key = _cache_key(path, passphrase)
    if cache_key and cache_key in _unwrapped:
        return _unwrapped[cache_key].copy()
    keyset = _unwrap_key_file(path, passphrase)
    if cache_key:
        _unwrapped.clear()
        _unwrapped[cache_key] = keyset.copy()
    return keyset


def _cache_key(path: Path, passphrase: str) -> tuple[object, ...]:
    """What must be unchanged for a key file unwrapped earlier to still be the same file."""
    try:
        stat = path.stat()
    except OSError:
        return ()
    return (
        str(path),
        stat.st_ino,
        stat.st_mtime_ns,
        stat.st_size,
        hashlib.sha256(passphrase.encode("utf-8")).digest(),
    )


def _remember_unwrapped(path: Path, passphrase: str, keyset: KeySet) -> None:
    """The key file this process just wrapped opens again without scrypt."""
    cache_key = _cache_key(path, passphrase)
    _unwrapped.clear()
    if cache_key:
        _unwrapped[cache_key] = keyset.copy()


def _unwrap_key_file(path: Path, passphrase: str) -> KeySet:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        header = {key: document[key] for key in _keyfile_header(0, 0, 0, b"")}
        if header["scheme"] != KEYFILE_SCHEME or header["version"] != KEYFILE_VERSION:
            raise ValueError("unknown key file scheme")
        if header["kdf"] != "scrypt" or header["cipher"] != "AES-256-GCM":
            raise ValueError("unknown key file algorithms")
        n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
        if n < SCRYPT_MIN_N or r < 1 or p < 1:
            raise ValueError("weak key file parameters")
        salt = _unb64(str(header["salt"]))
        nonce = _unb64(str(document["nonce"]))
        ciphertext = _unb64(str(document["ciphertext"]))
    except OSError as error:
        raise AuditError(
            f"Le fichier de clé du journal ({path}) ne peut pas être lu : vérifiez les droits "
            "du dossier de données."
        ) from error
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        raise AuditError(
            f"Le fichier de clé du journal ({path}) est abîmé ou d'un format inconnu : le "
            "journal ne peut pas être ouvert."
        ) from error
    wrapping = _derive(passphrase, salt, n, r, p)
    try:
        plain = AESGCM(wrapping).decrypt(nonce, ciphertext, _header_aad(header))
    except InvalidTag as error:
        raise WrongPassphrase(MSG_WRONG_PASSPHRASE) from error
    return KeySet.from_json(plain.decode("utf-8"))


# --- states, loading, storing ------------------------------------------------------------------


def key_status(passphrase: str | None = None) -> KeyStatus:
    """Where the keys are and whether they can be used now; never raises, never prompts."""
    phrase = resolve_passphrase(passphrase)
    if key_file_path().exists():
        if phrase:
            return KeyStatus(KeyState.AVAILABLE, "file", "")
        return KeyStatus(KeyState.LOCKED, "file", MSG_LOCKED_FILE)
    if keyring_usable():
        try:
            _keyring_get()
        except keyring.errors.KeyringLocked:
            return KeyStatus(KeyState.LOCKED, "keyring", MSG_KEYRING_LOCKED)
        except (keyring.errors.KeyringError, RuntimeError, OSError) as error:
            logger.warning("Keyring backend unusable: %s", type(error).__name__)
        else:
            return KeyStatus(KeyState.AVAILABLE, "keyring", "")
    if phrase:
        return KeyStatus(KeyState.AVAILABLE, "file", "", needs_new_passphrase=False)
    return KeyStatus(KeyState.UNAVAILABLE, "file", MSG_NO_BACKEND, needs_new_passphrase=True)


@dataclass
class KeyStore:
    """The loaded key set and where to save it back (rotation)."""

    keyset: KeySet
    storage: str  # "keyring" or "file"
    passphrase: str | None = None

    def save(self, keyset: KeySet) -> None:
        if self.storage == "keyring":
            try:
                _keyring_set(keyset)
            except (keyring.errors.KeyringError, RuntimeError, OSError) as error:
                raise AuditError(
                    "La nouvelle clé du journal n'a pas pu être enregistrée dans le trousseau "
                    "du système : rien n'a été changé."
                ) from error
        else:
            write_key_file(key_file_path(), keyset, self.passphrase or "")
        self.keyset = keyset


def load_keys(passphrase: str | None = None, *, create: bool = True) -> KeyStore:
    """The log's keys, created on first use when ``create`` is true.

    Raises :class:`AuditError` (French) when locked, unavailable, or the passphrase is wrong.
    Call under the log's lock when ``create`` is true, so two processes never make two keys.
    """
    phrase = resolve_passphrase(passphrase)
    path = key_file_path()
    if path.exists():
        return KeyStore(read_key_file(path, phrase), "file", phrase)
    if keyring_usable():
        try:
            stored = _keyring_get()
        except keyring.errors.KeyringLocked as error:
            raise AuditError(MSG_KEYRING_LOCKED) from error
        except (keyring.errors.KeyringError, RuntimeError, OSError) as error:
            logger.warning("Keyring backend unusable: %s", type(error).__name__)
        else:
            if stored is not None:
                return KeyStore(KeySet.from_json(stored), "keyring")
            if not create:
                raise KeyMissing(MSG_NO_KEY)
            keyset = KeySet.new()
            try:
                _keyring_set(keyset)
            except (keyring.errors.KeyringError, RuntimeError, OSError) as error:
                logger.warning("Keyring cannot store the log key: %s", type(error).__name__)
            else:
                logger.info("New log key created in the system keyring")
                return KeyStore(keyset, "keyring")
    if not phrase:
        raise AuditError(MSG_NO_BACKEND)
    if not create:
        raise KeyMissing(MSG_NO_KEY)
    keyset = KeySet.new()
    write_key_file(path, keyset, phrase)
    logger.info("New log key created in a passphrase-protected key file")
    return KeyStore(keyset, "file", phrase)


MSG_NO_KEY = (
    "La clé du journal est introuvable (trousseau du système ou fichier journal.key) : le "
    "journal existant ne peut pas être lu. Rouvrez la session où il a été créé, ou restaurez "
    "le fichier de clé."
)
