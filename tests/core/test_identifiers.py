"""Identifiers in comments: reported only when the checksum is right."""

from __future__ import annotations

import pytest

from huisclos.core.detect.identifiers import find_identifiers


def kinds(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.kind) for m in find_identifiers(text)]


def nir_key(first13: str) -> str:
    number = int(first13.replace("2A", "19").replace("2B", "18"))
    return f"{97 - number % 97:02d}"


@pytest.mark.parametrize(
    "nir",
    [
        "1 85 05 78 006 084 " + nir_key("1850578006084"),
        "1850578006084" + nir_key("1850578006084"),
        "2 85 05 2A 006 084 " + nir_key("285052A006084"),
        "2-91-11-2B-123-456-" + nir_key("291112B123456"),
    ],
)
def test_nir_with_spaces_dashes_and_corsica(nir: str) -> None:
    assert kinds(f"n° sécu {nir} à vérifier") == [(nir, "nir")]


def test_wrong_nir_key_is_not_reported() -> None:
    assert kinds("1 85 05 78 006 084 92") == []


def test_iban_and_card() -> None:
    assert kinds("IBAN FR76 3000 6000 0112 3456 7890 189 pour remboursement") == [
        ("FR76 3000 6000 0112 3456 7890 189", "iban")
    ]
    assert kinds("CB 4970-1012-3456-7893 exp 12/27") == [("4970-1012-3456-7893", "card")]
    assert kinds("CB 4970 1012 3456 7890") == []  # Luhn fails


@pytest.mark.parametrize(
    "text",
    [
        "tél 06 12 34 56 78 ou 01 23 45 67 89",
        "RDV du 12/03/2021 au 15/04/2022",
        "facture n° 2021 0456 7788 1",
        "impayé 25 € du 12/03",
    ],
)
def test_ordinary_numbers_stay_quiet(text: str) -> None:
    assert kinds(text) == []
