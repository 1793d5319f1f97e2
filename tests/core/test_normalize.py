"""Folding keeps offsets: a finding always points at the exact characters of the cell."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from huisclos.core.detect.normalize import fold, key_fold, squeeze_repeats


def test_fold_ignores_case_and_accents() -> None:
    assert fold("SÉROPOSITIVE Mère") == "seropositive mere"
    assert fold("l’âme") == "l'ame"


def test_key_fold_turns_punctuation_into_spaces_and_keeps_plus_out() -> None:
    assert key_fold("s.i.d.a") == "s i d a"
    assert key_fold("Sœur: K+ !") == "sour  k   "


@given(st.text())
def test_both_foldings_keep_one_character_per_character(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert len(key_fold(text)) == len(text)
    assert key_fold(text).isascii()


def test_squeeze_maps_back_to_the_original_letters() -> None:
    squeezed, origin = squeeze_repeats(" sidaaa ok ")  # type: ignore[misc]
    assert squeezed == " sida ok "
    start = squeezed.index("sida")
    end = start + len("sida")
    assert " sidaaa ok "[origin[start] : origin[end]] == "sidaaa"
    assert squeeze_repeats("salle d'attente") is None


def test_folding_through_the_codec_agrees_with_the_character_table() -> None:
    """A cp1252 text is folded byte by byte; every character cp1252 has folds as the table
    folds it, and a text with a character beyond cp1252 still folds."""
    from huisclos.core.detect.normalize import _FOLD_TABLE

    every = "".join(
        chr(code) for code in range(0x20, 0x2200) if chr(code).encode("cp1252", "ignore")
    )
    assert fold("é" + every) == ("é" + every).translate(_FOLD_TABLE)
    assert fold("Ŝa mère\u202f: ÉPOUSE") == "sa mere : epouse"


@given(st.text(alphabet=st.characters(max_codepoint=0x2200)))
def test_folding_a_text_through_the_codec_or_the_table_gives_the_same(text: str) -> None:
    from huisclos.core.detect.normalize import _FOLD_TABLE

    assert fold(text) == (text.lower() if text.isascii() else text.translate(_FOLD_TABLE))
