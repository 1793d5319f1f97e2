"""Benchmark: «Rechercher» (Ctrl+F) in a 50,000-row export (issue 20).

Run by hand (not collected by pytest)::

    python tests/benchmarks/bench_search.py [--patients 50000]

Writes a synthetic export of distinct fictional patients (the exercise generator), reads it,
then times building the row index (the first search) and a few searches after it: a surname,
a file number, a word of the comments, a word found nowhere. Target: the first search under a
second, the next ones under 0.1 s, so typing feels immediate.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from huisclos.core.demo.synthetic import write_export
from huisclos.core.exports.reading import read_export
from huisclos.core.review.search import RowIndex


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=50_000)
    args = parser.parse_args()
    path = Path(tempfile.gettempdir()) / f"huisclos-bench-search-{args.patients}.csv"
    if not path.exists():
        write_export(path, args.patients, 0.1, "csv-cp1252")
    table = read_export(path).table
    started = time.perf_counter()
    index = RowIndex(table)
    built = time.perf_counter() - started
    print(f"{len(table)} rows: row index built in {built:.3f} s")
    some_row = table.row(len(table) // 2)
    for query in (some_row[1], some_row[0], "diabète", "zzzintrouvable"):
        started = time.perf_counter()
        found = index.find(query)
        print(f"  «{query}»: {len(found)} rows in {time.perf_counter() - started:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
