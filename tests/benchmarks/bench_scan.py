"""Benchmark: ``huisclos scan`` and ``huisclos clean`` end to end on two 1,000,000-row cp1252 ';'
exports.

Run by hand (not collected by pytest)::

    /work/venv/bin/python tests/benchmarks/bench_scan.py [--rows 1000000] [--export both]

Two exports, generated once in the temporary folder (``huisclos-bench-scan/``), patient columns
plus a «Commentaire administratif» column:

- ``repeated``: ~45 % empty, ~45 % benign and ~10 % sensitive comments drawn from the labelled
  corpus, half of them with a random date or amount appended — most comments repeat, so most
  are analysed once and then found in the detector's memo;
- ``distinct`` (:mod:`distinct_export`): half empty, ~10 % of rows sensitive, two or three
  clauses a comment with dates, hours, names, phones and amounts, as a real practice base.
  Counted on the 1M-row file: 500,000-odd non-empty comments, about 84 % of them distinct
  (the benchmark prints the count it finds).

Then, each in a fresh process (same conditions):

1. a bare ``csv.reader`` pass over the same file (decode cp1252, split every field);
2. ``huisclos scan FILE --format jsonl > findings.jsonl`` — read + detect + JSON out
   (``suggestion`` null: the scan's job is detection), the ``scan`` log event included, its key
   in a keyring as on a practice PC (``bench_keyring.py`` via ``PYTHON_KEYRING_BACKEND``);
3. the same with ``--suggestions`` (a rewrite for every flagged comment);
   ``--all`` adds one-process runs (``HUISCLOS_SCAN_PROCESSES=0``);
4. ``--format text`` (summary + every flagged comment);
5. ``huisclos clean FILE -o OUT`` (scan + a rewrite of every flagged comment + the spliced copy
   + the journal's events);
6. in one process, the distinct comments alone: how many are candidates (the matcher hits
   something), and the cost per distinct candidate of detection (context checks, qualifiers)
   and of rewriting. Detection is timed twice: comment by comment (each one matched again, the
   regexes compiled on first use), then on the scan's own path (``Detector.detect_batch`` on
   the same comments, warm, the matcher pass taken off).

Prints seconds, rows/s, the ratio to the bare csv.reader pass of the same run, CPU seconds and
peak memory (resident memory of the whole process tree, worker processes included, sampled
every 50 ms). Targets (issues 3 and 17): scan ≥ 300,000 rows/s, ≤ 3× csv.reader, ≤ 1 GB on both
exports; clean ≤ 5× csv.reader (≥ 150,000 rows/s) on the distinct one. The machine is shared:
run it two or three times, compare ratios rather than seconds.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import distinct_export

HERE = Path(__file__).resolve().parent
DATA = Path(tempfile.gettempdir()) / "huisclos-bench-scan"  # not the shared _data/
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


def generate(path: Path, rows: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    benign, sensitive = distinct_export.corpus_comments()
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
            cells = distinct_export.patient_cells(rng, number, SURNAMES, FIRST, CITIES, _phone)
            writer.writerow([*cells, comment])
    temp.replace(path)


def _phone(rng: random.Random) -> str:
    pairs = [rng.randint(10, 99) for _ in range(4)]
    return "06 " + " ".join(f"{pair}" for pair in pairs)


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


PER_CANDIDATE = """
import json, sys, time
from huisclos.core.detect.detector import Detector
from huisclos.core.exports.columns import free_text_columns
from huisclos.core.exports.reading import read_export
from huisclos.core.rewrite.suggestions import first_suggestion
from huisclos.core.review.batches import read_batch

table = read_export(sys.argv[1]).tables[0]
texts = read_batch(table, free_text_columns(table), 1, len(table))
distinct = list(dict.fromkeys(t for t in texts if t))
detector = Detector.default()
began = time.perf_counter()
candidates = []
for low in range(0, len(distinct), 20_000):
    chunk = distinct[low : low + 20_000]
    candidates.extend(chunk[i] for i in detector.candidates(chunk))
matched = time.perf_counter() - began
began = time.perf_counter()
found = [(text, detector.detect_raw(text)) for text in candidates]
detected = time.perf_counter() - began
flagged = [(text, raw) for text, raw in found if raw]
again = Detector(detector.lexicon, detector.allowlist)  # nothing seen yet, regexes compiled
began = time.perf_counter()
for low in range(0, len(distinct), 20_000):
    again.detect_batch(distinct[low : low + 20_000])
batched = time.perf_counter() - began
began = time.perf_counter()
for text, raw in flagged:
    first_suggestion(text, detector.findings_from(text, raw), detector=detector, complete=True)
rewritten = time.perf_counter() - began
print(json.dumps({"non_empty": sum(1 for t in texts if t), "distinct": len(distinct),
                  "candidates": len(candidates), "flagged": len(flagged), "matched": matched,
                  "detected": detected, "batched": batched, "rewritten": rewritten}))
"""


def per_candidate(path: Path) -> None:
    """Print the distinct comments' figures and the cost per distinct candidate (one process)."""
    _, _, out = timed([PYTHON, "-c", PER_CANDIDATE, str(path)])
    f = json.loads(out)
    matched = 1e6 * f["matched"] / max(f["distinct"], 1)
    detected = 1e6 * f["detected"] / max(f["candidates"], 1)
    share = f["distinct"] / max(f["non_empty"], 1)
    print(
        f"  comments: {f['non_empty']:,} non-empty, {f['distinct']:,} distinct ({share:.0%}); "
        f"{f['candidates']:,} distinct candidates, {f['flagged']:,} flagged"
    )
    print(
        f"  per distinct comment, matcher pass: {matched:5.2f} µs;"
        f" per distinct candidate, detection: {detected:5.1f} µs"
        f" ({f['detected']:.2f} s); per flagged comment, rewriting: "
        f"{1e6 * f['rewritten'] / max(f['flagged'], 1):5.1f} µs ({f['rewritten']:.2f} s, "
        f"{1e6 * f['rewritten'] / max(f['candidates'], 1):5.1f} µs per candidate)"
    )
    # The scan's own path: each batch matched once, its candidates checked with the batch's
    # hits, the flagged ones' qualifier phrases found in one pass (the matcher pass taken off).
    on_path = 1e6 * max(f["batched"] - f["matched"], 0.0) / max(f["candidates"], 1)
    print(
        f"  the scan's path (Detector.detect_batch, warm): {f['batched']:.2f} s in all, "
        f"detection {on_path:5.1f} µs per distinct candidate once the matcher pass is taken off"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--export", choices=("both", "repeated", "distinct"), default="both")
    parser.add_argument("--all", action="store_true", help="also time one-process runs")
    parser.add_argument("--skip", default="", help="comma-separated: text,suggestions,clean,costs")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    kinds = ("repeated", "distinct") if args.export == "both" else (args.export,)
    paths = {}
    for kind in kinds:
        path = DATA / (
            f"scan_{args.rows}.csv" if kind == "repeated" else f"distinct_{args.rows}.csv"
        )
        if args.regenerate or not path.is_file():
            began = time.perf_counter()
            if kind == "repeated":
                generate(path, args.rows)
            else:
                distinct_export.generate(path, args.rows, HEADER)
            print(f"generated {path.name} in {time.perf_counter() - began:.1f} s")
        paths[kind] = path

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
        print(
            f"load average (shared machine): {os.getloadavg()[0]:.2f}"
            if hasattr(os, "getloadavg")
            else ""
        )
        for kind, path in paths.items():
            bench_export(kind, path, args, skip, Path(home))


def bench_export(
    kind: str, path: Path, args: argparse.Namespace, skip: set[str], home: Path
) -> None:
    """Every figure of one export."""
    size = path.stat().st_size / 1e6
    print(f"\n== {kind} export: {path.name}, {args.rows:,} rows, {size:.1f} MB, cp1252, ';'")
    seconds, peak, out = timed([PYTHON, "-c", BARE_CSV, str(path)])
    bare = float(out.split()[1])
    print(f"bare csv.reader:  {bare:6.2f} s in-process ({seconds:.2f} s with start-up)")
    jsonl = home / "findings.jsonl"
    command = [PYTHON, "-m", "huisclos", "scan", str(path), "--format", "jsonl"]

    def report(label: str, seconds: float, peak: float, extra: str = "") -> None:
        print(
            f"{label:<44} {seconds:6.2f} s, {args.rows / seconds:9,.0f} rows/s, "
            f"{seconds / bare:5.2f}x csv.reader, peak {peak:6,.0f} MB, "
            f"CPU {LAST_CPU[0]:5.2f} s{extra}"
        )

    def run(label: str, extra: list[str], processes: str | None = None) -> None:
        if processes is None:
            os.environ.pop("HUISCLOS_SCAN_PROCESSES", None)
        else:
            os.environ["HUISCLOS_SCAN_PROCESSES"] = processes
        seconds, peak, _ = timed([*command, *extra], stdout=jsonl)
        with jsonl.open(encoding="utf-8") as handle:
            lines = sum(1 for _ in handle)
        report(label, seconds, peak, f", {lines:,} findings")

    run("scan --format jsonl (default workers)", [])
    if "suggestions" not in skip:
        run("scan --format jsonl --suggestions", ["--suggestions"])
    if args.all:
        run("scan --format jsonl, one process", [], "0")
        run("scan --format jsonl --suggestions, one proc.", ["--suggestions"], "0")
    os.environ.pop("HUISCLOS_SCAN_PROCESSES", None)
    if "clean" not in skip:
        copy = home / "propre.csv"
        seconds, peak, _ = timed(
            [PYTHON, "-m", "huisclos", "clean", str(path), "-o", str(copy), "--force"]
        )
        report("clean -o propre.csv", seconds, peak)
    if "text" not in skip:
        text = home / "summary.txt"
        seconds, peak, _ = timed(
            [PYTHON, "-m", "huisclos", "scan", str(path), "--format", "text"], stdout=text
        )
        report("scan --format text (default workers)", seconds, peak)
        print("".join(text.open(encoding="utf-8").readlines()[:14]))
    if "costs" not in skip:
        per_candidate(path)


if __name__ == "__main__":
    main()
