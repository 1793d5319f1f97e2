"""The self-check report in English, for the desktop app when its interface is in English.

Same figures, same sections, same HTML as the French report (:mod:`.layout`; styles and chart
from :mod:`.html_parts`); English words, English dates («23 November 2026 at 17:05») and numbers
(«12,431», «12.5%»). Category names come from the journal view's English names
(:data:`..audit.describe_en.CATEGORY_NAMES_EN`), the CNIL rules from the English help file. The
command line's report stays French. No Qt here. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from ..audit.describe_en import CATEGORY_NAMES_EN, count
from ..detect.categories import CATEGORY_LABELS
from .help_text import cnil_rules
from .html_parts import RULE, bar_chart, category_table, escape, head
from .masking import MaskedExample

if TYPE_CHECKING:
    from .figures import LogStatus, ReportData

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SEVERITY_EN = {"high": "High", "medium": "Medium", "low": "Low"}


def english_date(moment: datetime, with_time: bool = True) -> str:
    """«23 November 2026 at 17:05» — independent of the system locale."""
    text = f"{moment.day} {MONTHS_EN[moment.month - 1]} {moment.year}"
    if with_time:
        text += f" at {moment.hour}:{moment.minute:02d}"
    return text


def percent_en(value: float) -> str:
    """«12.5%» with one decimal below 10 %, none above; «< 0.1%» for tiny non-zero shares."""
    pct = value * 100
    if 0 < pct < 0.1:
        return "< 0.1%"
    return (f"{pct:.1f}" if pct < 10 else f"{pct:.0f}") + "%"


def category_name(category: str) -> str:
    """«Health», «Social hardship»: the journal view's English name, capitalised."""
    name = CATEGORY_NAMES_EN.get(category, CATEGORY_LABELS.get(category, category))
    return name[:1].upper() + name[1:]


def report_html_en(data: ReportData) -> str:
    """The whole report in English, as one HTML document (see :func:`.layout.report_html`)."""
    parts = [
        head("Self-check report — Huis clos", "en"),
        _title_block(data),
        _file_block(data),
        _figures_block(data),
        _categories_block(data),
        _corrections_block(data),
        _log_block(data.log),
        _rules_block(),
        _next_steps_block(data),
    ]
    if data.examples:
        parts.append(_examples_block(data.examples))
    parts.append(_signature_block())
    parts.append("</body></html>")
    return "\n".join(parts)


def _title_block(data: ReportData) -> str:
    practice = (
        f'<p style="font-size: 12pt; font-weight: bold;">{escape(data.practice)}</p>'
        if data.practice.strip()
        else ""
    )
    return (
        "<h1>Self-check report on administrative comments</h1>"
        f"{practice}"
        f'<p class="muted">Drawn up on {escape(english_date(data.generated))} with Huis clos '
        f"{escape(data.app_version)}, on this computer, without any Internet connection. "
        f"{escape(contents_sentence(data))}</p>"
        f'<hr style="color: {RULE};">'
    )


def contents_sentence(data: ReportData) -> str:
    """What the report holds: figures only, or figures and the masked examples asked for."""
    if not data.examples:
        return "This report contains figures only: no patient's name and no patient's comment."
    shown = count(len(data.examples), "masked comment")
    return (
        f"This report contains no patient's name; at your request, it shows {shown} (at the "
        "end of the report), where sensitive passages are replaced by their category and "
        "names and digits are hidden."
    )


def _file_block(data: ReportData) -> str:
    columns = ", ".join(f"«{escape(c)}»" for c in data.columns) if data.columns else "—"
    fingerprint = data.fingerprint or "—"
    return (
        "<h2>File checked</h2>"
        '<table cellspacing="0" cellpadding="2">'
        f'<tr><td class="muted" width="170">File name</td><td>{escape(data.file_name)}</td>'
        "</tr>"
        f'<tr><td class="muted">Patients (rows)</td><td>{data.rows:,}</td></tr>'
        f'<tr><td class="muted">Columns checked</td><td>{columns}</td></tr>'
        f'<tr><td class="muted">SHA-256 fingerprint</td><td class="mono">{escape(fingerprint)}'
        "</td></tr>"
        "</table>"
        '<p class="small muted">The fingerprint identifies this file exactly: it proves which '
        "export was checked, without keeping its contents.</p>"
    )


def _figures_block(data: ReportData) -> str:
    counts = data.review_counts
    cells = [
        (counts.to_review, "comment to review", "comments to review"),
        (counts.corrected, "comment corrected", "comments corrected"),
        (counts.flagged, "comment flagged", "comments flagged"),
        (data.high_comments, "comment of high severity", "comments of high severity"),
        (data.flagged_patients, "patient concerned", "patients concerned"),
    ]
    row = "".join(
        f'<td width="20%" align="center" style="background-color: #eef3f8;">'
        f'<span class="big">{value:,}</span><br>'
        f'<span class="small">{escape(one if value == 1 else many)}</span></td>'
        for value, one, many in cells
    )
    detail = (
        f"{count(counts.passages, 'passage')} found in "
        f"{count(counts.flagged, 'comment')} flagged, for "
        f"{count(data.flagged_patients, 'patient')} out of {data.rows:,} "
        f"({percent_en(data.share_flagged)})."
    )
    return (
        "<h2>Summary</h2>"
        f'<table width="100%" cellspacing="6" cellpadding="8"><tr>{row}</tr></table>'
        f'<p class="small muted">{escape(detail)}</p>'
    )


def _categories_block(data: ReportData) -> str:
    title = "<h2>Comments flagged by category</h2>"
    if not data.categories:
        return title + "<p>No sensitive comment was found in the columns checked.</p>"
    table = category_table(
        data,
        headings=("Category", "Patients", "Share"),
        label_of=lambda line: category_name(line.category),
        severity_name=SEVERITY_EN.__getitem__,
        number_of=lambda value: f"{value:,}",
        percent_of=percent_en,
    )
    note = (
        '<p class="small muted">A comment counts once per category, at its highest severity; '
        "a patient counts once per category. High severity: sensitive data (GDPR art. 9 and "
        "10) or identifier; medium: social hardship or judgement; low: a practical need "
        "worded as an illness.</p>"
    )
    chart = bar_chart(
        data,
        label_of=lambda line: category_name(line.category),
        severity_name=SEVERITY_EN.__getitem__,
        number_of=lambda value: f"{value:,}",
        caption="Comments flagged",
        legend_intro="— severity: ",
    )
    return title + table + note + chart


def _corrections_block(data: ReportData) -> str:
    c = data.corrections
    if c.cells:
        when = f", last on {english_date(c.last)}" if c.last else ""
        how = (
            f"in {count(c.saves, 'save')} of a cleaned copy"
            if c.saves
            else "in the application (no cleaned copy saved yet)"
        )
        corrected = count(c.cells, "comment")
        text = f"<p>According to the log, {corrected} corrected in this file, {how}{when}.</p>"
        if c.by_category:
            items = "".join(
                f"<li>{escape(category_name(k))}: {v:,}</li>"
                for k, v in sorted(c.by_category.items(), key=lambda kv: -kv[1])
            )
            text += f"<ul>{items}</ul>"
        counts = data.review_counts
        if counts.flagged:
            text += (
                f"<p>{count(counts.to_review, 'comment')} still to review out of "
                f"{count(counts.flagged, 'comment')} flagged.</p>"
                if counts.to_review
                else "<p>Every flagged comment has been dealt with.</p>"
            )
    else:
        text = (
            "<p>The log holds no saved correction for this file yet. Corrections appear here "
            "as soon as a cleaned copy is saved.</p>"
        )
    if c.unsaved:
        made = count(c.unsaved, "correction")
        verb = "is" if c.unsaved == 1 else "are"
        text += f"<p>{made} made in the application {verb} not saved yet.</p>"
    return "<h2>Corrections</h2>" + text


def log_sentence(status: LogStatus) -> str:
    """The log's integrity in English (the French detail kept when it went wrong)."""
    if status.ok is True:
        return f"Log intact: {count(status.events, 'event')}."
    if status.ok is False:
        return f"Log not intact — an event was changed, removed or added ({status.message})."
    return "Log not consulted: it could not be opened (locked, or not created yet)."


def _log_block(status: LogStatus) -> str:
    css, mark = {True: ("ok", "&#10003;"), False: ("bad", "&#10007;")}.get(
        status.ok, ("unknown", "?")
    )
    return (
        "<h2>Encrypted log</h2>"
        f'<p><span class="{css}">{mark} {escape(log_sentence(status))}</span></p>'
        '<p class="small muted">The log keeps, encrypted and chained, the date, the file\'s '
        "fingerprint and the number of corrections per category — never a comment's text. "
        "Any change to or removal of an event is detected.</p>"
    )


def _rules_block() -> str:
    items = "".join(f"<li>{escape(rule)}</li>" for rule in cnil_rules("en"))
    return "<h2>The rules to remember (CNIL)</h2>" + f"<ul>{items}</ul>"


def _next_steps_block(data: ReportData) -> str:
    steps = [
        "Carry every correction over into the practice software with the list of corrections "
        "(the cleaned copy does not replace the source).",
        "Delete the export and the cleaned copy once the corrections are carried over, "
        "including from the recycle bin and synchronised folders.",
        "Train the team (front desk, locums): the practical need, not the illness; no rumour, "
        "no relative, no judgement.",
        "Run this check again regularly, for instance every quarter, and file this report with "
        "your GDPR record of processing.",
    ]
    if data.log.ok is False:
        steps.insert(
            0, "The log has been tampered with: tell the person in charge of the practice."
        )
    items = "".join(
        f'<tr><td width="22" valign="top" style="font-size: 12pt;">&#9744;</td>'
        f"<td>{escape(step)}</td></tr>"
        for step in steps
    )
    return f'<h2>Next steps</h2><table cellspacing="0" cellpadding="3" width="100%">{items}</table>'


def masked_in_english(example: MaskedExample) -> str:
    """The masked text with its placeholders in English («[health]», «[name]», «[e-mail]»);
    the patient's remaining words are masked already and stay as written."""
    text = example.text.replace("[nom]", "[name]").replace("[courriel]", "[e-mail]")
    for category in example.categories:
        french = f"[{CATEGORY_LABELS.get(category, category).lower()}]"
        text = text.replace(french, f"[{CATEGORY_NAMES_EN.get(category, category)}]")
    return text


def _examples_block(examples: Sequence[MaskedExample]) -> str:
    rows = "".join(
        f'<tr><td width="32%" class="small muted">'
        f"{escape(', '.join(category_name(c) for c in ex.categories))}</td>"
        f"<td>{escape(masked_in_english(ex))}</td></tr>"
        for ex in examples
    )
    return (
        "<h2>Masked examples</h2>"
        '<p class="small muted">Added on request. Sensitive passages are replaced by their '
        "category, names by «[name]», digits by «•»; the comments' other words stay in "
        "French, as written.</p>"
        f'<table width="100%" cellspacing="0" cellpadding="3">{rows}</table>'
    )


def _signature_block() -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" style="margin-top: 18px;">'
        '<tr><td width="50%" class="muted">Check carried out by:</td>'
        '<td width="50%" class="muted">Date and signature:</td></tr>'
        '<tr><td height="40">&nbsp;</td><td>&nbsp;</td></tr></table>'
    )
