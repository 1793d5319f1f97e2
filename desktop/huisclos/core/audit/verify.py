"""Checking the log: every record decrypts and chains to the one before, nothing is missing,
moved or cut off, and the two copies of its head — ``journal.head`` beside the database and the
anchor kept outside the data folder — agree with its end. When they disagree, the message says
which one and what that means (cut off, or put back to an earlier state).

A failed check names the first bad record and what is wrong with it, in French (altéré,
manquant, déplacé, tronqué, mauvaise clé…), as sigstore's verification errors say exactly
what failed. Pure functions over the records read by :class:`.log.AuditLog`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .head import Head
from .records import FORMAT_VERSION, GENESIS, SealedRecord, chain_hash, unseal

TRIGGERS = ("records_refuse_update", "records_refuse_delete")


class Problem(enum.StrEnum):
    """What ``verify`` found wrong (French words, shown to the user)."""

    ALTERED = "altéré"
    MISSING = "manquant"
    REORDERED = "déplacé"
    TRUNCATED = "tronqué"
    WRONG_KEY = "mauvaise clé"
    HEAD = "tête invalide"
    DELETED = "supprimé"
    ROLLED_BACK = "remis à un état antérieur"


@dataclass(frozen=True)
class Anchored:
    """The journal's anchor as read: the head it holds (None: none yet), what is wrong with it
    (French; forged, unreadable, gone), and where it is kept, for messages."""

    head: Head | None = None
    problem: str | None = None
    name: str = ""


@dataclass
class VerifyResult:
    ok: bool
    events: int
    first_bad_seq: int | None = None
    problem: str | None = None  # French: altered, missing, reordered, truncated, wrong key…
    message: str = ""  # «journal intègre : N événements» or what went wrong
    damaged: list[int] = field(default_factory=list)  # damaged records (the rest checked out)


def _events_word(count: int) -> str:
    return f"{count} événement" if count <= 1 else f"{count} événements"


def _fail(seq: int | None, problem: Problem, detail: str, good: int) -> VerifyResult:
    where = f"événement n° {seq} : " if seq is not None else ""
    return VerifyResult(
        ok=False,
        events=good,
        first_bad_seq=seq,
        problem=str(problem),
        message=f"journal non intègre ({problem.value}) — {where}{detail}",
    )


def verify_records(
    rows: list[SealedRecord],
    head: Head | None,
    head_problem: str | None,
    triggers: set[str],
    aead_for: Callable[[str], AESGCM | None],
    first_hash: bytes | None = None,
    anchor: Anchored | None = None,
    *,
    sealed_checked: bool = False,
) -> VerifyResult:
    """The verdict on ``rows``, in order, against the head, the anchor and the keys' memory.

    ``sealed_checked``: each record's version, chain hash and decryption were already checked
    by the caller, record by record with the same rules (:meth:`.log.AuditLog.verify` streams
    long records; ``rows`` then carry no ciphertext) and all passed; the numbering, the first
    record, the head, the anchor and the triggers are checked here either way.
    """
    if first_hash is not None and not rows and head is None and not head_problem:
        return _fail(
            1,
            Problem.DELETED,
            "journal supprimé : la base du journal (journal.sqlite) et sa tête (journal.head) "
            "ont disparu ou ont été vidées, alors que les clés de ce poste montrent qu'un "
            "journal avait été commencé — tous ses événements, à partir du n° 1, manquent",
            0,
        )
    previous = GENESIS
    expected = 1
    first_damage: VerifyResult | None = None
    damaged: list[int] = []
    for index, record in enumerate(rows):
        seq = record.seq
        if seq < expected:  # a number already used, or 0 and below: not one the journal gives
            return first_damage or _fail(
                expected,
                Problem.ALTERED,
                f"un enregistrement porte le n° {seq}, qui n'est pas le suivant de la suite : "
                "le journal a été modifié",
                expected - 1,
            )
        if seq != expected:
            gap = (
                f"l'événement n° {expected} a disparu"
                if seq == expected + 1
                else f"les événements n° {expected} à {seq - 1} ont disparu"
            )
            return first_damage or _fail(expected, Problem.MISSING, gap, expected - 1)
        damage = None if sealed_checked else _record_damage(rows, index, previous, aead_for)
        if damage is not None:
            if isinstance(damage, VerifyResult):  # moved records: nothing after can be trusted
                return first_damage or damage
            problem, detail = damage
            first_damage = first_damage or _fail(seq, problem, detail, seq - 1)
            damaged.append(seq)
        # The records after chain to this one's stored hash: checking goes on from it, so that
        # a damaged record does not hide the intact ones written after it.
        previous = record.hash
        expected += 1
    if first_damage is not None:
        return _separated(first_damage, damaged, expected - 1)
    count = expected - 1
    if first_hash is not None and rows and rows[0].hash != first_hash:
        return _fail(
            1,
            Problem.ALTERED,
            "ce n'est pas le premier événement du journal commencé sur ce poste : le journal a "
            "été supprimé puis recommencé, ou remplacé par un autre",
            0,
        )
    if head_problem:
        return _fail(count + 1 if count else None, Problem.HEAD, head_problem, count)
    if head is None:
        if count:
            return _fail(
                count + 1,
                Problem.HEAD,
                "la tête du journal (journal.head) a disparu : impossible de prouver que la fin "
                "du journal est complète",
                count,
            )
    elif head.seq > count:
        missing = (
            f"l'événement n° {head.seq} a été supprimé"
            if head.seq == count + 1
            else f"les événements n° {count + 1} à {head.seq} ont été supprimés"
        )
        return _fail(
            count + 1,
            Problem.TRUNCATED,
            f"le journal s'arrête au n° {count} alors que {head.seq} événements avaient été "
            f"écrits : {missing}",
            count,
        )
    elif head.seq and rows[head.seq - 1].hash != head.hash:
        return _fail(
            head.seq, Problem.ALTERED, "il ne correspond plus à la tête du journal", head.seq - 1
        )
    anchor_failure = _check_anchor(rows, count, head, anchor)
    if anchor_failure is not None:
        return anchor_failure
    if set(TRIGGERS) - triggers:
        return _fail(
            None,
            Problem.ALTERED,
            "les protections du journal contre la modification et la suppression ont été retirées",
            count,
        )
    return VerifyResult(ok=True, events=count, message=f"journal intègre : {_events_word(count)}")


def damage_warning(result: VerifyResult) -> str | None:
    """The one French warning a command or the app gives when it goes on writing to a journal
    that fails verification but still takes events (``None`` when it verifies). Call it only
    for a journal whose end is sound (``AuditLog.refusal()`` is ``None``)."""
    if result.ok:
        return None
    since = (
        f"depuis l'événement n° {result.first_bad_seq}"
        if result.first_bad_seq
        else "(ses protections ont été retirées)"
    )
    return (
        f"attention — le journal est abîmé {since} ({result.problem}) : les nouveaux "
        "événements y sont ajoutés à la suite et restent vérifiables à part. Lancez « huisclos "
        "log verify » et conservez les fichiers du dossier de données pour l'enquête."
    )


def _record_damage(
    rows: list[SealedRecord],
    index: int,
    previous: bytes,
    aead_for: Callable[[str], AESGCM | None],
) -> tuple[Problem, str] | VerifyResult | None:
    """What is wrong with one record chained after ``previous``: a problem and its French
    detail, a finished result when records were moved, or ``None`` when it is intact."""
    record = rows[index]
    seq = record.seq
    if record.version != FORMAT_VERSION:
        return Problem.ALTERED, "format d'enregistrement inconnu"
    computed = chain_hash(previous, seq, record.nonce, record.ciphertext)
    if computed != record.hash:
        origin = _misplaced(rows, index)
        if origin is not None:
            return _fail(
                seq,
                Problem.REORDERED,
                f"il contient l'enregistrement n° {origin} : des événements ont été "
                "intervertis ou déplacés",
                seq - 1,
            )
        return Problem.ALTERED, "son contenu a été modifié"
    aead = aead_for(record.key_id)
    if aead is None:
        return (
            Problem.WRONG_KEY,
            f"il est chiffré avec une clé ({record.key_id}) que ce poste ne connaît pas",
        )
    try:
        unseal(aead, record, previous)
    except InvalidTag:
        return (
            Problem.ALTERED,
            "il ne se déchiffre pas : son contenu a été modifié ou la clé ne correspond pas",
        )
    return None


def _separated(result: VerifyResult, damaged: list[int], last: int) -> VerifyResult:
    """The first damage, completed with what the rest of the journal is: the other damaged
    records, and the intact ones after the first (kept apart: they still prove their events)."""
    first = damaged[0]
    others = damaged[1:]
    intact = [seq for seq in range(first + 1, last + 1) if seq not in set(damaged)]
    notes = []
    if others:
        shown = ", ".join(f"n° {seq}" for seq in others[:10]) + (" …" if len(others) > 10 else "")
        notes.append(f"abîmés aussi : {shown}")
    if intact:
        notes.append(
            f"{_events_word(len(intact))} après le n° {first} "
            + ("est intègre" if len(intact) == 1 else "sont intègres")
        )
    if notes:
        result.message += " ; " + " ; ".join(notes)
    result.damaged = damaged
    return result


def _check_anchor(
    rows: list[SealedRecord], count: int, head: Head | None, anchor: Anchored | None
) -> VerifyResult | None:
    """The anchor against the end of the records (the head already agrees with them)."""
    if anchor is None:
        return None
    if anchor.problem:
        return _fail(count + 1 if count else None, Problem.HEAD, anchor.problem, count)
    kept = anchor.head
    if kept is None:
        return None
    if kept.seq > count:
        missing = (
            f"l'événement n° {kept.seq} manque"
            if kept.seq == count + 1
            else f"les événements n° {count + 1} à {kept.seq} manquent"
        )
        head_seq = head.seq if head is not None else 0
        return _fail(
            count + 1,
            Problem.ROLLED_BACK,
            f"la base du journal (journal.sqlite, n° {count}) et sa tête (journal.head, "
            f"n° {head_seq}) s'accordent, mais {anchor.name} en garde le n° {kept.seq} : des "
            f"copies plus anciennes du journal ont été remises en place — {missing}",
            count,
        )
    if kept.seq and rows[kept.seq - 1].hash != kept.hash:
        return _fail(
            kept.seq,
            Problem.ALTERED,
            f"il ne correspond plus à {anchor.name} : le journal a été remis à un état "
            "antérieur puis prolongé, ou remplacé",
            kept.seq - 1,
        )
    return None


def _misplaced(rows: list[SealedRecord], index: int) -> int | None:
    """The sequence number a record was written at, if it was moved from elsewhere in the log.

    A record written at position t chains from the hash of record t-1; after two records are
    swapped (whole rows, or only their contents) that hash is stored in the row at t-1 or t.
    """
    record = rows[index]
    stored = {row.seq: row.hash for row in rows}
    targets = set(stored.values())
    for candidate in stored:
        if candidate == record.seq:
            continue
        prevs = {stored.get(candidate - 1, GENESIS if candidate == 1 else b""), stored[candidate]}
        for prev in prevs:
            if prev and chain_hash(prev, candidate, record.nonce, record.ciphertext) in targets:
                return candidate
    return None
