"""Fictional patient lists of a French GP practice, for the demo, the workshop mode and benchmarks.

Nothing here is real: names and streets come from Faker ``fr_FR``; towns are real places but each
patient is invented; identifiers quoted in comments (NIR, IBAN, card numbers) are random numbers
with valid check digits so the detector recognises them. Everything is seeded: the same arguments
give the same file, byte for byte, on every machine with the same Faker version and comment bank.

Comments come from :mod:`.comments`, the fictional values that fill them and the patients from
:mod:`.values`.

Plain data in, plain data out; no Qt. Threading: pure functions, safe to call from a worker thread.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..errors import HuisclosError
from ..exports.xlsx_writer import SheetRows, write_xlsx
from ..resources import resource
from ..safe_write import write_atomically
from .comments import SampleComment, load_comment_bank
from .values import (
    ADDRESS_EXTRAS,
    ELSEWHERE,
    LANDLINE_PREFIX,
    Placeholders,
    birth_date,
    cp1252_safe,
    draw_pools,
    phone_number,
)

logger = logging.getLogger(__name__)

HEADER: tuple[str, ...] = (
    "N° dossier",
    "NOM",
    "Prénom",
    "Date de naissance",
    "Sexe",
    "Adresse",
    "Code postal",
    "Ville",
    "Téléphone",
    "Médecin traitant",
    "Commentaire administratif",
)
COMMENT_COLUMN = len(HEADER) - 1

FORMATS: tuple[str, ...] = ("csv-cp1252", "csv-utf8", "xlsx")
FORMAT_LABELS: dict[str, str] = {
    "csv-cp1252": "CSV « ; » Windows-1252 (logiciels de cabinet)",
    "csv-utf8": "CSV « ; » UTF-8",
    "xlsx": "Classeur Excel (.xlsx)",
}
FORMAT_SUFFIXES: dict[str, str] = {"csv-cp1252": ".csv", "csv-utf8": ".csv", "xlsx": ".xlsx"}

DEFAULT_SEED = 2025
DEMO_FILE = "patients-demo.csv"
DEMO_PATIENTS = 3000
DEMO_SENSITIVE_SHARE = 0.04
MAX_PATIENTS = 2_000_000


@dataclass
class SyntheticExport:
    """A generated patient list with its answer key.

    ``labels[i]`` holds the categories of row ``i``'s comment (empty when the comment is benign
    or absent) — what a trainer reveals, what a test compares against.
    """

    header: list[str]
    rows: list[list[str]]
    labels: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def sensitive_rows(self) -> list[int]:
        """0-based indexes of the rows whose comment is sensitive."""
        return [i for i, cats in enumerate(self.labels) if cats]


# --------------------------------------------------------------------------- generation


def _check_arguments(n: int, sensitive_share: float, comment_share: float = 0.3) -> None:
    if not isinstance(n, int) or n < 1 or n > MAX_PATIENTS:
        raise HuisclosError(
            f"Le nombre de patients doit être compris entre 1 et {MAX_PATIENTS:,}.".replace(
                ",", " "
            )
        )
    for name, value in (
        ("commentaires sensibles", sensitive_share),
        ("commentaires", comment_share),
    ):
        if not 0.0 <= float(value) <= 1.0:
            raise HuisclosError(f"La part de {name} doit être comprise entre 0 et 100 %.")


def _pick(
    rng: random.Random, builtin: list[SampleComment], corpus: list[SampleComment]
) -> SampleComment:
    if corpus and (not builtin or rng.random() < 0.5):
        return rng.choice(corpus)
    return rng.choice(builtin)


def generate_export(
    n: int,
    sensitive_share: float = 0.05,
    seed: int = DEFAULT_SEED,
    *,
    comment_share: float = 0.3,
    include_corpus: bool = True,
) -> SyntheticExport:
    """``n`` fictional patients with the answer key.

    Exactly ``round(n * sensitive_share)`` rows carry a sensitive comment; of the other rows about
    ``comment_share`` carry a benign one, the rest an empty comment (as in a real list). Rows are
    sorted by surname and first name, as practice software exports them.
    """
    _check_arguments(n, sensitive_share, comment_share)
    rng = random.Random(seed)
    pools = draw_pools(seed)
    bank = load_comment_bank(include_corpus)
    benign_builtin = [c for c in bank.benign if c.source == "builtin"]
    benign_corpus = [c for c in bank.benign if c.source == "corpus"]
    sens_builtin = [c for c in bank.sensitive if c.source == "builtin"]
    sens_corpus = [c for c in bank.sensitive if c.source == "corpus"]
    sensitive_idx = set(rng.sample(range(n), round(n * sensitive_share)))
    numbers = rng.sample(range(1, 3 * n + 1000), n)

    records: list[tuple[list[str], tuple[str, ...]]] = []
    for i in range(n):
        sex = rng.choice("FM")
        first = rng.choice(pools.first_names_f if sex == "F" else pools.first_names_m)
        last = rng.choice(pools.last_names)
        birth = birth_date(rng)
        born = f"{birth.day:02d}/{birth.month:02d}/{birth.year}"
        postcode, town = rng.choice(pools.area if rng.random() < 0.88 else ELSEWHERE)
        address = rng.choice(pools.streets) + rng.choice(ADDRESS_EXTRAS)
        landline = LANDLINE_PREFIX.get(postcode[:2], "0")
        phone = phone_number(rng, landline) if rng.random() > 0.04 else ""
        r = rng.random()
        doctor = pools.doctors[i % len(pools.doctors)] if r < 0.85 else ""
        if 0.85 <= r < 0.93:
            doctor = rng.choice(pools.other_doctors)
        comment, cats = "", ()
        if i in sensitive_idx:
            sample = _pick(rng, sens_builtin, sens_corpus)
        elif rng.random() < comment_share:
            sample = _pick(rng, benign_builtin, benign_corpus)
        else:
            sample = None
        if sample is not None:
            comment, cats = sample.text, sample.categories
            if sample.source == "builtin" and "{" in comment:
                patient = {"sex": sex, "birth": born, "postcode": postcode}
                comment = comment.format_map(Placeholders(rng, patient, pools))
        row = [
            str(numbers[i]),
            last,
            first,
            born,
            sex,
            address,
            postcode,
            town,
            phone,
            doctor,
            cp1252_safe(comment),
        ]
        records.append((row, cats))
    records.sort(key=lambda rec: (rec[0][1], rec[0][2], rec[0][3]))
    return SyntheticExport(list(HEADER), [r for r, _ in records], [c for _, c in records])


def generate_patients(
    n: int, sensitive_share: float = 0.05, seed: int = DEFAULT_SEED, **options: object
) -> tuple[list[str], list[list[str]]]:
    """``(header, rows)`` of ``n`` fictional patients; see :func:`generate_export`."""
    export = generate_export(n, sensitive_share, seed, **options)  # type: ignore[arg-type]
    return export.header, export.rows


def sample_comments(
    count: int,
    sensitive_share: float = 0.6,
    seed: int = DEFAULT_SEED,
    *,
    include_corpus: bool = True,
) -> list[SampleComment]:
    """``count`` comments for the workshop quiz, placeholders filled, in a shuffled order."""
    _check_arguments(max(count, 1), sensitive_share)
    rng = random.Random(seed)
    bank = load_comment_bank(include_corpus)
    pools = draw_pools(seed)
    n_sensitive = round(count * sensitive_share)
    chosen = rng.sample(bank.sensitive, min(n_sensitive, len(bank.sensitive)))
    chosen += rng.sample(bank.benign, min(count - len(chosen), len(bank.benign)))
    rng.shuffle(chosen)
    out = []
    for sample in chosen:
        text = sample.text
        if sample.source == "builtin" and "{" in text:
            text = text.format_map(Placeholders(rng, {}, pools))
        out.append(SampleComment(text, sample.categories, sample.note, sample.source))
    return out


# --------------------------------------------------------------------------- writing


def write_export(
    path: str | os.PathLike[str],
    n: int,
    sensitive_share: float = 0.05,
    fmt: str = "csv-cp1252",
    *,
    seed: int = DEFAULT_SEED,
    comment_share: float = 0.3,
    include_corpus: bool = True,
) -> Path:
    """Write ``n`` fictional patients to ``path`` and return it.

    Formats: ``csv-cp1252`` (``;``, Windows-1252, CRLF — what French practice software writes),
    ``csv-utf8`` (``;``, UTF-8 with BOM so Excel reads the accents, CRLF), ``xlsx``. The file is
    written whole or not at all (:func:`safe_write.write_atomically`).
    """
    if fmt not in FORMATS:
        raise HuisclosError(
            f"Format inconnu : « {fmt} ». Formats possibles : {', '.join(FORMATS)}."
        )
    export = generate_export(
        n, sensitive_share, seed, comment_share=comment_share, include_corpus=include_corpus
    )
    target = Path(path)

    def write(handle: BinaryIO) -> None:
        if fmt == "xlsx":
            _write_xlsx(handle, export)
            return
        encoding = "cp1252" if fmt == "csv-cp1252" else "utf-8-sig"
        text = io.TextIOWrapper(handle, encoding=encoding, newline="", errors="strict")
        writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
        writer.writerow(export.header)
        writer.writerows(export.rows)
        text.flush()
        text.detach()  # the handle stays open for the atomic write to finish

    # The content is fictional, made to share: readable by others, unlike the practice's files.
    write_atomically(target, write, 0o644, what="le fichier d'exercice")
    logger.info("wrote %d fictional patients to %s (%s)", n, target, fmt)
    return target


def _write_xlsx(handle: BinaryIO, export: SyntheticExport) -> None:
    """The exercise file as a real export looks: numbers and dates stored as such (file numbers
    and postal codes keep their zeros), texts as shared strings, the header bold and frozen."""
    widths = (11, 18, 16, 16, 6, 36, 11, 22, 16, 26, 60)
    sheet = SheetRows("Patients", [export.header, *export.rows], widths=widths)
    write_xlsx(handle, [sheet], level=1)  # fast: a workshop file, not an archive


def demo_export_path() -> Path:
    """The bundled demo export (``resources/demo/patients-demo.csv``)."""
    return resource("demo", DEMO_FILE)


def regenerate_demo(path: str | os.PathLike[str] | None = None) -> Path:
    """Rewrite the bundled demo export with its fixed parameters (run by hand, then commit)."""
    return write_export(
        path or demo_export_path(),
        DEMO_PATIENTS,
        DEMO_SENSITIVE_SHARE,
        "csv-cp1252",
        seed=DEFAULT_SEED,
    )


if __name__ == "__main__":  # python -m huisclos.core.demo.synthetic → regenerate the demo file
    print(regenerate_demo())
