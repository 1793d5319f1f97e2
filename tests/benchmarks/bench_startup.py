"""Benchmark: ``huisclos scan`` of a 10-row file, with a journal that already holds the edit
events of a few 1M-row ``clean`` runs, stays under 0.8 s wall (issue 17).

Run by hand (not collected by pytest)::

    PYTHONPATH=desktop .venv/bin/python tests/benchmarks/bench_startup.py \
        [--events 3] [--cells 150000] [--runs 7] [--tree OTHER_WORKTREE]

Builds, in a temporary folder, a journal of ``--events`` big ``edit`` events of ``--cells`` cells
each (the shape ``clean`` writes: row, column, rules, categories and keyed hashes per cell) plus
the small events of earlier scans, with the log key in a file-backed keyring as on a practice PC
(``bench_keyring.py``: no scrypt). Then times, in fresh processes, a 10-row scan and the
journal's own steps in-process (open, ``refusal``, ``verify``). With ``--tree``, the same runs
alternate with the code of another worktree (each tree gets its own copy of the data folder),
so a shared machine's noise hits both alike. Also times the passphrase key derivation used when
there is no keyring (the key file's scrypt parameters).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PYTHON = sys.executable
LIMIT_S = 0.8

_STEPS = """
import time, sys
t0 = time.perf_counter()
from huisclos.core.audit.log import open_log
from huisclos.core.audit.verify import damage_warning
t1 = time.perf_counter()
log = open_log()
t2 = time.perf_counter()
refused = log.refusal()
t3 = time.perf_counter()
result = log.verify()
t4 = time.perf_counter()
assert result.ok, result.message
log.close()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {t4 - t3:.3f}")
"""


def _cells(count: int, seed: int) -> list[dict[str, object]]:
    return [
        {
            "row": i + 1,
            "column": "Commentaire",
            "rules": ["health.vih"],
            "categories": ["health"],
            "before_hash": f"{(i * 7919 + seed) % 10**12:032x}",
            "after_hash": f"{(i * 104729 + seed) % 10**12:032x}",
        }
        for i in range(count)
    ]


def build(events: int, cells: int) -> None:
    """A journal in ``$HUISCLOS_HOME`` holding the events of ``events`` big cleans."""
    import keyring
    from bench_keyring import FileKeyring

    from huisclos.core.audit.log import open_log

    keyring.set_keyring(FileKeyring())
    log = open_log()
    try:
        for index in range(events):
            log.append("scan", {"rows": 1_000_000, "findings": cells, "fingerprint": "0" * 64})
            edits = _cells(cells, index)
            log.append(
                "edit",
                {
                    "action": "apply",
                    "cells": cells,
                    "rows": cells,
                    "rules": {"health.vih": cells},
                    "categories": {"health": cells},
                    "hash_key_id": log.key_id,
                    "fingerprint": f"{index:064x}",
                    "edits": edits,
                },
            )
        size = log.path.stat().st_size / 1e6
        print(f"journal: {len(log)} events, {size:.1f} MB")
    finally:
        log.close()


def _env(tree: Path, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("HUISCLOS_PASSPHRASE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # pyc compiled, as installed
    env["PYTHON_KEYRING_BACKEND"] = "bench_keyring.FileKeyring"
    env["PYTHONPATH"] = os.pathsep.join([str(tree / "desktop"), str(HERE)])
    env["HUISCLOS_HOME"] = str(home / "data")
    env["HUISCLOS_STATE_HOME"] = str(home / "state")
    env["HUISCLOS_BENCH_KEYRING"] = str(home / "keyring.json")
    return env


def _scan(env: dict[str, str], small: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [PYTHON, "-m", "huisclos", "scan", str(small)], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0 or done.stderr.strip():
        raise SystemExit(f"scan failed: {done.stderr[-2000:]}")
    return seconds


def _steps(env: dict[str, str]) -> list[float]:
    done = subprocess.run(
        [PYTHON, "-c", _STEPS], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"journal steps failed: {done.stderr[-2000:]}")
    return [float(x) for x in done.stdout.split()]


def _kdf() -> float:
    from huisclos.core.audit import keys

    start = time.perf_counter()
    keys._derive("une phrase de passe", b"\0" * 16, keys.SCRYPT_N, keys.SCRYPT_R, keys.SCRYPT_P)
    return time.perf_counter() - start


def _span(values: list[float]) -> str:
    return f"{min(values):.3f}–{max(values):.3f} s (median {sorted(values)[len(values) // 2]:.3f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=3, help="big clean runs in the journal")
    parser.add_argument("--cells", type=int, default=150_000, help="cells per edit event")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tree", type=Path, help="another worktree, run alternately (A/B)")
    args = parser.parse_args()

    trees = {"this": ROOT}
    if args.tree:
        trees["other"] = args.tree.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        small = Path(tmp) / "small.csv"
        small.write_text(
            "Nom;Commentaire\n" + "".join(f"Patient {i};RAS, revu le {i}/03\n" for i in range(10)),
            encoding="cp1252",
        )
        os.environ.update(_env(ROOT, base))
        sys.path.insert(0, str(HERE))
        build(args.events, args.cells)
        homes = {}
        for name in trees:
            homes[name] = Path(tmp) / name
            shutil.copytree(base, homes[name])
        for name, tree in trees.items():  # warm: pyc, the compiled-matcher cache
            _scan(_env(tree, homes[name]), small)
        print(f"load average (shared machine): {os.getloadavg()[0]:.2f}")
        scans: dict[str, list[float]] = {name: [] for name in trees}
        steps: dict[str, list[list[float]]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name, tree in trees.items():
                env = _env(tree, homes[name])
                scans[name].append(_scan(env, small))
                steps[name].append(_steps(env))
        for name, tree in trees.items():
            print(f"\n== {name} ({tree})")
            print(f"scan of 10 rows, wall:     {_span(scans[name])}  (target ≤ {LIMIT_S} s)")
            for label, column in zip(
                ("import the journal", "open_log", "refusal", "verify"),
                zip(*steps[name], strict=True),
                strict=True,
            ):
                print(f"  {label:<22}  {_span(list(column))}")
        print(f"\nload average after: {os.getloadavg()[0]:.2f}")
        print(f"passphrase key derivation (scrypt, no keyring): {_kdf():.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
