; Huis clos — Windows installer (NSIS 3, Modern UI 2), French and English.
; Per-user install by default: no administrator rights are needed on a locked-down practice PC.
; The uninstaller asks before deleting the data folder (it holds the encrypted log) and keeps it
; unless the user explicitly says yes.
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
  ; The data folder holds the log: ask, default to keeping it (also in silent mode).
  IfSilent keep_data
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(KeepDataQuestion)" /SD IDNO IDNO keep_data
  RMDir /r "${DATADIR}"
  keep_data:
SectionEnd
