"""Which columns are scanned as free text, and which identify the patient."""

from __future__ import annotations

from pathlib import Path

import pytest

from huisclos.core.exports.columns import free_text_columns, identity_columns, is_free_text_header
from huisclos.core.exports.reading import read_export

COMMENTS = [
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée",
    "catholique non pratiquante car ses 2 frères sont suicidés",
    "préfère les rendez-vous le matin avant dix heures",
    "ne pas laisser de message sur le répondeur du domicile",
    "courrier revenu, adresse à vérifier auprès de la fille",
    "trois rendez-vous non honorés, rappeler la veille",
]


def table_of(tmp_path: Path, header: list[str], rows: list[list[str]]):  # type: ignore[no-untyped-def]
    lines = [";".join(header)] + [";".join(row) for row in rows]
    path = tmp_path / "export.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return read_export(path).table


@pytest.mark.parametrize(
    "header",
    [
        "Commentaire", "COMMENTAIRE ADMINISTRATIF", "commentaire_administratif", "Remarques",
        "Remarque", "Notes", "Observations", "Mémo", "MEMO", "Infos", "Informations",
        "Alerte", "Alertes patient", "Bloc-notes", "Notes du médecin",
    ],
)  # fmt: skip
def test_free_text_headers_are_recognised_without_accents_or_case(header):
    assert is_free_text_header(header)


@pytest.mark.parametrize(
    "header",
    [
        "NOM", "Prénom", "Date de naissance", "Téléphone", "Portable", "NIR", "N° sécu",
        "Adresse", "Code postal", "Ville", "E-mail", "N° dossier", "Date du commentaire",
    ],
)  # fmt: skip
def test_identity_and_other_headers_are_not_free_text(header):
    assert not is_free_text_header(header)


def test_columns_found_by_header_and_by_content_in_table_order(tmp_path):
    header = ["N° dossier", "NOM", "Prénom", "Adresse", "Zone libre 2", "Code", "Remarques"]
    rows = []
    for index, comment in enumerate(COMMENTS * 3):
        rows.append(
            [
                str(1000 + index),
                "DUPONT",
                "Jean",
                f"{index + 1} rue de la République, appartement au fond de la cour",
                f"{comment} ({index})",
                f"A{index:04d}",
                "",
            ]
        )
    table = table_of(tmp_path, header, rows)
    assert free_text_columns(table) == ["Zone libre 2", "Remarques"]


def test_identity_columns_are_never_free_text_even_when_long(tmp_path):
    header = ["NOM", "Prénom", "Commentaire"]
    rows = [[f"{c} nom très long", f"{c} prénom composé", "x"] for c in COMMENTS]
    table = table_of(tmp_path, header, rows)
    assert free_text_columns(table) == ["Commentaire"]


def test_short_codes_and_numbers_are_not_free_text(tmp_path):
    header = ["Zone 1", "Zone 2", "Zone 3"]
    rows = [[f"{i}", f"CMU{i % 3}", f"{i:02d}/01/2020"] for i in range(40)]
    table = table_of(tmp_path, header, rows)
    assert free_text_columns(table) == []


def test_identity_columns_by_role(tmp_path):
    header = ["Numéro patient", "Civilité", "Nom de naissance", "Prénom", "Né(e) le", "Notes"]
    table = table_of(tmp_path, header, [["1", "M", "DUPONT", "Jean", "01/01/1970", ""]])
    assert identity_columns(table) == {
        "dossier": "Numéro patient",
        "nom": "Nom de naissance",
        "prenom": "Prénom",
        "naissance": "Né(e) le",
    }


def test_identity_columns_only_lists_roles_present(tmp_path):
    table = table_of(tmp_path, ["NOM", "Commentaire"], [["DUPONT", "x"]])
    assert identity_columns(table) == {"nom": "NOM"}


def test_fixture_export_columns():
    fixtures = Path(__file__).resolve().parents[1] / "data" / "exports"
    for name in ("cabinet-cp1252.csv", "cabinet.xlsx"):
        table = read_export(fixtures / name).table
        assert free_text_columns(table) == ["Commentaire administratif"]
        assert identity_columns(table) == {
            "dossier": "N° dossier",
            "nom": "NOM",
            "prenom": "Prénom",
            "naissance": "Date de naissance",
        }
