"""The main window's actions and menus: every command a user can give, with its shortcut and
tooltip, and when it is available.

«Fichier» (open, demo, save the copy, the correction list, close, quit), «Édition» (undo,
redo, apply, apply all, edit, ignore, allow), «Revue» (next, previous, filter, columns),
«Outils» (check a comment, journal, report, workshop, exercise file, settings), «Aide» (the
rules, about).
Each action calls one method of the window; :meth:`Menus.update` enables what makes sense now.

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from . import settings

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("MainWindow", …) calls


class Menus:
    """The window's actions (attributes named after what they do) and its menu bar."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        key = QKeySequence.StandardKey
        w = window
        saving = window.saving  # the copy and the correction list
        self.open = self._action(
            translate("MainWindow", "&Ouvrir un fichier…"),
            w.choose_file,
            tip=translate("MainWindow", "Ouvrir l'export de vos patients"),
            keys=QKeySequence(key.Open),
        )
        self.demo = self._action(
            translate("MainWindow", "Essayer avec un &exemple fictif"),
            w.open_demo,
            tip=translate("MainWindow", "Ouvrir une liste de patients inventés"),
        )
        self.save = self._action(
            translate("MainWindow", "&Enregistrer une copie nettoyée…"),
            saving.save_copy,
            tip=translate(
                "MainWindow",
                "Écrire une copie corrigée à côté du fichier d'origine, qui reste intact",
            ),
            keys=QKeySequence(key.Save),
        )
        self.worklist = self._action(
            translate("MainWindow", "Exporter la &liste de corrections…"),
            saving.export_worklist,
            tip=translate(
                "MainWindow", "La liste des commentaires à corriger dans votre logiciel de cabinet"
            ),
            keys="Ctrl+E",
        )
        self.close = self._action(
            translate("MainWindow", "&Fermer le fichier"),
            w.close_file,
            keys=QKeySequence(key.Close),
        )
        self.quit = self._action(translate("MainWindow", "&Quitter"), w.quit_app, keys="Ctrl+Q")
        self.undo = w.undo_stack.createUndoAction(w, translate("MainWindow", "&Annuler"))
        self.undo.setShortcuts([QKeySequence(key.Undo)])
        self.redo = w.undo_stack.createRedoAction(w, translate("MainWindow", "&Rétablir"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        w.addAction(self.undo)
        w.addAction(self.redo)
        self.apply = self._action(
            translate("MainWindow", "A&ppliquer la proposition"),
            lambda: w.review.apply_suggestion(None, 0),
            tip=translate("MainWindow", "Remplacer le commentaire par la proposition"),
            keys=["Return", "Enter"],
        )
        self.apply_all = self._action(
            translate("MainWindow", "&Tout appliquer"),
            lambda: w.review.apply_all(w.review_page.proxy.category),
            tip=translate(
                "MainWindow",
                "Appliquer la proposition de chaque commentaire à revoir (de la catégorie "
                "choisie, le cas échéant), en une seule étape",
            ),
            keys="Ctrl+Shift+Return",
        )
        self.edit = self._action(
            translate("MainWindow", "&Modifier le commentaire…"),
            lambda: w.review.edit_comment(None),
            tip=translate("MainWindow", "Écrire le commentaire vous-même"),
            keys="F2",
        )
        self.ignore = self._action(
            translate("MainWindow", "&Ignorer ce passage"),
            lambda: w.review.ignore_finding(None),
            tip=translate("MainWindow", "Laisser ce passage tel quel"),
            keys="Ctrl+I",
        )
        self.allow = self._action(
            translate("MainWindow", "Toujours a&utoriser ce terme…"),
            lambda: w.review.allow_term(None),
            tip=translate("MainWindow", "Ne plus signaler ce terme dans ce cabinet"),
        )
        self.next = self._action(
            translate("MainWindow", "Commentaire &suivant"),
            lambda: w.step(True),
            tip=translate("MainWindow", "Aller au commentaire à revoir suivant"),
            keys="F8",
        )
        self.previous = self._action(
            translate("MainWindow", "Commentaire &précédent"),
            lambda: w.step(False),
            tip=translate("MainWindow", "Aller au commentaire à revoir précédent"),
            keys="Shift+F8",
        )
        self.find = self._action(
            translate("MainWindow", "Rec&hercher…"),
            w.review_page.search_bar.open_bar,
            tip=translate("MainWindow", "Trouver un patient, un n° de dossier ou un mot"),
            keys=QKeySequence.StandardKey.Find,
        )
        self.filter = QAction(translate("MainWindow", "Seulement les commentaires à &revoir"), w)
        self.filter.setCheckable(True)
        self.filter.setChecked(settings.only_to_review.value())
        self.filter.setShortcut(QKeySequence("Ctrl+R"))
        self.filter.toggled.connect(w.review_page.only_to_review.setChecked)
        w.addAction(self.filter)
        self.columns = self._action(
            translate("MainWindow", "&Colonnes analysées…"),
            w.change_columns,
            tip=translate(
                "MainWindow", "Choisir les colonnes de commentaires et relancer l'analyse"
            ),
        )
        self.check = self._action(
            translate("MainWindow", "&Vérifier un commentaire…"),
            lambda: w.prevention.open_check(),
            tip=translate(
                "MainWindow", "Vérifier un commentaire avant de l'enregistrer dans votre logiciel"
            ),
            keys="Ctrl+K",
        )
        self.journal = self._action(
            translate("MainWindow", "&Journal…"),
            w.tools.show_journal,
            tip=translate("MainWindow", "Consulter et vérifier le journal chiffré"),
            keys="Ctrl+J",
        )
        self.report = self._action(
            translate("MainWindow", "Rapport d'autocontrôle…"),
            w.tools.show_report,
            tip=translate(
                "MainWindow", "Produire le rapport d'autocontrôle (PDF ou HTML) du fichier ouvert"
            ),
            keys="Ctrl+Shift+R",
        )
        self.workshop = self._action(
            translate("MainWindow", "Mode atelier…"),
            w.tools.show_workshop,
            tip=translate("MainWindow", "Quiz à projeter en formation, sans aucun patient réel"),
        )
        self.exercise = self._action(
            translate("MainWindow", "Générer un fichier d'exercice…"),
            w.tools.generate_exercise,
            tip=translate("MainWindow", "Créer un export fictif pour s'entraîner"),
        )
        preferences = QKeySequence(key.Preferences)
        self.settings = self._action(
            translate("MainWindow", "&Réglages…"),
            w.tools.show_settings,
            tip=translate("MainWindow", "Catégories, termes du cabinet, langue"),
            keys=preferences if not preferences.isEmpty() else "Ctrl+,",
        )
        self.rules = self._action(
            translate("MainWindow", "Pourquoi ? Les règles des commentaires"),
            w.tools.show_rules,
            keys=QKeySequence(key.HelpContents),
        )
        self.about = self._action(
            translate("MainWindow", "À &propos de Huis clos"), w.tools.show_about
        )
        self.cancel = self._action(
            translate("MainWindow", "Arrêter l'analyse"),
            w.cancel_scan,
            keys="Escape",
        )

        bar = w.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&Fichier"))
        file_menu.addActions([self.open, self.demo])
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.worklist])
        file_menu.addSeparator()
        file_menu.addActions([self.close, self.quit])
        edit_menu = bar.addMenu(translate("MainWindow", "É&dition"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.apply, self.apply_all, self.edit, self.ignore, self.allow])
        review_menu = bar.addMenu(translate("MainWindow", "&Revue"))
        review_menu.addActions([self.next, self.previous, self.find])
        review_menu.addSeparator()
        review_menu.addActions([self.filter, self.columns])
        self.tools_menu = bar.addMenu(translate("MainWindow", "&Outils"))
        self.tools_menu.addAction(self.check)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.journal)
        self.tools_menu.addSeparator()
        self.tools_menu.addActions([self.report, self.workshop, self.exercise])
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.settings)
        self.help_menu = bar.addMenu(translate("MainWindow", "&Aide"))
        self.help_menu.addActions([self.rules, self.about])

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        tip: str = "",
        *,
        keys: QKeySequence | str | list[str] | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            action.setShortcuts(
                [QKeySequence(k) for k in (keys if isinstance(keys, list) else [keys])]
            )
        if tip:
            shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shown})" if shown else tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def update(self) -> None:
        """Enable what makes sense now: a file open, a scan running, a comment selected."""
        window = self.window
        session = window.session
        scanning = window.scans.running
        has_findings = session is not None and session.review_count() > 0
        key = window.review_page.current_key() if session is not None else None
        has_current = session is not None and key is not None and bool(session.findings(key))
        opened = session is not None
        self.save.setEnabled(opened and not scanning)
        self.worklist.setEnabled(opened and not scanning)
        self.close.setEnabled(opened or scanning)
        self.apply_all.setEnabled(has_findings and not scanning)
        window.review_page.apply_category_button.setEnabled(has_findings and not scanning)
        for action in (self.apply, self.ignore, self.allow):
            action.setEnabled(has_current)
        self.edit.setEnabled(key is not None)
        self.next.setEnabled(has_findings)
        self.previous.setEnabled(has_findings)
        self.find.setEnabled(opened and not scanning)
        self.columns.setEnabled(opened and not scanning)
        window.review_page.columns_button.setEnabled(opened and not scanning)
        self.cancel.setEnabled(scanning)
        self.report.setEnabled(opened)
