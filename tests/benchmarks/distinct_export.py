"""A benchmark export that looks like a real practice base: comments that do not repeat.

Each non-empty comment is two or three clauses joined as a secretary types them («, », « ; »,
«. », « - »): appointments with dates and hours, names to call back, amounts left to pay, the
labelled corpus's benign comments, and — in about one row in ten — one of its sensitive
comments. A few comments stay a single common corpus phrase, as real bases hold some («RDV le
matin»). Half the rows are empty. :func:`comment_figures` counts what was generated (how many
distinct comments), so the benchmarks print it rather than assume it.

Benchmarks only (``bench_scan.py``, ``bench_ui.py``); deterministic for a given seed.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "data" / "corpus" / "comments.csv"

SURNAMES = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "PETIT", "DURAND", "LEFÈBVRE",
            "MOREAU", "SIMON", "LAURENT", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX",
            "VINCENT", "FOURNIER", "MOREL", "GIRARD", "ANDRÉ", "MERCIER", "DUPONT", "LAMBERT",
            "BONNET", "FRANÇOIS", "MARTINEZ", "LEGRAND", "GARNIER", "FAURE", "ROUSSEAU", "BLANC",
            "GUERIN", "MULLER", "HENRY", "ROUSSEL", "NICOLAS", "PERRIN", "MORIN"]  # fmt: skip
FIRST = ["Émilie", "Jean", "Marie", "Hélène", "François", "Zoé", "Loïc", "Chloé", "Noël", "Inès",
         "Camille", "Lucas", "Léa", "Hugo", "Manon", "Louis", "Jade", "Gabriel", "Louise",
         "Arthur", "Alice", "Jules", "Lina", "Adam", "Rose", "Nathan", "Anna", "Paul"]  # fmt: skip
CITIES = ["Paris", "Lyon", "Besançon", "Nîmes", "Orléans", "Évry", "Saint-Étienne", "Brest"]
CIVILITIES = ["M.", "Mme", "Mr", "Madame", "Monsieur"]
RELATIVES = ["sa fille", "son fils", "son épouse", "son mari", "sa sœur", "la voisine"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
FALLBACK_BENIGN = ["préfère RDV le matin", "tiers payant intégral", "appeler sur portable",
                   "carte Vitale à mettre à jour", "ne pas laisser de message"]  # fmt: skip
FALLBACK_SENSITIVE = ["porteuse sida !!! !!!!", "serait homosexuelle d'après sa mère",
                      "mère musulmane voilée", "CMU", "fils en prison"]  # fmt: skip
JOINS = [", ", ", ", " ; ", ". ", " - ", " / "]


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


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}" + rng.choice(
        ("", "", f"/{rng.randint(2019, 2025)}")
    )


def _hour(rng: random.Random) -> str:
    return f"{rng.randint(8, 19)}h{rng.choice(('', '00', '15', '30', '45'))}"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(CIVILITIES)} {rng.choice(SURNAMES)}"


def _amount(rng: random.Random) -> str:
    return f"{rng.randint(2, 180)},{rng.choice(('00', '50', '20', '90'))} €"


def _phone(rng: random.Random) -> str:
    return "0" + " ".join(f"{rng.randint(10, 99)}" for _ in range(5))[1:]


# Clause makers: each an everyday administrative note with its own figures.
CLAUSES: list[Callable[[random.Random], str]] = [
    lambda r: f"RDV le {_date(r)} à {_hour(r)}",
    lambda r: f"RDV annulé le {_date(r)}, reporté au {WEEKDAYS[r.randrange(6)]} {_hour(r)}",
    lambda r: f"rappeler {_name(r)} au {_phone(r)}",
    lambda r: f"reste {_amount(r)} à régler",
    lambda r: f"chèque de {_amount(r)} reçu le {_date(r)}",
    lambda r: f"vu le {_date(r)} avec {r.choice(FIRST)}",
    lambda r: f"courrier envoyé le {_date(r)} à {r.choice(CITIES)}",
    lambda r: f"préfère les créneaux après {_hour(r)}",
    lambda r: f"accompagné par {r.choice(RELATIVES)} ({r.choice(FIRST)})",
    lambda r: f"dossier transmis au Dr {r.choice(SURNAMES)} le {_date(r)}",
    lambda r: f"absent le {_date(r)} sans prévenir",
    lambda r: f"mutuelle à jour depuis le {_date(r)}",
    lambda r: f"pas de RDV le {WEEKDAYS[r.randrange(6)]}",
    lambda r: f"nouvelle adresse {r.randint(1, 140)} rue {r.choice(SURNAMES).title()}",
]


def distinct_comment(
    rng: random.Random, benign: list[str], sensitive: list[str], *, flagged: bool
) -> str:
    """Two or three clauses; with ``flagged``, one of them is a sensitive corpus comment."""
    count = rng.choice((2, 2, 3))
    parts = []
    for _ in range(count):
        if rng.random() < 0.3:
            parts.append(rng.choice(benign))
        else:
            parts.append(rng.choice(CLAUSES)(rng))
    if flagged:
        parts[rng.randrange(count)] = rng.choice(sensitive)
    text = parts[0]
    for part in parts[1:]:
        text += rng.choice(JOINS) + part
    return text[:1].upper() + text[1:]


def comments(rows: int, seed: int = 7) -> Iterable[str]:
    """The comment column: half empty, ~10 % of rows sensitive, ~8 % a common phrase alone."""
    rng = random.Random(seed)
    benign, sensitive = corpus_comments()
    common = benign[:40]
    for _ in range(rows):
        draw = rng.random()
        if draw < 0.5:
            yield ""
        elif draw < 0.58:
            yield rng.choice(common)
        else:
            yield distinct_comment(rng, benign, sensitive, flagged=draw >= 0.90)


def patient_cells(
    rng: random.Random,
    number: int,
    surnames: list[str],
    first: list[str],
    cities: list[str],
    phone: Callable[[random.Random], str],
) -> list[str]:
    """A patient's columns before the comment: file number, names, birth date, sex, phone,
    postcode, town (drawn in this order, so a seed always gives the same file)."""
    return [
        f"{number:07d}",
        rng.choice(surnames),
        rng.choice(first),
        f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1930, 2020)}",
        rng.choice("MF"),
        phone(rng),
        f"{rng.randint(1000, 95999):05d}",
        rng.choice(cities),
    ]


def generate(path: Path, rows: int, header: list[str], seed: int = 7) -> None:
    """Write the export (cp1252, «;», CRLF): patient columns, the comment last."""
    rng = random.Random(seed + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    with temp.open("w", encoding="cp1252", errors="replace", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        for number, comment in enumerate(comments(rows, seed), start=1):
            writer.writerow([*patient_cells(rng, number, SURNAMES, FIRST, CITIES, _phone), comment])
    temp.replace(path)


def comment_figures(path: Path, column: int = -1) -> dict[str, int]:
    """Rows, non-empty and distinct non-empty comments of an export (the last column)."""
    rows = non_empty = 0
    seen: set[str] = set()
    with path.open(encoding="cp1252", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        for row in reader:
            rows += 1
            text = row[column] if row else ""
            if text:
                non_empty += 1
                seen.add(text)
    return {"rows": rows, "non_empty": non_empty, "distinct": len(seen)}
