"""One log record: AES-256-GCM sealing and the hash chain, with domains kept apart.

- associated data = domain ‖ format version ‖ sequence number ‖ key id ‖ previous hash, so a record
  cannot be moved to another place in the chain, re-labelled with another key id or spliced
  after another record without failing to decrypt;
- ``hash_i = SHA-256(domain ‖ hash_{i-1} ‖ seq ‖ nonce ‖ ciphertext)`` (fixed-width fields), the
  first record chaining from a fixed genesis value;
- keys derived from a record key (HKDF-SHA256) for the head's HMAC and for keyed text hashes carry
  their own ``info`` labels, so one use can never stand in for another (as sigstore keeps its
  leaf and node hash domains apart).

Plain functions, no I/O; safe from any thread.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_VERSION = 1
NONCE_BYTES = 12
HASH_BYTES = 32

_AAD_DOMAIN = b"huisclos/log/aad/v1\x00"
_HASH_DOMAIN = b"huisclos/log/record/v1\x00"
GENESIS = hashlib.sha256(b"huisclos/log/genesis/v1\x00").digest()

HEAD_INFO = b"huisclos/log/head-mac/v1"
ANCHOR_INFO = b"huisclos/log/anchor-mac/v1"
TEXT_HASH_INFO = b"huisclos/log/text-hash/v1"

PAD_TO = 64  # plaintexts are padded so a record's size says little about its content


@dataclass(frozen=True, slots=True)
class SealedRecord:
    seq: int
    version: int
    key_id: str
    nonce: bytes
    ciphertext: bytes
    hash: bytes


def associated_data(version: int, seq: int, key_id: str, previous: bytes) -> bytes:
    kid = key_id.encode("ascii")
    return (
        _AAD_DOMAIN
        + version.to_bytes(2, "big")
        + seq.to_bytes(8, "big")
        + len(kid).to_bytes(1, "big")
        + kid
        + previous
    )


def chain_hasher(previous: bytes, seq: int, nonce: bytes) -> hashlib._Hash:
    """The record's chain hash before its ciphertext: ``update`` it with the ciphertext (in
    pieces, as a long record is read), then ``digest`` gives :func:`chain_hash`."""
    return hashlib.sha256(_HASH_DOMAIN + previous + seq.to_bytes(8, "big") + nonce)


def chain_hash(previous: bytes, seq: int, nonce: bytes, ciphertext: bytes) -> bytes:
    hasher = chain_hasher(previous, seq, nonce)
    hasher.update(ciphertext)
    return hasher.digest()


def pad(plaintext: bytes) -> bytes:
    """Pad JSON with spaces (which JSON ignores) to a multiple of PAD_TO bytes."""
    return plaintext + b" " * (-len(plaintext) % PAD_TO)


def seal(aead: AESGCM, key_id: str, seq: int, previous: bytes, plaintext: bytes) -> SealedRecord:
    """Encrypt one record with a fresh random 96-bit nonce and chain it to ``previous``."""
    nonce = os.urandom(NONCE_BYTES)
    aad = associated_data(FORMAT_VERSION, seq, key_id, previous)
    ciphertext = aead.encrypt(nonce, pad(plaintext), aad)
    return SealedRecord(
        seq, FORMAT_VERSION, key_id, nonce, ciphertext, chain_hash(previous, seq, nonce, ciphertext)
    )


def unseal(aead: AESGCM, record: SealedRecord, previous: bytes) -> bytes:
    """Decrypt; raises ``cryptography.exceptions.InvalidTag`` when anything bound was changed."""
    aad = associated_data(record.version, record.seq, record.key_id, previous)
    return aead.decrypt(record.nonce, record.ciphertext, aad)


def derive(key: bytes, info: bytes) -> bytes:
    """A 256-bit sub-key for one purpose (HKDF-SHA256, no salt: the key is already uniform)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


def mac(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()
