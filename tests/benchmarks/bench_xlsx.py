"""Benchmark: Excel workbooks against the same rows as CSV — scan, clean, open 1,000,000 rows,
write an exercise file.

Run by hand (not collected by pytest)::

    python tests/benchmarks/bench_xlsx.py [--rows 100000] [--million] [--repeat 3]
                                          [--package OLD/desktop]

Makes once, in the temporary folder (``huisclos-bench-xlsx/``), a synthetic practice export of
``--rows`` fictional patients (the workshop generator: distinct names, addresses and comments,
5 % of them sensitive) as a Windows-1252 «;» CSV and as an .xlsx holding the same rows the way
Excel stores them (shared strings, file numbers and dates as numbers with their formats). Then,
each in a fresh process, best of ``--repeat`` runs:

1. ``huisclos scan FILE --format jsonl`` on the CSV and on the workbook, and the ratio;
2. ``huisclos clean FILE -o COPY`` on both, and the ratio;
3. with ``--readers``: every cell read by openpyxl (read-only), python-calamine and Huis clos's
   own reader, and whether each shows a zero-padded number with its zeros, as Excel does;
4. with ``--million``: opening a 1,000,000-row workbook (``read_export``, the row count and one
   row from the middle), its time and the process's peak resident memory;
5. ``huisclos demo --generate 100000 -o exercice.xlsx``.

Targets (issue 18): scan ≤ 1.5× and clean ≤ 2× the CSV; 1M rows open in ≤ 10 s and ≤ 1 GB;
the 100,000-row exercise file in ≤ 5 s. ``--openpyxl-file`` times a workbook written by openpyxl
instead (inline texts, no shared strings: the version before issue 18 cannot clean the other one,
which has no calculation settings). ``--package`` runs the commands with another checkout's
package first on the path (``git archive <commit> desktop resources | tar -x -C /tmp/old`` then
``--package /tmp/old/desktop``): the figures before a change. The machine is shared: compare
figures taken in the same minutes.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_scan import timed  # noqa: E402

DATA = Path(tempfile.gettempdir()) / "huisclos-bench-xlsx"
PYTHON = sys.executable

OPEN_SCRIPT = """
import resource, sys, time
began = time.perf_counter()
from huisclos.core.exports.reading import read_export
export = read_export(sys.argv[1])
rows = len(export.table)
export.table.row(rows // 2)
seconds = time.perf_counter() - began
print(rows, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


READERS = {
    "openpyxl read-only": """
from openpyxl import load_workbook
from huisclos.core.exports.number_display import parse_format
book = load_workbook(path, read_only=True, data_only=True)
rows = [[(cell.value, cell.number_format) for cell in row] for row in book.active.iter_rows()]
postal = [parse_format(row[6][1]).show(row[6][0]) if isinstance(row[6][0], int)
          else str(row[6][0]) for row in rows[1:]]
""",
    "python-calamine": """
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
postal = [str(row[6]) for row in rows[1:]]
""",
    "Huis clos (lazy sheet XML)": """
from huisclos.core.exports.reading import read_export
table = read_export(path).table
columns = [texts for _first, texts in table.iter_column_batches(table.header)]
postal = [text for _first, batch in table.iter_column_batches(["Code postal"]) for text in batch[0]]
""",
}
READER_SCRIPT = """
import resource, sys, time
path = sys.argv[1]
began = time.perf_counter()
{body}
seconds = time.perf_counter() - began
zeros = sum(1 for text in postal if text.startswith("0"))
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, zeros)
"""


def compare_readers(path: Path, expected_zeros: int, repeat: int) -> None:
    """Every cell of the workbook read by each candidate, in a fresh process: time, peak
    memory, and whether postal codes keep their leading zero as Excel shows them (openpyxl
    gives each cell's number format, which Huis clos's formatter then applies; python-calamine
    gives none)."""
    for name, body in READERS.items():
        runs = []
        for _ in range(repeat):
            result = subprocess.run(
                [PYTHON, "-c", READER_SCRIPT.format(body=body), str(path)],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise SystemExit(result.stderr[-2000:])
            seconds, peak, zeros = result.stdout.split()
            runs.append((float(seconds), float(peak), int(zeros)))
        seconds, peak, zeros = min(runs)
        shown = "yes" if zeros == expected_zeros else f"no ({zeros} of {expected_zeros})"
        print(f"read all cells, {name:<27} {seconds:6.2f} s  peak {peak:6.0f} MB  "
              f"«01000» shown: {shown}")  # fmt: skip


def make_files(rows: int, openpyxl: bool = False) -> tuple[Path, Path]:
    """(csv, xlsx) of the same ``rows`` fictional patients, made once; with ``openpyxl`` the
    workbook is written by openpyxl (every cell an inline text, as openpyxl writes)."""
    from huisclos.core.demo.synthetic import generate_export
    from huisclos.core.exports.xlsx_writer import SheetRows, write_xlsx
    from huisclos.core.safe_write import write_atomically

    kind = "_openpyxl" if openpyxl else ""
    csv_path, xlsx_path = DATA / f"export_{rows}.csv", DATA / f"export_{rows}{kind}.xlsx"
    if csv_path.is_file() and xlsx_path.is_file():
        return csv_path, xlsx_path
    DATA.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    export = generate_export(rows, 0.05, 2026, comment_share=0.35)
    with csv_path.open("w", encoding="cp1252", errors="replace", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(
            [export.header, *export.rows]
        )
    sheet = SheetRows("Patients", [export.header, *export.rows])
    if openpyxl:
        from openpyxl import Workbook

        book = Workbook()
        book.active.title = "Patients"
        for row in sheet.rows:
            book.active.append(row)
        book.save(xlsx_path)
    else:
        write_atomically(xlsx_path, lambda handle: write_xlsx(handle, [sheet]), 0o644)
    sizes = f"{csv_path.stat().st_size / 1e6:.1f} MB CSV, {xlsx_path.stat().st_size / 1e6:.1f} MB"
    print(f"made {rows:,} rows in {time.perf_counter() - began:.1f} s: {sizes} xlsx")
    return csv_path, xlsx_path


def best(command: list[str], repeat: int, stdout: Path | None = None) -> tuple[float, float]:
    """(best seconds, peak MB of that run) of ``repeat`` runs of ``command``."""
    runs = [timed(command, stdout=stdout)[:2] for _ in range(repeat)]
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="also open 1,000,000 rows")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--package", type=Path, help="the huisclos package root to time")
    parser.add_argument("--skip", default="", help="comma-separated: scan,clean,exercise")
    parser.add_argument(
        "--openpyxl-file", action="store_true", help="the workbook written by openpyxl instead"
    )
    parser.add_argument(
        "--readers", action="store_true", help="also compare openpyxl, calamine and ours"
    )
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    csv_path, xlsx_path = make_files(args.rows, args.openpyxl_file)
    if args.readers:
        with csv_path.open(encoding="cp1252", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))[1:]
        zeros = sum(1 for row in rows if row[6].startswith("0"))
        compare_readers(xlsx_path, zeros, args.repeat)
    paths = [str(HERE)]
    if args.package:
        paths.insert(0, str(args.package.resolve()))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [*paths, *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    os.environ.pop("HUISCLOS_PASSPHRASE", None)
    os.environ["PYTHON_KEYRING_BACKEND"] = "bench_keyring.FileKeyring"
    print(f"package: {args.package or 'this checkout'}; load average "
          f"{os.getloadavg()[0]:.2f}; best of {args.repeat}")  # fmt: skip
    with tempfile.TemporaryDirectory() as home:
        os.environ["HUISCLOS_HOME"] = str(Path(home) / "data")
        os.environ["HUISCLOS_BENCH_KEYRING"] = str(Path(home) / "keyring.json")
        warm = subprocess.run(
            [PYTHON, "-m", "huisclos", "scan", str(csv_path)], capture_output=True, text=True
        )
        if warm.returncode != 0:
            raise SystemExit(f"warm-up scan failed: {warm.stderr[-2000:]}")
        out = Path(home) / "out.jsonl"
        figures: dict[str, tuple[float, float]] = {}
        for job in ("scan", "clean"):
            if job in skip:
                continue
            for kind, path in (("csv", csv_path), ("xlsx", xlsx_path)):
                if job == "scan":
                    command = [PYTHON, "-m", "huisclos", "scan", str(path), "--format", "jsonl"]
                    figures[f"{job} {kind}"] = best(command, args.repeat, stdout=out)
                else:
                    copy = Path(home) / f"propre{path.suffix}"
                    command = [
                        PYTHON,
                        "-m",
                        "huisclos",
                        "clean",
                        str(path),
                        "-o",
                        str(copy),
                        "--force",
                    ]
                    figures[f"{job} {kind}"] = best(command, args.repeat)
                seconds, peak = figures[f"{job} {kind}"]
                print(f"{job:<6} {kind:<5} {seconds:6.2f} s  peak {peak:6.0f} MB")
            ratio = figures[f"{job} xlsx"][0] / figures[f"{job} csv"][0]
            target = 1.5 if job == "scan" else 2.0
            print(f"{job:<6} xlsx / csv = {ratio:4.2f}  (target ≤ {target})")
        if args.million:
            _, million = make_files(1_000_000)
            runs = []
            for _ in range(args.repeat):
                result = subprocess.run(
                    [PYTHON, "-c", OPEN_SCRIPT, str(million)], capture_output=True, text=True
                )
                if result.returncode != 0:
                    raise SystemExit(result.stderr[-2000:])
                rows, seconds, peak = result.stdout.split()
                runs.append((float(seconds), float(peak), int(rows)))
            seconds, peak, rows = min(runs)
            print(f"open 1M-row xlsx ({million.stat().st_size / 1e6:.0f} MB): {seconds:6.2f} s, "
                  f"peak {peak:6.0f} MB, {rows:,} rows  (target ≤ 10 s, ≤ 1 GB)")  # fmt: skip
        if "exercise" not in skip:
            target_file = Path(home) / "exercice.xlsx"
            command = [PYTHON, "-m", "huisclos", "demo", "--generate", "100000", "-o",
                       str(target_file), "--force"]  # fmt: skip
            seconds, peak = best(command, args.repeat)
            print(f"exercise file, 100,000 rows: {seconds:6.2f} s, peak {peak:6.0f} MB "
                  f"({target_file.stat().st_size / 1e6:.1f} MB; target ≤ 5 s)")  # fmt: skip


if __name__ == "__main__":
    main()
