"""The generated forms of the bundled lexicon: inflections and spelling variants.

``resources/lexicon/build_derived.py`` writes them at build time from pinned dictionaries (the
DELA's inflected forms; DELA, wordfreq, first names and towns as filters, so that no generated
form is another French word or a name) into ``derived/*.tsv``: ``key<TAB>rule id`` a line, the
key already folded as :func:`.terms.term_key` folds. Lines starting with ``#`` say where the
file comes from and under which licence.

They are many (tens of thousands), so they have their own :class:`.matcher.Matcher`, built once
per process and per version of the files and shared by every Detector (its hyperscan database is
cached on disk too): a practice adding a term, or a detector with another allowlist, never
compiles them again.

Threading: :func:`generated_forms` is safe to call from several threads (one lock).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from ..errors import LexiconError
from ..safe_write import replace_atomically
from . import matcher as matching
from .matcher import Matcher, ends_to_hits

logger = logging.getLogger(__name__)

MATCHER_NAME = "formes"


@dataclass(frozen=True)
class GeneratedForms:
    """The generated keys of the bundled lexicon, matched: each hit carries slots, indexes
    into :attr:`rule_ids`.

    With hyperscan, a hit's id is read by the matcher's ``by_id`` (key length, slots): the
    per-comment automaton is then never loaded (it costs half a second at every start) — a
    batch's hits come from the batch pass, a lone comment is scanned by the same database."""

    rule_ids: tuple[str, ...]
    matcher: Matcher
    count: int

    def hits(self, padded: str) -> list[matching.Hit]:
        """(start, end, slots) of every generated key in a space-padded comment key (a batch's
        cells take theirs from the batch pass)."""
        matcher = self.matcher
        if not matcher.batch_ids:
            return list(matcher.hits(padded))
        return ends_to_hits(matcher, matcher.match_ends(padded.encode("ascii")))


_lock = threading.Lock()
_cache: dict[tuple[object, ...], GeneratedForms] = {}


def _stamp(paths: Sequence[Path]) -> tuple[object, ...]:
    """The files' identity, and whether hyperscan serves the batches (tests switch it off)."""
    out: list[object] = [matching.hyperscan is not None]
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        out.append((str(path), info.st_mtime, info.st_size))
    return tuple(out) if len(out) > 1 else ()


def read_generated_keys(paths: Sequence[Path]) -> dict[str, list[str]]:
    """key → rule ids, from the generated files (comments skipped); raises LexiconError."""
    keys: dict[str, list[str]] = {}
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise LexiconError(
                f"Le fichier de formes du lexique « {path.name} » est illisible ({error})."
            ) from error
        for line in lines:
            if not line or line.startswith("#"):
                continue
            key, _, rule_id = line.partition("\t")
            if key and rule_id:
                rules = keys.setdefault(key, [])
                if rule_id not in rules:
                    rules.append(rule_id)
    return keys


def generated_forms(
    paths: Sequence[Path], progress: Callable[[str], None] | None = None
) -> GeneratedForms | None:
    """The matcher of the generated forms in ``paths`` (None when there are none), built once
    per process and per version of the files; a later process restores it from the cache."""
    stamp = _stamp(paths)
    if not stamp:
        return None
    with _lock:
        cached = _cache.get(stamp)
        if cached is not None:
            return cached
        digest = _files_digest(paths)
        forms = _restore(digest)
        if forms is None:
            forms = _build(paths, progress)
            _save(digest, forms)
        _cache.clear()  # only the current version of the files is worth keeping
        _cache[stamp] = forms
        return forms


def _build(paths: Sequence[Path], progress: Callable[[str], None] | None) -> GeneratedForms:
    keys = read_generated_keys(paths)
    slots: dict[str, int] = {}
    by_key: dict[str, list[int]] = {}
    for key, rule_ids in keys.items():
        by_key[key] = [slots.setdefault(rule_id, len(slots)) for rule_id in rule_ids]
    matcher = Matcher(by_key, name=MATCHER_NAME, stretched=False, progress=progress)
    return GeneratedForms(tuple(slots), matcher, len(by_key))


def _files_digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256(b"hyperscan" if matching.hyperscan is not None else b"aho-corasick")
    for path in paths:
        digest.update(path.read_bytes())
        digest.update(b"\x00")
    return digest.hexdigest()[:32]


def _saved(digest: str) -> tuple[Path, Path]:
    folder = matching.cache_folder()
    return folder / f"formes-{digest}.json", folder / f"formes-{digest}.automate"


def _save(digest: str, forms: GeneratedForms) -> None:
    """Keep the automaton of the generated forms beside its compiled database, so the next
    start reads it instead of building it (lexicon keys only, no patient data)."""
    description, automaton = _saved(digest)
    try:
        description.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in description.parent.glob("formes-*"):
            if old not in (description, automaton):
                old.unlink(missing_ok=True)
        values: dict[tuple[int, tuple[int, ...]], int] = {}
        for _, value in forms.matcher.automaton.items():
            values.setdefault(value, len(values))
        ids = [values[value] for value in forms.matcher.by_id or ()]
        partial = automaton.with_name(automaton.name + ".partiel")
        forms.matcher.automaton.save(str(partial), lambda value: b"%d" % values[value])
        os.chmod(partial, 0o600)
        os.replace(partial, automaton)
        text = json.dumps(
            {
                "rule_ids": forms.rule_ids,
                "count": forms.count,
                "digest": forms.matcher.digest,
                "values": [[length, list(slots)] for length, slots in values],
                "ids": ids,
            }
        )
        replace_atomically(description, lambda handle: handle.write(text.encode("utf-8")))
    except Exception:  # a read-only data folder only costs the build at the next start
        logger.info("Generated forms not cached", exc_info=True)


def _restore(digest: str) -> GeneratedForms | None:
    description, automaton = _saved(digest)
    try:
        saved = json.loads(description.read_text(encoding="utf-8"))
        values = [(int(length), tuple(int(i) for i in ids)) for length, ids in saved["values"]]
        by_id = tuple([values[index] for index in saved["ids"]])
        if matching.hyperscan is not None and len(by_id) != int(saved["count"]):
            return None  # saved before hyperscan's ids were kept: build it again

        def load() -> ahocorasick.Automaton:
            return ahocorasick.load(str(automaton), lambda raw: values[int(raw)])

        matcher = Matcher.restored(load, int(saved["count"]), MATCHER_NAME, saved["digest"], by_id)
        if matcher is None:
            return None
        return GeneratedForms(tuple(saved["rule_ids"]), matcher, int(saved["count"]))
    except Exception:  # missing, stale or damaged: build it again
        return None


def needs_compile(paths: Sequence[Path]) -> bool:
    """Whether building the generated forms' matcher will compile (seconds, the first start
    on a computer or after an update) rather than restore it from the cache."""
    stamp = _stamp(paths)
    if not stamp:
        return False
    with _lock:
        if stamp in _cache:
            return False
    if matching.hyperscan is None:
        return False
    description, _ = _saved(_files_digest(paths))
    try:
        digest = json.loads(description.read_text(encoding="utf-8"))["digest"]
    except Exception:
        return True
    return not matching.is_cached(MATCHER_NAME, digest)
