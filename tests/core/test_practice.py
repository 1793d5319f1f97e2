"""The practice's own allowlist and extra terms, kept in the data folder."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from huisclos.core.detect import practice
from huisclos.core.detect.detector import Detector
from huisclos.core.detect.lexicon import load_lexicon
from huisclos.core.errors import LexiconError


def test_allowlist_round_trip_in_the_data_folder(huisclos_home: Path) -> None:
    assert practice.load_allowlist() == []
    practice.save_allowlist(["foyer logement", "  foyer   logement ", "CMP"])
    assert practice.load_allowlist() == ["foyer logement", "CMP"]
    assert practice.add_allowed_term("Bipolaire") == ["foyer logement", "CMP", "Bipolaire"]
    assert practice.remove_allowed_term("CMP") == ["foyer logement", "Bipolaire"]
    path = huisclos_home / "termes-autorises.txt"
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_extra_terms_are_checked_before_saving(huisclos_home: Path) -> None:
    assert "[[rule]]" in practice.load_extra_terms_text()  # the commented template
    with pytest.raises(LexiconError):
        practice.save_extra_terms_text("[[rule]]\nterms = [\n")
    assert not (huisclos_home / "termes-cabinet.toml").exists()
    rules = practice.save_extra_terms_text(
        'category = "judgement"\n[[rule]]\nid = "cabinet.surnom"\nterms = ["le râleur"]\n'
    )
    assert [r.id for r in rules] == ["cabinet.surnom"]
    assert [r.id for r in practice.load_extra_rules()] == ["cabinet.surnom"]


def test_default_detector_follows_the_practice_files(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "judgement.toml").write_text(
        'category = "judgement"\n[defaults]\nseverity = "medium"\n'
        '[[rule]]\nid = "judgement.insult"\nterms = ["pénible"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr("huisclos.core.detect.detector.default_lexicon_dir", lambda: folder)
    assert [f.match for f in Detector.default().detect("pénible, le râleur")] == ["pénible"]
    practice.save_extra_terms_text(
        'category = "judgement"\n[[rule]]\nid = "cabinet.surnom"\nterms = ["le râleur"]\n'
    )
    practice.add_allowed_term("pénible")
    assert [f.match for f in Detector.default().detect("pénible, le râleur")] == ["le râleur"]


def test_a_practice_rule_never_replaces_a_bundled_one(tmp_path: Path) -> None:
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "health.toml").write_text(
        'category = "health"\n[[rule]]\nid = "health.hiv"\nterms = ["vih"]\n', encoding="utf-8"
    )
    extra = tmp_path / "termes-cabinet.toml"
    extra.write_text('category = "health"\n[[rule]]\nid = "health.hiv"\nterms = ["xyz"]\n', "utf-8")
    lexicon = load_lexicon(folder, extra_files=[extra])
    assert {r.id for r in lexicon.rules} == {"health.hiv", "cabinet.health.hiv"}


def test_an_allowlist_saved_by_notepad_in_ansi_is_read(huisclos_home: Path) -> None:
    (huisclos_home / "termes-autorises.txt").write_bytes(b"diab\xe8te\r\nfoyer\r\n")
    assert practice.load_allowlist() == ["diabète", "foyer"]
    (huisclos_home / "termes-autorises.txt").write_bytes("\ufeffdiabète\r\n".encode())
    assert practice.load_allowlist() == ["diabète"]
    assert Detector.default(refresh=True).detect("diabète, RDV le matin") == []


def test_practice_terms_saved_in_ansi_are_read(huisclos_home: Path) -> None:
    (huisclos_home / "termes-cabinet.toml").write_bytes(
        b'category = "judgement"\n[[rule]]\nid = "cabinet.surnom"\nterms = ["le r\xe2leur"]\n'
    )
    assert [r.terms for r in practice.load_extra_rules()] == [("le râleur",)]
    assert [f.match for f in Detector.default(refresh=True).detect("le râleur")] == ["le râleur"]


def test_a_malformed_practice_file_is_explained_in_french_with_its_line(
    huisclos_home: Path,
) -> None:
    (huisclos_home / "termes-cabinet.toml").write_text(
        'category = "judgement"\n[[rule]]\nid = "cabinet.x"\nterms = ["a" "b"]\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as caught:
        practice.load_extra_rules()
    message = str(caught.value)
    assert "termes-cabinet.toml" in message and "ligne 4" in message
    assert "Expected" not in message and "line" not in message.replace("ligne", "")


def test_a_malformed_practice_file_never_blocks_the_default_detector(
    huisclos_home: Path,
) -> None:
    (huisclos_home / "termes-cabinet.toml").write_text("[[rule]\nterms = [\n", encoding="utf-8")
    detector = Detector.default(refresh=True)
    assert [f.category for f in detector.detect("porteuse sida")] == ["health"]
    (warning,) = detector.warnings
    assert "termes-cabinet.toml" in warning and "ligne 1" in warning
    assert "lexique de Huis clos seul" in warning
