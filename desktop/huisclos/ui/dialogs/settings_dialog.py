"""«Réglages»: practice name and language, the clipboard watch (and starting with the session),
what the analysis reports (categories, minimum severity, columns), and the practice's own terms
(allowed terms, extra terms).

Nothing is saved until «Enregistrer»; :meth:`SettingsDialog.apply` writes the options and the
practice's files through the core and says what changed (so the window re-scans and logs a
``settings_changed`` event with counts only).

Threading: GUI thread only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.detect import practice
from ...core.detect.categories import CATEGORIES, SEVERITIES
from ...core.errors import HuisclosError
from ...core.review.session import ReviewSession
from .. import settings
from ..errors import show_error
from ..labels import category_label, severity_label
from ..style import Layout, paragraph
from . import answer_buttons

SPECIAL = {"health", "sex_life", "religion", "ethnic_origin", "political", "union", "criminal",
           "identifier"}  # fmt: skip
RULE_PREFIX = "cabinet.terme-"


def _slug(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")[:40] or "terme"


def add_rule_block(text: str, term: str, category: str, existing_ids: set[str]) -> str:
    """The practice's rules text with one more rule flagging ``term`` in ``category``."""
    base = f"{RULE_PREFIX}{_slug(term)}"
    rule_id, number = base, 2
    while rule_id in existing_ids:
        rule_id, number = f"{base}-{number}", number + 1
    severity = "high" if category in SPECIAL else "medium"
    block = (
        "\n[[rule]]\n"
        f"id = {json.dumps(rule_id)}\n"
        f"category = {json.dumps(category)}\n"
        f"severity = {json.dumps(severity)}\n"
        f"label = {json.dumps(term, ensure_ascii=False)}\n"
        f"terms = [{json.dumps(term, ensure_ascii=False)}]\n"
        'explanation = "Terme signalé par le cabinet : il ne doit pas figurer dans un '
        'commentaire administratif."\n'
    )
    return text.rstrip("\n") + "\n" + block


def remove_rule_block(text: str, rule_id: str) -> str:
    """The practice's rules text without the ``[[rule]]`` block whose id is ``rule_id``."""
    parts = re.split(r"(?m)^(?=\[\[rule\]\])", text)
    pattern = re.compile(rf'(?m)^id\s*=\s*"{re.escape(rule_id)}"\s*$')
    return "".join(part for part in parts if not pattern.search(part))


def _choice(
    items: Iterable[tuple[str, str]], current: str, name: str, description: str = ""
) -> QComboBox:
    """A drop-down of (label, value) pairs showing ``current`` (the first one when absent);
    ``name`` and ``description`` for screen readers."""
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.setAccessibleName(name)
    box.setAccessibleDescription(description)
    return box


def _group(title: str, kind: type[Layout]) -> tuple[QGroupBox, Layout]:
    """A titled group box and its layout of ``kind``."""
    group = QGroupBox(title)
    return group, kind(group)


class SettingsDialog(QDialog):
    """The settings, in three tabs.

    ``tray_available``: whether this desktop has a notification area (the clipboard watch needs
    one); ``autostart``: whether the session starts Huis clos now (None: not offered here).
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        session: ReviewSession | None = None,
        *,
        tray_available: bool = False,
        autostart: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tray_available = tray_available
        self.autostart_before = autostart
        self.setWindowTitle(self.tr("Réglages"))
        self.setMinimumSize(620, 520)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("Général"))
        self.tabs.addTab(self._analysis_tab(), self.tr("Analyse"))
        self.tabs.addTab(self._terms_tab(), self.tr("Termes du cabinet"))
        for index, tip in enumerate(
            (
                self.tr("Nom du cabinet et langue"),
                self.tr("Catégories signalées, gravité, colonnes"),
                self.tr("Termes autorisés et termes propres au cabinet, à revoir ou retirer"),
            )
        ):
            self.tabs.setTabToolTip(index, tip + self.tr(" (Ctrl+Tab : onglet suivant)"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(
            answer_buttons(self, self.tr("Enregistrer"), self._accept, self.tr("Annuler"))
        )

    # --- tabs ------------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        layout.addLayout(form)
        self.practice_edit = QLineEdit(settings.practice.value())
        self.practice_edit.setPlaceholderText(self.tr("ex. : Cabinet médical des Tilleuls"))
        self.practice_edit.setAccessibleName(self.tr("Nom du cabinet"))
        form.addRow(self.tr("&Nom du cabinet :"), self.practice_edit)
        form.addRow("", paragraph(self.tr("Il apparaît sur le rapport d'autocontrôle."), tab))
        self.language_combo = _choice(
            [("Français", "fr"), ("English", "en")],
            settings.language.value(),
            self.tr("Langue de l'interface"),
            self.tr("Prend effet au prochain démarrage"),
        )
        form.addRow(self.tr("&Langue :"), self.language_combo)
        form.addRow(
            "",
            paragraph(self.tr("Le changement de langue prend effet au prochain démarrage."), tab),
        )
        layout.addWidget(self._watch_group())
        layout.addStretch(1)
        return tab

    def _watch_group(self) -> QGroupBox:
        """«Veille du presse-papiers»: off by default, impossible without a system tray."""
        group, box = _group(self.tr("Veille du presse-papiers"), QVBoxLayout)
        self.watch_box = QCheckBox(self.tr("&Vérifier les textes que je copie"))
        self.watch_box.setAccessibleName(self.tr("Veille du presse-papiers"))
        self.watch_box.setAccessibleDescription(
            self.tr("Vérifie sur ce poste chaque texte copié et prévient s'il est sensible")
        )
        box.addWidget(self.watch_box)
        box.addWidget(
            paragraph(
                self.tr(
                    "Quand vous copiez un texte (Ctrl+C) dans votre logiciel, Huis clos le vérifie "
                    "sur cet ordinateur et vous prévient s'il contient une information sensible ; "
                    "le texte copié n'est ni enregistré ni envoyé."
                ),
                group,
            )
        )
        self.autostart_box = QCheckBox(
            self.tr("&Démarrer avec la session, dans la zone de notification")
        )
        self.autostart_box.setChecked(bool(self.autostart_before))
        self.autostart_box.setVisible(self.autostart_before is not None)
        box.addWidget(self.autostart_box)
        if self.tray_available:
            self.watch_box.setChecked(settings.clipboard_watch.value())
            self.watch_box.toggled.connect(self._watch_toggled)
            self._watch_toggled(self.watch_box.isChecked())
        else:
            self.watch_box.setChecked(False)
            self.watch_box.setEnabled(False)
            self.autostart_box.setEnabled(False)
            self.no_tray = paragraph(
                self.tr(
                    "Ce bureau n'a pas de zone de notification : la veille ne peut pas être "
                    "activée. « Vérifier un commentaire » (Ctrl+K) reste disponible."
                ),
                group,
            )
            self.no_tray.setObjectName("errorLabel")
            box.addWidget(self.no_tray)
        return group

    def _watch_toggled(self, on: bool) -> None:
        self.autostart_box.setEnabled(on)
        if not on:
            self.autostart_box.setChecked(False)

    def _analysis_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        group, grid = _group(self.tr("Catégories signalées"), QGridLayout)
        enabled = settings.enabled_categories()
        self.category_boxes: dict[str, QCheckBox] = {}
        for index, category in enumerate(CATEGORIES):
            box = QCheckBox(category_label(category))
            box.setChecked(category in enabled)
            box.setAccessibleName(self.tr("Signaler : {0}").format(category_label(category)))
            box.setAccessibleDescription(
                self.tr("Décochez pour ne plus signaler cette catégorie dans les analyses")
            )
            grid.addWidget(box, index // 2, index % 2)
            self.category_boxes[category] = box
        layout.addWidget(group)
        form = QFormLayout()
        self.severity_combo = _choice(
            [(severity_label(severity).capitalize(), severity) for severity in SEVERITIES],
            settings.min_severity.value(),
            self.tr("Gravité minimale"),
            self.tr("Les passages moins graves ne sont pas signalés"),
        )
        form.addRow(self.tr("&Gravité minimale signalée :"), self.severity_combo)
        layout.addLayout(form)
        columns, columns_layout = _group(self.tr("Colonnes analysées"), QVBoxLayout)
        if self.session is not None:
            names = [n for c in self.session.columns.values() for n in c]
            text = self.tr("Fichier ouvert : {0}").format(
                ", ".join(f"« {n} »" for n in names) or self.tr("aucune")
            )
        else:
            text = self.tr("Aucun fichier ouvert.")
        columns_layout.addWidget(
            paragraph(
                text
                + "\n"
                + self.tr(
                    "Les colonnes de commentaires sont reconnues à l'ouverture de chaque fichier ;"
                    " changez-les avec Revue ▸ Colonnes analysées…"
                ),
                columns,
            )
        )
        layout.addWidget(columns)
        layout.addStretch(1)
        return tab

    def _terms_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        allowed, allowed_layout = _group(self.tr("Termes autorisés (jamais signalés)"), QVBoxLayout)
        self.allow_list = QListWidget()
        self.allow_list.setAccessibleName(self.tr("Termes autorisés"))
        self.allow_list.setAccessibleDescription(
            self.tr(
                "Termes jamais signalés, dans aucun fichier ; Retirer pour les signaler à nouveau"
            )
        )
        self.original_allowlist = practice.load_allowlist()
        self.allow_list.addItems(self.original_allowlist)
        self.allow_edit = QLineEdit()
        allowed_layout.addWidget(self.allow_list, 1)
        allowed_layout.addLayout(
            self._term_row(
                self.allow_edit,
                self.tr("Terme à autoriser"),
                self._add_allowed,
                self.tr("Retirer le terme autorisé sélectionné"),
                lambda: self._remove_selected(self.allow_list),
            )
        )
        layout.addWidget(allowed, 1)

        extra, extra_layout = _group(
            self.tr("Termes propres au cabinet (signalés en plus)"), QVBoxLayout
        )
        self.extra_list = QListWidget()
        self.extra_list.setAccessibleName(self.tr("Termes propres au cabinet"))
        self.extra_list.setAccessibleDescription(
            self.tr("Termes signalés en plus du lexique, avec leur catégorie")
        )
        self.extra_text = practice.load_extra_terms_text()
        self.original_extra_text = self.extra_text
        try:
            rules = practice.load_extra_rules()
        except HuisclosError as error:
            rules = []
            extra_layout.addWidget(QLabel(error.message))
        for rule in rules:
            self._add_extra_item(rule.id, ", ".join(rule.terms), rule.category)
        self.extra_edit = QLineEdit()
        self.extra_category = _choice(
            [(category_label(category), category) for category in CATEGORIES],
            "judgement",
            self.tr("Catégorie du terme"),
            self.tr("La catégorie sous laquelle le nouveau terme sera signalé"),
        )
        extra_layout.addWidget(self.extra_list, 1)
        extra_layout.addLayout(
            self._term_row(
                self.extra_edit,
                self.tr("Terme à signaler"),
                self._add_extra,
                self.tr("Retirer le terme du cabinet sélectionné"),
                self._remove_extra,
                self.extra_category,
            )
        )
        layout.addWidget(extra, 1)
        self.terms_added = 0
        self.terms_removed = 0
        return tab

    def _term_row(
        self,
        edit: QLineEdit,
        what: str,
        add: Callable[[], None],
        remove_name: str,
        remove: Callable[[], None],
        *beside: QWidget,
    ) -> QHBoxLayout:
        """The line under a list of terms: the term to type (``what``), ``beside`` widgets,
        «Ajouter» (also on Entrée) and «Retirer» for the selected item."""
        edit.setPlaceholderText(what)
        edit.setAccessibleName(what)
        edit.returnPressed.connect(add)
        add_button = QPushButton(self.tr("Ajouter"))
        add_button.setAccessibleDescription(self.tr("Ajoute le terme tapé à la liste (Entrée)"))
        add_button.clicked.connect(add)
        remove_button = QPushButton(self.tr("Retirer"))
        remove_button.setAccessibleName(remove_name)
        remove_button.setAccessibleDescription(self.tr("Retire le terme sélectionné de la liste"))
        remove_button.clicked.connect(remove)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        for widget in (*beside, add_button, remove_button):
            row.addWidget(widget)
        return row

    # --- term lists ------------------------------------------------------------------------
    def _add_allowed(self) -> None:
        term = " ".join(self.allow_edit.text().split())
        if term and not self.allow_list.findItems(term, Qt.MatchFlag.MatchExactly):
            self.allow_list.addItem(term)
        self.allow_edit.clear()

    def _remove_selected(self, widget: QListWidget) -> None:
        for item in widget.selectedItems():
            widget.takeItem(widget.row(item))

    def allowlist(self) -> list[str]:
        return [self.allow_list.item(i).text() for i in range(self.allow_list.count())]

    def _add_extra_item(self, rule_id: str, terms: str, category: str) -> None:
        item = QListWidgetItem(f"{terms} — {category_label(category)}")
        item.setData(Qt.ItemDataRole.UserRole, rule_id)
        self.extra_list.addItem(item)

    def _extra_ids(self) -> set[str]:
        return {
            str(self.extra_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.extra_list.count())
        }

    def _add_extra(self) -> None:
        term = " ".join(self.extra_edit.text().split())
        if not term:
            return
        category = str(self.extra_category.currentData())
        text = add_rule_block(self.extra_text, term, category, self._extra_ids())
        new_ids = set(re.findall(r'(?m)^id\s*=\s*"([^"]+)"', text)) - set(
            re.findall(r'(?m)^id\s*=\s*"([^"]+)"', self.extra_text)
        )
        self.extra_text = text
        self._add_extra_item(next(iter(new_ids), ""), term, category)
        self.terms_added += 1
        self.extra_edit.clear()

    def _remove_extra(self) -> None:
        for item in self.extra_list.selectedItems():
            rule_id = str(item.data(Qt.ItemDataRole.UserRole))
            self.extra_text = remove_rule_block(self.extra_text, rule_id)
            self.extra_list.takeItem(self.extra_list.row(item))
            self.terms_removed += 1

    # --- saving ----------------------------------------------------------------------------
    def _accept(self) -> None:
        if self.extra_text != self.original_extra_text:
            try:
                practice.save_extra_terms_text(self.extra_text)
            except HuisclosError as error:
                show_error(self, error)
                return
            self.original_extra_text = self.extra_text
        self.accept()

    def apply(self) -> dict:
        """Save the options and the practice's lists; returns what changed."""
        changes: dict = {}
        settings.practice.set(self.practice_edit.text().strip())
        language = str(self.language_combo.currentData())
        if language != settings.language.value():
            settings.language.set(language)
            changes["language"] = True
        disabled = [c for c, box in self.category_boxes.items() if not box.isChecked()]
        severity = str(self.severity_combo.currentData())
        if (
            set(disabled) != set(settings.disabled_categories.value())
            or severity != settings.min_severity.value()
        ):
            settings.disabled_categories.set(disabled)
            settings.min_severity.set(severity)
            changes["scan"] = True
        allowlist = self.allowlist()
        before = set(self.original_allowlist)
        terms: dict[str, int] = {}
        if allowlist != self.original_allowlist:
            practice.save_allowlist(allowlist)
            terms["allowlist_added"] = len(set(allowlist) - before)
            terms["allowlist_removed"] = len(before - set(allowlist))
        if self.terms_added or self.terms_removed:
            terms["terms_added"] = self.terms_added
            terms["terms_removed"] = self.terms_removed
        if terms:
            changes["terms"] = terms
        watch = self.watch_box.isChecked() and self.tray_available
        if watch != settings.clipboard_watch.value():
            changes["watch"] = watch
        if self.autostart_before is not None:
            wanted = watch and self.autostart_box.isChecked()
            if wanted != self.autostart_before:
                changes["autostart"] = wanted
        return changes
