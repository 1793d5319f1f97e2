"""Benchmark: a log of 100,000 events verifies in under 5 s.

Run by hand: ``python tests/benchmarks/bench_log.py [EVENTS]``. Uses a temporary data folder and
an in-memory keyring; prints the time to write, verify and decrypt the log.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import keyring

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the shared fake keyring
from memory_keyring import MemoryKeyring

LIMIT_S = 5.0


def _payload(index: int) -> dict[str, object]:
    """A realistic edit batch: a few rows, rule ids, categories and keyed hashes."""
    return {
        "action": "apply",
        "cells": 2,
        "rows": 2,
        "rules": {"health.vih": 1, "religion.islam": 1},
        "categories": {"health": 1, "religion": 1},
        "hash_key_id": "0123456789abcdef",
        "fingerprint": f"{index:064x}",
        "edits": [
            {"row": index, "column": "Commentaire", "rules": ["health.vih"],
             "before_hash": "a" * 32, "after_hash": "b" * 32},
            {"row": index + 1, "column": "Commentaire", "rules": ["religion.islam"],
             "before_hash": "c" * 32, "after_hash": "d" * 32},
        ],
    }  # fmt: skip


def main(count: int = 100_000) -> int:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as home:
        os.environ["HUISCLOS_HOME"] = home
        from huisclos.core.audit.log import open_log

        log = open_log()
        start = time.perf_counter()
        batch = 5_000
        for first in range(0, count, batch):
            log.append_many(("edit", _payload(i)) for i in range(first, min(count, first + batch)))
        written = time.perf_counter() - start
        size = os.path.getsize(log.path) / 1e6
        log.close()

        log = open_log()
        start = time.perf_counter()
        result = log.verify()
        verified = time.perf_counter() - start
        start = time.perf_counter()
        events = log.events()
        decrypted = time.perf_counter() - start
        log.close()

    assert result.ok and result.events == count == len(events), result.message
    print(f"{count} événements ({size:.1f} Mo) écrits en {written:.2f} s")
    print(f"vérification : {verified:.2f} s (limite {LIMIT_S:.0f} s) — {result.message}")
    print(f"déchiffrement et lecture de tous les événements : {decrypted:.2f} s")
    return 0 if verified < LIMIT_S else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
