import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Debian offers no PowerShell (pwsh is not packaged), so the Windows installer's PATH edit is checked as generated:
// what NSIS hands PowerShell once its own `$$` escapes are undone.
const nsh = readFileSync(join(process.cwd(), 'build/installer.nsh'), 'utf8');

/** The macro's body, and the PowerShell command its nsExec line runs (NSIS `$$` is a literal `$`). */
function macro(name: string): { body: string; powershell: string } {
  const body = new RegExp(`!macro ${name}\\n([\\s\\S]*?)!macroend`).exec(nsh)?.[1] ?? '';
  const command = /nsExec::ExecToLog `([^`]*)`/.exec(body)?.[1] ?? '';
  return { body, powershell: /-Command "([^"]*)"$/.exec(command)?.[1]?.replace(/\$\$/g, '$') ?? '' };
}

describe('the NSIS include that puts ctm on the user PATH (build/installer.nsh, as generated; no PowerShell on Debian)', () => {
  for (const name of ['customInstall', 'customUnInstall']) {
    describe(name, () => {
      const { body, powershell } = macro(name);

      it('reads the user Path unexpanded and writes it back as REG_EXPAND_SZ, so %VAR% entries survive (dotnet/runtime #89695)', () => {
        expect(powershell).toContain("$k = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment')");
        expect(powershell).toContain("$k.GetValue('Path', '', 'DoNotExpandEnvironmentNames')");
        expect(powershell).toContain("$k.SetValue('Path', ($parts -join ';'), 'ExpandString')");
        expect(powershell).not.toMatch(/GetEnvironmentVariable\(\s*'Path'|SetEnvironmentVariable\(\s*'Path'/);
      });

      it('still tells running programs (WM_SETTINGCHANGE, through a throwaway user variable), keeps other entries and drops empty ones', () => {
        expect(powershell).toMatch(/\[Environment\]::SetEnvironmentVariable\('CTM_PATH_CHANGED', \$null, 'User'\)$/);
        expect(powershell).toContain("Where-Object { $_ -and $_.TrimEnd('\\') -ne $d.TrimEnd('\\') }");
      });

      it('takes the folder from the environment, never inside the command text: a quote or $ in the folder cannot break it', () => {
        expect(powershell).toMatch(/^\$d = \$env:CTM_BIN_DIR;/);
        expect(powershell).not.toContain('INSTDIR');
        expect(body).toContain('!insertmacro ctmUserPathFolder');
        // Only NSIS's own variables remain unescaped in the command line; PowerShell's are all `$$`.
        expect(/nsExec::ExecToLog `([^`]*)`/.exec(body)?.[1]?.replace(/\$\$/g, '')).not.toContain('$');
        expect(powershell).not.toMatch(/["`]/);
      });
    });
  }

  it('adds the folder once at install (removing an older copy first) and only removes it at uninstall', () => {
    expect(macro('customInstall').powershell).toContain('}) + $d;');
    expect(macro('customUnInstall').powershell).not.toContain('+ $d');
  });

  it("hands PowerShell the folder through the installer's own environment, from a register (no parsing of the folder name), saved and restored", () => {
    const folder = /!macro ctmUserPathFolder\n([\s\S]*?)!macroend/.exec(nsh)?.[1] ?? '';
    expect(
      folder
        .trim()
        .split('\n')
        .map((line) => line.trim()),
    ).toEqual([
      'Push $1',
      'StrCpy $1 "$INSTDIR\\resources\\bin"',
      `System::Call 'kernel32::SetEnvironmentVariable(t "CTM_BIN_DIR", t r1)'`,
      'Pop $1',
    ]);
  });
});
