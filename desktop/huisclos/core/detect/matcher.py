"""The matcher: which lexicon terms occur in a comment, and which comments of a batch may
hold anything at all.

Every term form, padded with one space on each side (the padding gives word boundaries for
free), goes into ONE Aho-Corasick automaton (pyahocorasick, per comment) and ONE hyperscan
database (per batch of comments; the automaton when hyperscan is not installed). Runs of three
identical letters («SIDAAA») are caught too, so the comment is tried again squeezed. For a
whole batch, :meth:`Matcher.candidates` folds and matches thousands of cells in one pass: cells
without any candidate hit cost no Python work at all. The compiled hyperscan database is kept
in the data folder's cache (lexicon terms only, no patient data).

Threading: immutable after construction; the hyperscan scan of a batch holds a lock.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import ahocorasick

try:  # the fastest exact matcher for whole batches (tests/benchmarks/bench_matcher.py)
    import hyperscan
except ImportError:  # pragma: no cover - an optional speed-up: pyahocorasick does the same
    hyperscan = None

from ..datafolder import data_dir
from ..safe_write import replace_atomically
from .identifiers import BATCH_PREFILTER
from .normalize import key_fold_bytes

logger = logging.getLogger(__name__)

Hit = tuple[int, int, tuple[int, ...]]  # start, end in the padded text, form ids


class Matcher:
    """Term keys (key-folded forms) → the ids of the forms they stand for."""

    def __init__(self, keys: dict[str, list[int]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for key, form_ids in keys.items():
            self._automaton.add_word(f" {key} ", (len(key), tuple(form_ids)))
        for letter in "abcdefghijklmnopqrstuvwxyz":  # «SIDAAA»: a cell worth squeezing
            self._automaton.add_word(letter * 3, (0, ()))
        self._automaton.make_automaton()
        self.term_count = len(keys)
        self._batch_db = _batch_database(keys) if hyperscan is not None else None
        self._batch_lock = threading.Lock()

    def scan(self, padded: str) -> Iterator[tuple[int, tuple[int, tuple[int, ...]]]]:
        """(last index, key length, form ids) of every term in the space-padded key of a
        comment; form ids are empty for a run of three identical letters."""
        return self._automaton.iter(padded)  # type: ignore[no-any-return]

    def hits(self, padded: str) -> Iterator[Hit]:
        """(start, end, form ids) of every term in a space-padded key (end: its trailing
        space)."""
        for last, (length, form_ids) in self._automaton.iter(padded):
            if form_ids:
                yield last - length, last, form_ids

    def candidates(self, texts: Sequence[str]) -> list[int]:
        """Indices of ``texts`` that may hold a finding; every other text certainly has none.

        One fold and one automaton pass over the whole batch joined with NUL separators, plus one
        regex pass for long digit runs (identifiers): no Python work per clean cell.
        """
        if not texts:
            return []
        joined = " " + " \x00 ".join(texts) + " "
        data = key_fold_bytes(joined)
        if self._batch_db is not None:
            positions: list[int] = []
            add = positions.append
            with self._batch_lock:
                self._batch_db.scan(data, match_event_handler=lambda _i, _f, end, _fl, _c: add(end))
        else:
            positions = [last for last, _ in self._automaton.iter(data.decode("ascii"))]
            positions.extend(match.start() for match in BATCH_PREFILTER.finditer(data))
        if not positions:
            return []
        positions.sort()
        indices: list[int] = []
        cell = 0
        previous = 0
        count = data.count
        for position in positions:
            cell += count(b"\x00", previous, position)
            previous = position
            if not indices or indices[-1] != cell:
                indices.append(cell)
        return indices


def _batch_database(keys: Iterable[str]):  # type: ignore[no-untyped-def]
    """One hyperscan database: every padded key, stretched letters, and long digit runs."""
    expressions = [re.escape(f" {key} ").encode("ascii") for key in sorted(keys)]
    expressions += [(letter * 3).encode("ascii") for letter in "abcdefghijklmnopqrstuvwxyz"]
    expressions.append(BATCH_PREFILTER.pattern)
    digest = hashlib.sha256(b"\n".join([hyperscan.__version__.encode(), *expressions])).hexdigest()
    cached = _load_cached_database(digest)
    if cached is not None:
        return cached
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=list(range(len(expressions))))
    _save_cached_database(digest, database)
    return database


def _cache_folder() -> Path:
    return data_dir() / "cache"


def _load_cached_database(digest: str):  # type: ignore[no-untyped-def]
    """The compiled matcher saved by an earlier run (no compiling at every start), or None."""
    try:
        data = (_cache_folder() / f"matcher-{digest[:32]}.hs").read_bytes()
        database = hyperscan.loadb(data, hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
        return database
    except Exception:  # missing, stale, other hyperscan build: compile again
        return None


def _save_cached_database(digest: str, database) -> None:  # type: ignore[no-untyped-def]
    """Keep only the matcher of the current lexicon (no patient data: lexicon terms only)."""
    try:
        folder = _cache_folder()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = folder / f"matcher-{digest[:32]}.hs"
        for old in folder.glob("matcher-*.hs"):
            if old != target:
                old.unlink(missing_ok=True)
        data = hyperscan.dumpb(database)
        replace_atomically(target, lambda handle: handle.write(data))
    except Exception:  # a read-only data folder only costs the compile time
        logger.info("Matcher cache not written", exc_info=True)
