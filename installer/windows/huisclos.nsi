; Huis clos — Windows installer (NSIS 3, Modern UI 2), French and English.
; Per-user install by default: no administrator rights are needed on a locked-down practice PC.
; The uninstaller asks before deleting the data folder (it holds the encrypted log) and keeps it
; unless the user explicitly says yes. An optional component (off by default) starts Huis clos with
; the session, hidden in the notification area with its clipboard watch on: the same per-user Run
; value the app writes and removes from its settings; the uninstaller removes it.
;
; makensis -DVERSION=0.1.0 -DPAYLOAD=..\dist\huisclos -DOUTFILE=huisclos-0.1.0-setup.exe huisclos.nsi

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\dist\huisclos"
!endif
!ifndef OUTFILE
  !define OUTFILE "huisclos-${VERSION}-setup.exe"
!endif

!define APPNAME "Huis clos"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\HuisClos"
; the per-user Run value (desktop/huisclos/core/check/autostart.py: RUN_KEY, RUN_VALUE)
!define RUNKEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define RUNVALUE "HuisClos"
; platformdirs.user_data_dir("huisclos", appauthor=False) on Windows:
!define DATADIR "$LOCALAPPDATA\huisclos"

Name "${APPNAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Huis clos"
InstallDirRegKey HKCU "Software\HuisClos" "InstallDir"
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileDescription" "Autocontrôle des commentaires administratifs"
VIAddVersionKey /LANG=1036 "LegalCopyright" "EUPL-1.2"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\huisclos.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString KeepDataQuestion ${LANG_FRENCH} "Supprimer aussi le dossier de données de Huis clos ?$\r$\n$\r$\nIl contient le journal chiffré des vérifications (utile pour le registre RGPD du cabinet) et vos listes de termes.$\r$\n$\r$\nPar défaut, il est conservé."
LangString KeepDataQuestion ${LANG_ENGLISH} "Also delete the Huis clos data folder?$\r$\n$\r$\nIt holds the encrypted log of your checks (useful for the practice's GDPR register) and your term lists.$\r$\n$\r$\nBy default it is kept."
LangString UninstallShortcut ${LANG_FRENCH} "Désinstaller Huis clos"
LangString UninstallShortcut ${LANG_ENGLISH} "Uninstall Huis clos"
LangString SecAutostartName ${LANG_FRENCH} "Démarrer avec la session (veille du presse-papiers)"
LangString SecAutostartName ${LANG_ENGLISH} "Start with the session (clipboard watch)"
LangString SecAutostartDesc ${LANG_FRENCH} "Huis clos démarre dans la zone de notification et vérifie, sur cet ordinateur, les textes que vous copiez. Rien n'est enregistré ni envoyé. Modifiable dans les réglages."
LangString SecAutostartDesc ${LANG_ENGLISH} "Huis clos starts in the notification area and checks, on this computer, the texts you copy. Nothing is stored or sent. Can be changed in the settings."
LangString SecMainDesc ${LANG_FRENCH} "L'application et ses raccourcis."
LangString SecMainDesc ${LANG_ENGLISH} "The application and its shortcuts."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "Huis clos" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\HuisClos" "InstallDir" "$INSTDIR"
  ; No file association: Huis clos does not own .csv or .xlsx.
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\huisclos.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\$(UninstallShortcut).lnk" "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Huis clos"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\huisclos.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

; Off by default: the clipboard watch is opt-in.
Section /o "$(SecAutostartName)" SecAutostart
  WriteRegStr HKCU "${RUNKEY}" "${RUNVALUE}" '"$INSTDIR\huisclos.exe" --tray'
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "$(SecMainDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecAutostart} "$(SecAutostartDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\$(UninstallShortcut).lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  ; Remove only what the installer put there: the user may have chosen a folder holding other
  ; files, and a recursive delete of $INSTDIR would take them too.
  Delete "$INSTDIR\huisclos.exe"
  Delete "$INSTDIR\huisclos-cli.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\HuisClos"
  ; the session's autostart entry, whether the installer or the app's settings wrote it
  DeleteRegValue HKCU "${RUNKEY}" "${RUNVALUE}"
  ; The data folder holds the log: ask, default to keeping it (also in silent mode).
  IfSilent keep_data
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(KeepDataQuestion)" /SD IDNO IDNO keep_data
  RMDir /r "${DATADIR}"
  keep_data:
SectionEnd
