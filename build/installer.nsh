; Included by electron-builder's NSIS installer (nsis.include): puts the `ctm` launcher's folder on the user's PATH at
; install and takes it off at uninstall. PowerShell's SetEnvironmentVariable writes HKCU\Environment and broadcasts
; WM_SETTINGCHANGE, so new terminals see the change without a sign-out. `$$` is a literal `$` for PowerShell.

!macro customInstall
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$dir = '$INSTDIR\resources\bin'; $$path = [Environment]::GetEnvironmentVariable('Path', 'User'); $$parts = @(($$path -split ';') | Where-Object { $$_ }); if ($$parts -notcontains $$dir) { [Environment]::SetEnvironmentVariable('Path', (@($$parts) + $$dir) -join ';', 'User') }"`
!macroend

!macro customUnInstall
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$dir = '$INSTDIR\resources\bin'; $$path = [Environment]::GetEnvironmentVariable('Path', 'User'); if ($$path) { [Environment]::SetEnvironmentVariable('Path', (($$path -split ';') | Where-Object { $$_ -and $$_ -ne $$dir }) -join ';', 'User') }"`
!macroend
