; Inno Setup script: the Windows installer of the IMR technician console.
;
;   pyinstaller --noconfirm --workpath build\work --distpath build\dist build\imr-console.spec
;   iscc /DAppVersion=0.1.0 build\windows\imr-console.iss
;
; Packs the PyInstaller one-folder bundle (build\dist\imr-console) into
; build\dist\installer\imr-console-<version>-setup.exe. See docs/packaging.md.
;
; - Per-user install, no administrator rights: %LOCALAPPDATA%\Programs\IMR Console.
; - Start-menu entry (and an optional desktop icon), uninstaller in "Apps & features".
; - Upgrade in place: the AppId never changes, so a newer installer replaces the program files of
;   the older one. Settings and the embedded database live in the user's own folders
;   (platformdirs: %LOCALAPPDATA%\IMR\imr-console), never under the install folder, and the
;   uninstaller leaves them alone. Database passwords are in Windows Credential Manager.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Consola IMR"
#define AppPublisher "IMR S.A."
#define AppExe "imr-console.exe"
; the PyInstaller output; /DBundleDir=... points elsewhere (the installer test does)
#ifndef BundleDir
  #define BundleDir "..\dist\imr-console"
#endif

[Setup]
; Fixed forever: it is how Windows recognises an upgrade of the same program.
AppId={{6AAED0A5-EED0-454B-9F31-2F3D839917AE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\IMR Console
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\dist\installer
OutputBaseFilename=imr-console-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Close a running console before replacing its files, and start it again afterwards.
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: files that a newer version no longer ships must not linger
; and be picked up by the new one. Only the program folder, never the user's data.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the user's folders: settings, the local database and the logs stay, so
; reinstalling (or installing a newer version) finds everything as it was.
