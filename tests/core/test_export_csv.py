"""Reading CSV/TSV exports as the practice software wrote them, and writing faithful copies."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from huisclos.core.edits import CellOverlay, Edit
from huisclos.core.errors import ExportError
from huisclos.core.exports.model import neutralise_formula
from huisclos.core.exports.reading import read_export

LEAKED = [
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée",
    "catholique non pratiquante car ses 2 frères sont suicidés",
]


def write(tmp_path: Path, content: bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def sample(delimiter: str = ";", newline: str = "\r\n") -> str:
    rows = [
        ["N° dossier", "NOM", "Prénom", "Date de naissance", "Commentaire administratif"],
        ["1001", "DUPONT", "Émilie", "12/03/1961", LEAKED[0]],
        ["1002", "LEFÈVRE", "Zoé", "01/02/1990", LEAKED[1]],
        ["1003", "MARTIN", "Noël", "30/11/1945", "préfère RDV le matin"],
    ]
    return "".join(delimiter.join(row) + newline for row in rows)


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("utf-8", b"", "utf_8"),
        ("utf-8", b"\xef\xbb\xbf", "utf_8"),
        ("cp1252", b"", "cp1252"),
        ("latin-1", b"", "cp1252"),
    ],
)
def test_reads_every_encoding_with_accents_intact(tmp_path, encoding, bom, expected):
    path = write(tmp_path, bom + sample().encode(encoding))
    export = read_export(path)
    assert export.encoding == expected
    assert export.bom == bom
    table = export.table
    assert table.header[:3] == ["N° dossier", "NOM", "Prénom"]
    assert table.cell(2, "NOM") == "LEFÈVRE"
    assert table.cell(1, "Commentaire administratif") == LEAKED[0]


def test_windows_1252_typography_is_recognised(tmp_path):
    text = sample().replace("préfère RDV le matin", "l’œdème – voir « Dr Cœur »… 25 €")
    export = read_export(write(tmp_path, text.encode("cp1252")))
    assert export.encoding == "cp1252"
    assert export.table.cell(3, "Commentaire administratif") == "l’œdème – voir « Dr Cœur »… 25 €"


def test_iso_8859_15_oe_ligature_is_recognised(tmp_path):
    text = sample().replace("préfère RDV le matin", "sœur à prévenir, cœur fragile")
    export = read_export(write(tmp_path, text.encode("iso8859_15")))
    assert export.encoding == "iso8859_15"
    assert export.table.cell(3, "Commentaire administratif") == "sœur à prévenir, cœur fragile"


def test_old_dos_code_page_is_recognised(tmp_path):
    export = read_export(write(tmp_path, sample().encode("cp850")))
    assert export.encoding == "cp850"
    assert export.table.cell(2, "NOM") == "LEFÈVRE"
    assert export.table.cell(1, "Commentaire administratif") == LEAKED[0]
    assert export.table.header[2] == "Prénom"


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_delimiters_and_line_endings(tmp_path, delimiter, newline):
    path = write(tmp_path, sample(delimiter, newline).encode("utf-8"))
    export = read_export(path)
    assert export.delimiter == delimiter
    assert export.newline == newline
    assert len(export.table) == 3
    assert export.table.row(3) == ["1003", "MARTIN", "Noël", "30/11/1945", "préfère RDV le matin"]


def test_crlf_file_is_never_split_on_carriage_returns(tmp_path):
    # A known peer's csv.Sniffer picked "\r" here and merged every column.
    content = "NOM,Prénom,Commentaire\r\nDURAND,Loïc,appeler sur portable\r\n" * 1
    export = read_export(write(tmp_path, content.encode("utf-8")))
    assert export.delimiter == ","
    assert export.table.header == ["NOM", "Prénom", "Commentaire"]


def test_comma_inside_comments_does_not_fool_the_delimiter(tmp_path):
    rows = ["NOM;Commentaire"] + [f"X{i};rappeler, le matin, avant {i}h" for i in range(8)]
    export = read_export(write(tmp_path, "\n".join(rows).encode("utf-8")))
    assert export.delimiter == ";"
    assert export.table.cell(1, "Commentaire") == "rappeler, le matin, avant 0h"


def test_quoted_fields_newlines_doubled_quotes_ragged_rows_and_title_line(tmp_path):
    content = (
        "Liste des patients au 12/03/2025\r\n"
        "\r\n"
        "NOM;Prénom;Commentaire;Téléphone\r\n"
        'DUPONT;Jean;"ligne 1\r\nligne 2; avec ""guillemets""";0601020304\r\n'
        "MARTIN;Zoé\r\n"
        "PETIT;Inès;;\r\n"
        'LEROY;Chloé;"sans fin de ligne";06;en trop'
    )
    export = read_export(write(tmp_path, content.encode("cp1252")))
    table = export.table
    assert table.header[:4] == ["NOM", "Prénom", "Commentaire", "Téléphone"]
    assert table.header_line == 3
    assert len(table) == 4
    assert table.cell(1, "Commentaire") == 'ligne 1\r\nligne 2; avec "guillemets"'
    assert table.cell(1, "Téléphone") == "0601020304"
    assert table.cell(2, "Téléphone") == ""
    assert table.row(3) == ["PETIT", "Inès", "", "", ""]
    assert table.header[4] == "Colonne 5"  # a row is longer than the header
    assert table.row(4) == ["LEROY", "Chloé", "sans fin de ligne", "06", "en trop"]
    assert table.row(2) == ["MARTIN", "Zoé", "", "", ""]
    assert [row for row, _ in table.iter_rows()] == [1, 2, 3, 4]
    assert list(table.iter_column_values(["Commentaire", "NOM"])) == [
        (1, ['ligne 1\r\nligne 2; avec "guillemets"', "DUPONT"]),
        (2, ["", "MARTIN"]),
        (3, ["", "PETIT"]),
        (4, ["sans fin de ligne", "LEROY"]),
    ]


def test_padded_title_line_from_a_spreadsheet_is_skipped(tmp_path):
    content = "Liste des patients;;;\r\n;;;\r\nNOM;Prénom;Ville;Notes\r\nDUPONT;Jean;Lyon;\r\n"
    table = read_export(write(tmp_path, content.encode("cp1252"))).table
    assert table.header == ["NOM", "Prénom", "Ville", "Notes"]
    assert table.header_line == 3
    assert table.row(1) == ["DUPONT", "Jean", "Lyon", ""]


def test_text_export_named_xls_is_read_as_csv(tmp_path):
    # Some practice software writes tab-separated text and names it .xls.
    content = "NOM\tCommentaire\r\nDUPONT\tmère musulmane voilée\r\n"
    export = read_export(write(tmp_path, content.encode("cp1252"), "export.xls"))
    assert export.kind == "csv" and export.delimiter == "\t"
    assert export.table.cell(1, "Commentaire") == "mère musulmane voilée"


def test_iter_rows_matches_random_access(tmp_path):
    lines = ["NOM;Commentaire"] + [f'P{i};"note {i}\nsuite"' for i in range(50)]
    table = read_export(write(tmp_path, "\n".join(lines).encode("utf-8"))).table
    assert len(table) == 50
    for number, cells in table.iter_rows():
        assert table.row(number) == cells
    assert table.cell(50, "Commentaire") == "note 49\nsuite"


def test_stray_quote_inside_an_unquoted_field_reads_like_excel(tmp_path):
    content = 'NOM;Commentaire;Ville\nDUPONT;écran 5" ;Lyon\nMARTIN;"ok";Brest\n'
    table = read_export(write(tmp_path, content.encode("utf-8"))).table
    assert len(table) == 2
    assert table.row(1) == ["DUPONT", 'écran 5" ', "Lyon"]
    assert table.row(2) == ["MARTIN", "ok", "Brest"]


def test_blank_and_repeated_headers_get_usable_names(tmp_path):
    content = "NOM;;Notes;Notes\nA;b;c;d\n"
    table = read_export(write(tmp_path, content.encode("utf-8"))).table
    assert table.header == ["NOM", "Colonne 2", "Notes", "Notes (2)"]
    assert table.raw_header == ["NOM", "", "Notes", "Notes"]
    assert table.cell(1, "Notes (2)") == "d"


def test_file_without_header_row_gets_numbered_columns(tmp_path):
    content = "1001;12/03/1961;0601020304\n1002;01/02/1990;0605060708\n"
    table = read_export(write(tmp_path, content.encode("utf-8"))).table
    assert table.header == ["Colonne 1", "Colonne 2", "Colonne 3"]
    assert len(table) == 2


def test_cell_sources_are_byte_spans(tmp_path):
    content = 'NOM;Commentaire\r\nDUPONT;"sida; voir"\r\nMARTIN\r\n'.encode("cp1252")
    table = read_export(write(tmp_path, content)).table
    source = table.source_of(1, "Commentaire")
    assert content[source.start : source.end] == b'"sida; voir"'
    assert source.quoted and source.present
    missing = table.source_of(2, "Commentaire")
    assert not missing.present and missing.start == missing.end


# Writing ----------------------------------------------------------------------------------


def test_copy_without_edits_is_byte_identical(tmp_path):
    content = b"\xef\xbb\xbf" + sample(";", "\r\n").encode("utf-8").rstrip(b"\r\n")
    source = write(tmp_path, content)
    target = tmp_path / "copie.csv"
    read_export(source).write_copy([], target)
    assert target.read_bytes() == content


def test_only_the_edited_cell_changes(tmp_path):
    content = sample().encode("cp1252")
    source = write(tmp_path, content)
    export = read_export(source)
    target = tmp_path / "propre.csv"
    export.write_copy([Edit(2, "Commentaire administratif", LEAKED[1], "")], target)
    expected = content.replace(LEAKED[1].encode("cp1252"), b"")
    assert target.read_bytes() == expected
    assert source.read_bytes() == content


def test_edited_cell_is_quoted_as_the_dialect_requires(tmp_path):
    content = 'NOM;Commentaire;Ville\nDUPONT;vieux;Lyon\nMARTIN;"déjà cité";Brest\n'
    source = write(tmp_path, content.encode("utf-8"))
    export = read_export(source)
    target = tmp_path / "copie.csv"
    export.write_copy(
        [
            Edit(1, "Commentaire", "vieux", 'RDV; le "matin"\nrappeler'),
            Edit(2, "Commentaire", "déjà cité", "neutre"),
        ],
        target,
    )
    assert target.read_bytes().decode("utf-8") == (
        'NOM;Commentaire;Ville\nDUPONT;"RDV; le ""matin""\nrappeler";Lyon\nMARTIN;"neutre";Brest\n'
    )
    reread = read_export(target).table
    assert reread.cell(1, "Commentaire") == 'RDV; le "matin"\nrappeler'
    assert reread.cell(1, "Ville") == "Lyon"


def copy_of_quoted(tmp_path, content: str, codec: str, edits: list[Edit]) -> str:  # type: ignore[no-untyped-def]
    """Open a file that quotes its fields, check it is seen so, write a copy with ``edits``."""
    export = read_export(write(tmp_path, content.encode(codec)))
    assert export.quote_all
    target = tmp_path / "copie.csv"
    export.write_copy(edits, target)
    return target.read_bytes().decode(codec)


def test_file_that_quotes_everything_keeps_quoting_everything(tmp_path):
    content = '"NOM","Commentaire"\r\n"DUPONT","mère musulmane voilée"\r\n"X","y"\r\n'
    edit = Edit(1, "Commentaire", "mère musulmane voilée", "RAS")
    copy = copy_of_quoted(tmp_path, content, "utf-8", [edit])
    assert copy == content.replace("mère musulmane voilée", "RAS")


def test_file_that_quotes_every_filled_field_quotes_a_newly_filled_one(tmp_path):
    content = '"NOM";"Prénom";"Notes"\r\n"DUPONT";;"vieux"\r\n'
    edits = [Edit(1, "Prénom", "", "Jean"), Edit(1, "Notes", "vieux", "")]
    copy = copy_of_quoted(tmp_path, content, "cp1252", edits)
    assert copy == '"NOM";"Prénom";"Notes"\r\n"DUPONT";"Jean";""\r\n'


def test_edit_of_a_cell_missing_from_a_short_row(tmp_path):
    content = "NOM;Prénom;Commentaire\r\nDUPONT\r\nMARTIN;Zoé;x\r\n"
    source = write(tmp_path, content.encode("cp1252"))
    target = tmp_path / "copie.csv"
    read_export(source).write_copy([Edit(1, "Commentaire", "", "à rappeler")], target)
    assert target.read_bytes().decode("cp1252") == (
        "NOM;Prénom;Commentaire\r\nDUPONT;;à rappeler\r\nMARTIN;Zoé;x\r\n"
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_rewritten_cell_starting_like_a_formula_is_neutralised(tmp_path, start):
    source = write(tmp_path, b"NOM;Commentaire\nDUPONT;vieux\n")
    target = tmp_path / "copie.csv"
    read_export(source).write_copy([Edit(1, "Commentaire", "vieux", start + "1+1")], target)
    assert read_export(target).table.cell(1, "Commentaire") == "'" + start + "1+1"
    assert neutralise_formula(start + "1+1") == "'" + start + "1+1"
    assert neutralise_formula("RDV le matin") == "RDV le matin"


def test_character_the_encoding_cannot_hold_is_refused_and_nothing_written(tmp_path):
    source = write(tmp_path, "NOM;Commentaire\r\nDUPONT;vieux\r\n".encode("cp1252"))
    target = tmp_path / "copie.csv"
    with pytest.raises(ExportError, match="ne peut pas être écrit") as caught:
        read_export(source).write_copy([Edit(1, "Commentaire", "vieux", "RDV ✓")], target)
    assert "✓" in caught.value.message
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_refuses_to_overwrite_the_original(tmp_path):
    content = sample().encode("utf-8")
    source = write(tmp_path, content)
    export = read_export(source)
    with pytest.raises(ExportError, match="fichier d'origine"):
        export.write_copy([Edit(1, "NOM", "DUPONT", "X")], source)
    with pytest.raises(ExportError, match="fichier d'origine"):
        export.write_copy([], tmp_path / "." / source.name)
    assert source.read_bytes() == content


def test_refuses_when_the_original_changed_on_disk(tmp_path):
    source = write(tmp_path, sample().encode("utf-8"))
    export = read_export(source)
    source.write_bytes(sample().replace("DUPONT", "DURAND").encode("utf-8"))
    target = tmp_path / "copie.csv"
    with pytest.raises(ExportError, match="modifié depuis son ouverture"):
        export.write_copy([], target)
    assert not target.exists()


def test_refuses_an_edit_that_does_not_match_the_file(tmp_path):
    source = write(tmp_path, sample().encode("utf-8"))
    target = tmp_path / "copie.csv"
    export = read_export(source)
    with pytest.raises(ExportError, match="ne contient plus le texte attendu"):
        export.write_copy([Edit(1, "NOM", "MARTIN", "X")], target)
    with pytest.raises(ExportError, match="colonne « Inconnue » n'existe pas"):
        export.write_copy([Edit(1, "Inconnue", "", "X")], target)
    with pytest.raises(ExportError, match="ligne 99 n'existe pas"):
        export.write_copy([Edit(99, "NOM", "", "X")], target)
    assert not target.exists()


def test_successive_edits_of_one_cell_and_overlay_net_edits(tmp_path):
    source = write(tmp_path, sample().encode("utf-8"))
    export = read_export(source)
    table = export.table
    overlay = CellOverlay(lambda key: export.table_named(key[0]).cell(key[1], key[2]))
    column = "Commentaire administratif"
    overlay[("", 1, column)] = "étape"
    overlay[("", 1, column)] = "Tiers payant intégral"
    overlay[("", 3, column)] = table.cell(3, column)  # unchanged: not an edit
    target = tmp_path / "copie.csv"
    export.write_copy(overlay.net_edits(), target)
    copy = read_export(target).table
    assert copy.cell(1, column) == "Tiers payant intégral"
    assert [copy.row(n) for n in (2, 3)] == [table.row(n) for n in (2, 3)]
    chained = [Edit(2, column, LEAKED[1], "a"), Edit(2, column, "a", LEAKED[1])]
    export.write_copy(chained, tmp_path / "identique.csv")
    assert (tmp_path / "identique.csv").read_bytes() == source.read_bytes()


def test_fingerprint_is_sha256_of_the_bytes(tmp_path):
    content = sample().encode("utf-8")
    export = read_export(write(tmp_path, content))
    assert export.fingerprint == hashlib.sha256(content).hexdigest()
    assert export.kind == "csv"
    assert "point-virgule" in export.description
