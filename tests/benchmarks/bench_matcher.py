"""Benchmark: which multi-pattern matcher finds the candidate cells of a batch fastest?

Run by hand (not collected by pytest)::

    /work/venv/bin/python tests/benchmarks/bench_matcher.py [--rows 1000000]

All three run over the same key-folded batch (``normalize.key_fold_bytes`` of the comments of the
bench_scan export joined with NUL separators, one byte per character) and must report exactly
the same set of candidate cells; the keys are the detector's own (every lexicon term and its
variants, padded with spaces for word boundaries, plus «aaa»…«zzz» for stretched letters):

- ``re``: one alternation over all keys, built as a trie (``(?:s(?:ida|ero(?:po|…)))``) so the
  engine tries at most one branch per letter, compiled on bytes;
- ``pyahocorasick``: the detector's automaton, on the batch decoded to str;
- ``hyperscan``: one literal database (if the ``hyperscan`` wheel is installed).

The digit-run regex for identifiers is timed separately (the same for all). The fold itself is
timed once. Figures are wall-clock seconds on a shared machine: run twice, keep the best.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_scan import DATA, generate  # noqa: E402

from huisclos.core.detect.detector import Detector  # noqa: E402
from huisclos.core.detect.identifiers import BATCH_PREFILTER  # noqa: E402
from huisclos.core.detect.normalize import key_fold_bytes  # noqa: E402
from huisclos.core.exports.reading import read_export  # noqa: E402


def trie_regex(keys: list[bytes]) -> bytes:
    """A regex alternation shaped as a trie: shared prefixes are factored out."""
    trie: dict = {}
    for key in keys:
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = True

    def render(node: dict) -> bytes:
        ends = None in node
        branches = [re.escape(bytes([b])) + render(child) for b, child in sorted(
            (k, v) for k, v in node.items() if k is not None)]  # fmt: skip
        if not branches:
            return b""
        body = branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"
        if ends:
            return b"(?:" + body + b")?"
        return body

    return render(trie)


def cells_of(data: bytes, ends: list[int]) -> list[int]:
    ends.sort()
    cells: list[int] = []
    cell = previous = 0
    for end in ends:
        cell += data.count(b"\x00", previous, end)
        previous = end
        if not cells or cells[-1] != cell:
            cells.append(cell)
    return cells


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    path = DATA / f"scan_{args.rows}.csv"
    if not path.is_file():
        generate(path, args.rows)
    table = read_export(path).table
    texts = [values[0] for _, values in table.iter_column_values(["Commentaire administratif"])]
    detector = Detector.default()
    keys = sorted({key for key, _ in detector._matcher._automaton.items()})
    print(f"{len(texts):,} comments, {len(keys):,} keys")

    joined = " " + " \x00 ".join(texts) + " "
    began = time.perf_counter()
    data = key_fold_bytes(joined)
    print(f"fold (cp1252 encode + bytes.translate): {time.perf_counter() - began:.3f} s, "
          f"{len(data) / 1e6:.1f} MB")  # fmt: skip
    began = time.perf_counter()
    digits = [m.end() for m in BATCH_PREFILTER.finditer(data)]
    print(f"digit-run regex (identifiers): {time.perf_counter() - began:.3f} s")

    results: dict[str, list[int]] = {}

    began = time.perf_counter()
    text = data.decode("ascii")
    ends = [end for end, _ in detector._matcher._automaton.iter(text)]
    results["pyahocorasick"] = cells_of(data, ends)
    print(f"pyahocorasick: {time.perf_counter() - began:.3f} s ({len(ends):,} hits)")

    pattern = re.compile(trie_regex([k.encode("ascii") for k in keys]))
    began = time.perf_counter()
    ends = [m.end() for m in pattern.finditer(data)]
    # finditer does not report overlapping hits; cells are what matters, and a cell with a
    # hit hidden by an overlapping one still has the first hit.
    results["re (trie)"] = cells_of(data, ends)
    print(f"re (trie): {time.perf_counter() - began:.3f} s ({len(ends):,} hits)")

    try:
        import hyperscan
    except ImportError:
        print("hyperscan: not installed")
    else:
        database = hyperscan.Database()
        expressions = [re.escape(k.encode("ascii")) for k in keys]
        database.compile(
            expressions=expressions,
            ids=list(range(len(expressions))),
            flags=[hyperscan.HS_FLAG_SINGLEMATCH * 0] * len(expressions),
        )
        began = time.perf_counter()
        hits: list[int] = []
        database.scan(data, match_event_handler=lambda _i, _f, to, _fl, _c: hits.append(to))
        results["hyperscan"] = cells_of(data, hits)
        print(f"hyperscan: {time.perf_counter() - began:.3f} s ({len(hits):,} hits)")

    reference = results["pyahocorasick"]
    for name, cells in results.items():
        same = (
            "same cells" if cells == reference else f"DIFFERENT ({len(cells)} vs {len(reference)})"
        )
        print(f"  {name}: {len(cells):,} candidate cells, {same}")
    print(f"(+ {len(cells_of(data, digits)):,} cells with a long digit run)")


if __name__ == "__main__":
    main()
