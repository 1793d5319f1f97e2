"""Print valid synthetic identifiers (NIR, IBAN FR, card numbers) for the labelled corpus.

The corpus comments are written by hand; only the numbers they quote come from here, so the
detector's checksum validation (python-stdnum) accepts them. Deterministic: same seed, same output.
Run: python tests/data/corpus/make_identifiers.py
"""

from __future__ import annotations

import random

from stdnum.fr import nir

from huisclos.core.demo.values import make_card, make_iban  # the demo export's own generators

SEED = 20251123


def make_nir(rng: random.Random, department: str | None = None) -> str:
    """A 15-character NIR with a correct key; department may be '2A' or '2B' (Corsica)."""
    sex = rng.choice("1122278")
    year = f"{rng.randint(30, 99):02d}" if rng.random() < 0.8 else f"{rng.randint(0, 20):02d}"
    month = f"{rng.randint(1, 12):02d}"
    dept = department or f"{rng.choice([1, 6, 13, 31, 33, 44, 59, 69, 75, 92, 93, 94, 99]):02d}"
    commune = f"{rng.randint(1, 400):03d}"
    order = f"{rng.randint(1, 999):03d}"
    body = sex + year + month + dept + commune + order
    number = body + nir.calc_check_digits(body)
    assert nir.is_valid(number), number
    return number


def spaced(number: str, sizes: tuple[int, ...]) -> str:
    """Group the characters the way people type them (e.g. NIR 1 85 05 75 123 456 78)."""
    parts, pos = [], 0
    for size in sizes:
        parts.append(number[pos : pos + size])
        pos += size
    return " ".join(p for p in parts if p)


def main() -> None:
    rng = random.Random(SEED)
    nir_sizes = (1, 2, 2, 2, 3, 3, 2)
    for i in range(24):
        dept = "2A" if i == 3 else "2B" if i == 7 else None
        n = make_nir(rng, dept)
        print("NIR ", n, "|", spaced(n, nir_sizes))
    for _ in range(12):
        n = make_iban(rng)
        print("IBAN", n, "|", spaced(n, (4,) * 7))
    for _ in range(12):
        n = make_card(rng)
        print("CARD", n, "|", spaced(n, (4, 4, 4, 4)))


if __name__ == "__main__":
    main()
