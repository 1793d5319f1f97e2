"""Benchmark: open a 1,000,000-row (~90 MB) Windows-1252 ';' export and read its comments.

Run by hand (not collected by pytest)::

    /work/venv/bin/python tests/benchmarks/bench_open.py [--rows 1000000] [--quoted]

Generates the file once in ``tests/benchmarks/_data/`` (git-ignored), then prints:
the open time (``read_export``), the time to count rows, one random ``row()``, the
``iter_column_values`` pass over the comment column, a bare ``csv.reader`` pass over the same
file for comparison, ``write_copy`` with 1 % of the comments changed and with none, the whole
scan with ``--scan``, and peak memory (tracemalloc and the process's maximum resident size).
``--quoted`` makes every comment quoted and some of them span two lines, which forces the
exact (slower) record index instead of the plain line index.
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

DATA = Path(__file__).resolve().parent / "_data"

HEADER = (
    "N° dossier;NOM;Prénom;Date de naissance;Sexe;Téléphone;Adresse;Code postal;Ville;"
    "Commentaire administratif"
)
STREETS = ["rue Haute", "av. Foch", "bd Carnot", "pl. du Marché", "rue Neuve"]
SURNAMES = [
    "MARTIN",
    "BERNARD",
    "DUBOIS",
    "THOMAS",
    "ROBERT",
    "RICHARD",
    "PETIT",
    "DURAND",
    "LEROY",
    "MOREAU",
    "SIMON",
    "LAURENT",
    "LEFÈBVRE",
    "MICHEL",
    "GARCIA",
    "FAURE",
]
FIRST = ["Émilie", "Jean", "Marie", "Hélène", "François", "Zoé", "Loïc", "Chloé", "Noël", "Inès"]
CITIES = ["Paris", "Lyon", "Besançon", "Nîmes", "Orléans", "Évry", "Saint-Étienne", "Brest"]
COMMENTS = [
    "",
    "",
    "",
    "",
    "",
    "préfère RDV le matin",
    "tiers payant intégral",
    "carte Vitale à mettre à jour",
    "appeler sur portable",
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée",
    "catholique non pratiquante car ses 2 frères sont suicidés",
    "3e étage sans ascenseur",
    "ne pas laisser de message – rappeler la veille",
    "œdème, cœur : voir Dr Lœuf",
]


def _quote_all(line: str) -> str:
    return ";".join(f'"{field}"' for field in line.split(";"))


def make_file(path: Path, rows: int, quoted: bool, quote_all: bool, encoding: str) -> None:
    """Write a synthetic export: CRLF, ';', in ``encoding`` (Windows-1252 by default)."""
    rng = random.Random(42)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as out:
        out.write((_quote_all(HEADER) if quote_all else HEADER) + "\r\n")
        lines = []
        for n in range(1, rows + 1):
            comment = rng.choice(COMMENTS)
            if quoted:
                if n % 97 == 0:
                    comment += "\r\nsuite; sur deux lignes"
                comment = '"' + comment.replace('"', '""') + '"'
            line = (
                f"{100000 + n};{rng.choice(SURNAMES)};{rng.choice(FIRST)};"
                f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1930, 2020)};"
                f"{rng.choice('FM')};06{rng.randint(0, 99999999):08d};"
                f"{rng.randint(1, 99)} {rng.choice(STREETS)};"
                f"{rng.randint(1000, 95999):05d};{rng.choice(CITIES)};{comment}"
            )
            lines.append((_quote_all(line) if quote_all and not quoted else line) + "\r\n")
            if len(lines) == 50_000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--quoted", action="store_true", help="comments quoted, some on 2 lines")
    parser.add_argument("--quote-all", action="store_true", help="every field quoted")
    parser.add_argument("--encoding", default="cp1252", help="cp1252 (default) or utf-8")
    parser.add_argument("--scan", action="store_true", help="also time the full scan")
    args = parser.parse_args()
    variant = ("_quoted" if args.quoted else "") + ("_quoteall" if args.quote_all else "")
    path = DATA / f"export_{args.rows}{variant}_{args.encoding}.csv"
    if not path.exists():
        make_file(path, args.rows, args.quoted, args.quote_all, args.encoding)
    size = path.stat().st_size
    print(f"fichier : {path.name}, {size / 1e6:.1f} Mo, {args.rows} lignes")

    from huisclos.core.exports.reading import read_export

    column = "Commentaire administratif"

    gc.collect()
    t0 = time.perf_counter()
    export = read_export(path)
    t_open = time.perf_counter() - t0
    table = export.table
    t0 = time.perf_counter()
    rows = len(table)
    t_len = time.perf_counter() - t0
    t0 = time.perf_counter()
    table.row(rows // 2)
    t_row = time.perf_counter() - t0
    rss_open = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    del export, table
    gc.collect()

    # Memory: a second opening under tracemalloc (which slows allocations, hence not timed).
    tracemalloc.start()
    export = read_export(path)
    table = export.table
    table.row(rows // 2)
    _, peak_open = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    t0 = time.perf_counter()
    count = 0
    nonempty = 0
    for _row, (text,) in table.iter_column_values([column]):
        count += 1
        if text:
            nonempty += 1
    t_iter = time.perf_counter() - t0
    assert count == rows, (count, rows)

    t0 = time.perf_counter()
    with path.open(encoding=args.encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        bare = 0
        for record in reader:
            record[9]
            bare += 1
    t_bare = time.perf_counter() - t0

    # Writing: a copy with 1 % of the comments changed (spliced), then an identical copy.
    import tempfile

    from huisclos.core.edits import Edit

    edits = [
        Edit(row, column, text, "Tiers payant intégral")
        for row, (text,) in table.iter_column_values([column])
        if row % 100 == 0
    ]
    with tempfile.TemporaryDirectory(dir=DATA) as folder:
        t0 = time.perf_counter()
        export.write_copy(edits, Path(folder) / "copie.csv")
        t_write = time.perf_counter() - t0
        t0 = time.perf_counter()
        export.write_copy([], Path(folder) / "identique.csv")
        t_same = time.perf_counter() - t0

    t_scan = None
    if args.scan:
        from huisclos.core.review.scan import run_scan

        t0 = time.perf_counter()
        run_scan(export)
        t_scan = time.perf_counter() - t0

    print(f"ouverture (read_export)         : {t_open:6.3f} s")
    print(f"len(table)                      : {t_len:6.3f} s  ({rows} lignes)")
    print(f"table.row(milieu)               : {t_row:6.3f} s")
    print(f"ouverture + len + row           : {t_open + t_len + t_row:6.3f} s")
    print(
        f"iter_column_values (1 colonne)  : {t_iter:6.3f} s  ({count / t_iter:,.0f} lignes/s,"
        f" {nonempty} non vides)"
    )
    print(f"csv.reader nu                   : {t_bare:6.3f} s  ({bare / t_bare:,.0f} lignes/s)")
    print(f"rapport iter / csv.reader nu    : {t_iter / t_bare:6.2f}")
    print(f"write_copy, {len(edits)} cellules       : {t_write:6.3f} s")
    print(f"write_copy sans modification    : {t_same:6.3f} s")
    if t_scan is not None:
        print(f"run_scan complet (détecteur)    : {t_scan:6.3f} s  ({rows / t_scan:,.0f} lignes/s)")
    print(
        f"mémoire pic (tracemalloc, ouverture) : {peak_open / 1e6:6.1f} Mo"
        f"  ({peak_open / size:.2f} × le fichier)"
    )
    print(
        f"mémoire pic (RSS du processus, ouverture) : {rss_open / 1e6:6.1f} Mo"
        f"  ({rss_open / size:.2f} × le fichier, interpréteur compris)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
