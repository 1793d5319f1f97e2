"""What the French and the English reports share: the HTML head with its styles, the colours,
the chart of comments per category, and text escaping. Words come from the caller. No Qt here.
Pure functions.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape as _escape
from typing import TYPE_CHECKING

from ..detect.categories import SEVERITIES

if TYPE_CHECKING:
    from .figures import CategoryLine, ReportData


def escape(text: str) -> str:
    """Escape text content (quotes stay readable: the text is never put in an attribute)."""
    return _escape(text, quote=False)


# Colours readable in print and in grey (severity: high → dark red, medium → amber, low → blue).
SEVERITY_COLOURS = {"high": "#a93226", "medium": "#d68910", "low": "#2e86c1"}
INK = "#1c2833"
MUTED = "#566573"
RULE = "#aab7b8"
ACCENT = "#1f4e79"


def head(title: str, lang: str) -> str:
    """The document's head: its language, title and the styles every section uses."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        "<style>"
        f"body {{ font-family: 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; font-size: 10pt;"
        f" color: {INK}; }}"
        f"h1 {{ font-size: 17pt; color: {ACCENT}; margin-bottom: 2px; }}"
        f"h2 {{ font-size: 12pt; color: {ACCENT}; margin-top: 16px; margin-bottom: 6px; }}"
        f"p {{ margin-top: 3px; margin-bottom: 3px; }}"
        f".muted {{ color: {MUTED}; }}"
        f".small {{ font-size: 8.5pt; }}"
        f".mono {{ font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 8.5pt; }}"
        f".big {{ font-size: 18pt; font-weight: bold; color: {ACCENT}; }}"
        f"th {{ text-align: left; color: {MUTED}; font-weight: normal; font-size: 9pt; }}"
        f"td.num {{ text-align: right; }}"
        f".ok {{ color: #1e8449; font-weight: bold; }}"
        f".bad {{ color: #a93226; font-weight: bold; }}"
        f".unknown {{ color: #9a7d0a; font-weight: bold; }}"
        "</style></head><body>"
    )


def category_table(
    data: ReportData,
    *,
    headings: tuple[str, str, str],
    label_of: Callable[[CategoryLine], str],
    severity_name: Callable[[str], str],
    number_of: Callable[[int], str],
    percent_of: Callable[[float], str],
) -> str:
    """The table of flagged comments per category and severity, shaded every other row.

    ``headings`` are the words of the category, patients and share columns; the words and
    number formats are the caller's (the French or the English report's)."""
    category, patients, share = headings
    head = (
        f"<tr><th>{escape(category)}</th>"
        + "".join(
            f'<th align="right">{escape(severity_name(s))}</th>' for s in reversed(SEVERITIES)
        )
        + f'<th align="right">{escape(patients)}</th><th align="right">{escape(share)}</th></tr>'
    )

    def count_or_dash(value: int) -> str:
        return number_of(value) if value else '<span class="muted">–</span>'

    body = []
    for index, line in enumerate(data.categories):
        shade = ' style="background-color: #f4f6f7;"' if index % 2 == 0 else ""
        counts = "".join(
            f'<td class="num">{count_or_dash(line.by_severity.get(s, 0))}</td>'
            for s in reversed(SEVERITIES)
        )
        body.append(
            f"<tr{shade}><td>{escape(label_of(line))}</td>{counts}"
            f'<td class="num">{number_of(line.patients)}</td>'
            f'<td class="num">{escape(percent_of(line.share))}</td></tr>'
        )
    table = '<table width="100%" cellspacing="0" cellpadding="3">'
    return table + head + "".join(body) + "</table>"


def bar_chart(
    data: ReportData,
    *,
    label_of: Callable[[CategoryLine], str],
    severity_name: Callable[[str], str],
    number_of: Callable[[int], str],
    caption: str,
    legend_intro: str,
) -> str:
    """Horizontal bars (comments per category, split by severity) as nested tables.

    Tables with bgcolor cells are the one chart that both QTextDocument and browsers draw
    identically, and they print in grey as well as in colour. The words are the caller's (the
    French or the English report's).
    """
    top = max((line.comments for line in data.categories), default=0)
    if not top:
        return ""
    rows = []
    for line in data.categories:
        segments = []
        for severity in reversed(SEVERITIES):
            count = line.by_severity.get(severity, 0)
            if count:
                segments.append((count, SEVERITY_COLOURS[severity]))
        filled = max(1, round(100 * line.comments / top))
        cells = "".join(
            f'<td width="{max(1, round(filled * count / line.comments))}%" bgcolor="{colour}"></td>'
            for count, colour in segments
        )
        if filled < 100:
            cells += f'<td width="{100 - filled}%"></td>'
        bar = (
            '<table width="100%" cellspacing="0" cellpadding="0" border="0" height="12">'
            f"<tr>{cells}</tr></table>"
        )
        rows.append(
            f'<tr><td width="32%" class="small">{escape(label_of(line))}</td>'
            f'<td width="58%">{bar}</td>'
            f'<td width="10%" class="num small">{number_of(line.comments)}</td></tr>'
        )
    legend = " &nbsp; ".join(
        f'<span style="color: {SEVERITY_COLOURS[s]};">&#9632;</span> {severity_name(s)}'
        for s in reversed(SEVERITIES)
    )
    return (
        f'<p class="small" style="margin-top: 10px;"><b>{caption}</b> '
        f'<span class="muted">{legend_intro}{legend}</span></p>'
        '<table width="100%" cellspacing="0" cellpadding="2">' + "".join(rows) + "</table>"
    )
