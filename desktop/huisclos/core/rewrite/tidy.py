"""Tidy French punctuation after part of a comment was removed, replaced or masked.

A rewritten comment must read as if a person had typed it: no double spaces, no orphan comma,
no dangling «et»/«car»/«mais», no leftover «!!!», no empty parentheses, a capital at the start.
An emptied comment becomes the empty string.

Pure functions over strings; safe from any thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = [
    "calm_shouting",
    "capitalize_first",
    "has_words",
    "lower_first",
    "tidy",
]

_WORD = re.compile(r"\w", re.UNICODE)

# Link words that cannot start or end a clause once what they linked has gone.
_LINK_PHRASES = (
    "et", "car", "mais", "donc", "ou", "ni", "parce que", "parce qu'", "puisque", "puisqu'",
    "vu que", "sauf que", "alors que",
)  # fmt: skip
# Words that cannot end a clause (a preposition or a determiner left without its noun).
_TAIL_PHRASES = (
    "d'après", "d'apres", "selon", "suite à", "suite a", "à cause de", "a cause de", "avec",
    "sans", "de", "du", "des", "le", "la", "les", "un", "une", "pour", "par", "que", "qui",
    "son", "sa", "ses", "à", "au", "aux", "en", "chez", "sur",
)  # fmt: skip


def _alternatives(phrases: tuple[str, ...]) -> str:
    """One regex group for ``phrases``: any spacing between words, either apostrophe."""
    escaped = (re.escape(phrase).replace("\\ ", r"\s+") for phrase in phrases)
    return "(?:" + "|".join(part.replace("'", "['’]") for part in escaped) + ")"


_LINKS = _alternatives(_LINK_PHRASES)
_TAIL_ONLY = _alternatives(_TAIL_PHRASES)
# The last word of those phrases: a clause ending with any other word has nothing dangling.
_DANGLING_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in _LINK_PHRASES + _TAIL_PHRASES)
_LEADING_DANGLING = re.compile(rf"^{_LINKS}(?:\s+|(?<=['’]))", re.IGNORECASE)
_TRAILING_DANGLING = re.compile(rf"(?:^|(?<=\s))(?:{_LINKS}|{_TAIL_ONLY})$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"([.?!…] )([a-zàâäçéèêëîïôöùûüÿœæ])")
_SENTENCE_END = re.compile(r"([.?!…;])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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


# The characters :func:`_balance_parentheses` acts on.
_BRACKET_OR_END = re.compile(r"[().?!;\n]")


def _balanced(text: str) -> bool:
    """True when every «(» of ``text`` is closed in its sentence and every «)» was opened:
    :func:`_balance_parentheses` would leave it as it is (most texts; a quick check)."""
    depth = 0
    for found in _BRACKET_OR_END.finditer(text):
        char = found.group()
        if char == "(":
            depth += 1
        elif char == ")":
            if not depth:
                return False
            depth -= 1
        elif depth:
            return False
    return not depth


def _balance_parentheses(text: str) -> str:
    """Drop a closing parenthesis with no opening one; close an opening one left open
    (at the end of its sentence)."""
    if _balanced(text):
        return text
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


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Each clean-up below runs only when the characters it looks for are in the line: tidying runs
# for every flagged cell of a scan, and most lines need only a few of these steps.
_BLANKS = _compile(r"[ \t\u00a0\u202f]+")
_EXCLAMATIONS = _compile(r"!(?:\s*!)+")
_QUESTIONS = _compile(r"\?(?:\s*\?)+")
_MIXED_MARKS = _compile(r"(?:\s*!\s*\?|\s*\?\s*!)+")
_LONE_EXCLAMATION = _compile(r"\s*!(?=\s|$)")
_EMPTY_BRACKETS = _compile(r"\(\s*[,;:.\-–—]*\s*\)|\[\s*\]")
_SPACE_AFTER_OPENING = _compile(r"\(\s+")
_SPACE_BEFORE_CLOSING = _compile(r"\s+\)")
_SPACE_THEN_CLOSING = re.compile(r"\s\)")
_DOUBLE_SPACES = _compile(r" {2,}")
_COMMA_RUN = _compile(r"\s*,(?:\s*,)+")
_MARK_BEFORE_STOP = _compile(r"\s*[,:–—-]\s*([.?;])")
_COMMA_BEFORE_COLON = _compile(r"\s*,\s*([:–—])")
_DASH_BEFORE_COMMA = _compile(r"\s+([–—])\s*,")
_STOP_RUN = _compile(r"([.?;])(?:\s*[.;])+")
_SPACE_BEFORE_COMMA = _compile(r"\s+,")
_COMMA_WITHOUT_SPACE = _compile(r",(?=[^\s\d])")
_SPACE_BEFORE_STOP = _compile(r"\s+\.(?!\.)")
_MARK_AFTER_OPENING = _compile(r"\(\s*[,;:]\s*")
_MARK_BEFORE_CLOSING = _compile(r"\s*[,;:]\s*\)")
_LEADING_MARKS = _compile(r"^[\s,;:.!?…–—\-/)]+")
_TRAILING_MARKS = _compile(r"[\s,:–—\-/(]+$")
_CLAUSE_LEADING_MARKS = _compile(r"^[,;:–—\-/]+\s*")
_CLAUSE_TRAILING_MARKS = _compile(r"\s*[,;:–—\-/]+$")


_CHAR_CLASSES: dict[str, Callable[[str], re.Match[str] | None]] = {}


def _any_in(text: str, chars: str) -> bool:
    """True when ``text`` holds one of ``chars`` (a compiled character class: quicker than a
    loop over the characters, and tidying runs for every flagged cell of a scan)."""
    if len(chars) == 1:
        return chars in text
    search = _CHAR_CLASSES.get(chars)
    if search is None:
        search = _CHAR_CLASSES[chars] = re.compile(f"[{re.escape(chars)}]").search
    return search(text) is not None


def _tidy_line(line: str) -> str:
    return line if _is_tidy(line) else _tidied_line(line)


def _tidied_line(line: str) -> str:
    """Every clean-up of one line, in order."""
    text = line
    if "  " in text or _any_in(text, "\t\u00a0\u202f"):
        text = _BLANKS.sub(" ", text)
    text = text.strip()
    # Leftover emphasis: runs of «!» (and «?»), possibly spaced, collapse to one mark.
    if "!" in text:
        text = _EXCLAMATIONS.sub("!", text)
    if "?" in text:
        text = _QUESTIONS.sub("?", text)
        if "!" in text:
            text = _MIXED_MARKS.sub(" ?", text)
    # A lone «!» after a word becomes a plain full stop: a comment is never emphatic.
    if "!" in text:
        text = _LONE_EXCLAMATION.sub(".", text)
    # Empty brackets, then unbalanced ones.
    if "(" in text or "[" in text:
        for _ in range(3):
            before = text
            text = _EMPTY_BRACKETS.sub("", text)
            if text == before:
                break
    if "(" in text or ")" in text:
        text = _balance_parentheses(text)
        text = _SPACE_AFTER_OPENING.sub("(", text)
        if _SPACE_THEN_CLOSING.search(text) is not None:  # a guard: see _PUNCTUATION_STEPS
            text = _SPACE_BEFORE_CLOSING.sub(")", text)
    if "  " in text:
        text = _DOUBLE_SPACES.sub(" ", text)
    # Punctuation runs left by removals: «, ,», «, .», «: ,» …
    for _ in range(4):
        before = text
        text = _tidy_punctuation(text)
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
    if _any_in(text, ".?!…"):
        text = _SENTENCE_START.sub(lambda match: match.group(1) + match.group(2).upper(), text)
    if "  " in text:
        text = _DOUBLE_SPACES.sub(" ", text)
    text = text.strip()
    if text and (text[0] in ",;:.!?…–—-/)" or text[0].isspace()):
        text = _LEADING_MARKS.sub("", text)
    if text and (text[-1] in ",:–—-/(" or text[-1].isspace()):
        text = _TRAILING_MARKS.sub("", text)
    return text


# A line that :func:`_tidied_line` would return as it is holds none of the characters or pairs
# below, and no sentence piece that starts or ends with a dangling word or holds no word. Most
# rewrites are benign clauses joined by the comment's own punctuation: they are found so at
# once. The patterns open on one character class, so the regex engine skips the letters quickly.
# Whitespace other than one plain space (``str.isspace``), «!», «?», brackets:
_UNTIDY_CHAR = re.compile(
    "[!?()\\[\\]\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
# With those gone, ``\\s*`` between two marks is at most one space. Each branch opens on its own
# character (the engine then skips the others at C speed): a punctuation run (the guards of
# :func:`_tidy_punctuation`), a comma glued to the next word, two sentence marks in a row, a
# sentence ending or starting with a mark, a sentence starting in lower case
# (:data:`_SENTENCE_START`), a space before a mark.
_LOWER_START = "[a-zàâäçéèêëîïôöùûüÿœæ]"
_UNTIDY_PAIR = re.compile(
    r",(?:[^\s\d]| [.;,:–—…])|: ?[.;,:–—…]|; ?[.;,:–—…\-/]|– ?[.;,:–—…]|— ?[.;,:–—…]"
    rf"|\. ?[.;,:–—…\-/]|\. {_LOWER_START}|- ?[.;,:–—…]|/ ?[.…;]"
    rf"|… ?[.…;,:–—\-/]|… {_LOWER_START}| [,.…]"
)
_UNTIDY_FIRST = frozenset(" ,;:.!?…–—-/)")  # what :data:`_LEADING_MARKS` would take off
_UNTIDY_LAST = frozenset(" ,;:–—-/(")  # … :data:`_TRAILING_MARKS`, or a sentence's last mark


def _is_tidy(line: str) -> bool:
    """True when :func:`_tidied_line` would return ``line`` as it is: a quick test of what would
    set off each of its clean-ups, exact (a property test checks it against them)."""
    if (
        not line
        or line[0] in _UNTIDY_FIRST
        or line[-1] in _UNTIDY_LAST
        or "  " in line
        or _UNTIDY_CHAR.search(line) is not None
        or _UNTIDY_PAIR.search(line) is not None
    ):
        return False
    pieces = _SENTENCE_END.split(line)[::2] if _any_in(line, ".…;") else (line,)
    for piece in pieces:
        body = piece.strip()
        if body and (
            _LEADING_DANGLING.match(body) is not None
            or (_may_dangle(body) and _TRAILING_DANGLING.search(body) is not None)
            or not has_words(body)
        ):
            return False
    return True


# The clean-ups of punctuation runs, in order: (a guard, the pattern, its replacement). A
# pattern that starts with optional spaces is tried by the regex engine at every character of
# the line; its guard starts with the punctuation the pattern needs and matches wherever the
# pattern does (and sometimes more), so that the pattern runs only when it may change the line.
_PUNCTUATION_STEPS: tuple[tuple[re.Pattern[str] | None, re.Pattern[str], str], ...] = (
    (re.compile(r",\s*,"), _COMMA_RUN, ","),
    (re.compile(r"[,:–—-]\s*[.?;]"), _MARK_BEFORE_STOP, r"\1"),
    (re.compile(r",\s*[:–—]"), _COMMA_BEFORE_COLON, r" \1"),
    (re.compile(r"[–—]\s*,"), _DASH_BEFORE_COMMA, r" \1"),
    (re.compile(r"[.?;]\s*[.;]"), _STOP_RUN, r"\1"),
    (re.compile(r"\s,"), _SPACE_BEFORE_COMMA, ","),
    (None, _COMMA_WITHOUT_SPACE, ", "),  # quick on its own: it starts with the comma
    (re.compile(r"\s\.(?!\.)"), _SPACE_BEFORE_STOP, "."),
    (None, _MARK_AFTER_OPENING, "("),
    (re.compile(r"[,;:]\s*\)"), _MARK_BEFORE_CLOSING, ")"),
)


# What every guard above needs, in two searches: a punctuation mark after another (the guards
# of runs), or a space before a comma, a full stop or a closing bracket. Most lines have neither.
_ANY_RUN = re.compile(r"[,:;–—.?-]\s*[.?;,):–—]")
_ANY_SPACED_MARK = re.compile(r"\s[,.)]")


def _tidy_punctuation(text: str) -> str:
    """One pass over the punctuation runs a removal leaves («, ,», «, .», «: ,», «( ,»)."""
    # Until a step changes the line, a guard that neither search found cannot match it.
    unchanged = _ANY_RUN.search(text) is None and _ANY_SPACED_MARK.search(text) is None
    for guard, pattern, replacement in _PUNCTUATION_STEPS:
        if guard is None:
            tidied = pattern.sub(replacement, text)
            if tidied != text:
                text, unchanged = tidied, False
        elif not unchanged and guard.search(text) is not None:
            text = pattern.sub(replacement, text)
    if "  " in text:
        text = _DOUBLE_SPACES.sub(" ", text)
    return text


def _tidy_clause(piece: str, *, first: bool) -> str:
    lead = " " if piece.startswith(" ") and not first else ""
    body = piece.strip()
    for _ in range(4):
        before = body
        if body and body[0] in ",;:–—-/":
            body = _CLAUSE_LEADING_MARKS.sub("", body)
        if body and body[-1] in ",;:–—-/":
            body = _CLAUSE_TRAILING_MARKS.sub("", body)
        body = _LEADING_DANGLING.sub("", body, count=1).strip()
        if _may_dangle(body):
            body = _TRAILING_DANGLING.sub("", body).strip()
        if body == before:
            break
    if body and not has_words(body):
        body = ""
    return lead + body if body else ""


def _may_dangle(body: str) -> bool:
    """True when the last word of ``body`` could be a dangling link word or preposition."""
    last = body.rsplit(None, 1)[-1].lower().replace("’", "'") if body.strip() else ""
    return last in _DANGLING_LAST_WORDS or last.endswith("'")


# Acronyms kept in capitals when a shouted comment is calmed down.
_ACRONYMS = frozenset(
    {
        "RDV", "SMS", "CB", "RIB", "CPAM", "AMO", "AMC", "VSL", "EHPAD", "IRM", "ECG", "RDC",
        "TP", "NB", "OK", "SAMU", "CHU", "PMI", "MSA", "CAF", "ADMR", "SSIAD", "IDE", "DMP",
        "TEL", "TÉL", "FAX", "PDF", "MME", "MR", "DR",
    }
)  # fmt: skip
_SHOUTED_WORD = re.compile(r"\b[^\W\d_]+\b")
# The capitals of Latin-1, and every character beyond it (judged one by one): no other
# character of Latin-1 is upper case.
_CAPITAL_OR_WIDE = re.compile("[A-ZÀ-ÖØ-Þ\u0100-\U0010ffff]")


def _capitals(text: str) -> int:
    """How many characters of ``text`` are upper case (``str.isupper``), at C speed."""
    found = _CAPITAL_OR_WIDE.findall(text)
    return len(found) if text.isascii() else sum(map(str.isupper, found))


def calm_shouting(text: str) -> str:
    """A comment typed in capitals («TOUJOURS UN SUCRE A L'ACCUEIL») in lower case, keeping
    the usual acronyms; a comment must never be excessive (CNIL)."""
    if _capitals(text) < 7:  # fewer than 80 % of at least 8 letters
        return text
    letters = "".join(filter(str.isalpha, text))
    if len(letters) < 8 or _capitals(letters) < 0.8 * len(letters):
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
    split = _LINE_BREAK.split(text) if ("\n" in text or "\r" in text) else [text]
    lines = [_stable(calm_shouting(line)) for line in split]
    kept = [line for line in lines if line]
    if not kept:
        return ""
    newline = "\r\n" if "\r\n" in text else "\n"
    result = newline.join(kept)
    if not has_words(result):
        return ""
    return capitalize_first(result)
