"""The self-check report laid out as one HTML document a GP can file.

The HTML uses the subset of HTML/CSS that Qt's QTextDocument renders (tables, bgcolor bars,
simple CSS), so the same text becomes a PDF through Qt (the desktop app and ``huisclos
report``) and opens as is in a browser. No Qt here. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from ..detect.categories import CATEGORY_LABELS
from ..french import french_spacing, number, plural
from ..review import counts as review_counts
from .help_text import CNIL_RULES
from .html_parts import RULE, bar_chart, category_table, escape, head
from .masking import MaskedExample

if TYPE_CHECKING:  # the figures (and the journal they read) load only to build a report
    from .figures import ReportData


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


def report_html(data: ReportData, language: str = "fr") -> str:
    """The whole report as one HTML document (UTF-8, inline styles, no external resource).

    ``language`` «en» gives the English report of the desktop app's English mode
    (:mod:`.layout_en`); the command line and the French app keep the French one."""
    if language == "en":
        from .layout_en import report_html_en

        return report_html_en(data)
    parts = [
        head("Rapport d'autocontrôle — Huis clos", "fr"),
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
    return french_spacing("\n".join(parts))


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
        f"{escape(data.app_version)}, sur ce poste, sans connexion à Internet. "
        f"{escape(contents_sentence(data))}</p>"
        f'<hr style="color: {RULE};">'
    )


def contents_sentence(data: ReportData) -> str:
    """What the report holds, exactly: figures only, or figures and the masked examples the
    user asked for (never a patient's name)."""
    if not data.examples:
        return (
            "Ce rapport ne contient que des chiffres : aucun nom ni aucun commentaire de patient."
        )
    shown = plural(len(data.examples), "exemple masqué", "exemples masqués")
    return (
        f"Ce rapport ne contient aucun nom de patient ; à votre demande, il montre {shown} "
        "de commentaires (en fin de rapport), où les passages sensibles sont remplacés par "
        "leur catégorie et les noms et les chiffres sont cachés."
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
    counts = data.review_counts
    high = data.high_comments
    cells = [
        (counts.to_review, "commentaire à revoir", "commentaires à revoir"),
        (counts.corrected, "commentaire corrigé", "commentaires corrigés"),
        (counts.flagged, "commentaire signalé", "commentaires signalés"),
        (high, "commentaire de gravité élevée", "commentaires de gravité élevée"),
        (data.flagged_patients, "patient concerné", "patients concernés"),
    ]
    row = "".join(
        f'<td width="20%" align="center" style="background-color: #eef3f8;">'
        f'<span class="big">{escape(number(value))}</span><br>'
        f'<span class="small">{escape(plural(value, one, many).split(" ", 1)[1])}</span></td>'
        for value, one, many in cells
    )
    detail = (
        f"{review_counts.passages(counts.passages)} dans "
        f"{review_counts.flagged(counts.flagged)}, chez "
        f"{review_counts.patients(data.flagged_patients)} sur {number(data.rows)} "
        f"({percent(data.share_flagged)})."
    )
    return (
        "<h2>En résumé</h2>"
        f'<table width="100%" cellspacing="6" cellpadding="8"><tr>{row}</tr></table>'
        f'<p class="small muted">{escape(detail)}</p>'
    )


def _categories_block(data: ReportData) -> str:
    if not data.categories:
        return (
            "<h2>Commentaires signalés par catégorie</h2>"
            "<p>Aucun commentaire sensible n'a été trouvé dans les colonnes analysées.</p>"
        )
    table = category_table(
        data,
        headings=("Catégorie", "Patients", "Part"),
        label_of=lambda line: line.label,
        severity_name=_severity_heading,
        number_of=number,
        percent_of=percent,
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


def _chart(data: ReportData) -> str:
    return bar_chart(
        data,
        label_of=lambda line: line.label,
        severity_name=_severity_heading,
        number_of=number,
        caption="Commentaires signalés",
        legend_intro="— gravité : ",
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
        counts = data.review_counts
        if counts.flagged:
            text += (
                f"<p>Restent {review_counts.to_review(counts.to_review)} sur "
                f"{review_counts.flagged(counts.flagged)}.</p>"
                if counts.to_review
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
