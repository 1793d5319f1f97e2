"""Texts that other modules translate through ``window.tr(…)`` / ``box.tr(…)``.

``pyside6-lupdate`` files a call such as ``window.tr("Mode atelier…")`` under the context
«window» (the variable's name), while at run time Qt looks it up under the object's class
(«MainWindow», «QMessageBox», «GenerateExerciseDialog»). Listing the texts here under the
run-time contexts puts them in the translation file where Qt will find them.
Nothing here runs; new ``*.tr()`` calls on a variable need a line here too.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

HOOK_TEXTS = (
    QT_TRANSLATE_NOOP("MainWindow", "Pourquoi ? Les règles des commentaires"),
    QT_TRANSLATE_NOOP("MainWindow", "Rapport d'autocontrôle…"),
    QT_TRANSLATE_NOOP(
        "MainWindow", "Produire le rapport d'autocontrôle (PDF ou HTML) du fichier ouvert"
    ),
    QT_TRANSLATE_NOOP("MainWindow", "Rapport d'autocontrôle"),
    QT_TRANSLATE_NOOP("MainWindow", "Attendez la fin de l'analyse pour produire le rapport."),
    QT_TRANSLATE_NOOP("MainWindow", "Mode atelier…"),
    QT_TRANSLATE_NOOP("MainWindow", "Quiz à projeter en formation, sans aucun patient réel"),
    QT_TRANSLATE_NOOP("MainWindow", "Générer un fichier d'exercice…"),
    QT_TRANSLATE_NOOP("MainWindow", "Créer un export fictif pour s'entraîner"),
    QT_TRANSLATE_NOOP("QMessageBox", "Emplacement de l'export"),
    QT_TRANSLATE_NOOP("QMessageBox", "Compris"),
    QT_TRANSLATE_NOOP("GenerateExerciseDialog", "Fichier d'exercice enregistré :\n{path}"),
)
