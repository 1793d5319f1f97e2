"""Benchmark: ``huisclos scan`` end to end on a 1,000,000-row (~90 MB) cp1252 ';' export.

Run by hand (not collected by pytest)::

    /work/venv/bin/python tests/benchmarks/bench_scan.py [--rows 1000000] [--keep]

Generates the export once in the temporary folder (``huisclos-bench-scan/``): patient columns plus a
«Commentaire administratif» column, ~45 % empty, ~45 % benign and ~10 % sensitive comments
drawn from the labelled corpus; half of the non-empty comments get a random date or amount
appended so that memoising equal comments does not make the figure look better than a real
export. Then, each in a fresh process (same conditions):

1. a bare ``csv.reader`` pass over the same file (decode cp1252, split every field);
2. ``huisclos scan FILE --format jsonl > findings.jsonl`` — read + detect + suggestions + JSON out
   (the ``scan`` log event included, its key in a keyring as on a practice PC: the in-memory
   test keyring ``tests/memory_keyring.py`` via ``PYTHON_KEYRING_BACKEND``);
3. the same with ``--no-suggestions`` (detection only: ``suggestion`` is null);
   ``--all`` adds both again in one process (``HUISCLOS_SCAN_PROCESSES=0``);
4. ``--format text`` (summary + every flagged comment with its suggestion).

Prints rows/s, the ratio to the bare csv.reader pass and peak memory (resident memory of the
whole process tree, worker processes included, sampled every 50 ms).
Targets (issue 3): ≥ 300,000 rows/s, ≤ 3× csv.reader, ≤ 1 GB.
The machine is shared: run it two or three times and keep the best.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path(tempfile.gettempdir()) / "huisclos-bench-scan"  # not the shared _data/
CORPUS = HERE.parent / "data" / "corpus" / "comments.csv"
PYTHON = sys.executable

HEADER = [
    "N° dossier",
    "NOM",
    "Prénom",
    "Date de naissance",
    "Sexe",
    "Téléphone",
    "Code postal",
    "Ville",
    "Commentaire administratif",
]
SURNAMES = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "PETIT", "DURAND", "LEFÈBVRE"]
FIRST = ["Émilie", "Jean", "Marie", "Hélène", "François", "Zoé", "Loïc", "Chloé", "Noël", "Inès"]
CITIES = ["Paris", "Lyon", "Besançon", "Nîmes", "Orléans", "Évry", "Saint-Étienne", "Brest"]
FALLBACK_BENIGN = ["préfère RDV le matin", "tiers payant intégral", "appeler sur portable",
                   "carte Vitale à mettre à jour", "ne pas laisser de message"]  # fmt: skip
FALLBACK_SENSITIVE = ["porteuse sida !!! !!!!", "serait homosexuelle d'après sa mère",
                      "mère musulmane voilée", "CMU", "fils en prison"]  # fmt: skip


def corpus_comments() -> tuple[list[str], list[str]]:
    """(benign, sensitive) comments of the labelled corpus that cp1252 can hold."""
    benign, sensitive = [], []
    if CORPUS.is_file():
        with CORPUS.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter=";"):
                text = row["text"].replace("\n", " ")
                try:
                    text.encode("cp1252")
                except UnicodeEncodeError:
                    continue
                (sensitive if row["sensitive"].strip() == "1" else benign).append(text)
    return benign or FALLBACK_BENIGN, sensitive or FALLBACK_SENSITIVE


def generate(path: Path, rows: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    benign, sensitive = corpus_comments()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    with temp.open("w", encoding="cp1252", errors="replace", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        for number in range(1, rows + 1):
            draw = rng.random()
            if draw < 0.45:
                comment = ""
            else:
                comment = rng.choice(sensitive if draw > 0.90 else benign)
                if rng.random() < 0.5:
                    comment += rng.choice(
                        (
                            f" (RDV du {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d})",
                            f" - vu le {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024",
                            f", relance {rng.randint(2, 90)} €",
                        )
                    )
            writer.writerow(
                [
                    f"{number:07d}",
                    rng.choice(SURNAMES),
                    rng.choice(FIRST),
                    f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1930, 2020)}",
                    rng.choice("MF"),
                    f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)}",
                    f"{rng.randint(1000, 95999):05d}",
                    rng.choice(CITIES),
                    comment,
                ]
            )
    temp.replace(path)


BARE_CSV = """
import csv, sys, time
began = time.perf_counter()
rows = 0
with open(sys.argv[1], encoding="cp1252", newline="") as handle:
    for row in csv.reader(handle, delimiter=";"):
        rows += 1
print(rows - 1, time.perf_counter() - began)
"""


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc; 0 elsewhere)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(
                next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes and their own children:
    a figure that the other engineers' load on this shared machine barely changes."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


LAST_CPU = [0.0]


def timed(command: list[str], stdout: Path | None = None) -> tuple[float, float, str]:
    """(seconds, peak resident MB of the whole process tree, stdout text or ''); the CPU
    seconds of the run are left in ``LAST_CPU[0]``."""
    cpu = children_cpu()
    began = time.perf_counter()
    out = stdout.open("w", encoding="utf-8") if stdout else subprocess.PIPE
    peak = 0
    try:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, text=True)
        while child.poll() is None:
            peak = max(peak, tree_rss_kb(child.pid))
            time.sleep(0.05)
        text_out, text_err = child.communicate()
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    seconds = time.perf_counter() - began
    LAST_CPU[0] = children_cpu() - cpu
    if child.returncode != 0:
        raise SystemExit(f"{command} failed ({child.returncode}): {text_err[-2000:]}")
    if text_err.strip():  # e.g. «not journaled»: the run did not do the whole job
        print(f"  stderr: {text_err.strip()[-300:]}")
    return seconds, peak / 1024, text_out if not stdout else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--all", action="store_true", help="also time one-process runs")
    args = parser.parse_args()
    path = DATA / f"scan_{args.rows}.csv"
    if args.regenerate or not path.is_file():
        began = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {path.name} in {time.perf_counter() - began:.1f} s")
    size = path.stat().st_size / 1e6
    print(f"file: {path.name}, {args.rows:,} rows, {size:.1f} MB, cp1252, ';'")

    seconds, peak, out = timed([PYTHON, "-c", BARE_CSV, str(path)])
    bare = float(out.split()[1])
    print(f"bare csv.reader:  {bare:6.2f} s in-process ({seconds:.2f} s with start-up)")
    print(
        f"load average (shared machine): {os.getloadavg()[0]:.2f}"
        if hasattr(os, "getloadavg")
        else ""
    )

    # A practice PC has an OS keyring: the log key is read from it, no scrypt. A file-backed
    # stand-in (bench_keyring.py, loaded by keyring's own PYTHON_KEYRING_BACKEND) keeps the key
    # between runs; a first scan of a small file creates the key, the journal and the
    # compiled-matcher cache, as earlier use of the app has on a practice PC.
    os.environ.pop("HUISCLOS_PASSPHRASE", None)
    os.environ["PYTHON_KEYRING_BACKEND"] = "bench_keyring.FileKeyring"
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    with tempfile.TemporaryDirectory() as home:
        os.environ["HUISCLOS_HOME"] = str(Path(home) / "data")
        os.environ["HUISCLOS_STATE_HOME"] = str(Path(home) / "state")
        os.environ["HUISCLOS_BENCH_KEYRING"] = str(Path(home) / "keyring.json")
        small = Path(home) / "small.csv"
        generate(small, 200)
        warm = subprocess.run(
            [PYTHON, "-m", "huisclos", "scan", str(small)], capture_output=True, text=True
        )
        if warm.returncode != 0 or warm.stderr.strip():
            raise SystemExit(f"warm-up scan failed: {warm.stderr[-2000:]}")
        jsonl = Path(home) / "findings.jsonl"
        command = [PYTHON, "-m", "huisclos", "scan", str(path), "--format", "jsonl"]

        def run(label: str, extra: list[str], processes: str | None = None) -> None:
            if processes is None:
                os.environ.pop("HUISCLOS_SCAN_PROCESSES", None)
            else:
                os.environ["HUISCLOS_SCAN_PROCESSES"] = processes
            seconds, peak, _ = timed([*command, *extra], stdout=jsonl)
            with jsonl.open(encoding="utf-8") as handle:
                lines = sum(1 for _ in handle)
            print(
                f"{label:<44} {seconds:6.2f} s, {args.rows / seconds:9,.0f} rows/s, "
                f"{seconds / bare:5.2f}x csv.reader, peak {peak:6,.0f} MB, "
                f"CPU {LAST_CPU[0]:5.2f} s, {lines:,} findings"
            )

        run("scan --format jsonl (default workers)", [])
        run("scan --format jsonl --no-suggestions", ["--no-suggestions"])
        if args.all:
            run("scan --format jsonl, one process", [], "0")
            run("scan --format jsonl --no-suggestions, one proc.", ["--no-suggestions"], "0")
        os.environ.pop("HUISCLOS_SCAN_PROCESSES", None)
        text = Path(home) / "summary.txt"
        seconds, peak, _ = timed(
            [PYTHON, "-m", "huisclos", "scan", str(path), "--format", "text"], stdout=text
        )
        print(
            f"{'scan --format text (default workers)':<44} {seconds:6.2f} s, "
            f"{args.rows / seconds:9,.0f} rows/s, {seconds / bare:5.2f}x csv.reader, "
            f"peak {peak:6,.0f} MB, CPU {LAST_CPU[0]:5.2f} s"
        )
        print("".join(text.open(encoding="utf-8").readlines()[:16]))


if __name__ == "__main__":
    main()
