@echo off
rem `ctm` from the installed app on Windows: runs the app's own executable in command-line mode (no Node needed,
rem the runAsNode fuse stays off). The installer puts this folder (<install dir>\resources\bin) on the user's PATH.
rem A batch file waits for the GUI executable and passes on its exit code; Electron attaches to this console for output.
setlocal
set "CTM_APP=%~dp0..\..\Cognito Token Manager.exe"
if not exist "%CTM_APP%" (
  echo ctm: the Cognito Token Manager app is not next to this launcher; reinstall the app, or install ctm with npm. 1>&2
  exit /b 1
)
"%CTM_APP%" --ctm-cli -- %*
exit /b %ERRORLEVEL%
