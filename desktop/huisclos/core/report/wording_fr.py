"""The report's words in French (:mod:`.layout`): the command line's report and the French app's.

French dates («1er décembre 2026 à 17 h 05») and numbers («12 431», «12,5 %») whatever the
system locale; no-break spaces before «:» and «;» and inside «  ». Pure functions.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..detect.categories import CATEGORY_LABELS
from ..french import french_spacing, number, plural
from ..review import counts as review_counts
from .help_text import CNIL_RULES
from .html_parts import escape
from .masking import MaskedExample

if TYPE_CHECKING:
    from ..review.counts import ReviewCounts
    from .figures import CategoryLine, Corrections, LogStatus, ReportData

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
SEVERITY_HEADINGS = {"high": "Élevée", "medium": "Moyenne", "low": "Faible"}


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


class FrenchWording:
    """The French words of every section (:class:`.layout.Wording`)."""

    language = "fr"
    document_title = "Rapport d'autocontrôle — Huis clos"
    heading = "Rapport d'autocontrôle des commentaires administratifs"
    file_heading = "Fichier vérifié"
    file_labels = ("Nom du fichier", "Patients (lignes)", "Colonnes analysées", "Empreinte SHA-256")
    fingerprint_note = (
        "L'empreinte identifie ce fichier précisément : elle permet de prouver quel export a été "
        "vérifié, sans en conserver le contenu."
    )
    summary_heading = "En résumé"
    categories_heading = "Commentaires signalés par catégorie"
    no_category = "Aucun commentaire sensible n'a été trouvé dans les colonnes analysées."
    category_headings = ("Catégorie", "Patients", "Part")
    categories_note = (
        "Un commentaire compte une fois par catégorie, à sa gravité la plus haute ; un patient "
        "compte une fois par catégorie. Gravité élevée : donnée sensible (RGPD art. 9 et 10) ou "
        "identifiant ; moyenne : précarité sociale ou jugement ; faible : besoin pratique "
        "formulé comme une maladie."
    )
    chart_caption = "Commentaires signalés"
    chart_legend_intro = "— gravité : "
    log_heading = "Journal chiffré"
    log_note = (
        "Le journal garde, chiffrés et chaînés, la date, l'empreinte du fichier et le nombre de "
        "corrections par catégorie — jamais le texte d'un commentaire. Toute modification ou "
        "suppression d'un événement est détectée."
    )
    rules_heading = "Les règles à retenir (CNIL)"
    rules = CNIL_RULES
    next_steps_heading = "Prochaines étapes"
    next_steps = (
        "Reporter chaque correction dans le logiciel du cabinet à l'aide de la liste de "
        "corrections (la copie nettoyée ne remplace pas la source).",
        "Supprimer l'export et la copie nettoyée une fois les corrections reportées, y compris "
        "de la corbeille et des dossiers synchronisés.",
        "Former l'équipe (secrétariat, remplaçants) : le besoin pratique, pas la maladie ; "
        "ni rumeur, ni proche, ni jugement.",
        "Refaire cette vérification régulièrement, par exemple chaque trimestre, et classer ce "
        "rapport avec votre registre RGPD.",
    )
    tampered_step = "Le journal est altéré : signalez-le au responsable du cabinet."
    examples_heading = "Exemples masqués"
    examples_note = (
        "Ajoutés à la demande. Les passages sensibles sont remplacés par leur catégorie, les "
        "noms par « [nom] », les chiffres par « • »."
    )
    signature_labels = ("Vérification faite par :", "Date et signature :")

    number = staticmethod(number)
    percent = staticmethod(percent)
    severity = staticmethod(SEVERITY_HEADINGS.__getitem__)

    @staticmethod
    def line_label(line: CategoryLine) -> str:
        return line.label

    @staticmethod
    def category(category: str) -> str:
        return CATEGORY_LABELS.get(category, category)

    @staticmethod
    def drawn_up(data: ReportData) -> str:
        if not data.examples:
            holds = "Ce rapport ne contient que des chiffres : aucun nom ni aucun commentaire de "
            holds += "patient."
        else:
            shown = plural(len(data.examples), "exemple masqué", "exemples masqués")
            holds = (
                f"Ce rapport ne contient aucun nom de patient ; à votre demande, il montre {shown} "
                "de commentaires (en fin de rapport), où les passages sensibles sont remplacés "
                "par leur catégorie et les noms et les chiffres sont cachés."
            )
        return (
            f"Établi le {french_date(data.generated)} avec Huis clos {data.app_version}, sur ce "
            f"poste, sans connexion à Internet. {holds}"
        )

    @staticmethod
    def quoted(column: str) -> str:
        return f"« {column} »"

    @staticmethod
    def figure_cells(data: ReportData) -> list[tuple[int, str]]:
        counts = data.review_counts
        cells = [
            (counts.to_review, "commentaire à revoir", "commentaires à revoir"),
            (counts.corrected, "commentaire corrigé", "commentaires corrigés"),
            (counts.flagged, "commentaire signalé", "commentaires signalés"),
            (data.high_comments, "commentaire de gravité élevée", "commentaires de gravité élevée"),
            (data.flagged_patients, "patient concerné", "patients concernés"),
        ]
        return [(value, plural(value, one, many).split(" ", 1)[1]) for value, one, many in cells]

    @staticmethod
    def summary_detail(data: ReportData) -> str:
        counts = data.review_counts
        return (
            f"{review_counts.passages(counts.passages)} dans "
            f"{review_counts.flagged(counts.flagged)}, chez "
            f"{review_counts.patients(data.flagged_patients)} sur {number(data.rows)} "
            f"({percent(data.share_flagged)})."
        )

    @staticmethod
    def corrected(corrections: Corrections) -> str:
        c = corrections
        when = f", la dernière fois le {french_date(c.last)}" if c.last else ""
        how = (
            f"en {plural(c.saves, 'enregistrement')} d'une copie nettoyée"
            if c.saves
            else "dans l'application (aucune copie nettoyée enregistrée pour l'instant)"
        )
        corrected = plural(c.cells, "commentaire corrigé", "commentaires corrigés")
        return f"D'après le journal, {corrected} dans ce fichier, {how}{when}."

    @staticmethod
    def category_count(category: str, value: int) -> str:
        return f"{escape(CATEGORY_LABELS.get(category, category))} : {number(value)}"

    @staticmethod
    def remaining(counts: ReviewCounts) -> str:
        if not counts.to_review:
            return "Tous les commentaires signalés ont été traités."
        return (
            f"Restent {review_counts.to_review(counts.to_review)} sur "
            f"{review_counts.flagged(counts.flagged)}."
        )

    @staticmethod
    def nothing_corrected() -> str:
        return (
            "Le journal ne contient encore aucune correction enregistrée pour ce fichier. "
            "Les corrections apparaissent ici dès qu'une copie nettoyée est enregistrée."
        )

    @staticmethod
    def unsaved(count: int) -> str:
        if count == 1:
            return "1 correction faite dans l'application n'est pas encore enregistrée."
        return (
            f"{number(count)} corrections faites dans l'application ne sont pas encore "
            "enregistrées."
        )

    @staticmethod
    def log_sentence(status: LogStatus) -> str:
        return status.message[:1].upper() + status.message[1:]

    @staticmethod
    def example_text(example: MaskedExample) -> str:
        return example.text

    @staticmethod
    def finish(html: str) -> str:
        return french_spacing(html)
