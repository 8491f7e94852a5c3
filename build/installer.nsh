; Included by electron-builder's NSIS installer (nsis.include): puts the `ctm` launcher's folder on the user's PATH at
; install and takes it off at uninstall (and so around each update).
; The user Path is a REG_EXPAND_SZ value whose entries may name %VARIABLES%: it is read unexpanded
; (DoNotExpandEnvironmentNames) and written back as ExpandString. [Environment]::Get/SetEnvironmentVariable would
; expand every entry and store a plain REG_SZ (dotnet/runtime #89695, ofek/userpath #27). Setting a throwaway user
; variable to $null afterwards broadcasts WM_SETTINGCHANGE, so new terminals see the change without a sign-out.
; The folder reaches PowerShell through the environment (CTM_BIN_DIR), never inside its command text, so a folder
; name with a quote, a semicolon or a `$` cannot break or extend the command. `$$` is a literal `$` for PowerShell.

!macro ctmUserPathFolder
  Push $1
  StrCpy $1 "$INSTDIR\resources\bin"
  System::Call 'kernel32::SetEnvironmentVariable(t "CTM_BIN_DIR", t r1)'
  Pop $1
!macroend

!macro customInstall
  !insertmacro ctmUserPathFolder
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$d = $$env:CTM_BIN_DIR; $$k = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment'); $$p = [string]$$k.GetValue('Path', '', 'DoNotExpandEnvironmentNames'); $$parts = @(@($$p -split ';') | Where-Object { $$_ -and $$_.TrimEnd('\') -ne $$d.TrimEnd('\') }) + $$d; $$k.SetValue('Path', ($$parts -join ';'), 'ExpandString'); [Environment]::SetEnvironmentVariable('CTM_PATH_CHANGED', $$null, 'User')"`
!macroend

!macro customUnInstall
  !insertmacro ctmUserPathFolder
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$d = $$env:CTM_BIN_DIR; $$k = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment'); $$p = [string]$$k.GetValue('Path', '', 'DoNotExpandEnvironmentNames'); $$parts = @(@($$p -split ';') | Where-Object { $$_ -and $$_.TrimEnd('\') -ne $$d.TrimEnd('\') }); $$k.SetValue('Path', ($$parts -join ';'), 'ExpandString'); [Environment]::SetEnvironmentVariable('CTM_PATH_CHANGED', $$null, 'User')"`
!macroend
