"""The main window's actions and menus: every command a user can give, with its shortcut and
tooltip, and when it is available.

«Fichier» (open, demo, save the copy, the correction list, close, quit), «Édition» (undo,
redo, apply, apply all, edit, ignore, allow), «Revue» (next, previous, filter, columns),
«Outils» (journal, report, workshop, exercise file, settings), «Aide» (the rules, about).
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


class Menus:
    """The window's actions (attributes named after what they do) and its menu bar."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        key = QKeySequence.StandardKey
        w = window
        self.open = self._action(
            QCoreApplication.translate("MainWindow", "&Ouvrir un fichier…"),
            w.choose_file,
            QKeySequence(key.Open),
            QCoreApplication.translate("MainWindow", "Ouvrir l'export de vos patients"),
        )
        self.demo = self._action(
            QCoreApplication.translate("MainWindow", "Essayer avec un &exemple fictif"),
            w.open_demo,
            None,
            QCoreApplication.translate("MainWindow", "Ouvrir une liste de patients inventés"),
        )
        self.save = self._action(
            QCoreApplication.translate("MainWindow", "&Enregistrer une copie nettoyée…"),
            w.save_copy,
            QKeySequence(key.Save),
            QCoreApplication.translate(
                "MainWindow",
                "Écrire une copie corrigée à côté du fichier d'origine, qui reste intact",
            ),
        )
        self.worklist = self._action(
            QCoreApplication.translate("MainWindow", "Exporter la &liste de corrections…"),
            w.export_worklist,
            "Ctrl+E",
            QCoreApplication.translate(
                "MainWindow", "La liste des commentaires à corriger dans votre logiciel de cabinet"
            ),
        )
        self.close = self._action(
            QCoreApplication.translate("MainWindow", "&Fermer le fichier"),
            w.close_file,
            QKeySequence(key.Close),
        )
        self.quit = self._action(
            QCoreApplication.translate("MainWindow", "&Quitter"), w.close, "Ctrl+Q"
        )
        self.undo = w.undo_stack.createUndoAction(
            w, QCoreApplication.translate("MainWindow", "&Annuler")
        )
        self.undo.setShortcuts([QKeySequence(key.Undo)])
        self.redo = w.undo_stack.createRedoAction(
            w, QCoreApplication.translate("MainWindow", "&Rétablir")
        )
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        w.addAction(self.undo)
        w.addAction(self.redo)
        self.apply = self._action(
            QCoreApplication.translate("MainWindow", "A&ppliquer la proposition"),
            lambda: w.review.apply_suggestion(None, 0),
            ["Return", "Enter"],
            QCoreApplication.translate("MainWindow", "Remplacer le commentaire par la proposition"),
        )
        self.apply_all = self._action(
            QCoreApplication.translate("MainWindow", "&Tout appliquer"),
            lambda: w.review.apply_all(w.review_page.proxy.category),
            "Ctrl+Shift+Return",
            QCoreApplication.translate(
                "MainWindow",
                "Appliquer la proposition de chaque commentaire à revoir (de la catégorie "
                "choisie, le cas échéant), en une seule étape",
            ),
        )
        self.edit = self._action(
            QCoreApplication.translate("MainWindow", "&Modifier le commentaire…"),
            lambda: w.review.edit_comment(None),
            "F2",
            QCoreApplication.translate("MainWindow", "Écrire le commentaire vous-même"),
        )
        self.ignore = self._action(
            QCoreApplication.translate("MainWindow", "&Ignorer ce passage"),
            lambda: w.review.ignore_finding(None),
            "Ctrl+I",
            QCoreApplication.translate("MainWindow", "Laisser ce passage tel quel"),
        )
        self.allow = self._action(
            QCoreApplication.translate("MainWindow", "Toujours a&utoriser ce terme…"),
            lambda: w.review.allow_term(None),
            None,
            QCoreApplication.translate("MainWindow", "Ne plus signaler ce terme dans ce cabinet"),
        )
        self.next = self._action(
            QCoreApplication.translate("MainWindow", "Commentaire &suivant"),
            lambda: w.step(True),
            "F8",
            QCoreApplication.translate("MainWindow", "Aller au commentaire à revoir suivant"),
        )
        self.previous = self._action(
            QCoreApplication.translate("MainWindow", "Commentaire &précédent"),
            lambda: w.step(False),
            "Shift+F8",
            QCoreApplication.translate("MainWindow", "Aller au commentaire à revoir précédent"),
        )
        self.filter = QAction(
            QCoreApplication.translate("MainWindow", "Seulement les commentaires à &revoir"), w
        )
        self.filter.setCheckable(True)
        self.filter.setChecked(settings.only_to_review.value())
        self.filter.setShortcut(QKeySequence("Ctrl+R"))
        self.filter.toggled.connect(w.review_page.only_to_review.setChecked)
        w.addAction(self.filter)
        self.columns = self._action(
            QCoreApplication.translate("MainWindow", "&Colonnes analysées…"),
            w.change_columns,
            None,
            QCoreApplication.translate(
                "MainWindow", "Choisir les colonnes de commentaires et relancer l'analyse"
            ),
        )
        self.journal = self._action(
            QCoreApplication.translate("MainWindow", "&Journal…"),
            w.tools.show_journal,
            "Ctrl+J",
            QCoreApplication.translate("MainWindow", "Consulter et vérifier le journal chiffré"),
        )
        self.report = self._action(
            QCoreApplication.translate("MainWindow", "Rapport d'autocontrôle…"),
            w.tools.show_report,
            "Ctrl+Shift+R",
            QCoreApplication.translate(
                "MainWindow", "Produire le rapport d'autocontrôle (PDF ou HTML) du fichier ouvert"
            ),
        )
        self.report.setObjectName("reportAction")
        self.workshop = self._action(
            QCoreApplication.translate("MainWindow", "Mode atelier…"),
            w.tools.show_workshop,
            None,
            QCoreApplication.translate(
                "MainWindow", "Quiz à projeter en formation, sans aucun patient réel"
            ),
        )
        self.workshop.setObjectName("workshopAction")
        self.exercise = self._action(
            QCoreApplication.translate("MainWindow", "Générer un fichier d'exercice…"),
            w.tools.generate_exercise,
            None,
            QCoreApplication.translate("MainWindow", "Créer un export fictif pour s'entraîner"),
        )
        self.exercise.setObjectName("exerciseAction")
        preferences = QKeySequence(key.Preferences)
        self.settings = self._action(
            QCoreApplication.translate("MainWindow", "&Réglages…"),
            w.tools.show_settings,
            preferences if not preferences.isEmpty() else "Ctrl+,",
            QCoreApplication.translate("MainWindow", "Catégories, termes du cabinet, langue"),
        )
        self.rules = self._action(
            QCoreApplication.translate("MainWindow", "Pourquoi ? Les règles des commentaires"),
            w.tools.show_rules,
            QKeySequence(key.HelpContents),
        )
        self.rules.setObjectName("helpRulesAction")
        self.about = self._action(
            QCoreApplication.translate("MainWindow", "À &propos de Huis clos"), w.tools.show_about
        )
        self.cancel = self._action(
            QCoreApplication.translate("MainWindow", "Arrêter l'analyse"), w.cancel_scan, "Escape"
        )

        bar = w.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Fichier"))
        file_menu.addActions([self.open, self.demo])
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.worklist])
        file_menu.addSeparator()
        file_menu.addActions([self.close, self.quit])
        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "É&dition"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.apply, self.apply_all, self.edit, self.ignore, self.allow])
        review_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Revue"))
        review_menu.addActions([self.next, self.previous])
        review_menu.addSeparator()
        review_menu.addActions([self.filter, self.columns])
        self.tools_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Outils"))
        self.tools_menu.addAction(self.journal)
        self.tools_menu.addSeparator()
        self.tools_menu.addActions([self.report, self.workshop, self.exercise])
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.settings)
        self.help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Aide"))
        self.help_menu.addActions([self.rules, self.about])

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | str | list[str] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
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
        self.columns.setEnabled(opened and not scanning)
        window.review_page.columns_button.setEnabled(opened and not scanning)
        self.cancel.setEnabled(scanning)
        self.report.setEnabled(opened)
