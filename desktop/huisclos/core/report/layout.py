"""The self-check report laid out as one HTML document a GP can file, in French or in English.

One layout, two wordings: the sections, their order and their HTML are here; every word, date
and number format comes from a :class:`Wording` (:mod:`.wording_fr`, the command line's and the
French app's; :mod:`.wording_en`, the desktop app's English mode). The HTML uses the subset of
HTML/CSS that Qt's QTextDocument renders (tables, bgcolor bars, simple CSS), so the same text
becomes a PDF through Qt (the desktop app and ``huisclos report``) and opens as is in a browser.
No Qt here. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from .html_parts import RULE, bar_chart, category_table, escape, head
from .masking import MaskedExample
from .wording_fr import percent

if TYPE_CHECKING:  # the figures (and the journal they read) load only to build a report
    from ..review.counts import ReviewCounts
    from .figures import CategoryLine, Corrections, LogStatus, ReportData

__all__ = ["Wording", "percent", "report_html"]


class Wording(Protocol):
    """Every word of the report in one language: headings, sentences and number formats."""

    language: str  # the document's ``lang``
    document_title: str
    heading: str
    file_heading: str
    file_labels: tuple[str, str, str, str]  # file name, rows, columns checked, fingerprint
    fingerprint_note: str
    summary_heading: str
    categories_heading: str
    no_category: str
    category_headings: tuple[str, str, str]  # category, patients, share
    categories_note: str
    chart_caption: str
    chart_legend_intro: str
    log_heading: str
    log_note: str
    rules_heading: str
    rules: Sequence[str]
    next_steps_heading: str
    next_steps: Sequence[str]
    tampered_step: str
    examples_heading: str
    examples_note: str
    signature_labels: tuple[str, str]  # who checked, date and signature

    def number(self, value: int) -> str: ...

    def percent(self, value: float) -> str: ...

    def severity(self, severity: str) -> str: ...

    def line_label(self, line: CategoryLine) -> str: ...

    def category(self, category: str) -> str: ...

    def drawn_up(self, data: ReportData) -> str:
        """When and with what the report was drawn up, and what it holds."""
        ...

    def quoted(self, column: str) -> str: ...

    def figure_cells(self, data: ReportData) -> list[tuple[int, str]]:
        """The summary's big figures, each with the words under it."""
        ...

    def summary_detail(self, data: ReportData) -> str: ...

    def corrected(self, corrections: Corrections) -> str: ...

    def category_count(self, category: str, value: int) -> str: ...

    def remaining(self, counts: ReviewCounts) -> str: ...

    def nothing_corrected(self) -> str: ...

    def unsaved(self, count: int) -> str: ...

    def log_sentence(self, status: LogStatus) -> str: ...

    def example_text(self, example: MaskedExample) -> str: ...

    def finish(self, html: str) -> str:
        """The whole document as the language writes it (French no-break spaces)."""
        ...


def report_html(data: ReportData, language: str = "fr") -> str:
    """The whole report as one HTML document (UTF-8, inline styles, no external resource).

    ``language`` «en» gives the English report of the desktop app's English mode; the command
    line and the French app keep the French one."""
    if language == "en":
        from .wording_en import EnglishWording

        words: Wording = EnglishWording()
    else:
        from .wording_fr import FrenchWording

        words = FrenchWording()
    parts = [
        head(words.document_title, words.language),
        _title_block(data, words),
        _file_block(data, words),
        _figures_block(data, words),
        _categories_block(data, words),
        _corrections_block(data, words),
        _log_block(data, words),
        _rules_block(words),
        _next_steps_block(data, words),
    ]
    if data.examples:
        parts.append(_examples_block(data.examples, words))
    parts.append(_signature_block(words))
    parts.append("</body></html>")
    return words.finish("\n".join(parts))


def _title_block(data: ReportData, words: Wording) -> str:
    practice = (
        f'<p style="font-size: 12pt; font-weight: bold;">{escape(data.practice)}</p>'
        if data.practice.strip()
        else ""
    )
    return (
        f"<h1>{words.heading}</h1>"
        f"{practice}"
        f'<p class="muted">{escape(words.drawn_up(data))}</p>'
        f'<hr style="color: {RULE};">'
    )


def _file_block(data: ReportData, words: Wording) -> str:
    columns = ", ".join(words.quoted(escape(c)) for c in data.columns) if data.columns else "—"
    fingerprint = data.fingerprint or "—"
    name, rows, checked, print_label = words.file_labels
    return (
        f"<h2>{words.file_heading}</h2>"
        '<table cellspacing="0" cellpadding="2">'
        f'<tr><td class="muted" width="170">{name}</td><td>{escape(data.file_name)}</td>'
        "</tr>"
        f'<tr><td class="muted">{rows}</td><td>{words.number(data.rows)}</td></tr>'
        f'<tr><td class="muted">{checked}</td><td>{columns}</td></tr>'
        f'<tr><td class="muted">{print_label}</td><td class="mono">{escape(fingerprint)}'
        "</td></tr>"
        "</table>"
        f'<p class="small muted">{words.fingerprint_note}</p>'
    )


def _figures_block(data: ReportData, words: Wording) -> str:
    row = "".join(
        f'<td width="20%" align="center" style="background-color: #eef3f8;">'
        f'<span class="big">{escape(words.number(value))}</span><br>'
        f'<span class="small">{escape(label)}</span></td>'
        for value, label in words.figure_cells(data)
    )
    return (
        f"<h2>{words.summary_heading}</h2>"
        f'<table width="100%" cellspacing="6" cellpadding="8"><tr>{row}</tr></table>'
        f'<p class="small muted">{escape(words.summary_detail(data))}</p>'
    )


def _categories_block(data: ReportData, words: Wording) -> str:
    title = f"<h2>{words.categories_heading}</h2>"
    if not data.categories:
        return title + f"<p>{words.no_category}</p>"
    table = category_table(
        data,
        headings=words.category_headings,
        label_of=words.line_label,
        severity_name=words.severity,
        number_of=words.number,
        percent_of=words.percent,
    )
    chart = bar_chart(
        data,
        label_of=words.line_label,
        severity_name=words.severity,
        number_of=words.number,
        caption=words.chart_caption,
        legend_intro=words.chart_legend_intro,
    )
    return title + table + f'<p class="small muted">{words.categories_note}</p>' + chart


def _corrections_block(data: ReportData, words: Wording) -> str:
    c = data.corrections
    if c.cells:
        text = f"<p>{words.corrected(c)}</p>"
        if c.by_category:
            items = "".join(
                f"<li>{words.category_count(k, v)}</li>"
                for k, v in sorted(c.by_category.items(), key=lambda kv: -kv[1])
            )
            text += f"<ul>{items}</ul>"
        counts = data.review_counts
        if counts.flagged:
            text += f"<p>{words.remaining(counts)}</p>"
    else:
        text = f"<p>{words.nothing_corrected()}</p>"
    if c.unsaved:
        text += f"<p>{words.unsaved(c.unsaved)}</p>"
    return "<h2>Corrections</h2>" + text


def _log_block(data: ReportData, words: Wording) -> str:
    css, mark = {True: ("ok", "&#10003;"), False: ("bad", "&#10007;")}.get(
        data.log.ok, ("unknown", "?")
    )
    return (
        f"<h2>{words.log_heading}</h2>"
        f'<p><span class="{css}">{mark} {escape(words.log_sentence(data.log))}</span></p>'
        f'<p class="small muted">{words.log_note}</p>'
    )


def _rules_block(words: Wording) -> str:
    items = "".join(f"<li>{escape(rule)}</li>" for rule in words.rules)
    return f"<h2>{words.rules_heading}</h2>" + f"<ul>{items}</ul>"


def _next_steps_block(data: ReportData, words: Wording) -> str:
    steps = list(words.next_steps)
    if data.log.ok is False:
        steps.insert(0, words.tampered_step)
    items = "".join(
        f'<tr><td width="22" valign="top" style="font-size: 12pt;">&#9744;</td>'
        f"<td>{escape(step)}</td></tr>"
        for step in steps
    )
    return (
        f"<h2>{words.next_steps_heading}</h2>"
        f'<table cellspacing="0" cellpadding="3" width="100%">{items}</table>'
    )


def _examples_block(examples: Sequence[MaskedExample], words: Wording) -> str:
    rows = "".join(
        f'<tr><td width="32%" class="small muted">'
        f"{escape(', '.join(words.category(c) for c in ex.categories))}</td>"
        f"<td>{escape(words.example_text(ex))}</td></tr>"
        for ex in examples
    )
    return (
        f"<h2>{words.examples_heading}</h2>"
        f'<p class="small muted">{words.examples_note}</p>'
        f'<table width="100%" cellspacing="0" cellpadding="3">{rows}</table>'
    )


def _signature_block(words: Wording) -> str:
    checked_by, signature = words.signature_labels
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" style="margin-top: 18px;">'
        f'<tr><td width="50%" class="muted">{checked_by}</td>'
        f'<td width="50%" class="muted">{signature}</td></tr>'
        '<tr><td height="40">&nbsp;</td><td>&nbsp;</td></tr></table>'
    )
