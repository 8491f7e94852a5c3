import { describe, expect, it } from 'vitest';
import { userShell } from '../../../main/cli/commands/exec-command.ts';

describe('userShell (the shell ctm exec starts without a command)', () => {
  it('is $SHELL on Linux and macOS, else /bin/sh', () => {
    expect(userShell({ SHELL: '/usr/bin/zsh' }, 'linux')).toBe('/usr/bin/zsh');
    expect(userShell({ SHELL: '/bin/bash' }, 'darwin')).toBe('/bin/bash');
    expect(userShell({}, 'linux')).toBe('/bin/sh');
  });

  it('is %ComSpec% on Windows, else cmd.exe (platform passed in: this machine is not Windows)', () => {
    expect(userShell({ ComSpec: 'C:\\Windows\\system32\\cmd.exe', SHELL: '/usr/bin/bash' }, 'win32')).toBe(
      'C:\\Windows\\system32\\cmd.exe',
    );
    expect(userShell({}, 'win32')).toBe('cmd.exe');
  });
});
