"""Benchmark: what a rewrite costs per distinct flagged comment.

Run by hand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_rewrite.py [--repeat 5]

The comments are distinct: every sensitive comment of the labelled corpus
(``tests/data/corpus/comments.csv``), of the rewrite corpus (``tests/data/rewrites/``, when
there) and of the bundled demo export, each once. Detection runs first and is not timed; then,
for every flagged comment:

1. ``first_suggestion(text, findings, complete=True)`` — what the scan computes for each flagged
   cell (the «Tout appliquer» and ``huisclos clean`` text);
2. ``suggest(text, findings)`` — every suggestion the detail panel lists for the selected
   comment.

Each pass starts with the detector's memo of seen texts emptied (a scan meets each rewrite for
the first time). Prints µs per flagged comment for each (best of ``--repeat`` passes, and CPU
time, which the other engineers' load on this shared machine barely changes). Run it two or
three times.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS = REPO / "tests" / "data" / "corpus" / "comments.csv"
REWRITES = REPO / "tests" / "data" / "rewrites" / "rewrites.tsv"
DEMO = REPO / "resources" / "demo" / "patients-demo.csv"

os.environ.setdefault("HUISCLOS_CACHE", str(Path(tempfile.gettempdir()) / "huisclos-bench-cache"))

from huisclos.core.detect.detector import Detector  # noqa: E402
from huisclos.core.rewrite.suggestions import first_suggestion, suggest  # noqa: E402


def distinct_comments() -> list[str]:
    """Every comment of the corpora and of the demo export, each once, in a fixed order."""
    texts: list[str] = []
    with CORPUS.open(encoding="utf-8", newline="") as stream:
        texts += [row["text"] for row in csv.DictReader(stream, delimiter=";")]
    if REWRITES.is_file():
        with REWRITES.open(encoding="utf-8", newline="") as stream:
            texts += [row["text"] for row in csv.DictReader(stream, delimiter="\t")]
    if DEMO.is_file():
        from huisclos.core.exports.columns import free_text_columns
        from huisclos.core.exports.reading import read_export

        export = read_export(DEMO)
        for table in export.tables:
            for _, values in table.iter_column_values(free_text_columns(table)):
                texts += [value for value in values if value.strip()]
    return list(dict.fromkeys(texts))


def timed(detector: Detector, function, cases) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds) of one pass of ``function`` over ``cases``. The detector
    forgets the rewrites it saw in an earlier pass (each is new in a real scan); the comments
    themselves are detected again first, untimed, as the scan has done before it rewrites."""
    detector._memo.clear()
    for text, _ in cases:
        detector.detect(text)
    wall, cpu = time.perf_counter(), time.process_time()
    for text, findings in cases:
        function(text, findings)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    detector = Detector.default()
    cases = [(text, found) for text in distinct_comments() if (found := detector.detect(text))]
    print(f"{len(cases)} distinct flagged comments")

    def first(text, findings):  # type: ignore[no-untyped-def]
        return first_suggestion(text, findings, detector=detector, complete=True)

    def every(text, findings):  # type: ignore[no-untyped-def]
        return suggest(text, findings, detector=detector)

    for name, function in (("first_suggestion (scan, bulk)", first), ("suggest (panel)", every)):
        timed(detector, function, cases[:50])  # warm caches
        runs = [timed(detector, function, cases) for _ in range(args.repeat)]
        wall = min(run[0] for run in runs)
        cpu = min(run[1] for run in runs)
        print(
            f"{name:32} {wall / len(cases) * 1e6:8.0f} µs per comment (wall, best of "
            f"{args.repeat}), {cpu / len(cases) * 1e6:8.0f} µs CPU"
        )


if __name__ == "__main__":
    sys.exit(main())
