"""Tidy French punctuation after part of a comment was removed, replaced or masked.

A rewritten comment must read as if a person had typed it: no double spaces, no orphan comma,
no dangling «et»/«car»/«mais», no leftover «!!!», no empty parentheses, a capital at the start.
An emptied comment becomes the empty string.

Pure functions over strings; safe from any thread.
"""

from __future__ import annotations

import re

__all__ = [
    "calm_shouting",
    "capitalize_first",
    "fit_to_encoding",
    "has_words",
    "lower_first",
    "tidy",
]

_WORD = re.compile(r"\w", re.UNICODE)

# Link words that cannot start or end a clause once what they linked has gone.
_LINKS = (
    r"(?:et|car|mais|donc|ou|ni|parce\s+que|parce\s+qu['’]|puisque|puisqu['’]|vu\s+que|"
    r"sauf\s+que|alors\s+que)"
)
# Words that cannot end a clause (a preposition or a determiner left without its noun).
_TAIL_ONLY = (
    r"(?:d['’]apr[eè]s|selon|suite\s+[àa]|[àa]\s+cause\s+de|avec|sans|de|du|des|le|la|les|"
    r"un|une|pour|par|que|qui|son|sa|ses|à|au|aux|en|chez|sur)"
)
_LEADING_DANGLING = re.compile(rf"^{_LINKS}(?:\s+|(?<=['’]))", re.IGNORECASE)
_TRAILING_DANGLING = re.compile(rf"(?:^|(?<=\s))(?:{_LINKS}|{_TAIL_ONLY})$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"([.?!…] )([a-zàâäçéèêëîïôöùûüÿœæ])")
_SENTENCE_END = re.compile(r"([.?!…;])")


def has_words(text: str) -> bool:
    """True when ``text`` holds at least one letter or digit."""
    return bool(_WORD.search(text.replace("_", "")))


def capitalize_first(text: str) -> str:
    """Upper-case the first letter (not a digit, not after one: «3e étage» stays; not inside a
    «[retiré]» marker, even after «(» or «« »)."""
    for index, char in enumerate(text):
        if char == "[":
            return text
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
        if char.isdigit():
            return text
    return text


def lower_first(text: str) -> str:
    """Lower-case the first letter of a phrase placed mid-sentence, unless it starts an acronym
    («RDV», «ALD») or a name."""
    if len(text) >= 2 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _balance_parentheses(text: str) -> str:
    """Drop a closing parenthesis with no opening one; close an opening one left open
    (at the end of its sentence)."""
    out: list[str] = []
    open_at: list[int] = []
    for char in text:
        if char == "(":
            open_at.append(len(out))
            out.append(char)
        elif char == ")":
            if open_at:
                open_at.pop()
                out.append(char)
        else:
            if char in ".?!;\n" and open_at:
                # Close what is still open before the sentence ends.
                while open_at:
                    open_at.pop()
                    while out and out[-1] == " ":
                        out.pop()
                    out.append(")")
            out.append(char)
    while open_at:
        open_at.pop()
        while out and out[-1] == " ":
            out.pop()
        out.append(")")
    return "".join(out)


_COMPILED: dict[str, re.Pattern[str]] = {}


def _sub(pattern: str, replacement: str, text: str) -> str:
    """``re.sub`` with the pattern compiled once (tidying runs for every flagged cell)."""
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        compiled = _COMPILED[pattern] = re.compile(pattern, re.IGNORECASE)
    return compiled.sub(replacement, text)


def _tidy_line(line: str) -> str:
    text = _sub(r"[ \t\u00a0\u202f]+", " ", line).strip()
    # Leftover emphasis: runs of «!» (and «?»), possibly spaced, collapse to one mark.
    text = _sub(r"!(?:\s*!)+", "!", text)
    text = _sub(r"\?(?:\s*\?)+", "?", text)
    text = _sub(r"(?:\s*!\s*\?|\s*\?\s*!)+", " ?", text)
    # A lone «!» after a word becomes a plain full stop: a comment is never emphatic.
    text = _sub(r"\s*!(?=\s|$)", ".", text)
    # Empty brackets, then unbalanced ones.
    for _ in range(3):
        text = _sub(r"\(\s*[,;:.\-–—]*\s*\)|\[\s*\]", "", text)
    text = _balance_parentheses(text)
    text = _sub(r"\(\s+", "(", text)
    text = _sub(r"\s+\)", ")", text)
    text = _sub(r" {2,}", " ", text)
    # Punctuation runs left by removals: «, ,», «, .», «: ,» …
    for _ in range(4):
        before = text
        text = _sub(r"\s*,(?:\s*,)+", ",", text)
        text = _sub(r"\s*[,:–—-]\s*([.?;])", r"\1", text)
        text = _sub(r"\s*,\s*([:–—])", r" \1", text)
        text = _sub(r"\s+([–—])\s*,", r" \1", text)
        text = _sub(r"([.?;])(?:\s*[.;])+", r"\1", text)
        text = _sub(r"\s+,", ",", text)
        text = _sub(r",(?=[^\s\d])", ", ", text)
        text = _sub(r"\s+\.(?!\.)", ".", text)
        text = _sub(r"\(\s*[,;:]\s*", "(", text)
        text = _sub(r"\s*[,;:]\s*\)", ")", text)
        text = _sub(r" {2,}", " ", text)
        if text == before:
            break
    # Dangling link words and punctuation at the start and end of each sentence.
    pieces = _SENTENCE_END.split(text)
    tidied: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2 == 1:  # a sentence mark
            if tidied and tidied[-1].strip():
                spaced = pieces[index - 1].endswith(" ") and piece in "?;"
                tidied.append(" " + piece if spaced else piece)
            elif tidied and piece in "?":
                tidied.append(piece)
            continue
        tidied.append(_tidy_clause(piece, first=not tidied))
    text = "".join(tidied)
    # A sentence starts with a capital («… dossier médical. Carte "pas de sang" …»).
    text = _SENTENCE_START.sub(lambda match: match.group(1) + match.group(2).upper(), text)
    text = _sub(r" {2,}", " ", text).strip()
    text = _sub(r"^[\s,;:.!?…–—\-/)]+", "", text)
    text = _sub(r"[\s,:–—\-/(]+$", "", text)
    return text


def _tidy_clause(piece: str, *, first: bool) -> str:
    lead = " " if piece.startswith(" ") and not first else ""
    body = piece.strip()
    for _ in range(4):
        before = body
        body = _sub(r"^[,;:–—\-/]+\s*", "", body)
        body = _sub(r"\s*[,;:–—\-/]+$", "", body)
        body = _LEADING_DANGLING.sub("", body).strip()
        body = _TRAILING_DANGLING.sub("", body).strip()
        if body == before:
            break
    if body and not has_words(body):
        body = ""
    return lead + body if body else ""


# Acronyms kept in capitals when a shouted comment is calmed down.
_ACRONYMS = frozenset(
    {
        "RDV", "SMS", "CB", "RIB", "CPAM", "AMO", "AMC", "VSL", "EHPAD", "IRM", "ECG", "RDC",
        "TP", "NB", "OK", "SAMU", "CHU", "PMI", "MSA", "CAF", "ADMR", "SSIAD", "IDE", "DMP",
        "TEL", "TÉL", "FAX", "PDF", "MME", "MR", "DR",
    }
)  # fmt: skip
_SHOUTED_WORD = re.compile(r"\b[^\W\d_]+\b")


def calm_shouting(text: str) -> str:
    """A comment typed in capitals («TOUJOURS UN SUCRE A L'ACCUEIL») in lower case, keeping
    the usual acronyms; a comment must never be excessive (CNIL)."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) < 8 or sum(char.isupper() for char in letters) < 0.8 * len(letters):
        return text
    return _SHOUTED_WORD.sub(
        lambda match: match.group() if match.group() in _ACRONYMS else match.group().lower(), text
    )


def _stable(line: str) -> str:
    """Tidy until nothing changes (one removal can reveal another: «( ,)» then «()»)."""
    for _ in range(4):
        tidied = _tidy_line(line)
        if tidied == line:
            break
        line = tidied
    return line


def tidy(text: str) -> str:
    """The comment with its punctuation tidied; "" when nothing meaningful is left.

    Line breaks are kept (a comment may span several lines); blank lines collapse.
    """
    lines = [_stable(calm_shouting(line)) for line in re.split(r"\r\n|\r|\n", text)]
    kept = [line for line in lines if line]
    if not kept:
        return ""
    newline = "\r\n" if "\r\n" in text else "\n"
    result = newline.join(kept)
    if not has_words(result):
        return ""
    return capitalize_first(result)


_PLAIN = {
    "’": "'", "‘": "'", "‚": ",", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‑": "-",
    "…": "...", "œ": "oe", "Œ": "OE", "€": "EUR", "\u202f": " ", "\u2009": " ", "\u00a0": " ",
    "•": "-", "→": "->", "≥": ">=", "≤": "<=",
}  # fmt: skip


def fit_to_encoding(text: str, codec: str) -> str:
    """``text`` with the characters ``codec`` cannot write replaced by plain ones («’» → «'»,
    «œ» → «oe», «–» → «-»), so a rewrite can always be written into a Latin-1 export."""
    try:
        text.encode(codec)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    out: list[str] = []
    for char in text:
        try:
            char.encode(codec)
            out.append(char)
            continue
        except UnicodeEncodeError:
            pass
        except LookupError:
            return text
        plain = _PLAIN.get(char)
        if plain is None:
            import unicodedata

            plain = unicodedata.normalize("NFKD", char).encode(codec, "ignore").decode(codec)
        out.append(plain if plain else "?")
    return "".join(out)
