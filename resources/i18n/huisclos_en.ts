<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr_FR">
<context>
    <name>Chart</name>
    <message>
        <location filename="../../desktop/huisclos/ui/chart.py" line="33"/>
        <source>Graphique par catégorie</source>
        <translation>Chart by category</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/chart.py" line="47"/>
        <source>{0} : {1} commentaire à revoir</source>
        <translation>{0}: {1} comment to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/chart.py" line="49"/>
        <source>{0} : {1} commentaires à revoir</source>
        <translation>{0}: {1} comments to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/chart.py" line="88"/>
        <source>Cliquez pour n&apos;afficher qu&apos;elle.</source>
        <translation>Click to show only this category.</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="398"/>
        <source>Vérifier un commentaire — Huis clos</source>
        <translation>Check a comment — Huis clos</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="409"/>
        <source>La vérification se fait sur cet ordinateur : le commentaire n&apos;est ni enregistré ni envoyé.</source>
        <translation>The check runs on this computer: the comment is neither stored nor sent.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="416"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="111"/>
        <source>&amp;Commentaire à vérifier, tel que vous allez l&apos;enregistrer :</source>
        <translation>&amp;Comment to check, as you are about to save it:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="115"/>
        <source>Commentaire à vérifier</source>
        <translation>Comment to check</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="118"/>
        <source>Tapez ou collez le commentaire ici (Ctrl+V), par exemple : préfère RDV le matin</source>
        <translation>Type or paste the comment here (Ctrl+V), for example: prefers morning appointments</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="128"/>
        <source>Résultat de la vérification</source>
        <translation>Result of the check</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="136"/>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="138"/>
        <source>Proposition neutre</source>
        <translation>Neutral proposal</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="139"/>
        <source>Copier la proposition</source>
        <translation>Copy the proposal</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="142"/>
        <source>Mettre la proposition dans le presse-papiers, pour la coller (Ctrl+Maj+C)</source>
        <translation>Put the proposal on the clipboard, ready to paste (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="145"/>
        <source>Autres propositions</source>
        <translation>Other proposals</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="177"/>
        <source>&lt;b&gt;Ce qu&apos;un commentaire administratif peut contenir&lt;/b&gt;&lt;br&gt;Ce qui sert à l&apos;accueil : préférences de rendez-vous, façon de joindre le patient, facturation, accès au cabinet — écrit de façon objective.&lt;br&gt;&lt;br&gt;&lt;b&gt;Ce qu&apos;il ne doit pas contenir&lt;/b&gt;&lt;br&gt;Santé, religion, vie sexuelle, origine, opinions, syndicat, justice, précarité, rumeurs, jugements, numéros et mots de passe (CNIL ; RGPD art. 9 et 10).</source>
        <translation>&lt;b&gt;What an administrative comment may hold&lt;/b&gt;&lt;br&gt;What the front desk needs: appointment preferences, how to reach the patient, billing, access to the practice — written objectively.&lt;br&gt;&lt;br&gt;&lt;b&gt;What it must not hold&lt;/b&gt;&lt;br&gt;Health, religion, sex life, origin, opinions, trade union, justice, precarity, rumours, judgements, numbers and passwords (CNIL; GDPR art. 9 and 10).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="233"/>
        <source>Préparation du lexique… (quelques secondes)</source>
        <translation>Preparing the lexicon… (a few seconds)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="247"/>
        <source>Le résultat s&apos;affiche pendant que vous tapez. Rien n&apos;est enregistré.</source>
        <translation>The result shows as you type. Nothing is stored.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="252"/>
        <source>Rien à signaler dans ce commentaire.</source>
        <translation>Nothing to report in this comment.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="260"/>
        <source>À revoir avant de l&apos;enregistrer : 1 passage sensible.</source>
        <translation>Review before saving it: 1 sensitive passage.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="262"/>
        <source>À revoir avant de l&apos;enregistrer : {0} passages sensibles.</source>
        <translation>Review before saving it: {0} sensitive passages.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="267"/>
        <source>Ce qui pose problème</source>
        <translation>What is a problem</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="314"/>
        <source>(commentaire vidé : rien à garder)</source>
        <translation>(comment emptied: nothing to keep)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="315"/>
        <source>pas de proposition : réécrivez le commentaire</source>
        <translation>no proposal: rewrite the comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="322"/>
        <source>(commentaire vidé)</source>
        <translation>(comment emptied)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="359"/>
        <source>… et {0} autre passage, surligné dans le texte ci-dessus.</source>
        <translation>… and {0} other passage, highlighted in the text above.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="361"/>
        <source>… et {0} autres passages, surlignés dans le texte ci-dessus.</source>
        <translation>… and {0} other passages, highlighted in the text above.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="377"/>
        <source>Copiée : collez-la dans votre logiciel (Ctrl+V).</source>
        <translation>Copied: paste it into your software (Ctrl+V).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/check_box.py" line="379"/>
        <source>Copiée (vide) : videz le commentaire dans votre logiciel.</source>
        <translation>Copied (empty): clear the comment in your software.</translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/columns.py" line="32"/>
        <source>Colonnes de commentaires</source>
        <translation>Comment columns</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/columns.py" line="37"/>
        <source>Cochez les colonnes qui contiennent des commentaires libres. L&apos;analyse sera relancée ; les corrections déjà faites sont conservées.</source>
        <translation>Tick the columns that hold free-text comments. The check will run again; corrections already made are kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/columns.py" line="49"/>
        <source>Colonnes du fichier</source>
        <translation>Columns of the file</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/columns.py" line="50"/>
        <source>{0} lignes</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/columns.py" line="54"/>
        <source>(colonne sans titre)</source>
        <translation>(untitled column)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/columns.py" line="56"/>
        <source>Analyser la colonne {0}</source>
        <translation>Check column {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/columns.py" line="64"/>
        <source>Relancer l&apos;analyse</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/columns.py" line="65"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="86"/>
        <source>D&apos;autres façons de corriger ce commentaire</source>
        <translation>Other ways to correct this comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="102"/>
        <source>{0} : « {1} »</source>
        <translation>{0}: “{1}”</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="218"/>
        <source>Commentaire sélectionné</source>
        <translation>Selected comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="219"/>
        <source>Ce qui pose problème</source>
        <translation>What is wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="223"/>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="226"/>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="349"/>
        <source>Commentaire proposé</source>
        <translation>Suggested comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="231"/>
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="234"/>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="365"/>
        <source>Remplacer le commentaire par la proposition (Entrée)</source>
        <translation>Replace the comment with the suggestion (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="236"/>
        <source>Appliquer la proposition</source>
        <translation>Apply the suggestion</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="238"/>
        <source>Autres propositions</source>
        <translation>Other suggestions</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="239"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="240"/>
        <source>Écrire le commentaire vous-même (F2)</source>
        <translation>Write the comment yourself (F2)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="241"/>
        <source>Modifier le commentaire</source>
        <translation>Edit the comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="296"/>
        <source>Choisissez un commentaire dans le tableau pour voir ce qui pose problème et la correction proposée.

F8 : commentaire suivant · Maj+F8 : précédent</source>
        <translation>Choose a comment in the table to see what is wrong and the suggested correction.

F8: next comment · Shift+F8: previous</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="313"/>
        <source>Ligne {0} · {1}</source>
        <translation>Row {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="321"/>
        <source>Rien à revoir dans ce commentaire.</source>
        <translation>Nothing to review in this comment.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="323"/>
        <source>Commentaire corrigé (Ctrl+Z pour annuler).</source>
        <translation>Comment corrected (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="327"/>
        <source>Correction faite</source>
        <translation>Correction made</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="331"/>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="350"/>
        <source>Avant :</source>
        <translation>Before:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="333"/>
        <source>Après :</source>
        <translation>After:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="340"/>
        <source>Ce qui pose problème ({0})</source>
        <translation>What is wrong ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="354"/>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="368"/>
        <source>(commentaire vidé)</source>
        <translation>(comment emptied)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="361"/>
        <source>{0} — remplacer le commentaire (Entrée)</source>
        <translation>{0} — replace the comment (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="386"/>
        <source>Restent à revoir dans d&apos;autres catégories : {0}</source>
        <translation>Still to review in other categories: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="355"/>
        <source>pas de proposition : utilisez « Modifier… »</source>
        <translation>no suggestion: use “Edit…”</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/__init__.py" line="24"/>
        <source>Valide et ferme la fenêtre (Entrée)</source>
        <translation>Confirms and closes the window (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/__init__.py" line="27"/>
        <source>Ferme la fenêtre sans rien changer (Échap)</source>
        <translation>Closes the window without changing anything (Esc)</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="60"/>
        <source>Zone de dépôt du fichier</source>
        <translation>File drop zone</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="62"/>
        <source>Déposez ici l&apos;export de vos patients, ou appuyez sur Entrée pour le choisir.</source>
        <translation>Drop your patient export here, or press Enter to choose it.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="69"/>
        <source>Déposez l&apos;export de vos patients — CSV, Excel ou LibreOffice</source>
        <translation>Drop your patient export — CSV, Excel or LibreOffice</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="74"/>
        <source>Le fichier est seulement lu : l&apos;original n&apos;est jamais modifié.</source>
        <translation>The file is only read: the original is never changed.</translation>
    </message>
</context>
<context>
    <name>EditCommentDialog</name>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/edit_comment.py" line="40"/>
        <source>Modifier le commentaire — ligne {0}</source>
        <translation>Edit the comment — row {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/edit_comment.py" line="45"/>
        <source>Commentaire actuel :</source>
        <translation>Current comment:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/edit_comment.py" line="52"/>
        <source>&amp;Nouveau commentaire :</source>
        <translation>&amp;New comment:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/edit_comment.py" line="54"/>
        <source>Nouveau commentaire</source>
        <translation>New comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/edit_comment.py" line="64"/>
        <source>Vérification du nouveau commentaire</source>
        <translation>Check of the new comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/edit_comment.py" line="67"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/edit_comment.py" line="67"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/edit_comment.py" line="84"/>
        <source>Rien à signaler dans ce texte.</source>
        <translation>Nothing to report in this text.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/edit_comment.py" line="92"/>
        <source>Encore à revoir :</source>
        <translation>Still to review:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/huisclos/ui/errors.py" line="30"/>
        <source>Mémoire insuffisante pour ce fichier. Fermez d&apos;autres logiciels et réessayez.</source>
        <translation>Not enough memory for this file. Close other programs and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/errors.py" line="35"/>
        <source>Accès refusé au fichier. Vérifiez qu&apos;il n&apos;est pas ouvert dans un autre logiciel et que vous avez le droit d&apos;y écrire.</source>
        <translation>Access to the file was refused. Check that it is not open in another program and that you may write to it.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/errors.py" line="41"/>
        <source>Le fichier n&apos;a pas pu être lu ou écrit. Vérifiez le dossier et réessayez.</source>
        <translation>The file could not be read or written. Check the folder and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/errors.py" line="44"/>
        <source>Une erreur inattendue s&apos;est produite. Votre fichier d&apos;origine n&apos;a pas été modifié. Enregistrez votre travail et redémarrez Huis clos.</source>
        <translation>An unexpected error occurred. Your original file was not changed. Save your work and restart Huis clos.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/errors.py" line="56"/>
        <source>Huis clos</source>
        <translation>Huis clos</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/errors.py" line="59"/>
        <source>Message d&apos;erreur</source>
        <translation>Error message</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="135"/>
        <source>« {0} »</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="138"/>
        <source>gravité {0}</source>
        <translation>{0} severity</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="150"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; : {1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="159"/>
        <source>Ignorer</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="161"/>
        <source>Laisser ce passage tel quel dans ce commentaire (Ctrl+I)</source>
        <translation>Leave this passage as it is in this comment (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="163"/>
        <source>Ignorer « {0} »</source>
        <translation>Ignore “{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="165"/>
        <source>Toujours autoriser ce terme</source>
        <translation>Always allow this term</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="167"/>
        <source>Ne plus jamais signaler « {0} » dans ce cabinet</source>
        <translation>Never flag “{0}” again in this practice</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="170"/>
        <source>Toujours autoriser « {0} »</source>
        <translation>Always allow “{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="173"/>
        <source>Pourquoi ?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="175"/>
        <source>La règle qui s&apos;applique, en quelques mots</source>
        <translation>The rule that applies, in a few words</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/detail_panel.py" line="176"/>
        <source>Pourquoi est-ce un problème ?</source>
        <translation>Why is this a problem?</translation>
    </message>
</context>
<context>
    <name>GenerateExerciseDialog</name>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="48"/>
        <source>Générer un fichier d&apos;exercice</source>
        <translation>Generate a practice file</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="52"/>
        <source>Un export fictif pour s&apos;entraîner : patients inventés (noms, adresses, téléphones), commentaires tirés du lexique et d&apos;exemples étiquetés. Aucun patient réel.</source>
        <translation>A fictional export to practise with: invented patients (names, addresses, phones), comments drawn from the lexicon and labelled examples. No real patient.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="59"/>
        <source>Nombre de patients</source>
        <translation>Number of patients</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="62"/>
        <source>Part de commentaires sensibles</source>
        <translation>Share of sensitive comments</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="67"/>
        <source>Format du fichier</source>
        <translation>File format</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="69"/>
        <source>CSV comme les logiciels de cabinet, ou classeur Excel</source>
        <translation>CSV like practice software, or an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="72"/>
        <source>Fichier à créer</source>
        <translation>File to create</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="73"/>
        <source>Le chemin du fichier d&apos;exercice à écrire</source>
        <translation>The path of the practice file to write</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="75"/>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="76"/>
        <source>Choisir où enregistrer le fichier</source>
        <translation>Choose where to save the file</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="83"/>
        <source>Patients fictifs :</source>
        <translation>Fictional patients:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="84"/>
        <source>Commentaires sensibles :</source>
        <translation>Sensitive comments:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="85"/>
        <source>Format :</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="86"/>
        <source>Fichier :</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="87"/>
        <source>Générer</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="87"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="110"/>
        <source>Enregistrer le fichier d&apos;exercice</source>
        <translation>Save the practice file</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="119"/>
        <source>Choisissez où enregistrer.</source>
        <translation>Choose where to save.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="130"/>
        <source>Le fichier n&apos;a pas pu être écrit : {error}</source>
        <translation>The file could not be written: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="170"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="173"/>
        <source>Ouvrir maintenant</source>
        <translation>Open now</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/exercise.py" line="175"/>
        <source>Fichier d&apos;exercice enregistré :
{path}</source>
        <translation>Practice file saved:
{path}</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../desktop/huisclos/ui/help_dialog.py" line="42"/>
        <source>Pourquoi ? — Les règles des commentaires</source>
        <translation>Why? — The rules for comments</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/help_dialog.py" line="46"/>
        <source>Sujets</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/help_dialog.py" line="55"/>
        <source>Explication</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/help_dialog.py" line="62"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="79"/>
        <source>Journal chiffré</source>
        <translation>Encrypted log</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="87"/>
        <source>Ce journal garde la trace de vos analyses et corrections, sans aucun texte de patient. Il est chiffré et toute modification est détectée.</source>
        <translation>This log keeps track of your checks and corrections, without any patient text. It is encrypted and any change to it is detected.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="95"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="95"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="95"/>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="95"/>
        <source>Détail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="97"/>
        <source>Événements du journal</source>
        <translation>Log events</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="109"/>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="154"/>
        <source>Lecture du journal…</source>
        <translation>Reading the log…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="112"/>
        <source>État du journal</source>
        <translation>Log status</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="115"/>
        <source>Vérifier l&apos;intégrité</source>
        <translation>Check integrity</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="117"/>
        <source>Contrôler que chaque événement est intact et à sa place</source>
        <translation>Check that every event is intact and in its place</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="120"/>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="122"/>
        <source>Enregistrer le journal déchiffré (CSV ou JSON) pour votre registre RGPD</source>
        <translation>Save the decrypted log (CSV or JSON) for your GDPR register</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="125"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="151"/>
        <source>Le journal reste verrouillé : la phrase de passe n&apos;a pas été donnée.</source>
        <translation>The log stays locked: the passphrase was not given.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="178"/>
        <source>{0} événement. Cliquez sur « Vérifier l&apos;intégrité » pour contrôler le journal.</source>
        <translation>{0} event. Click “Check integrity” to check the log.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="182"/>
        <source>{0} événements. Cliquez sur « Vérifier l&apos;intégrité » pour contrôler le journal.</source>
        <translation>{0} events. Click “Check integrity” to check the log.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="187"/>
        <source>Le journal est vide : aucune analyse n&apos;a encore été enregistrée.</source>
        <translation>The log is empty: no check has been recorded yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="195"/>
        <source>Analyse</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="196"/>
        <source>Corrections</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="197"/>
        <source>Copie nettoyée</source>
        <translation>Cleaned copy</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="198"/>
        <source>Liste de corrections</source>
        <translation>Correction list</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="199"/>
        <source>Réglages modifiés</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="200"/>
        <source>Nouvelle clé</source>
        <translation>New key</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="201"/>
        <source>Vérification du journal</source>
        <translation>Log check</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="202"/>
        <source>Rapport d&apos;autocontrôle</source>
        <translation>Self-check report</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="203"/>
        <source>Vérifications avant saisie</source>
        <translation>Checks before saving</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="204"/>
        <source>Passage ignoré</source>
        <translation>Passage ignored</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="209"/>
        <source>Vérification en cours…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="218"/>
        <source>Journal intègre : {0} événement.</source>
        <translation>Log intact: {0} event.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="220"/>
        <source>Journal intègre : {0} événements.</source>
        <translation>Log intact: {0} events.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="223"/>
        <source>Le journal a été modifié.</source>
        <translation>The log has been altered.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="237"/>
        <source>Exporter le journal</source>
        <translation>Export the log</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="239"/>
        <source>Tableur CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV spreadsheet (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="246"/>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="254"/>
        <source>Journal exporté : {0} ({1} événement).</source>
        <translation>Log exported: {0} ({1} event).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/journal.py" line="256"/>
        <source>Journal exporté : {0} ({1} événements).</source>
        <translation>Log exported: {0} ({1} events).</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="32"/>
        <location filename="../../desktop/huisclos/ui/labels.py" line="43"/>
        <source>Santé</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="33"/>
        <source>Vie sexuelle et identité de genre</source>
        <translation>Sex life and gender identity</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="34"/>
        <source>Religion et convictions</source>
        <translation>Religion and beliefs</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="35"/>
        <source>Origine ethnique</source>
        <translation>Ethnic origin</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="36"/>
        <source>Opinions politiques</source>
        <translation>Political opinions</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="37"/>
        <source>Appartenance syndicale</source>
        <translation>Trade-union membership</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="38"/>
        <source>Infractions et justice</source>
        <translation>Offences and justice</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="39"/>
        <source>Précarité sociale</source>
        <translation>Social hardship</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="40"/>
        <source>Jugement ou propos déplacé</source>
        <translation>Judgement or improper remark</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="41"/>
        <source>Identifiant ou secret</source>
        <translation>Identifier or secret</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="44"/>
        <source>Sexualité</source>
        <translation>Sexuality</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="45"/>
        <source>Religion</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="46"/>
        <source>Origine</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="47"/>
        <source>Politique</source>
        <translation>Politics</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="48"/>
        <source>Syndicat</source>
        <translation>Union</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="49"/>
        <source>Justice</source>
        <translation>Justice</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="50"/>
        <source>Précarité</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="51"/>
        <source>Jugement</source>
        <translation>Judgement</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="52"/>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="54"/>
        <source>SAN</source>
        <translation>HEA</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="55"/>
        <source>SEX</source>
        <translation>SEX</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="56"/>
        <source>REL</source>
        <translation>REL</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="57"/>
        <source>ORI</source>
        <translation>ORI</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="58"/>
        <source>POL</source>
        <translation>POL</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="59"/>
        <source>SYN</source>
        <translation>UNI</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="60"/>
        <source>JUS</source>
        <translation>OFF</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="61"/>
        <source>SOC</source>
        <translation>HAR</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="62"/>
        <source>JUG</source>
        <translation>JDG</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="63"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="65"/>
        <source>faible</source>
        <translation>low</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="66"/>
        <source>moyenne</source>
        <translation>medium</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="67"/>
        <source>élevée</source>
        <translation>high</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="69"/>
        <source>rumeur</source>
        <translation>hearsay</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="70"/>
        <source>tiers</source>
        <translation>third party</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="71"/>
        <source>insistance</source>
        <translation>emphasis</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="72"/>
        <source>Propos rapporté ou non vérifié : un commentaire doit rester objectif (CNIL).</source>
        <translation>Reported or unverified statement: a comment must stay objective (CNIL).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="75"/>
        <source>Information sur un proche ou obtenue d&apos;un tiers : elle n&apos;a pas sa place dans le dossier (Code de la santé publique, art. L1111-7).</source>
        <translation>Information about a relative or obtained from a third party: it does not belong in the record (French Public Health Code, art. L1111-7).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="80"/>
        <source>Ton excessif (majuscules, points d&apos;exclamation) : un commentaire ne doit jamais être excessif (CNIL).</source>
        <translation>Excessive tone (capitals, exclamation marks): a comment must never be excessive (CNIL).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="86"/>
        <source>une information de santé relève du dossier médical, pas d&apos;un commentaire administratif (RGPD art. 9).</source>
        <translation>health information belongs in the medical record, not in an administrative comment (GDPR art. 9).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="91"/>
        <source>la vie sexuelle ou l&apos;identité de genre est une donnée sensible (RGPD art. 9).</source>
        <translation>sex life or gender identity is sensitive data (GDPR art. 9).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="95"/>
        <source>une religion ou une conviction est une donnée sensible (RGPD art. 9).</source>
        <translation>a religion or a belief is sensitive data (GDPR art. 9).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="98"/>
        <source>une origine supposée est une donnée sensible (RGPD art. 9).</source>
        <translation>a presumed origin is sensitive data (GDPR art. 9).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="101"/>
        <source>une opinion politique est une donnée sensible (RGPD art. 9).</source>
        <translation>a political opinion is sensitive data (GDPR art. 9).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="104"/>
        <source>une appartenance syndicale est une donnée sensible (RGPD art. 9).</source>
        <translation>trade union membership is sensitive data (GDPR art. 9).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="107"/>
        <source>une infraction ou une mesure de justice n&apos;a pas sa place dans un commentaire (RGPD art. 10).</source>
        <translation>an offence or a court measure has no place in a comment (GDPR art. 10).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="112"/>
        <source>une mention de précarité est stigmatisante (Défenseur des droits, CNIL).</source>
        <translation>a mention of precarity stigmatises (Défenseur des droits, CNIL).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="115"/>
        <source>un commentaire doit rester objectif, jamais excessif ni blessant (CNIL).</source>
        <translation>a comment must stay objective, never excessive or hurtful (CNIL).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="118"/>
        <source>un numéro ou un secret n&apos;a rien à faire dans un commentaire (CNIL).</source>
        <translation>a number or a secret has no business in a comment (CNIL).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="172"/>
        <source>Reformuler en gardant le besoin</source>
        <translation>Rewrite, keeping the need</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="175"/>
        <source>Retirer le passage sensible</source>
        <translation>Remove the sensitive passage</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="178"/>
        <source>Vider le commentaire</source>
        <translation>Empty the comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/labels.py" line="179"/>
        <source>Masquer les mots sensibles</source>
        <translation>Mask the sensitive words</translation>
    </message>
</context>
<context>
    <name>LogLockNotice</name>
    <message>
        <location filename="../../desktop/huisclos/ui/log_lock_notice.py" line="28"/>
        <source>Journal verrouillé : vos actions ne sont pas enregistrées. Cliquez ici pour déverrouiller le journal.</source>
        <translation>Log locked: your actions are not recorded. Click here to unlock the log.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/log_lock_notice.py" line="37"/>
        <source>Déverrouiller le journal</source>
        <translation>Unlock the log</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="38"/>
        <source>&amp;Ouvrir un fichier…</source>
        <translation>&amp;Open a file…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="175"/>
        <location filename="../../desktop/huisclos/ui/menus.py" line="40"/>
        <source>Ouvrir l&apos;export de vos patients</source>
        <translation>Open your patient export</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="44"/>
        <source>Essayer avec un &amp;exemple fictif</source>
        <translation>Try a fictional &amp;example</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="46"/>
        <source>Ouvrir une liste de patients inventés</source>
        <translation>Open a list of invented patients</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="49"/>
        <source>&amp;Enregistrer une copie nettoyée…</source>
        <translation>&amp;Save a cleaned copy…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="51"/>
        <source>Écrire une copie corrigée à côté du fichier d&apos;origine, qui reste intact</source>
        <translation>Write a corrected copy beside the original file, which stays untouched</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="58"/>
        <source>Exporter la &amp;liste de corrections…</source>
        <translation>Export the correction &amp;list…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="60"/>
        <source>La liste des commentaires à corriger dans votre logiciel de cabinet</source>
        <translation>The list of comments to correct in your practice software</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="66"/>
        <source>&amp;Fermer le fichier</source>
        <translation>&amp;Close the file</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="70"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="71"/>
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="73"/>
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="78"/>
        <source>A&amp;ppliquer la proposition</source>
        <translation>A&amp;pply the suggestion</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="80"/>
        <source>Remplacer le commentaire par la proposition</source>
        <translation>Replace the comment with the suggestion</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="84"/>
        <source>&amp;Tout appliquer</source>
        <translation>Apply &amp;all</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="86"/>
        <source>Appliquer la proposition de chaque commentaire à revoir (de la catégorie choisie, le cas échéant), en une seule étape</source>
        <translation>Apply the suggestion of every comment to review (of the chosen category, if any), in one step</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="94"/>
        <source>&amp;Modifier le commentaire…</source>
        <translation>&amp;Edit the comment…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="96"/>
        <source>Écrire le commentaire vous-même</source>
        <translation>Write the comment yourself</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="100"/>
        <source>&amp;Ignorer ce passage</source>
        <translation>&amp;Ignore this passage</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="102"/>
        <source>Laisser ce passage tel quel</source>
        <translation>Leave this passage as it is</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="106"/>
        <source>Toujours a&amp;utoriser ce terme…</source>
        <translation>Always all&amp;ow this term…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="108"/>
        <source>Ne plus signaler ce terme dans ce cabinet</source>
        <translation>Stop flagging this term in this practice</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="111"/>
        <source>Commentaire &amp;suivant</source>
        <translation>&amp;Next comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="113"/>
        <source>Aller au commentaire à revoir suivant</source>
        <translation>Go to the next comment to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="117"/>
        <source>Commentaire &amp;précédent</source>
        <translation>&amp;Previous comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="119"/>
        <source>Aller au commentaire à revoir précédent</source>
        <translation>Go to the previous comment to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="123"/>
        <source>Rec&amp;hercher…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="125"/>
        <source>Trouver un patient, un n° de dossier ou un mot</source>
        <translation>Find a patient, a file number or a word</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="128"/>
        <source>Seulement les commentaires à &amp;revoir</source>
        <translation>Only comments to &amp;review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="135"/>
        <source>&amp;Colonnes analysées…</source>
        <translation>&amp;Checked columns…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="137"/>
        <source>Choisir les colonnes de commentaires et relancer l&apos;analyse</source>
        <translation>Choose the comment columns and check again</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="142"/>
        <source>&amp;Vérifier un commentaire…</source>
        <translation>&amp;Check a comment…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="144"/>
        <source>Vérifier un commentaire avant de l&apos;enregistrer dans votre logiciel</source>
        <translation>Check a comment before saving it in your software</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="150"/>
        <source>&amp;Journal…</source>
        <translation>&amp;Log…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="152"/>
        <source>Consulter et vérifier le journal chiffré</source>
        <translation>View and check the encrypted log</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="175"/>
        <source>&amp;Réglages…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="177"/>
        <source>Catégories, termes du cabinet, langue</source>
        <translation>Categories, practice terms, language</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="186"/>
        <source>À &amp;propos de Huis clos</source>
        <translation>&amp;About Huis clos</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="189"/>
        <source>Arrêter l&apos;analyse</source>
        <translation>Stop the check</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="195"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="201"/>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="205"/>
        <source>&amp;Revue</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="209"/>
        <source>&amp;Outils</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="217"/>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="157"/>
        <source>Journal déverrouillé.</source>
        <translation>Log unlocked.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="177"/>
        <source>Exports de patients (*.csv *.tsv *.txt *.xlsx *.xlsm *.ods *.xls);;Tous les fichiers (*)</source>
        <translation>Patient exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.ods *.xls);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="208"/>
        <source>Ouverture du fichier…</source>
        <translation>Opening the file…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="243"/>
        <source>Préparation du lexique pour ce poste (une seule fois, quelques secondes)…</source>
        <translation>Preparing the lexicon for this computer (once only, a few seconds)…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="281"/>
        <source>Termes du cabinet</source>
        <translation>Practice terms</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="283"/>
        <source>Avertissement</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="329"/>
        <source>Analyse terminée : {0} lignes en {1} s.</source>
        <translation>Check finished: {0} rows in {1} s.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="358"/>
        <source>Analyse annulée.</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="455"/>
        <source>Plus de commentaire à revoir dans ce sens.</source>
        <translation>No more comments to review in this direction.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/main_window.py" line="459"/>
        <source>Plus aucun commentaire à revoir.</source>
        <translation>No comment left to review.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="174"/>
        <source>Appliquer la proposition (ligne {0})</source>
        <translation>Apply the suggestion (row {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="188"/>
        <source>Plus aucun commentaire à revoir. Pensez à enregistrer la copie nettoyée (Ctrl+S).</source>
        <translation>No comment left to review. Remember to save the cleaned copy (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="267"/>
        <source>Aucune proposition à appliquer.</source>
        <translation>No suggestion to apply.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="251"/>
        <source>toutes catégories</source>
        <translation>all categories</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/bulk_apply.py" line="221"/>
        <source>Préparation des propositions…</source>
        <translation>Preparing the suggestions…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/bulk_apply.py" line="227"/>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="271"/>
        <source>Tout appliquer</source>
        <translation>Apply all</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/bulk_apply.py" line="280"/>
        <source>Application des propositions…</source>
        <translation>Applying the suggestions…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="255"/>
        <source>Tout appliquer : {0}</source>
        <translation>Apply all: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="281"/>
        <source>Remplacer {0} commentaire ({1}) par la proposition ?</source>
        <translation>Replace {0} comment ({1}) with the suggestion?</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="285"/>
        <source>Remplacer {0} commentaires ({1}) par les propositions ?</source>
        <translation>Replace {0} comments ({1}) with the suggestions?</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="293"/>
        <source>• {0} sera vidé entièrement (« à vider » dans la liste).</source>
        <translation>• {0} will be emptied entirely (“to empty” in the list).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="393"/>
        <source>Ne plus jamais signaler « {0} » ? Le terme ne sera plus signalé dans aucun fichier, pour toutes les analyses de ce poste. Vous pourrez le retirer dans Outils › Réglages › Termes du cabinet.</source>
        <translation>Never flag “{0}” again? The term will no longer be flagged in any file, for every check on this computer. You can remove it in Tools › Settings › Practice terms.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="297"/>
        <source>• {0} seront vidés entièrement (« à vider » dans la liste).</source>
        <translation>• {0} will be emptied entirely (“to empty” in the list).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="44"/>
        <source>L&apos;opération n&apos;a pas pu aller jusqu&apos;au bout, et certains commentaires n&apos;ont pas pu être remis comme avant : vérifiez-les avant d&apos;enregistrer la copie nettoyée.</source>
        <translation>The operation could not be completed, and some comments could not be put back as they were: check them before saving the cleaned copy.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="50"/>
        <source>L&apos;annulation n&apos;a pas pu aller jusqu&apos;au bout : aucun commentaire n&apos;a été changé, la modification est toujours appliquée.</source>
        <translation>The undo could not be completed: no comment was changed, the change is still applied.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="56"/>
        <source>Le rétablissement n&apos;a pas pu aller jusqu&apos;au bout : aucun commentaire n&apos;a été changé, la modification est toujours annulée.</source>
        <translation>The redo could not be completed: no comment was changed, the change is still undone.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="306"/>
        <source>• {0} garde des passages d&apos;autres catégories, à revoir ensuite.</source>
        <translation>• {0} keeps passages of other categories, to review next.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="311"/>
        <source>• {0} gardent des passages d&apos;autres catégories, à revoir ensuite.</source>
        <translation>• {0} keep passages of other categories, to review afterwards.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="318"/>
        <source>Vous pourrez tout annuler d&apos;un coup avec Ctrl+Z.</source>
        <translation>You can undo it all at once with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="341"/>
        <source>Modifier le commentaire (ligne {0})</source>
        <translation>Edit the comment (row {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="362"/>
        <source>Ignorer le passage (ligne {0})</source>
        <translation>Ignore the passage (row {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="369"/>
        <source>Passage ignoré ligne {0} ({1}) : il reste tel quel.</source>
        <translation>Passage ignored on row {0} ({1}): it stays as it is.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_actions.py" line="392"/>
        <source>Toujours autoriser ce terme</source>
        <translation>Always allow this term</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="79"/>
        <source>Enregistrer une copie nettoyée</source>
        <translation>Save a cleaned copy</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="42"/>
        <source>Même format que l&apos;original (*{0})</source>
        <translation>Same format as the original (*{0})</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="35"/>
        <source>Classeur Excel (*.xlsx) — le format .xls ne peut pas être modifié</source>
        <translation>Excel workbook (*.xlsx) — the .xls format cannot be edited</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="39"/>
        <source>LibreOffice Calc (*.ods);;Classeur Excel, textes seulement (*.xlsx)</source>
        <translation>LibreOffice Calc (*.ods);;Excel workbook, texts only (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="49"/>
        <source>Elle est au format .xlsx et reprend les textes tels qu&apos;ils s&apos;affichent, cellule par cellule (mise en forme, formules, images et notes non reprises).</source>
        <translation>It is in .xlsx format and holds the texts as they are displayed, cell by cell (formatting, formulas, images and notes are not kept).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="118"/>
        <source>Exporter la liste de corrections</source>
        <translation>Export the correction list</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="120"/>
        <source>Tableur CSV (*.csv)</source>
        <translation>CSV spreadsheet (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="139"/>
        <source>Liste de corrections</source>
        <translation>Correction list</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="140"/>
        <source>Certains caractères n&apos;existent pas dans l&apos;encodage de votre export : la liste a été enregistrée en UTF-8.</source>
        <translation>Some characters do not exist in your export&apos;s encoding: the list was saved as UTF-8.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="102"/>
        <source>Copie nettoyée enregistrée : {0} ({1} commentaire corrigé).</source>
        <translation>Cleaned copy saved: {0} ({1} comment corrected).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="106"/>
        <source>Copie nettoyée enregistrée : {0} ({1} commentaires corrigés).</source>
        <translation>Cleaned copy saved: {0} ({1} comments corrected).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="147"/>
        <source>Liste de corrections enregistrée : {0} ({1} ligne).</source>
        <translation>Correction list saved: {0} ({1} line).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="151"/>
        <source>Liste de corrections enregistrée : {0} ({1} lignes).</source>
        <translation>Correction list saved: {0} ({1} lines).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="176"/>
        <source>Il reste {0} commentaire à revoir. La copie le gardera tel quel.</source>
        <translation>{0} comment is still to review. The copy will keep it as it is.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="180"/>
        <source>Il reste {0} commentaires à revoir. La copie les gardera tels quels.</source>
        <translation>{0} comments are still to review. The copy will keep them as they are.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="187"/>
        <source>Commentaires à revoir</source>
        <translation>Comments to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="192"/>
        <source>Enregistrer quand même</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="197"/>
        <source>Continuer la revue</source>
        <translation>Continue the review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="209"/>
        <source>Corrections non enregistrées</source>
        <translation>Unsaved corrections</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="210"/>
        <source>Vos corrections n&apos;ont pas été enregistrées dans une copie nettoyée. Que voulez-vous faire ?</source>
        <translation>Your corrections have not been saved in a cleaned copy. What do you want to do?</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="218"/>
        <source>Enregistrer une copie…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/saving.py" line="223"/>
        <source>Ne pas enregistrer</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/bulk_apply.py" line="222"/>
        <location filename="../../desktop/huisclos/ui/saving.py" line="228"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/window_tools.py" line="75"/>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/window_tools.py" line="76"/>
        <source>La nouvelle langue sera utilisée au prochain démarrage de Huis clos.</source>
        <translation>The new language will be used the next time Huis clos starts.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/window_tools.py" line="135"/>
        <source>À propos de Huis clos</source>
        <translation>About Huis clos</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/window_tools.py" line="136"/>
        <source>&lt;b&gt;Huis clos {0}&lt;/b&gt;&lt;br&gt;Autocontrôle des commentaires administratifs des cabinets médicaux.&lt;br&gt;&lt;br&gt;Tout reste sur cet ordinateur : aucune donnée n&apos;est envoyée.&lt;br&gt;Licence EUPL-1.2.</source>
        <translation>&lt;b&gt;Huis clos {0}&lt;/b&gt;&lt;br&gt;Self-check of the administrative comments of medical practices.&lt;br&gt;&lt;br&gt;Everything stays on this computer: no data is sent.&lt;br&gt;EUPL-1.2 licence.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="181"/>
        <source>Pourquoi ? Les règles des commentaires</source>
        <translation>Why? The rules for comments</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="156"/>
        <source>Rapport d&apos;autocontrôle…</source>
        <translation>Self-check report…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="158"/>
        <source>Produire le rapport d&apos;autocontrôle (PDF ou HTML) du fichier ouvert</source>
        <translation>Produce the self-check report (PDF or HTML) of the open file</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/window_tools.py" line="91"/>
        <source>Rapport d&apos;autocontrôle</source>
        <translation>Self-check report</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/window_tools.py" line="92"/>
        <source>Attendez la fin de l&apos;analyse pour produire le rapport.</source>
        <translation>Wait for the check to finish before producing the report.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="164"/>
        <source>Mode atelier…</source>
        <translation>Workshop mode…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="166"/>
        <source>Quiz à projeter en formation, sans aucun patient réel</source>
        <translation>A quiz to project in training, with no real patient</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="169"/>
        <source>Générer un fichier d&apos;exercice…</source>
        <translation>Generate a practice file…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/menus.py" line="171"/>
        <source>Créer un export fictif pour s&apos;entraîner</source>
        <translation>Create a fictional export to practise with</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="269"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="322"/>
        <location filename="../../desktop/huisclos/ui/models.py" line="333"/>
        <source>À revoir</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="337"/>
        <source>Corrigé</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="379"/>
        <source>{n} commentaire à revoir</source>
        <translation>{n} comment to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="381"/>
        <source>{n} commentaires à revoir</source>
        <translation>{n} comments to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="491"/>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="492"/>
        <source>Commentaires</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="493"/>
        <source>Gravité</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="509"/>
        <source>Toutes les catégories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="533"/>
        <source>{c} commentaire à revoir</source>
        <translation>{c} comment to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="535"/>
        <source>{c} commentaires à revoir</source>
        <translation>{c} comments to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="538"/>
        <source>{n} passage repéré</source>
        <translation>{n} passage found</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/models.py" line="540"/>
        <source>{n} passages repérés</source>
        <translation>{n} passages found</translation>
    </message>
</context>
<context>
    <name>NoticePopup</name>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="85"/>
        <source>Notification de Huis clos</source>
        <translation>Huis clos notification</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="95"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="96"/>
        <source>Fermer la notification</source>
        <translation>Close the notification</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="104"/>
        <source>Le texte copié n&apos;est ni affiché ici, ni enregistré, ni envoyé.</source>
        <translation>The copied text is neither shown here, nor stored, nor sent.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="109"/>
        <source>Copier la formulation neutre</source>
        <translation>Copy the neutral wording</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="112"/>
        <source>Remplacer le texte copié par la proposition neutre, à coller (Ctrl+V)</source>
        <translation>Replace the copied text with the neutral proposal, ready to paste (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="115"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="116"/>
        <source>Voir le détail dans « Vérifier un commentaire »</source>
        <translation>See the details in “Check a comment”</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="33"/>
        <source>Phrase de passe du journal</source>
        <translation>Log passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="38"/>
        <source>Ce poste n&apos;a pas de trousseau sécurisé. Choisissez une phrase de passe pour protéger le journal chiffré (au moins {0} caractères). Notez-la en lieu sûr : sans elle, le journal ne peut pas être relu.</source>
        <translation>This computer has no secure keyring. Choose a passphrase to protect the encrypted log (at least {0} characters). Keep it somewhere safe: without it, the log cannot be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="43"/>
        <source>Le journal est protégé par une phrase de passe. Saisissez-la.</source>
        <translation>The log is protected by a passphrase. Please type it.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="50"/>
        <source>Phrase de passe</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="51"/>
        <source>&amp;Phrase de passe :</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="54"/>
        <source>Confirmation de la phrase de passe</source>
        <translation>Passphrase confirmation</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="56"/>
        <source>&amp;Confirmation :</source>
        <translation>&amp;Confirm:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="63"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="74"/>
        <source>La phrase de passe doit avoir au moins {0} caractères.</source>
        <translation>The passphrase must have at least {0} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/passphrase.py" line="80"/>
        <source>Les deux saisies ne correspondent pas.</source>
        <translation>The two entries do not match.</translation>
    </message>
</context>
<context>
    <name>Prevention</name>
    <message>
        <location filename="../../desktop/huisclos/ui/prevention.py" line="216"/>
        <source>Formulation neutre copiée</source>
        <translation>Neutral wording copied</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/prevention.py" line="217"/>
        <source>Collez-la dans votre logiciel (Ctrl+V).</source>
        <translation>Paste it into your software (Ctrl+V).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/prevention.py" line="219"/>
        <source>La proposition est de vider le commentaire : effacez-le dans votre logiciel.</source>
        <translation>The proposal is to empty the comment: delete it in your software.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/prevention.py" line="248"/>
        <source>Huis clos reste ouvert</source>
        <translation>Huis clos is still running</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/prevention.py" line="249"/>
        <source>La veille du presse-papiers continue ici. Pour quitter : clic droit sur l&apos;icône ▸ Quitter.</source>
        <translation>The clipboard watch goes on here. To quit: right-click the icon ▸ Quit.</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="89"/>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="107"/>
        <source>Lecture du fichier…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="91"/>
        <source>Progression de l&apos;analyse</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="95"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="96"/>
        <source>Arrêter l&apos;analyse (Échap)</source>
        <translation>Stop the check (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="97"/>
        <source>Annuler l&apos;analyse</source>
        <translation>Cancel the check</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="118"/>
        <source>Analyse des commentaires…</source>
        <translation>Checking the comments…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="127"/>
        <source>{0} / {1} lignes</source>
        <translation>{0} / {1} rows</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="132"/>
        <source>{0} lignes/s</source>
        <translation>{0} rows/s</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../desktop/huisclos/ui/help_dialog.py" line="125"/>
        <source>Emplacement de l&apos;export</source>
        <translation>Where the export is</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/help_dialog.py" line="129"/>
        <source>Compris</source>
        <translation>Understood</translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="78"/>
        <source>Commentaire fictif</source>
        <translation>Fictional comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="192"/>
        <source>bonnes réponses de la salle</source>
        <translation>right answers from the room</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="195"/>
        <source>commentaires passés en revue (réponses non notées)</source>
        <translation>comments reviewed (answers not scored)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="203"/>
        <source>À retenir : le besoin pratique, pas la maladie ; ni rumeur, ni proche, ni jugement. ← pour revenir.</source>
        <translation>Remember: the practical need, not the illness; no hearsay, no relatives, no judgement. ← to go back.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="228"/>
        <source>Commentaire {n} sur {total} — fictif</source>
        <translation>Comment {n} of {total} — fictional</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="235"/>
        <source>La salle : sensible ? (S = oui, N = non)</source>
        <translation>The room: sensitive? (S = yes, N = no)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="237"/>
        <source>sensible</source>
        <translation>sensitive</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="237"/>
        <source>rien à redire</source>
        <translation>nothing wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="238"/>
        <source>La salle a répondu : {said}</source>
        <translation>The room answered: {said}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="244"/>
        <source>Sensible</source>
        <translation>Sensitive</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="244"/>
        <source>Rien à redire</source>
        <translation>Nothing wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="247"/>
        <source>✗ Mauvaise réponse — c&apos;était : {0}</source>
        <translation>✗ Wrong answer — it was: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="249"/>
        <source>✓ Bonne réponse : {0}</source>
        <translation>✓ Right answer: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="257"/>
        <source>Rien à corriger : ce commentaire est objectif et utile à l&apos;organisation du cabinet.</source>
        <translation>Nothing to correct: this comment is objective and useful to run the practice.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="268"/>
        <source>Plutôt : </source>
        <translation>Better: </translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="272"/>
        <source>Plutôt : effacer le commentaire — rien d&apos;utile à garder.</source>
        <translation>Better: delete the comment — nothing useful to keep.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="275"/>
        <source>Plutôt : retirer le passage signalé.</source>
        <translation>Better: remove the flagged passage.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="59"/>
        <source>Rapport d&apos;autocontrôle</source>
        <translation>Self-check report</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="66"/>
        <source>Nom du cabinet (facultatif)</source>
        <translation>Practice name (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="67"/>
        <source>Nom du cabinet</source>
        <translation>Practice name</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="68"/>
        <source>Ajouter quelques exemples masqués</source>
        <translation>Add a few masked examples</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="71"/>
        <source>Par défaut, le rapport ne contient aucun mot ni nom de patient. Cette option ajoute quelques commentaires dont les passages sensibles, les noms et les chiffres sont masqués.</source>
        <translation>By default, the report holds no patient word or name. This option adds a few comments with their sensitive passages, names and numbers masked.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="77"/>
        <source>Aperçu du rapport</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="79"/>
        <source>Le rapport tel qu&apos;il sera enregistré : des chiffres, aucun nom de patient</source>
        <translation>The report as it will be saved: figures, no patient&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="87"/>
        <source>Enregistrer en PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="90"/>
        <source>Enregistrer en HTML…</source>
        <translation>Save as HTML…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="93"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="94"/>
        <source>Le rapport à imprimer ou à classer (PDF)</source>
        <translation>The report to print or file (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="95"/>
        <source>Le rapport à ouvrir dans un navigateur (HTML)</source>
        <translation>The report to open in a browser (HTML)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="96"/>
        <source>Ferme l&apos;aperçu sans enregistrer (Échap)</source>
        <translation>Closes the preview without saving (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="102"/>
        <source>Cabinet :</source>
        <translation>Practice:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="144"/>
        <source>Enregistrer le rapport</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/report_dialog.py" line="163"/>
        <source>Rapport enregistré : {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="58"/>
        <source>{n} commentaire à revoir</source>
        <translation>{n} comment to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="60"/>
        <source>{n} commentaires à revoir</source>
        <translation>{n} comments to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="63"/>
        <source>sur {n} patient</source>
        <translation>out of {n} patient</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="65"/>
        <source>sur {n} patients</source>
        <translation>out of {n} patients</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="68"/>
        <source>{n} passage repéré</source>
        <translation>{n} passage found</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="70"/>
        <source>{n} passages repérés</source>
        <translation>{n} passages found</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="73"/>
        <source>{n} commentaire corrigé</source>
        <translation>{n} comment corrected</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="75"/>
        <source>{n} commentaires corrigés</source>
        <translation>{n} comments corrected</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="165"/>
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="170"/>
        <source>Changer les colonnes…</source>
        <translation>Change columns…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="172"/>
        <source>Choisir les colonnes de commentaires à analyser, puis relancer l&apos;analyse</source>
        <translation>Choose the comment columns to check, then check again</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="174"/>
        <source>Changer les colonnes analysées</source>
        <translation>Change the checked columns</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="194"/>
        <source>À revoir par catégorie</source>
        <translation>To review by category</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="199"/>
        <source>Catégories à revoir</source>
        <translation>Categories to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="201"/>
        <source>Choisissez une catégorie pour n&apos;afficher que ses commentaires</source>
        <translation>Choose a category to show only its comments</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="221"/>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="525"/>
        <source>Tout appliquer</source>
        <translation>Apply all</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="223"/>
        <source>Appliquer toutes les propositions de la catégorie choisie</source>
        <translation>Apply every suggestion of the chosen category</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="235"/>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="237"/>
        <source>Seulement les commentaires à revoir</source>
        <translation>Only comments to review</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="239"/>
        <source>Décochez pour voir tous les patients du fichier (Ctrl+R)</source>
        <translation>Untick to see every patient of the file (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="247"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="250"/>
        <source>Une ligne par patient ; F8 : commentaire à revoir suivant, Entrée : appliquer la proposition, F2 : modifier, Ctrl+F : rechercher</source>
        <translation>One row per patient; F8: next comment to review, Enter: apply the suggestion, F2: edit, Ctrl+F: search</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="277"/>
        <source>Remarque sur la feuille</source>
        <translation>Note about the sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="282"/>
        <source>&amp;Feuille :</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="284"/>
        <source>Feuille du classeur</source>
        <translation>Workbook sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="353"/>
        <source>Cette feuille est masquée dans le classeur : ses commentaires sont analysés comme les autres.</source>
        <translation>This sheet is hidden in the workbook: its comments are checked like the others.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="361"/>
        <source>Colonnes masquées dans le tableur, analysées aussi : {0}.</source>
        <translation>Columns hidden in the spreadsheet, checked too: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="366"/>
        <source>Classeur Excel 97-2003 (.xls) : les notes des cellules ne sont pas lues, et la copie nettoyée sera un classeur .xlsx qui reprend les textes tels qu&apos;ils s&apos;affichent (mise en forme, formules, images et notes non reprises).</source>
        <translation>Excel 97-2003 workbook (.xls): cell notes are not read, and the cleaned copy will be an .xlsx workbook holding the texts as they are displayed (formatting, formulas, images and notes are not kept).</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="382"/>
        <source>L&apos;en-tête est à la ligne {0} : les lignes au-dessus (un titre, des lignes vides) ne sont pas des patients et ne sont pas analysées.</source>
        <translation>The header is on line {0}: the lines above it (a title, blank lines) are not patients and are not checked.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="390"/>
        <source>Encodage mélangé : {0} ligne(s) en UTF-8 dans un fichier en {1} ; chacune est lue, et corrigée, dans son propre encodage.</source>
        <translation>Mixed encodings: {0} line(s) in UTF-8 in a file in {1}; each line is read, and corrected, in its own encoding.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="404"/>
        <source>(feuille)</source>
        <translation>(sheet)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="359"/>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="489"/>
        <source>« {0} »</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="406"/>
        <source>{0} (masquée)</source>
        <translation>{0} (hidden)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="490"/>
        <source>Colonnes analysées : {0}</source>
        <translation>Checked columns: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="492"/>
        <source>Aucune colonne de commentaires trouvée : choisissez-en une.</source>
        <translation>No comment column found: choose one.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="527"/>
        <source>Appliquer la proposition de chaque commentaire à revoir (Ctrl+Maj+Entrée)</source>
        <translation>Apply the suggestion of every comment to review (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="531"/>
        <source>Tout appliquer : {0}</source>
        <translation>Apply all: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="534"/>
        <source>Appliquer les propositions de cette catégorie — une seule annulation</source>
        <translation>Apply the suggestions of this category — a single undo</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/review_page.py" line="543"/>
        <source>Plus aucun commentaire à revoir. Enregistrez la copie nettoyée (Ctrl+S) et la liste de corrections.</source>
        <translation>No comment left to review. Save the cleaned copy (Ctrl+S) and the correction list.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="34"/>
        <source>&amp;Rechercher :</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="36"/>
        <source>Nom, n° de dossier ou mot d&apos;un commentaire</source>
        <translation>Name, file number or a word of a comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="37"/>
        <source>Rechercher un patient ou un mot</source>
        <translation>Search for a patient or a word</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="39"/>
        <source>Entrée : suivant, Maj+Entrée : précédent, Échap : fermer</source>
        <translation>Enter: next, Shift+Enter: previous, Esc: close</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="43"/>
        <source>Précédent</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="44"/>
        <source>Résultat précédent (Maj+Entrée)</source>
        <translation>Previous result (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="45"/>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="46"/>
        <source>Résultat suivant (Entrée, F3)</source>
        <translation>Next result (Enter, F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="48"/>
        <source>Résultats de la recherche</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="51"/>
        <source>Fermer la recherche</source>
        <translation>Close the search</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="52"/>
        <source>Fermer la recherche (Échap)</source>
        <translation>Close the search (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="143"/>
        <source> · tous les patients affichés</source>
        <translation> · every patient shown</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="152"/>
        <source>Aucun résultat</source>
        <translation>No result</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/search_bar.py" line="155"/>
        <source>{0} sur {1}</source>
        <translation>{0} of {1}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="122"/>
        <source>Réglages</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="126"/>
        <source>Général</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="127"/>
        <source>Analyse</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="128"/>
        <source>Termes du cabinet</source>
        <translation>Practice terms</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="131"/>
        <source>Nom du cabinet et langue</source>
        <translation>Practice name and language</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="132"/>
        <source>Catégories signalées, gravité, colonnes</source>
        <translation>Categories flagged, severity, columns</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="133"/>
        <source>Termes autorisés et termes propres au cabinet, à revoir ou retirer</source>
        <translation>Allowed terms and the practice&apos;s own terms, to review or remove</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="136"/>
        <source> (Ctrl+Tab : onglet suivant)</source>
        <translation> (Ctrl+Tab: next tab)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="139"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="139"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="149"/>
        <source>ex. : Cabinet médical des Tilleuls</source>
        <translation>e.g. Lime Tree Medical Practice</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="150"/>
        <source>Nom du cabinet</source>
        <translation>Practice name</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="151"/>
        <source>&amp;Nom du cabinet :</source>
        <translation>Practice &amp;name:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="152"/>
        <source>Il apparaît sur le rapport d&apos;autocontrôle.</source>
        <translation>It appears on the self-check report.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="156"/>
        <source>Langue de l&apos;interface</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="157"/>
        <source>Prend effet au prochain démarrage</source>
        <translation>Takes effect at the next start</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="159"/>
        <source>&amp;Langue :</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="162"/>
        <source>Le changement de langue prend effet au prochain démarrage.</source>
        <translation>The new language is used from the next start.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="170"/>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="172"/>
        <source>Veille du presse-papiers</source>
        <translation>Clipboard watch</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="171"/>
        <source>&amp;Vérifier les textes que je copie</source>
        <translation>&amp;Check the texts I copy</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="174"/>
        <source>Vérifie sur ce poste chaque texte copié et prévient s&apos;il est sensible</source>
        <translation>Checks each copied text on this computer and warns if it is sensitive</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="180"/>
        <source>Quand vous copiez un texte (Ctrl+C) dans votre logiciel, Huis clos le vérifie sur cet ordinateur et vous prévient s&apos;il contient une information sensible ; le texte copié n&apos;est ni enregistré ni envoyé.</source>
        <translation>When you copy a text (Ctrl+C) in your software, Huis clos checks it on this computer and warns you if it holds sensitive information; the copied text is neither stored nor sent.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="188"/>
        <source>&amp;Démarrer avec la session, dans la zone de notification</source>
        <translation>&amp;Start with the session, in the notification area</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="220"/>
        <source>Catégories signalées</source>
        <translation>Categories flagged</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="226"/>
        <source>Signaler : {0}</source>
        <translation>Flag: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="228"/>
        <source>Décochez pour ne plus signaler cette catégorie dans les analyses</source>
        <translation>Untick to stop flagging this category in checks</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="237"/>
        <source>Gravité minimale</source>
        <translation>Minimum severity</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="238"/>
        <source>Les passages moins graves ne sont pas signalés</source>
        <translation>Less serious passages are not flagged</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="240"/>
        <source>&amp;Gravité minimale signalée :</source>
        <translation>Minimum &amp;severity flagged:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="242"/>
        <source>Colonnes analysées</source>
        <translation>Checked columns</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="245"/>
        <source>Fichier ouvert : {0}</source>
        <translation>Open file: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="246"/>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="249"/>
        <source>Aucun fichier ouvert.</source>
        <translation>No file open.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="255"/>
        <source>Les colonnes de commentaires sont reconnues à l&apos;ouverture de chaque fichier ; changez-les avec Revue ▸ Colonnes analysées…</source>
        <translation>Comment columns are recognised when each file is opened; change them with Review ▸ Checked columns…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="268"/>
        <source>Termes autorisés (jamais signalés)</source>
        <translation>Allowed terms (never flagged)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="270"/>
        <source>Termes autorisés</source>
        <translation>Allowed terms</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="273"/>
        <source>Termes jamais signalés, dans aucun fichier ; Retirer pour les signaler à nouveau</source>
        <translation>Terms never flagged, in any file; Remove to flag them again</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="283"/>
        <source>Terme à autoriser</source>
        <translation>Term to allow</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="297"/>
        <source>Termes signalés en plus du lexique, avec leur catégorie</source>
        <translation>Terms flagged in addition to the lexicon, with their category</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="313"/>
        <source>La catégorie sous laquelle le nouveau terme sera signalé</source>
        <translation>The category the new term will be flagged under</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="345"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="346"/>
        <source>Ajoute le terme tapé à la liste (Entrée)</source>
        <translation>Adds the typed term to the list (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="348"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="350"/>
        <source>Retire le terme sélectionné de la liste</source>
        <translation>Removes the selected term from the list</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="285"/>
        <source>Retirer le terme autorisé sélectionné</source>
        <translation>Remove the selected allowed term</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="203"/>
        <source>Ce bureau n&apos;a pas de zone de notification : la veille ne peut pas être activée. «&#xa0;Vérifier un commentaire&#xa0;» (Ctrl+K) reste disponible.</source>
        <translation>This desktop has no notification area: the watch cannot be switched on. “Check a comment” (Ctrl+K) is still available.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="292"/>
        <source>Termes propres au cabinet (signalés en plus)</source>
        <translation>The practice&apos;s own terms (also flagged)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="295"/>
        <source>Termes propres au cabinet</source>
        <translation>The practice&apos;s own terms</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="319"/>
        <source>Terme à signaler</source>
        <translation>Term to flag</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="312"/>
        <source>Catégorie du terme</source>
        <translation>Category of the term</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/dialogs/settings_dialog.py" line="321"/>
        <source>Retirer le terme du cabinet sélectionné</source>
        <translation>Remove the selected practice term</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="134"/>
        <source>Huis clos</source>
        <translation>Huis clos</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="138"/>
        <source>Vérifiez les commentaires administratifs de vos patients : repérez ce qui ne doit pas y figurer et corrigez-le en un clic.</source>
        <translation>Check your patients&apos; administrative comments: spot what must not be there and fix it in one click.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="151"/>
        <source>Ouvrir un fichier…</source>
        <translation>Open a file…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="153"/>
        <source>Choisir l&apos;export CSV, Excel ou LibreOffice (Ctrl+O)</source>
        <translation>Choose the CSV, Excel or LibreOffice export (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="154"/>
        <source>Ouvrir un fichier</source>
        <translation>Open a file</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="156"/>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="160"/>
        <source>Essayer avec un exemple fictif</source>
        <translation>Try a fictional example</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="158"/>
        <source>Ouvre une liste de patients inventés, pour découvrir le logiciel</source>
        <translation>Opens a list of invented patients, to discover the software</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="178"/>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="193"/>
        <source>Fichiers récents</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="180"/>
        <source>Effacer la liste</source>
        <translation>Clear the list</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="183"/>
        <source>Effacer la liste des fichiers récents</source>
        <translation>Clear the recent files list</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="185"/>
        <source>Oublier ces noms de fichiers (les fichiers eux-mêmes ne sont pas touchés)</source>
        <translation>Forget these file names (the files themselves are not touched)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="198"/>
        <source>Cliquez ou appuyez sur Entrée pour rouvrir</source>
        <translation>Click or press Enter to open again</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="286"/>
        <source>{0} — introuvable</source>
        <translation>{0} — not found</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="287"/>
        <source>Introuvable : {0}</source>
        <translation>Not found: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="292"/>
        <source>{0}, introuvable</source>
        <translation>{0}, not found</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="202"/>
        <source>Aucun fichier récent</source>
        <translation>No recent files</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="211"/>
        <source>Avant d&apos;enregistrer un commentaire</source>
        <translation>Before saving a comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="215"/>
        <source>Tapez ou collez-le : Huis clos dit tout de suite s&apos;il pose problème et propose une formulation neutre.</source>
        <translation>Type or paste it: Huis clos tells you at once whether it is a problem and proposes a neutral wording.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="220"/>
        <source>Vérifier un commentaire…</source>
        <translation>Check a comment…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="222"/>
        <source>Vérifier un commentaire avant de l&apos;enregistrer dans votre logiciel (Ctrl+K)</source>
        <translation>Check a comment before saving it in your software (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="224"/>
        <source>Vérifier un commentaire</source>
        <translation>Check a comment</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="234"/>
        <source>&lt;b&gt;Comment ça marche ?&lt;/b&gt;&lt;br&gt;1. Ouvrez l&apos;export de vos patients.&lt;br&gt;2. Huis clos signale les commentaires qui ne devraient pas y figurer (santé, religion, rumeurs…) et propose une correction.&lt;br&gt;3. Corrigez en un clic, puis enregistrez une copie nettoyée et la liste des corrections à reporter dans votre logiciel.</source>
        <translation>&lt;b&gt;How does it work?&lt;/b&gt;&lt;br&gt;1. Open your patient export.&lt;br&gt;2. Huis clos flags the comments that should not be there (health, religion, hearsay…) and suggests a correction.&lt;br&gt;3. Fix them in one click, then save a cleaned copy and the list of corrections to carry over into your practice software.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="256"/>
        <location filename="../../desktop/huisclos/ui/start_page.py" line="260"/>
        <source>Tout reste sur cet ordinateur. Aucune donnée n&apos;est envoyée.</source>
        <translation>Everything stays on this computer. No data is sent.</translation>
    </message>
</context>
<context>
    <name>Style</name>
    <message>
        <location filename="../../desktop/huisclos/ui/style.py" line="184"/>
        <source>De {0} à {1}{2}</source>
        <translation>From {0} to {1}{2}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="54"/>
        <source>Commentaire copié à revoir : {0}</source>
        <translation>Copied comment to review: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="63"/>
        <source>Aussi : {0}.</source>
        <translation>Also: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="173"/>
        <source>Huis clos — veille du presse-papiers</source>
        <translation>Huis clos — clipboard watch</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="177"/>
        <source>Vérifier un commentaire…</source>
        <translation>Check a comment…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="179"/>
        <source>Veille du presse-papiers</source>
        <translation>Clipboard watch</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="182"/>
        <source>Vérifie sur cet ordinateur chaque texte copié ; rien n&apos;est enregistré ni envoyé</source>
        <translation>Checks each copied text on this computer; nothing is stored or sent</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="192"/>
        <source>Copier la formulation neutre</source>
        <translation>Copy the neutral wording</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="195"/>
        <source>Ouvrir le dernier texte signalé</source>
        <translation>Open the last flagged text</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="200"/>
        <source>Afficher Huis clos</source>
        <translation>Show Huis clos</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="202"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/tray.py" line="249"/>
        <source>Cliquez ici pour la formulation neutre.</source>
        <translation>Click here for the neutral wording.</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <location filename="../../desktop/huisclos/ui/status_undo.py" line="24"/>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/status_undo.py" line="28"/>
        <source>Annuler la dernière action</source>
        <translation>Undo the last action</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/status_undo.py" line="30"/>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>WorkshopWindow</name>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="333"/>
        <source>Mode atelier — Huis clos</source>
        <translation>Workshop mode — Huis clos</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="354"/>
        <source>Mode atelier</source>
        <translation>Workshop mode</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="358"/>
        <source>Un quiz à projeter : des commentaires fictifs, un à la fois. La salle dit s&apos;il est sensible, vous révélez la réponse, la raison et une formulation neutre. Aucun patient réel : les commentaires viennent du lexique et d&apos;une liste d&apos;exemples inventés.</source>
        <translation>A quiz to project: fictional comments, one at a time. The room says whether it is sensitive, you reveal the answer, the reason and a neutral wording. No real patient: the comments come from the lexicon and a list of invented examples.</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="365"/>
        <source>Nombre de commentaires</source>
        <translation>Number of comments</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="368"/>
        <source>Part de commentaires sensibles</source>
        <translation>Share of sensitive comments</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="372"/>
        <source>Nombre de commentaires :</source>
        <translation>Number of comments:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="373"/>
        <source>Part de commentaires sensibles :</source>
        <translation>Share of sensitive comments:</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="374"/>
        <source>Commencer le quiz</source>
        <translation>Start the quiz</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="376"/>
        <source>Projeter les commentaires fictifs, un par un</source>
        <translation>Project the fictional comments, one by one</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="378"/>
        <source>Générer un fichier d&apos;exercice…</source>
        <translation>Generate a practice file…</translation>
    </message>
    <message>
        <location filename="../../desktop/huisclos/ui/workshop.py" line="380"/>
        <source>Un export de patients fictifs pour s&apos;entraîner à la revue</source>
        <translation>An export of fictional patients to practise the review</translation>
    </message>
</context>
</TS>
