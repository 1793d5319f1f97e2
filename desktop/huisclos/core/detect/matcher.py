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
import os
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, repeat
from operator import add, itemgetter
from pathlib import Path
from typing import TypeVar

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
EndFirst = TypeVar("EndFirst", bound=tuple[int, ...])  # a batch hit: its end offset first
DIGIT_RUN = -1  # the "key length" of a long digit run (an identifier may be there)


class Matcher:
    """Term keys (key-folded forms) → the ids of the forms they stand for."""

    def __init__(
        self,
        keys: dict[str, Sequence[int]],
        *,
        name: str = "lexique",
        stretched: bool = True,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        """``name`` tells the matcher's cached database apart from another's (the bundled
        generated forms have their own, so a practice term does not recompile them);
        ``stretched`` adds runs of three letters and long digit runs (one matcher of a detector
        needs them); ``progress`` hears a French message before a long compile."""
        automaton = ahocorasick.Automaton()
        shared: dict[tuple[int, ...], tuple[int, ...]] = {}  # one tuple per set of ids
        for key, form_ids in keys.items():
            ids = tuple(form_ids)
            automaton.add_word(f" {key} ", (len(key), shared.setdefault(ids, ids)))
        if stretched:
            for letter in "abcdefghijklmnopqrstuvwxyz":  # «SIDAAA»: a cell worth squeezing
                automaton.add_word(letter * 3, (0, ()))
        if not keys and not stretched:
            automaton.add_word("\x00\x00", (0, ()))  # never empty
        automaton.make_automaton()
        self._automaton = automaton
        self.term_count = len(keys)
        self._stretched = stretched
        self.digest = ""
        self._batch_db = None
        self.by_id: tuple[tuple[int, tuple[int, ...]], ...] | None = None
        if hyperscan is not None:
            literals, patterns = _expressions(keys, stretched)
            self.digest = _digest(literals, patterns)
            self._batch_db = _batch_database(literals, patterns, self.digest, name, progress)
            # hyperscan's ids → (key length, form ids), as the automaton's values; a run of
            # three letters is (0, ()), a long digit run (DIGIT_RUN, ())
            self.by_id = (
                *((len(key), shared[tuple(keys[key])]) for key in sorted(keys)),
                *([(0, ())] * 26 + [(DIGIT_RUN, ())] if stretched else []),
            )
        self._batch_lock = threading.Lock()

    @classmethod
    def restored(
        cls,
        automaton: Callable[[], ahocorasick.Automaton],
        term_count: int,
        name: str,
        digest: str,
        by_id: tuple[tuple[int, tuple[int, ...]], ...],
    ) -> Matcher | None:
        """A matcher of plain keys (no stretched letters) from the compiled database cached
        under ``digest``, its per-comment automaton loaded by ``automaton()`` only if it is ever
        needed (never while hyperscan serves: :meth:`match_ends` does its job); None when that
        database is not cached."""
        database = _load_cached_database(name, digest) if hyperscan is not None else None
        if hyperscan is not None and database is None:
            return None
        matcher = cls.__new__(cls)
        matcher._automaton = None
        matcher._load_automaton = automaton
        matcher.term_count = term_count
        matcher._stretched = False
        matcher.digest = digest
        matcher._batch_db = database
        matcher.by_id = by_id if database is not None else None
        matcher._batch_lock = threading.Lock()
        return matcher

    @property
    def automaton(self) -> ahocorasick.Automaton:
        """The per-comment automaton (to save it beside the compiled database)."""
        if self._automaton is None:
            self._automaton = self._load_automaton()
        return self._automaton

    @property
    def batch_ids(self) -> bool:
        """Whether :meth:`match_ends` serves (hyperscan): :attr:`by_id` reads its ids."""
        return self._batch_db is not None and self.by_id is not None

    def match_ends(self, data: bytes) -> list[tuple[int, int]]:
        """(end, id) of every key in folded ``data`` (hyperscan only): ``end`` is just past the
        key's trailing space, ``id`` its rank among the sorted keys."""
        found: list[tuple[int, int]] = []
        add = found.append
        with self._batch_lock:
            self._batch_db.scan(data, match_event_handler=lambda i, _f, end, _fl, _c: add((end, i)))
        return found

    def scan(self, padded: str) -> Iterator[tuple[int, tuple[int, tuple[int, ...]]]]:
        """(last index, key length, form ids) of every term in the space-padded key of a
        comment; form ids are empty for a run of three identical letters."""
        automaton = self._automaton if self._automaton is not None else self.automaton
        return automaton.iter(padded)  # type: ignore[no-any-return]

    def hits(self, padded: str) -> Iterator[Hit]:
        """(start, end, form ids) of every term in a space-padded key (end: its trailing
        space)."""
        for last, (length, form_ids) in self.automaton.iter(padded):
            if form_ids:
                yield last - length, last, form_ids

    def candidates(self, texts: Sequence[str]) -> list[int]:
        """Indices of ``texts`` that may hold a finding; every other text certainly has none.

        One fold and one automaton pass over the whole batch joined with NUL separators, plus one
        regex pass for long digit runs (identifiers): no Python work per clean cell.
        """
        if not texts:
            return []
        return cells(cell_starts(texts), self.positions(fold_batch(texts)))

    def positions(self, data: bytes) -> list[int]:
        """Where terms end in a folded batch (:func:`fold_batch`), unsorted."""
        if self._batch_db is not None:
            positions: list[int] = []
            add = positions.append
            with self._batch_lock:
                self._batch_db.scan(data, match_event_handler=lambda _i, _f, end, _fl, _c: add(end))
            return positions
        positions = [last for last, _ in self.automaton.iter(data.decode("ascii"))]
        if self._stretched:
            positions.extend(match.start() for match in BATCH_PREFILTER.finditer(data))
        return positions


class SpanMatcher:
    """Regular expressions over a folded text, each match reported with where it starts too
    (hyperscan's leftmost start): a few hundred short patterns, one text at a time. Compiled
    once per set of patterns and cached beside the lexicon's database; without hyperscan (or
    without patterns) :attr:`available` is False and the caller finds them its own way."""

    def __init__(self, patterns: Sequence[bytes], name: str) -> None:
        self._database = None
        if hyperscan is not None and patterns:
            digest = _digest([b"leftmost start"], list(patterns))
            flags = hyperscan.HS_FLAG_SOM_LEFTMOST
            self._database = _batch_database([], list(patterns), digest, name, None, flags)
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        return self._database is not None

    def spans(self, data: bytes) -> list[tuple[int, int, int]]:
        """(end, start, pattern index) of every match in ``data`` (end first, as
        :func:`hits_by_cell` reads them)."""
        found: list[tuple[int, int, int]] = []
        add = found.append
        with self._lock:
            self._database.scan(  # type: ignore[union-attr]
                data, match_event_handler=lambda i, start, end, _f, _c: add((end, start, i))
            )
        return found


def fold_batch(texts: Sequence[str]) -> bytes:
    """A batch of cells as one folded, space-padded text, the cells separated by NUL."""
    return key_fold_bytes(" " + " \x00 ".join(texts) + " ")


def ends_to_hits(matcher: Matcher, ends: Sequence[tuple[int, int]]) -> list[Hit]:
    """(start, end, ids) in a padded key from the (end, id) of :meth:`Matcher.match_ends`."""
    by_id = matcher.by_id
    assert by_id is not None
    out = []
    for end, key_id in ends:
        length, ids = by_id[key_id]
        out.append((end - 1 - length, end - 1, ids))
    return out


def cell_starts(texts: Sequence[str]) -> list[int]:
    """Where each cell's space-padded key starts in :func:`fold_batch` of ``texts`` (one
    character is one byte; a cell and its separator take its length plus three), and where the
    batch ends."""
    lengths = accumulate(map(len, texts), initial=0)
    return list(map(add, lengths, range(0, 3 * len(texts) + 1, 3)))


def hits_by_cell(starts: list[int], found: list[EndFirst]) -> dict[int, list[EndFirst]]:
    """The (end, id) of :meth:`Matcher.match_ends` (or the (end, start, id) of
    :meth:`SpanMatcher.spans`) on a folded batch, by cell index (``starts``: :func:`cell_starts`),
    in cell order; the offsets stay offsets in the batch (cell ``k``'s space-padded key starts at
    ``starts[k]``). No Python step per hit: the cells are found by ``bisect`` mapped over the
    sorted ends, the hits of a cell are a slice."""
    if not found:
        return {}
    found.sort(key=itemgetter(0))  # hyperscan reports by end already: one pass, order kept
    cells = list(map(bisect_left, repeat(starts), map(itemgetter(0), found)))
    per_cell: dict[int, list[EndFirst]] = {}
    low = 0
    for cell in dict.fromkeys(cells):
        high = bisect_right(cells, cell, low)
        per_cell[cell - 1] = found[low:high]  # starts[cell - 1] < end <= starts[cell]
        low = high
    return per_cell


def cells(starts: list[int], positions: list[int]) -> list[int]:
    """The indices of the cells of a folded batch (``starts``: :func:`cell_starts`) in which the
    ``positions`` fall, in order, each once. Cells are told apart by their lengths, not by the
    NUL between them: a comment may hold a NUL too."""
    found = dict.fromkeys(map(bisect_right, repeat(starts), sorted(positions)))
    return [cell - 1 for cell in found]


# Past this many keys a first compile takes seconds: the caller is told (a status message).
LONG_COMPILE_KEYS = 20_000


def _batch_database(  # type: ignore[no-untyped-def]
    literals: list[bytes],
    patterns: list[bytes],
    digest: str,
    name: str,
    progress: Callable[[str], None] | None,
    flags: int = 0,
):
    """One hyperscan database: every padded key (plain literals) and the ``patterns``
    (stretched letters, long digit runs), the patterns compiled with ``flags``; loaded from the
    cache when compiled before."""
    cached = _load_cached_database(name, digest)
    if cached is not None:
        return cached
    if progress is not None and len(literals) > LONG_COMPILE_KEYS:
        progress("Préparation du lexique pour ce poste (une seule fois, quelques secondes)…")
    database = hyperscan.Database()
    if patterns:
        expressions = [re.escape(literal) for literal in literals] + patterns
        flagged = [0] * len(literals) + [flags] * len(patterns)
        database.compile(expressions=expressions, ids=list(range(len(expressions))), flags=flagged)
    else:  # plain literals: hyperscan's literal compiler is the faster one
        database.compile(expressions=literals, ids=list(range(len(literals))), literal=True)
    _save_cached_database(name, digest, database)
    return database


def _expressions(keys: Iterable[str], stretched: bool) -> tuple[list[bytes], list[bytes]]:
    """(padded keys, patterns): the stretched-letter runs and digit runs come with
    ``stretched``."""
    literals = [f" {key} ".encode("ascii") for key in sorted(keys)]
    patterns: list[bytes] = []
    if stretched:
        patterns = [(letter * 3).encode("ascii") for letter in "abcdefghijklmnopqrstuvwxyz"]
        patterns.append(BATCH_PREFILTER.pattern)
    return literals, patterns


def _digest(literals: list[bytes], patterns: list[bytes]) -> str:
    version = hyperscan.__version__.encode()
    return hashlib.sha256(b"\n".join([version, *literals, b"\x00", *patterns])).hexdigest()


def cache_folder() -> Path:
    """Where compiled matchers are kept: ``$HUISCLOS_CACHE`` when set (the test suite shares
    one across its data folders), else ``cache/`` in the data folder."""
    override = os.environ.get("HUISCLOS_CACHE")
    return Path(override) if override else data_dir() / "cache"


def _cache_file(name: str, digest: str) -> Path:
    return cache_folder() / f"matcher-{name}-{digest[:32]}.hs"


def is_cached(name: str, digest: str) -> bool:
    """Whether the compiled database ``digest`` of a matcher is cached (no compile to do)."""
    return hyperscan is None or _cache_file(name, digest).is_file()


def _load_cached_database(name: str, digest: str):  # type: ignore[no-untyped-def]
    """The compiled matcher saved by an earlier run (no compiling at every start), or None."""
    try:
        data = _cache_file(name, digest).read_bytes()
        database = hyperscan.loadb(data, hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
        return database
    except Exception:  # missing, stale, other hyperscan build: compile again
        return None


def _save_cached_database(name: str, digest: str, database) -> None:  # type: ignore[no-untyped-def]
    """Keep only the current matcher of each name (no patient data: lexicon terms only)."""
    try:
        target = _cache_file(name, digest)
        folder = target.parent
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in folder.glob(f"matcher-{name}-*.hs"):
            if old != target:
                old.unlink(missing_ok=True)
        data = hyperscan.dumpb(database)
        replace_atomically(target, lambda handle: handle.write(data))
    except Exception:  # a read-only data folder only costs the compile time
        logger.info("Matcher cache not written", exc_info=True)
