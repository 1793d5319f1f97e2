"""The self-check report: figures from a scan and the log, laid out as HTML a GP can file.

The report shows that the practice checked its patient list (GDPR accountability, a CNIL
inspection): which file (fingerprint, rows), how many comments were flagged per category and
severity and the share of patients concerned, a chart, what was corrected according to the log,
whether the log is intact, the CNIL rules in plain words and the next steps.

It never contains a patient's words or names: figures only. An explicit option adds a few
*masked* examples (the sensitive passage replaced by its category, names and digits hidden).

Plain data in, plain data out: :func:`summarise` and :func:`corrections_from_log` compute,
:func:`report_html` lays out. The HTML uses the subset of HTML/CSS that Qt's QTextDocument
renders (tables, bgcolor bars, simple CSS), so the same text becomes a PDF through Qt in the
desktop app and in ``huisclos report``, and opens as is in a browser. No Qt here.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape as _escape
from typing import Any

from ... import __version__
from ..detect.categories import CATEGORIES, CATEGORY_LABELS, SEVERITIES, SEVERITY_RANK
from ..detect.findings import Finding
from ..french import number
from .help_text import CNIL_RULES

logger = logging.getLogger(__name__)


def escape(text: str) -> str:
    """Escape text content (quotes stay readable: the text is never put in an attribute)."""
    return _escape(text, quote=False)


MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

# Colours readable in print and in grey (severity: high → dark red, medium → amber, low → blue).
SEVERITY_COLOURS = {"high": "#a93226", "medium": "#d68910", "low": "#2e86c1"}
INK = "#1c2833"
MUTED = "#566573"
RULE = "#aab7b8"
ACCENT = "#1f4e79"


@dataclass(frozen=True, slots=True)
class CategoryLine:
    """One category's figures: comments flagged by severity, and the patients concerned."""

    category: str
    label: str
    by_severity: Mapping[str, int]  # severity → comments whose worst finding of it is that
    comments: int
    patients: int
    share: float  # patients / rows of the export (0..1)


@dataclass(frozen=True, slots=True)
class Corrections:
    """What the log says was corrected in this file (counts only)."""

    saves: int = 0  # cleaned copies written
    cells: int = 0  # comments corrected
    by_category: Mapping[str, int] = field(default_factory=dict)
    last: datetime | None = None
    unsaved: int = 0  # corrections made in the desktop app but not saved yet


@dataclass(frozen=True, slots=True)
class LogStatus:
    """The log's integrity, in French; ``ok`` None when the log could not be consulted."""

    ok: bool | None
    message: str
    events: int = 0


@dataclass(frozen=True, slots=True)
class MaskedExample:
    """A flagged comment with its sensitive passages, names and digits hidden."""

    categories: tuple[str, ...]
    text: str


@dataclass
class ReportData:
    """Everything the report shows: figures, never a patient's words (unless masked examples)."""

    file_name: str
    fingerprint: str
    rows: int
    categories: list[CategoryLine]
    flagged_comments: int
    flagged_patients: int
    corrections: Corrections = field(default_factory=Corrections)
    log: LogStatus = field(default_factory=lambda: LogStatus(None, "Journal non consulté."))
    practice: str = ""
    generated: datetime = field(default_factory=datetime.now)
    columns: list[str] = field(default_factory=list)
    examples: list[MaskedExample] = field(default_factory=list)
    app_version: str = __version__
    high_cells: int | None = None  # comments with at least one high-severity finding

    @property
    def share_flagged(self) -> float:
        return self.flagged_patients / self.rows if self.rows else 0.0

    @property
    def high_comments(self) -> int:
        """Comments (cells) with at least one finding of high severity, each counted once.

        Without ``high_cells`` (ReportData built by hand), an upper bound from the category
        lines, where a comment flagged in two categories appears twice.
        """
        if self.high_cells is not None:
            return self.high_cells
        return sum(line.by_severity.get("high", 0) for line in self.categories)


# --- figures ---------------------------------------------------------------------------------


def summarise(findings: Iterable[Finding], rows: int) -> tuple[list[CategoryLine], int, int]:
    """Per-category lines (most patients first), comments flagged, patients flagged.

    A comment counts once per category, under the most serious severity found in it for that
    category; a patient (a row) counts once per category however many comments they have.
    """
    worst: dict[tuple[str, tuple[str, int, str]], str] = {}
    all_cells: set[tuple[str, int, str]] = set()
    all_rows: set[tuple[str, int]] = set()
    for finding in findings:
        cell = (finding.sheet, finding.row, finding.column)
        all_cells.add(cell)
        all_rows.add((finding.sheet, finding.row))
        key = (finding.category, cell)
        previous = worst.get(key)
        if previous is None or SEVERITY_RANK[finding.severity] > SEVERITY_RANK[previous]:
            worst[key] = finding.severity
    by_severity: dict[str, Counter[str]] = defaultdict(Counter)
    patients: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for (category, (sheet, row, _column)), severity in worst.items():
        by_severity[category][severity] += 1
        patients[category].add((sheet, row))
    lines = [
        CategoryLine(
            category=category,
            label=CATEGORY_LABELS.get(category, category),
            by_severity=dict(by_severity[category]),
            comments=sum(by_severity[category].values()),
            patients=len(patients[category]),
            share=len(patients[category]) / rows if rows else 0.0,
        )
        for category in by_severity
    ]
    order = {name: index for index, name in enumerate(CATEGORIES)}
    lines.sort(key=lambda line: (-line.patients, order.get(line.category, 99)))
    return lines, len(all_cells), len(all_rows)


def high_severity_comments(findings: Iterable[Finding]) -> int:
    """Comments (distinct cells) with at least one high-severity finding."""
    return len({(f.sheet, f.row, f.column) for f in findings if f.severity == "high"})


def corrections_from_log(
    events: Iterable[Mapping[str, Any]], fingerprint: str, *, unsaved: int = 0
) -> Corrections:
    """What the log says was corrected in the file whose fingerprint is ``fingerprint``.

    The log keeps counts, row numbers and rule ids — never text — so this is all we show.
    Corrections are counted per distinct cell (sheet, row, column) from the ``edit`` events: a
    comment corrected twice (``clean`` run twice, or corrected again in a later session) counts
    once, and once in each of its categories; an ``undo`` takes back the last correction of its
    cells. ``save_copy`` events give the cleaned copies written; once a copy was saved, the
    figures are those of the cells corrected up to the latest copy (later corrections are
    ``unsaved`` in the desktop app). Events about other files are skipped.
    """
    saves = 0
    last: datetime | None = None
    tracker = _CellTracker()
    saved: tuple[int, Counter[str]] | None = None
    saved_cells = 0
    for event in events:
        kind = str(event.get("event") or event.get("type") or "")
        payload = _payload(event)
        if fingerprint and fingerprint not in _fingerprints(payload):
            continue
        when = _event_time(event, payload)
        if kind == "save_copy":
            saves += 1
            saved_cells = _int(payload, "cells_changed", "edited_cells", "cells")
            saved = tracker.snapshot()
        elif kind == "edit":
            tracker.add(payload)
        else:
            continue
        if when and (last is None or when > last):
            last = when
    cells, by_category = saved if saved is not None else tracker.snapshot()
    if saved is not None:
        cells = max(cells, saved_cells)  # a copy whose edits were not logged still counts
    categories = {k: v for k, v in by_category.items() if v > 0}
    return Corrections(saves, cells, categories, last, unsaved)


class _CellTracker:
    """The corrections in force per cell, replayed from ``edit`` events in log order."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, str], list[frozenset[str]]] = {}
        self.anonymous = 0  # edit events that carry counts but not their cells (older payloads)
        self.anonymous_categories: Counter[str] = Counter()

    def add(self, payload: Mapping[str, Any]) -> None:
        undo = payload.get("action") == "undo"
        edits = payload.get("edits")
        if not (isinstance(edits, list) and edits):
            sign = -1 if undo else 1
            self.anonymous = max(0, self.anonymous + sign * _int(payload, "cells"))
            self.anonymous_categories.update(
                {k: sign * v for k, v in _edit_categories(payload).items()}
            )
            return
        for edit in edits:
            if not isinstance(edit, Mapping):
                continue
            row = edit.get("row")
            key = (
                str(edit.get("sheet") or ""),
                row if isinstance(row, int) else -1,
                str(edit.get("column") or ""),
            )
            stack = self.cells.setdefault(key, [])
            if undo:
                if stack:
                    stack.pop()
                continue
            rules = edit.get("rules") or edit.get("rule_ids") or ()
            stack.append(
                frozenset({str(rule).split(".", 1)[0] for rule in rules} & set(CATEGORIES))
            )

    def snapshot(self) -> tuple[int, Counter[str]]:
        """(cells corrected, cells per category) now."""
        live = [stack for stack in self.cells.values() if stack]
        by_category: Counter[str] = Counter()
        for stack in live:
            by_category.update(frozenset().union(*stack))
        by_category.update(+self.anonymous_categories)
        return len(live) + self.anonymous, by_category


def _int(payload: Mapping[str, Any], *keys: str) -> int:
    for key in keys:
        value = payload.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, list):
            return len(value)
    return 0


def _payload(event: Mapping[str, Any]) -> Mapping[str, Any]:
    inner = event.get("payload")
    if isinstance(inner, Mapping):
        return {**event, **inner}
    return event


def _fingerprints(payload: Mapping[str, Any]) -> set[str]:
    found: set[str] = set()
    for key in ("fingerprint", "source_fingerprint"):
        value = payload.get(key)
        if isinstance(value, str):
            found.add(value)
    return found


def _edit_categories(payload: Mapping[str, Any]) -> Counter[str]:
    """Cells per category of an ``edit`` event: from its cells' rule ids when present (a cell
    counts once per category), else from its ``categories`` counts."""
    counts: Counter[str] = Counter()
    edits = payload.get("edits")
    if isinstance(edits, list) and edits:
        for edit in edits:
            if isinstance(edit, Mapping):
                rules = edit.get("rules") or edit.get("rule_ids") or ()
                counts.update({str(rule).split(".", 1)[0] for rule in rules} & set(CATEGORIES))
        if counts:
            return counts
    declared = payload.get("categories")
    if isinstance(declared, Mapping):
        for key, value in declared.items():
            if isinstance(value, int) and key in CATEGORIES:
                counts[key] += value
    return counts


def _event_time(event: Mapping[str, Any], payload: Mapping[str, Any]) -> datetime | None:
    for source in (event, payload):
        for key in ("time", "timestamp", "at", "date"):
            value = source.get(key)
            if isinstance(value, datetime):
                return value.replace(tzinfo=None)
            if isinstance(value, str):
                try:
                    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
                except ValueError:
                    continue
                if parsed.tzinfo is not None:
                    parsed = parsed.astimezone().replace(tzinfo=None)
                return parsed
    return None


def read_log(fingerprint: str, *, unsaved: int = 0) -> tuple[Corrections, LogStatus]:
    """Corrections and integrity status from the practice's log; never raises.

    When the log cannot be opened (no keyring and no passphrase, or not created yet) the report
    still comes out, and says so.
    """
    try:
        from ..audit.log import open_log

        log = open_log()
        try:
            result = log.verify()
            events = log.events() if result.ok else []
        finally:
            close = getattr(log, "close", None)
            if close:
                close()
    except NotImplementedError:
        return Corrections(unsaved=unsaved), LogStatus(None, "Journal indisponible.")
    except Exception as error:  # a report must come out even when the log cannot be read
        message = getattr(error, "message", "") or "le journal n'a pas pu être ouvert."
        logger.info("Log not consulted for the report: %s", error)
        return Corrections(unsaved=unsaved), LogStatus(None, f"Journal non consulté : {message}")
    corrections = corrections_from_log(events, fingerprint, unsaved=unsaved)
    message = result.message or (
        f"Journal intègre : {result.events} événements."
        if result.ok
        else f"Journal altéré : {result.problem or 'vérification impossible'}."
    )
    return corrections, LogStatus(bool(result.ok), message, result.events)


# --- masked examples -------------------------------------------------------------------------

_KEEP_UPPER = {"RDV", "SMS", "NB", "TEL", "TÉL", "OK", "PM", "AM", "H"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def mask_comment(text: str, findings: Sequence[Finding], limit: int = 90) -> str:
    """The comment with each sensitive passage replaced by its category in brackets, every
    capitalised word after the first (a possible name) by «[nom]», e-mail addresses by
    «[courriel]» and every digit by «•».

    Used only when the user explicitly asks for examples in the report.
    """
    spans = sorted((f.start, f.end, f.category) for f in findings if 0 <= f.start < f.end)
    pieces: list[str] = []
    position = 0
    for start, end, category in spans:
        if start < position:
            continue
        pieces.append(_mask_plain(text[position:start], first=position == 0))
        pieces.append(f"[{CATEGORY_LABELS.get(category, category).lower()}]")
        position = end
    pieces.append(_mask_plain(text[position:], first=position == 0))
    masked = re.sub(r"\s+", " ", "".join(pieces)).strip()
    if len(masked) > limit:
        masked = masked[: limit - 1].rstrip() + "…"
    return masked


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _mask_plain(text: str, *, first: bool) -> str:
    if "@" in text:
        text = _EMAIL.sub("\x00", text)
    return _mask_words(text, first=first).replace("\x00", "[courriel]")


def _mask_words(text: str, *, first: bool) -> str:
    out: list[str] = []
    position = 0
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        out.append(text[position : match.start()])
        is_first_word = first and index == 0
        if word.upper() in _KEEP_UPPER or not word[0].isupper() or is_first_word:
            if is_first_word and len(word) > 1 and word.isupper() and word not in _KEEP_UPPER:
                word = "[nom]"
            out.append(word)
        else:
            out.append("[nom]")
        position = match.end()
    out.append(text[position:])
    return re.sub(r"\d", "•", "".join(out))


def masked_examples(
    cells: Iterable[tuple[str, Sequence[Finding]]], limit: int = 6
) -> list[MaskedExample]:
    """Up to ``limit`` masked examples, one per category first so the sample is varied."""
    by_category: dict[str, list[MaskedExample]] = defaultdict(list)
    for text, findings in cells:
        if not findings:
            continue
        categories = tuple(dict.fromkeys(f.category for f in findings))
        by_category[categories[0]].append(MaskedExample(categories, mask_comment(text, findings)))
    chosen: list[MaskedExample] = []
    while len(chosen) < limit and any(by_category.values()):
        for category in CATEGORIES:
            if by_category.get(category) and len(chosen) < limit:
                chosen.append(by_category[category].pop(0))
    return chosen


# --- layout ----------------------------------------------------------------------------------


def french_date(moment: datetime, with_time: bool = True) -> str:
    """«23 novembre 2026 à 17 h 05» — independent of the system locale."""
    day = "1er" if moment.day == 1 else str(moment.day)
    text = f"{day} {MONTHS[moment.month - 1]} {moment.year}"
    if with_time:
        text += f" à {moment.hour} h {moment.minute:02d}"
    return text


def percent(value: float) -> str:
    """«12,5 %» with one decimal below 10 %, none above; «< 0,1 %» for tiny non-zero shares."""
    pct = value * 100
    if 0 < pct < 0.1:
        return "< 0,1\u00a0%"
    text = f"{pct:.1f}" if pct < 10 else f"{pct:.0f}"
    return text.replace(".", ",") + "\u00a0%"


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{number(count)} {singular if count <= 1 else (many or singular + 's')}"


def report_html(data: ReportData) -> str:
    """The whole report as one HTML document (UTF-8, inline styles, no external resource)."""
    parts = [
        _head(data),
        _title_block(data),
        _file_block(data),
        _figures_block(data),
        _categories_block(data),
        _corrections_block(data),
        _log_block(data),
        _rules_block(),
        _next_steps_block(data),
    ]
    if data.examples:
        parts.append(_examples_block(data.examples))
    parts.append(_signature_block(data))
    parts.append("</body></html>")
    return _french_spacing("\n".join(parts))


def _french_spacing(html: str) -> str:
    """No-break spaces inside «  » and before : ; ! ? so a line never starts with them."""
    for before, after in (
        ("« ", "«\u00a0"),
        (" »", "\u00a0»"),
        (" :", "\u00a0:"),
        (" ;", "\u00a0;"),
    ):
        html = html.replace(before, after)
    return html


def _head(data: ReportData) -> str:
    title = "Rapport d'autocontrôle — Huis clos"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="fr"><head><meta charset="utf-8">'
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


def _title_block(data: ReportData) -> str:
    practice = (
        f'<p style="font-size: 12pt; font-weight: bold;">{escape(data.practice)}</p>'
        if data.practice.strip()
        else ""
    )
    return (
        "<h1>Rapport d'autocontrôle des commentaires administratifs</h1>"
        f"{practice}"
        f'<p class="muted">Établi le {escape(french_date(data.generated))} avec Huis clos '
        f"{escape(data.app_version)}, sur ce poste, sans connexion à Internet. Ce rapport ne "
        "contient aucun nom ni aucun commentaire de patient.</p>"
        f'<hr style="color: {RULE};">'
    )


def _file_block(data: ReportData) -> str:
    columns = ", ".join(f"« {escape(c)} »" for c in data.columns) if data.columns else "—"
    fingerprint = data.fingerprint or "—"
    return (
        "<h2>Fichier vérifié</h2>"
        '<table cellspacing="0" cellpadding="2">'
        f'<tr><td class="muted" width="170">Nom du fichier</td><td>{escape(data.file_name)}</td>'
        "</tr>"
        f'<tr><td class="muted">Patients (lignes)</td><td>{number(data.rows)}</td></tr>'
        f'<tr><td class="muted">Colonnes analysées</td><td>{columns}</td></tr>'
        f'<tr><td class="muted">Empreinte SHA-256</td><td class="mono">{escape(fingerprint)}'
        "</td></tr>"
        "</table>"
        '<p class="small muted">L\'empreinte identifie ce fichier précisément : elle permet de '
        "prouver quel export a été vérifié, sans en conserver le contenu.</p>"
    )


def _figures_block(data: ReportData) -> str:
    corrected = data.corrections.cells
    cells = [
        (number(data.flagged_comments), "commentaires à revoir"),
        (number(data.flagged_patients), f"patients concernés ({percent(data.share_flagged)})"),
        (
            number(data.high_comments),
            ("commentaire" if data.high_comments <= 1 else "commentaires") + " de gravité élevée",
        ),
        (number(corrected), "commentaires corrigés"),
    ]
    row = "".join(
        f'<td width="25%" align="center" style="background-color: #eef3f8;">'
        f'<span class="big">{escape(value)}</span><br>'
        f'<span class="small">{escape(caption)}</span></td>'
        for value, caption in cells
    )
    return (
        "<h2>En résumé</h2>"
        f'<table width="100%" cellspacing="6" cellpadding="8"><tr>{row}</tr></table>'
    )


def _categories_block(data: ReportData) -> str:
    if not data.categories:
        return (
            "<h2>Commentaires signalés par catégorie</h2>"
            "<p>Aucun commentaire sensible n'a été trouvé dans les colonnes analysées.</p>"
        )
    head = (
        "<tr><th>Catégorie</th>"
        + "".join(
            f'<th align="right">{escape(_severity_heading(s))}</th>' for s in reversed(SEVERITIES)
        )
        + '<th align="right">Patients</th><th align="right">Part</th></tr>'
    )
    body = []
    for index, line in enumerate(data.categories):
        shade = ' style="background-color: #f4f6f7;"' if index % 2 == 0 else ""
        counts = "".join(
            f'<td class="num">{_count_or_dash(line.by_severity.get(s, 0))}</td>'
            for s in reversed(SEVERITIES)
        )
        body.append(
            f"<tr{shade}><td>{escape(line.label)}</td>{counts}"
            f'<td class="num">{number(line.patients)}</td>'
            f'<td class="num">{escape(percent(line.share))}</td></tr>'
        )
    table = (
        '<table width="100%" cellspacing="0" cellpadding="3">' + head + "".join(body) + "</table>"
    )
    note = (
        '<p class="small muted">Un commentaire compte une fois par catégorie, à sa gravité la '
        "plus haute ; un patient compte une fois par catégorie. Gravité élevée : donnée "
        "sensible (RGPD art. 9 et 10) ou identifiant ; moyenne : précarité sociale ou jugement ; "
        "faible : besoin pratique formulé comme une maladie.</p>"
    )
    return "<h2>Commentaires signalés par catégorie</h2>" + table + note + _chart(data)


def _severity_heading(severity: str) -> str:
    return {"high": "Élevée", "medium": "Moyenne", "low": "Faible"}[severity]


def _count_or_dash(value: int) -> str:
    return number(value) if value else '<span class="muted">–</span>'


def _chart(data: ReportData) -> str:
    """Horizontal bars (comments per category, split by severity) as nested tables.

    Tables with bgcolor cells are the one chart that both QTextDocument and browsers draw
    identically, and they print in grey as well as in colour.
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
            f'<tr><td width="32%" class="small">{escape(line.label)}</td>'
            f'<td width="58%">{bar}</td>'
            f'<td width="10%" class="num small">{number(line.comments)}</td></tr>'
        )
    legend = " &nbsp; ".join(
        f'<span style="color: {SEVERITY_COLOURS[s]};">&#9632;</span> {_severity_heading(s)}'
        for s in reversed(SEVERITIES)
    )
    return (
        '<p class="small" style="margin-top: 10px;"><b>Commentaires signalés</b> '
        f'<span class="muted">— gravité : {legend}</span></p>'
        '<table width="100%" cellspacing="0" cellpadding="2">' + "".join(rows) + "</table>"
    )


def _corrections_block(data: ReportData) -> str:
    c = data.corrections
    if c.cells:
        when = f", la dernière fois le {french_date(c.last)}" if c.last else ""
        corrected = plural(c.cells, "commentaire corrigé", "commentaires corrigés")
        how = (
            f"en {plural(c.saves, 'enregistrement')} d'une copie nettoyée"
            if c.saves
            else "dans l'application (aucune copie nettoyée enregistrée pour l'instant)"
        )
        text = f"<p>D'après le journal, {corrected} dans ce fichier, {how}{when}.</p>"
        if c.by_category:
            items = "".join(
                f"<li>{escape(CATEGORY_LABELS.get(k, k))} : {number(v)}</li>"
                for k, v in sorted(c.by_category.items(), key=lambda kv: -kv[1])
            )
            text += f"<ul>{items}</ul>"
        if data.flagged_comments:
            left = max(0, data.flagged_comments - c.cells)
            text += (
                f"<p>Restent à traiter : {plural(left, 'commentaire')} sur "
                f"{number(data.flagged_comments)}.</p>"
                if left
                else "<p>Tous les commentaires signalés ont été traités.</p>"
            )
    else:
        text = (
            "<p>Le journal ne contient encore aucune correction enregistrée pour ce fichier. "
            "Les corrections apparaissent ici dès qu'une copie nettoyée est enregistrée.</p>"
        )
    if c.unsaved == 1:
        text += "<p>1 correction faite dans l'application n'est pas encore enregistrée.</p>"
    elif c.unsaved > 1:
        text += (
            f"<p>{number(c.unsaved)} corrections faites dans l'application ne sont pas encore "
            "enregistrées.</p>"
        )
    return "<h2>Corrections</h2>" + text


def _log_block(data: ReportData) -> str:
    status = data.log
    css, mark = {True: ("ok", "&#10003;"), False: ("bad", "&#10007;")}.get(
        status.ok, ("unknown", "?")
    )
    message = status.message[:1].upper() + status.message[1:]
    return (
        "<h2>Journal chiffré</h2>"
        f'<p><span class="{css}">{mark} {escape(message)}</span></p>'
        '<p class="small muted">Le journal garde, chiffrés et chaînés, la date, l\'empreinte du '
        "fichier et le nombre de corrections par catégorie — jamais le texte d'un commentaire. "
        "Toute modification ou suppression d'un événement est détectée.</p>"
    )


def _rules_block() -> str:
    items = "".join(f"<li>{escape(rule)}</li>" for rule in CNIL_RULES)
    return "<h2>Les règles à retenir (CNIL)</h2>" + f"<ul>{items}</ul>"


def _next_steps_block(data: ReportData) -> str:
    steps = [
        "Reporter chaque correction dans le logiciel du cabinet à l'aide de la liste de "
        "corrections (la copie nettoyée ne remplace pas la source).",
        "Supprimer l'export et la copie nettoyée une fois les corrections reportées, y compris "
        "de la corbeille et des dossiers synchronisés.",
        "Former l'équipe (secrétariat, remplaçants) : le besoin pratique, pas la maladie ; "
        "ni rumeur, ni proche, ni jugement.",
        "Refaire cette vérification régulièrement, par exemple chaque trimestre, et classer ce "
        "rapport avec votre registre RGPD.",
    ]
    if data.log.ok is False:
        steps.insert(0, "Le journal est altéré : signalez-le au responsable du cabinet.")
    items = "".join(
        f'<tr><td width="22" valign="top" style="font-size: 12pt;">&#9744;</td>'
        f"<td>{escape(step)}</td></tr>"
        for step in steps
    )
    return (
        "<h2>Prochaines étapes</h2>"
        f'<table cellspacing="0" cellpadding="3" width="100%">{items}</table>'
    )


def _examples_block(examples: Sequence[MaskedExample]) -> str:
    rows = "".join(
        f'<tr><td width="32%" class="small muted">'
        f"{escape(', '.join(CATEGORY_LABELS.get(c, c) for c in ex.categories))}</td>"
        f"<td>{escape(ex.text)}</td></tr>"
        for ex in examples
    )
    return (
        "<h2>Exemples masqués</h2>"
        '<p class="small muted">Ajoutés à la demande. Les passages sensibles sont remplacés par '
        "leur catégorie, les noms par « [nom] », les chiffres par « • ».</p>"
        f'<table width="100%" cellspacing="0" cellpadding="3">{rows}</table>'
    )


def _signature_block(data: ReportData) -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" style="margin-top: 18px;">'
        '<tr><td width="50%" class="muted">Vérification faite par :</td>'
        '<td width="50%" class="muted">Date et signature :</td></tr>'
        '<tr><td height="40">&nbsp;</td><td>&nbsp;</td></tr></table>'
    )


# --- building from a scan ----------------------------------------------------------------------


def build_report(
    *,
    file_name: str,
    fingerprint: str,
    rows: int,
    findings: Sequence[Finding],
    columns: Mapping[str, Sequence[str]] | None = None,
    practice: str = "",
    corrections: Corrections | None = None,
    log: LogStatus | None = None,
    examples_from: Iterable[tuple[str, Sequence[Finding]]] | None = None,
    generated: datetime | None = None,
) -> ReportData:
    """ReportData from plain figures; ``examples_from`` (cell text, its findings) only when the
    user asked for masked examples."""
    lines, flagged_comments, flagged_patients = summarise(findings, rows)
    column_names: list[str] = []
    for sheet, names in (columns or {}).items():
        column_names.extend(
            f"{sheet} : {n}" if sheet and len(columns or {}) > 1 else n for n in names
        )
    return ReportData(
        file_name=file_name,
        fingerprint=fingerprint,
        rows=rows,
        categories=lines,
        flagged_comments=flagged_comments,
        flagged_patients=flagged_patients,
        corrections=corrections or Corrections(),
        log=log or LogStatus(None, "Journal non consulté."),
        practice=practice,
        generated=generated or datetime.now(),
        columns=column_names,
        examples=masked_examples(examples_from) if examples_from is not None else [],
        high_cells=high_severity_comments(findings),
    )


def cells_with_findings(
    findings: Sequence[Finding], cell_text: Callable[[str, int, str], str]
) -> list[tuple[str, list[Finding]]]:
    """(cell text, findings of that cell) for each flagged cell; ``cell_text(sheet, row,
    column)`` reads the export."""
    grouped: dict[tuple[str, int, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[(finding.sheet, finding.row, finding.column)].append(finding)
    return [(cell_text(*key), found) for key, found in grouped.items()]


def report_from_session(
    session: Any,
    *,
    practice: str = "",
    with_examples: bool = False,
    read_the_log: bool = True,
) -> ReportData:
    """ReportData for a review session of the desktop app (``core.session.ReviewSession``).

    The figures describe the file as it was opened: cells the user already corrected are
    re-detected on their original text, so correcting does not make the problems vanish from
    the report — they move to «Corrections».
    """
    changed = set(session.overlay)
    findings: list[Finding] = [
        finding
        for key in session.pending_keys()
        if key not in changed
        for finding in session.findings(key)
    ]
    for key in sorted(changed):
        findings.extend(session.detect(key, session.original(key)))
    fingerprint = session.export.fingerprint
    if read_the_log:
        corrections, log_status = read_log(fingerprint)
    else:
        corrections, log_status = Corrections(), LogStatus(None, "Journal non consulté.")
    unsaved = max(0, session.corrected_count() - corrections.cells)
    if unsaved:
        corrections = Corrections(
            corrections.saves,
            corrections.cells,
            corrections.by_category,
            corrections.last,
            unsaved,
        )
    examples = None
    if with_examples:
        examples = cells_with_findings(
            findings, lambda sheet, row, column: session.original((sheet, row, column))
        )
    return build_report(
        file_name=session.path.name,
        fingerprint=fingerprint,
        rows=session.patient_count(),
        findings=findings,
        columns=session.columns,
        practice=practice,
        corrections=corrections,
        log=log_status,
        examples_from=examples,
    )


def report_payload(data: ReportData, fmt: str) -> dict[str, Any]:
    """The ``report`` log event: which file, the figures, the format — never text."""
    return {
        "fingerprint": data.fingerprint,
        "rows": data.rows,
        "flagged_comments": data.flagged_comments,
        "flagged_patients": data.flagged_patients,
        "counts": {line.category: dict(line.by_severity) for line in data.categories},
        "format": fmt.lower().lstrip("."),
        "with_examples": bool(data.examples),
    }


def record_report(data: ReportData, fmt: str) -> str | None:
    """Note in the log that a report was produced; a French warning if the log is unusable."""
    from ..audit.log import record_event

    return record_event("report", report_payload(data, fmt))
