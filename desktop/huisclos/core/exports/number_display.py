"""The text a French spreadsheet shows for a number, given the cell's number format.

A workbook stores numbers and dates as numbers; what the user sees comes from the cell's number
format («000000» keeps a file number's zeros, «dd/mm/yyyy» turns 22339 into 29/02/1961, «0.00»
shows 12,50, «#,##0.00 €» shows 1 234,50 €). :func:`parse_format` reads a format code once into a
:class:`NumberFormat`; :meth:`NumberFormat.show` formats one value the way Excel does in French:
decimal comma, a narrow no-break space between thousands, dates as JJ/MM/AAAA.

Covered: General, fixed decimals, zero padding, thousands, percent, scientific, literal text
around the number (currency), separate sections for negative numbers and zero, dates, times and
both. Anything else (fractions, conditions) is shown as General, which keeps the digits.

Threading: pure functions; :class:`NumberFormat` is immutable.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

THOUSANDS = "\u202f"

BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
    11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "dd/mm/yyyy", 15: "d-mmm-yy", 16: "d-mmm",
    17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
    22: "dd/mm/yyyy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss",
    47: "mmss.0", 48: "##0.0E+0", 49: "@",
}  # fmt: skip
"""Excel's built-in formats by id (ids 14 and 22 follow the French short date)."""

BUILTIN_DATE_IDS = frozenset(range(14, 23)) | frozenset(range(45, 48))

_EPOCH = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_TOKEN = re.compile(r'"([^"]*)"|\\(.)|\[([^\]]*)\]|_(.)|\*(.)|(.)', re.S)
_DATE_LETTERS = frozenset("dmyhsDMYHS")


@dataclass(frozen=True, slots=True)
class _Section:
    prefix: str = ""
    suffix: str = ""
    integer_zeros: int = 0  # «000000» → 6
    decimals_required: int = 0  # «0.00» → 2
    decimals_optional: int = 0  # «0.##» → 2
    thousands: bool = False
    percent: bool = False
    scientific: bool = False
    text_only: bool = False  # «@»
    general: bool = False


GENERAL_KIND, NUMBER_KIND, DATE_KIND, TIME_KIND, DATETIME_KIND = range(5)


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """A parsed number format: how it shows a number (see :func:`parse_format`)."""

    kind: int
    sections: tuple[_Section, ...] = ()
    date_tokens: tuple[tuple[str, str], ...] = ()

    @property
    def is_general(self) -> bool:
        return self.kind == GENERAL_KIND

    def show(self, value: float, date1904: bool = False) -> str:
        """The text Excel (French) shows for ``value`` in this format."""
        value = float(value)
        if self.kind == GENERAL_KIND:
            return general_number(value)
        if self.kind != NUMBER_KIND:
            return _show_date(value, self.date_tokens, date1904)
        sections = self.sections
        if value < 0 and len(sections) >= 2:
            return _show_section(sections[1], -value, sign="")
        if value == 0 and len(sections) >= 3:
            return _show_section(sections[2], 0.0, sign="")
        return _show_section(sections[0], value, sign="-" if value < 0 else "")


GENERAL = NumberFormat(GENERAL_KIND)


def general_number(value: float) -> str:
    """A number in Excel's General format (French): whole numbers as they are, others with up
    to ten significant digits and a decimal comma («0,3», «1E-07»)."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.10g}"
    if "e" in text:
        mantissa, _, exponent = text.partition("e")
        sign = "-" if exponent.startswith("-") else "+"
        text = f"{mantissa}E{sign}{exponent.lstrip('+-').zfill(2)}"
    return text.replace(".", ",")


def general_text(raw: str) -> str:
    """A ``<v>`` number as General shows it, without float work for plain whole numbers."""
    if raw.isdigit():
        return raw.lstrip("0") or "0"
    try:
        return general_number(float(raw))
    except ValueError:
        return raw


def parse_format(code: str) -> NumberFormat:
    """Read a format code such as «000000», «dd/mm/yyyy» or «#,##0.00 €;-#,##0.00 €»."""
    parts = _split_sections(code)
    first = parts[0] if parts else ""
    if first.strip().lower() in ("", "general", "standard"):
        return GENERAL
    date_kind = _date_kind(first)
    if date_kind is not None:
        return NumberFormat(date_kind, date_tokens=_date_tokens(first))
    sections = tuple(_parse_section(part) for part in parts[:3])
    if sections[0].general or sections[0].text_only:
        return GENERAL
    return NumberFormat(NUMBER_KIND, sections)


def _split_sections(code: str) -> list[str]:
    sections, current, quoted = [], [], False
    index = 0
    while index < len(code):
        char = code[index]
        if char == '"':
            quoted = not quoted
        elif char == "\\" and not quoted and index + 1 < len(code):
            current.append(code[index : index + 2])
            index += 2
            continue
        elif char == ";" and not quoted:
            sections.append("".join(current))
            current = []
            index += 1
            continue
        current.append(char)
        index += 1
    sections.append("".join(current))
    return sections


def _date_kind(section: str) -> int | None:
    letters = set()
    for match in _TOKEN.finditer(section):
        bracket = match.group(3)
        if bracket is not None and re.fullmatch(r"[hHmMsS]+", bracket):
            letters.add(bracket[0].lower())  # [h]:mm elapsed time
        if match.group(6):
            letters.add(match.group(6))
    letters = {char.lower() for char in letters & _DATE_LETTERS}
    if not letters:
        return None
    has_time = bool(letters & {"h", "s"})
    has_date = bool(letters & {"d", "y"}) or ("m" in letters and not has_time)
    if has_date and has_time:
        return DATETIME_KIND
    return DATE_KIND if has_date else TIME_KIND


def _parse_section(section: str) -> _Section:
    prefix: list[str] = []
    suffix: list[str] = []
    pattern: list[str] = []
    for match in _TOKEN.finditer(section):
        quoted, escaped, bracket, space, _fill, char = match.groups()
        literal = None
        if quoted is not None:
            literal = quoted
        elif escaped is not None:
            literal = escaped
        elif bracket is not None:
            currency = re.match(r"\$([^-\]]*)", bracket)
            literal = currency.group(1) if currency else None
        elif space is not None:
            literal = " "
        elif char is not None:
            if char in "0#?.,%Ee+-" and (char not in "+-" or pattern[-1:] in (["E"], ["e"])):
                if char in "Ee" and not pattern:
                    literal = char
                else:
                    pattern.append(char)
                    continue
            elif char == "@":
                return _Section(text_only=True)
            elif char == "/":
                return _Section(general=True)  # a fraction: shown as General
            else:
                literal = char
        if literal:
            (suffix if pattern else prefix).append(literal)
    body = "".join(pattern)
    if not re.search(r"[0#?]", body):
        return _Section(general=True)
    scientific = "E" in body.upper()
    mantissa = re.split(r"[Ee]", body)[0]
    whole, _, fraction = mantissa.partition(".")
    return _Section(
        prefix="".join(prefix),
        suffix="".join(suffix),
        integer_zeros=whole.count("0"),
        decimals_required=fraction.count("0"),
        decimals_optional=fraction.count("#") + fraction.count("?"),
        thousands="," in whole.strip(","),
        percent="%" in body,
        scientific=scientific,
    )


def _show_section(section: _Section, value: float, sign: str) -> str:
    if section.general:
        return section.prefix + general_number(value) + section.suffix
    if section.percent:
        value *= 100
    decimals = section.decimals_required + section.decimals_optional
    if section.scientific:
        text = f"{abs(value):.{decimals}E}"
        mantissa, _, exponent = text.partition("E")
        number = mantissa.replace(".", ",") + "E" + exponent[0] + exponent[1:].zfill(2)
    else:
        try:
            rounded = Decimal(repr(abs(value))).quantize(
                Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
            )
        except InvalidOperation:
            return general_number(value)
        whole, _, fraction = f"{rounded:f}".partition(".")
        if section.decimals_optional and fraction:
            keep = len(fraction.rstrip("0"))
            fraction = fraction[: max(keep, section.decimals_required)]
        whole = whole.lstrip("0").zfill(section.integer_zeros)
        if not whole and not fraction:
            whole = "0"
        if section.thousands and len(whole) > 3:
            groups = []
            while len(whole) > 3:
                groups.insert(0, whole[-3:])
                whole = whole[:-3]
            whole = THOUSANDS.join([whole, *groups])
        number = whole + ("," + fraction if decimals else "")
        if sign and not any(char in "123456789" for char in number):
            sign = ""  # -0,001 in «0.00» shows 0,00
    if section.percent:
        number += "%"
    suffix = section.suffix
    return f"{sign}{section.prefix}{number}{suffix}"


_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre")  # fmt: skip
_MONTHS_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                 "oct.", "nov.", "déc.")  # fmt: skip
_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DATE_PART = re.compile(r"(?i)\[h+\]|\[m+\]|\[s+\]|am/pm|a/p|y+|m+|d+|h+|s+(?:\.0+)?")


def _date_tokens(section: str) -> tuple[tuple[str, str], ...]:
    """A date or time format as (kind, text) tokens: ("part", "dd"), ("text", "/")…; an «m»
    next to hours or seconds means minutes («mi»)."""
    tokens: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(section):
        quoted, escaped, bracket, space, _fill, char = match.groups()
        if bracket is not None:
            if re.fullmatch(r"[hHmMsS]+", bracket):
                tokens.append(("part", "[" + bracket.lower() + "]"))
            continue  # colours, locales, conditions
        text = quoted if quoted is not None else escaped if escaped is not None else space
        if text is not None:
            tokens.append(("text", " " if space is not None else text))
        elif char is not None:
            tokens.append(("char", char))
    # join the characters into date parts
    joined: list[tuple[str, str]] = []
    buffer = "".join(text if kind == "char" else "\0" for kind, text in tokens)
    extras = iter([token for token in tokens if token[0] != "char"])
    position = 0
    for match in _DATE_PART.finditer(buffer):
        _append_text(joined, buffer[position : match.start()], extras)
        joined.append(("part", match.group().lower()))
        position = match.end()
    _append_text(joined, buffer[position:], extras)
    for index, (kind, text) in enumerate(joined):
        if kind == "part" and text in ("m", "mm"):
            before = [t for k, t in joined[:index] if k == "part"]
            after = [t for k, t in joined[index + 1 :] if k == "part"]
            if (before and before[-1].strip("[]")[0] == "h") or (
                after and after[0].strip("[]")[0] == "s"
            ):
                joined[index] = ("part", "mi" if text == "m" else "mmi")
    return tuple(joined)


def _append_text(out: list[tuple[str, str]], text: str, extras) -> None:  # type: ignore[no-untyped-def]
    for piece in re.split("(\0)", text):
        if piece == "\0":
            token = next(extras, None)
            if token is not None:
                out.append(token)
        elif piece:
            out.append(("text", piece))


def _show_date(value: float, tokens: tuple[tuple[str, str], ...], date1904: bool) -> str:
    base = _EPOCH_1904 if date1904 else _EPOCH
    if not date1904 and 0 < value < 61:
        base += dt.timedelta(days=1)  # Excel counts a 29 February 1900 that never was
    try:
        when = base + dt.timedelta(days=value)
    except OverflowError:
        return general_number(value)
    when = when.replace(microsecond=0) + dt.timedelta(seconds=round(when.microsecond / 1e6))
    twelve = any(text in ("am/pm", "a/p") for kind, text in tokens if kind == "part")
    elapsed = round(value * 86400)
    out = []
    for kind, text in tokens:
        if kind != "part":
            out.append(text)
            continue
        out.append(_date_part(text, when, twelve, elapsed))
    return "".join(out)


def _date_part(part: str, when: dt.datetime, twelve: bool, elapsed: int) -> str:
    hour = when.hour % 12 or 12 if twelve else when.hour
    if part.startswith("["):
        unit = part[1]
        amount = elapsed // 3600 if unit == "h" else elapsed // 60 if unit == "m" else elapsed
        return str(amount).zfill(len(part) - 2)
    simple = {
        "d": str(when.day), "dd": f"{when.day:02d}", "ddd": _DAYS[when.weekday()][:3] + ".",
        "m": str(when.month), "mm": f"{when.month:02d}", "mmm": _MONTHS_SHORT[when.month - 1],
        "mmmmm": _MONTHS[when.month - 1][0], "yy": f"{when.year % 100:02d}",
        "h": str(hour), "hh": f"{hour:02d}", "mi": str(when.minute), "mmi": f"{when.minute:02d}",
        "s": str(when.second), "ss": f"{when.second:02d}",
        "am/pm": "AM" if when.hour < 12 else "PM", "a/p": "A" if when.hour < 12 else "P",
    }  # fmt: skip
    if part in simple:
        return simple[part]
    if part.startswith("d"):
        return _DAYS[when.weekday()]
    if part.startswith("m"):
        return _MONTHS[when.month - 1]
    if part.startswith("y"):
        return f"{when.year:04d}" if len(part) > 2 else f"{when.year % 100:02d}"
    if part.startswith("s"):
        return f"{when.second:02d}"
    return part


def show_datetime(when: dt.datetime, kind: int = DATETIME_KIND) -> str:
    """A date and time as a French spreadsheet shows it: 29/02/1980, 14:30, 15/06/1990 14:30."""
    if kind == DATE_KIND:
        return when.strftime("%d/%m/%Y")
    clock = "%H:%M:%S" if when.second else "%H:%M"
    if kind == TIME_KIND:
        return when.strftime(clock)
    if when.time() == dt.time(0):
        return when.strftime("%d/%m/%Y")
    return when.strftime(f"%d/%m/%Y {clock}")


def show_iso_date(raw: str) -> str:
    """A ``t="d"`` cell (an ISO 8601 date kept as text)."""
    try:
        when = dt.datetime.fromisoformat(raw.strip().rstrip("Z"))
    except ValueError:
        return raw
    return show_datetime(when)


def show_value(value: object) -> str:
    """The text a French spreadsheet shows for a Python value read from a workbook (python-
    calamine's values for .xls files): texts as they are, booleans VRAI/FAUX, dates JJ/MM/AAAA,
    numbers in General."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, dt.datetime):
        return show_datetime(value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, dt.timedelta):
        total = int(value.total_seconds())
        hours, rest = divmod(total, 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    if isinstance(value, int | float):
        return general_number(float(value))
    return str(value)
