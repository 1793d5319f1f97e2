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
