"""Benchmark: hostile workbooks and text files end in a French refusal within 2 seconds
(issue 16, items 8 and 9).

Run by hand (not collected by pytest)::

    python tests/benchmarks/bench_hostile.py [--gigabytes 8]

Makes once, in the temporary folder (``huisclos-bench-hostile/``), workbooks built like zip
bombs, then times ``huisclos scan FILE`` on each in a fresh process (start-up included) and
prints its exit code and French line:

- a sheet that inflates to ``--gigabytes`` GB of spaces (an 8 GB sheet is an 8 MB file);
- the same sheet announcing 4 kB in the zip directory (a bomb that lies about its size);
- a «non-recursive» bomb: 200 names in the directory all pointing at the one big sheet;
- a corrupted sheet (compressed bytes altered);
- CSV files: one row of 20,000 identical cells, 10 MB with 100,000 fields a row, 200,000
  comment columns, 4,000 comment columns; a FIFO, ``/dev/zero``, a loop of links and a
  300-character name.

Target: each ends in ≤ 2 s with exit code 2 and one line (what the attack round saw: 158 s and
8.3 GB before «abîmé»).
"""

from __future__ import annotations

import argparse
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import workbook_checks as wc  # noqa: E402

DATA = Path(tempfile.gettempdir()) / "huisclos-bench-hostile"


def overlapping(source: Path, target: Path, copies: int = 200) -> Path:
    """``copies`` directory records (distinct names) all pointing at the big sheet's data."""
    data = bytearray(source.read_bytes())
    records = wc.central_records(bytes(data))
    position = records[wc.BOMB_SHEET]
    name_size, extra_size, comment_size = struct.unpack_from("<HHH", data, position + 28)
    record = bytes(data[position : position + 46 + name_size + extra_size + comment_size])
    end = data.rfind(b"PK\x05\x06")
    count, size = struct.unpack_from("<HI", data, end + 10)
    extra = b"".join(
        record[:46] + f"xl/worksheets/c{n:03d}es.xml".encode() + record[46 + name_size :]
        for n in range(copies)
    )
    for n in range(copies):  # every copy gets a name of the same length as the one it replaces
        assert len(f"xl/worksheets/c{n:03d}es.xml") == name_size
    tail = bytearray(data[end:])
    struct.pack_into("<HHI", tail, 8, count + copies, count + copies, size + len(extra))
    target.write_bytes(bytes(data[:end]) + extra + bytes(tail))
    return target


def corrupted(target: Path) -> Path:
    data = bytearray(wc.OPENPYXL_BOOK.read_bytes())
    with zipfile.ZipFile(wc.OPENPYXL_BOOK) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 20, start + 60):
        data[offset] ^= 0x5A
    target.write_bytes(bytes(data))
    return target


def text_cases(folder: Path) -> dict[str, Path]:
    """The hostile text inputs (made once) and the special files."""
    made = {
        "csv 20,000 identical header cells": (
            "identiques.csv",
            lambda: ";".join(["Commentaire"] * 20_000) + "\r\n" + ";".join(["x"] * 20_000),
        ),
        "csv 100,000 fields a row, 10 MB": (
            "champs.csv",
            lambda: "NOM;Commentaire\r\n" + "\r\n".join([";".join(["abcdefghij"] * 100_000)] * 9),
        ),
        "csv 200,000 comment columns": (
            "commentaires.csv",
            lambda: ";".join(f"Commentaire {n}" for n in range(200_000)) + "\r\n",
        ),
        "csv 4,000 comment columns": (
            "quatre-mille.csv",
            lambda: (
                "NOM;"
                + ";".join(f"Commentaire {n}" for n in range(4_000))
                + "\r\n"
                + ("A;" + ";".join(["porteuse sida"] * 4_000) + "\r\n") * 3
            ),
        ),
    }
    cases: dict[str, Path] = {}
    for label, (name, text) in made.items():
        path = folder / name
        if not path.is_file():
            path.write_text(text(), encoding="utf-8")
        cases[label] = path
    if hasattr(os, "mkfifo"):
        fifo = folder / "tube.csv"
        if not fifo.exists():
            os.mkfifo(fifo)
        cases["a FIFO"] = fifo
    if Path("/dev/zero").exists():
        cases["/dev/zero"] = Path("/dev/zero")
    loop = folder / "boucle.csv"
    if not loop.is_symlink():
        (folder / "boucle2.csv").unlink(missing_ok=True)
        os.symlink(folder / "boucle2.csv", loop)
        os.symlink(loop, folder / "boucle2.csv")
    cases["a loop of links"] = loop
    cases["a 300-character name"] = folder / ("n" * 300 + ".csv")
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gigabytes", type=int, default=8)
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    big = DATA / f"bombe-{args.gigabytes}go.xlsx"
    if not big.is_file():
        began = time.perf_counter()
        wc.bomb(big, args.gigabytes * 1024)
        print(f"made {big.name} ({big.stat().st_size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - began:.0f} s")  # fmt: skip
    liar = DATA / "menteuse.xlsx"
    data = bytearray(big.read_bytes())
    struct.pack_into("<I", data, wc.central_records(bytes(data))[wc.BOMB_SHEET] + 24, 4096)
    liar.write_bytes(bytes(data))
    cases = {
        f"sheet inflating to {args.gigabytes} GB": big,
        "same sheet announcing 4 kB": liar,
        "200 names on one sheet": overlapping(
            wc.bomb(DATA / "petite.xlsx", 70), DATA / "multi.xlsx"
        ),
        "altered compressed bytes": corrupted(DATA / "abime.xlsx"),
        **text_cases(DATA),
    }
    with tempfile.TemporaryDirectory() as home:
        environment = {
            **os.environ,
            "HUISCLOS_HOME": home,
            "HUISCLOS_BENCH_KEYRING": str(Path(home) / "keyring.json"),
            "PYTHON_KEYRING_BACKEND": "bench_keyring.FileKeyring",  # a keyring, as on a PC
            "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
        }
        environment.pop("HUISCLOS_PASSPHRASE", None)
        # The lexicon's matcher is compiled once per computer (seconds): do it before timing.
        environment["HUISCLOS_CACHE"] = str(DATA / "cache")
        warm = DATA / "ordinaire.csv"
        warm.write_text("NOM;Commentaire\r\nA;appeler le soir\r\n", encoding="utf-8")
        subprocess.run([sys.executable, "-m", "huisclos", "scan", str(warm)], env=environment,
                       capture_output=True, timeout=600)  # fmt: skip
        for label, path in cases.items():
            began = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "huisclos", "scan", str(path)],
                capture_output=True,
                text=True,
                env=environment,
                timeout=600,
            )
            seconds = time.perf_counter() - began
            line = result.stderr.strip().splitlines()
            verdict = "ok" if seconds <= 2 and result.returncode == 2 and len(line) == 1 else "NO"
            print(f"{label:<32} {seconds:5.2f} s  exit {result.returncode}  {verdict}")
            print(f"    {line[0][:160] if line else '(rien sur stderr)'}")


if __name__ == "__main__":
    main()
