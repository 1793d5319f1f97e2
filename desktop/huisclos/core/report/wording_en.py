"""The report's words in English (:mod:`.layout`), for the desktop app when its interface is in
English.

English dates («23 November 2026 at 17:05») and numbers («12,431», «12.5%»). Category names
come from the journal view's English names (:data:`..audit.describe_en.CATEGORY_NAMES_EN`), the
CNIL rules from the English help file. The command line's report stays French. Pure functions.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..audit.describe_en import CATEGORY_NAMES_EN, count
from ..detect.categories import CATEGORY_LABELS
from .help_text import cnil_rules
from .html_parts import escape
from .masking import MaskedExample

if TYPE_CHECKING:
    from ..review.counts import ReviewCounts
    from .figures import CategoryLine, Corrections, LogStatus, ReportData

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


def masked_in_english(example: MaskedExample) -> str:
    """The masked text with its placeholders in English («[health]», «[name]», «[e-mail]»);
    the patient's remaining words are masked already and stay as written."""
    text = example.text.replace("[nom]", "[name]").replace("[courriel]", "[e-mail]")
    for category in example.categories:
        french = f"[{CATEGORY_LABELS.get(category, category).lower()}]"
        text = text.replace(french, f"[{CATEGORY_NAMES_EN.get(category, category)}]")
    return text


class EnglishWording:
    """The English words of every section (:class:`.layout.Wording`)."""

    language = "en"
    document_title = "Self-check report — Huis clos"
    heading = "Self-check report on administrative comments"
    file_heading = "File checked"
    file_labels = ("File name", "Patients (rows)", "Columns checked", "SHA-256 fingerprint")
    fingerprint_note = (
        "The fingerprint identifies this file exactly: it proves which export was checked, "
        "without keeping its contents."
    )
    summary_heading = "Summary"
    categories_heading = "Comments flagged by category"
    no_category = "No sensitive comment was found in the columns checked."
    category_headings = ("Category", "Patients", "Share")
    categories_note = (
        "A comment counts once per category, at its highest severity; a patient counts once per "
        "category. High severity: sensitive data (GDPR art. 9 and 10) or identifier; medium: "
        "social hardship or judgement; low: a practical need worded as an illness."
    )
    chart_caption = "Comments flagged"
    chart_legend_intro = "— severity: "
    log_heading = "Encrypted log"
    log_note = (
        "The log keeps, encrypted and chained, the date, the file's fingerprint and the number "
        "of corrections per category — never a comment's text. Any change to or removal of an "
        "event is detected."
    )
    rules_heading = "The rules to remember (CNIL)"
    next_steps_heading = "Next steps"
    next_steps = (
        "Carry every correction over into the practice software with the list of corrections "
        "(the cleaned copy does not replace the source).",
        "Delete the export and the cleaned copy once the corrections are carried over, "
        "including from the recycle bin and synchronised folders.",
        "Train the team (front desk, locums): the practical need, not the illness; no rumour, "
        "no relative, no judgement.",
        "Run this check again regularly, for instance every quarter, and file this report with "
        "your GDPR record of processing.",
    )
    tampered_step = "The log has been tampered with: tell the person in charge of the practice."
    examples_heading = "Masked examples"
    examples_note = (
        "Added on request. Sensitive passages are replaced by their category, names by "
        "«[name]», digits by «•»; the comments' other words stay in French, as written."
    )
    signature_labels = ("Check carried out by:", "Date and signature:")

    percent = staticmethod(percent_en)
    severity = staticmethod(SEVERITY_EN.__getitem__)
    category = staticmethod(category_name)
    example_text = staticmethod(masked_in_english)

    @property
    def rules(self) -> tuple[str, ...]:
        return cnil_rules("en")

    @staticmethod
    def number(value: int) -> str:
        return f"{value:,}"

    @staticmethod
    def line_label(line: CategoryLine) -> str:
        return category_name(line.category)

    @staticmethod
    def drawn_up(data: ReportData) -> str:
        if not data.examples:
            holds = "This report contains figures only: no patient's name and no patient's comment."
        else:
            holds = (
                f"This report contains no patient's name; at your request, it shows "
                f"{count(len(data.examples), 'masked comment')} (at the end of the report), where "
                "sensitive passages are replaced by their category and names and digits are hidden."
            )
        return (
            f"Drawn up on {english_date(data.generated)} with Huis clos {data.app_version}, on "
            f"this computer, without any Internet connection. {holds}"
        )

    @staticmethod
    def quoted(column: str) -> str:
        return f"«{column}»"

    @staticmethod
    def figure_cells(data: ReportData) -> list[tuple[int, str]]:
        counts = data.review_counts
        cells = [
            (counts.to_review, "comment to review", "comments to review"),
            (counts.corrected, "comment corrected", "comments corrected"),
            (counts.flagged, "comment flagged", "comments flagged"),
            (data.high_comments, "comment of high severity", "comments of high severity"),
            (data.flagged_patients, "patient concerned", "patients concerned"),
        ]
        return [(value, one if value == 1 else many) for value, one, many in cells]

    @staticmethod
    def summary_detail(data: ReportData) -> str:
        counts = data.review_counts
        return (
            f"{count(counts.passages, 'passage')} found in "
            f"{count(counts.flagged, 'comment')} flagged, for "
            f"{count(data.flagged_patients, 'patient')} out of {data.rows:,} "
            f"({percent_en(data.share_flagged)})."
        )

    @staticmethod
    def corrected(corrections: Corrections) -> str:
        c = corrections
        when = f", last on {english_date(c.last)}" if c.last else ""
        how = (
            f"in {count(c.saves, 'save')} of a cleaned copy"
            if c.saves
            else "in the application (no cleaned copy saved yet)"
        )
        corrected = count(c.cells, "comment")
        return f"According to the log, {corrected} corrected in this file, {how}{when}."

    @staticmethod
    def category_count(category: str, value: int) -> str:
        return f"{escape(category_name(category))}: {value:,}"

    @staticmethod
    def remaining(counts: ReviewCounts) -> str:
        if not counts.to_review:
            return "Every flagged comment has been dealt with."
        return (
            f"{count(counts.to_review, 'comment')} still to review out of "
            f"{count(counts.flagged, 'comment')} flagged."
        )

    @staticmethod
    def nothing_corrected() -> str:
        return (
            "The log holds no saved correction for this file yet. Corrections appear here as soon "
            "as a cleaned copy is saved."
        )

    @staticmethod
    def unsaved(unsaved: int) -> str:
        verb = "is" if unsaved == 1 else "are"
        return f"{count(unsaved, 'correction')} made in the application {verb} not saved yet."

    @staticmethod
    def log_sentence(status: LogStatus) -> str:
        """The log's integrity in English (the French detail kept when it went wrong)."""
        if status.ok is True:
            return f"Log intact: {count(status.events, 'event')}."
        if status.ok is False:
            return f"Log not intact — an event was changed, removed or added ({status.message})."
        return "Log not consulted: it could not be opened (locked, or not created yet)."

    @staticmethod
    def finish(html: str) -> str:
        return html
