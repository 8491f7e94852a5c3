import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CTM } from '../../support/run-ctm.ts';
import { hasCommand, systemComponent } from '../../support/system-components.ts';

const HAS_ZSH = systemComponent('zsh', hasCommand('zsh'), 'apt-get install zsh');
const HAS_FISH = systemComponent('fish', hasCommand('fish'), 'apt-get install fish');

// The built ctm on PATH as `ctm`, with a profiles.json of three names, and each real shell loading its script.
describe('ctm completion in real shells (the built bin on PATH, profiles.json only)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctm-completion-'));
    writeFileSync(
      join(dir, 'ctm'),
      `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CTM)} "$@"\n`,
    );
    chmodSync(join(dir, 'ctm'), 0o755);
    const profile = (name: string) => ({
      name,
      id: crypto.randomUUID(),
      region: 'us-east-1',
      userPoolId: 'us-east-1_A',
      clientId: 'c',
      hasClientSecret: false,
      authFlow: 'USER_SRP_AUTH',
      refreshMethod: 'REFRESH_TOKEN_AUTH',
      autoRefresh: true,
    });
    writeFileSync(
      join(dir, 'profiles.json'),
      JSON.stringify({ version: 1, profiles: ['dev', 'prod', 'staging'].map(profile) }),
    );
    // No D-Bus address: completion must not need the keychain.
    env = { PATH: `${dir}:${process.env.PATH ?? ''}`, HOME: dir, CTM_CONFIG_DIR: dir, XDG_CONFIG_HOME: dir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const shell = (program: string, args: string[]) => {
    const run = spawnSync(program, args, { env, encoding: 'utf8' });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  it('bash: the script parses, registers for ctm, and completes commands, flags, values and profile names', () => {
    const script = `source <(ctm completion bash)
complete -p ctm
try() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _ctm_complete; echo "[\${COMPREPLY[*]}]"; }
try ctm lo
try ctm token ''
try ctm exec p
try ctm token --format j
try ctm status --`;
    expect(
      shell('bash', ['-n', '-c', spawnSync(process.execPath, [CTM, 'completion', 'bash'], { encoding: 'utf8' }).stdout])
        .code,
    ).toBe(0);
    const run = shell('bash', ['-c', script]);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      'complete -o bashdefault -o default -F _ctm_complete ctm',
      '[login logout]',
      '[dev prod staging]',
      '[prod]',
      '[json]',
      '[--json --help]',
      '',
    ]);
  });

  it.skipIf(!HAS_ZSH)('zsh: the script parses, registers _ctm with compdef, and completes', () => {
    const script = `autoload -U compinit && compinit -u -D
source <(ctm completion zsh)
print -r -- "registered: \${_comps[ctm]}"
compadd() { while [[ $1 == -* && $1 != -- ]]; do shift; done; [[ $1 == -- ]] && shift; print -r -- "[$*]"; }
_files() { print -r -- "[files]"; }
words=(ctm token ''); CURRENT=3; _ctm
words=(ctm profile ed); CURRENT=3; _ctm
words=(ctm profile import ''); CURRENT=4; _ctm`;
    expect(
      shell('zsh', ['-n', '-c', spawnSync(process.execPath, [CTM, 'completion', 'zsh'], { encoding: 'utf8' }).stdout])
        .code,
    ).toBe(0);
    const run = shell('zsh', ['-f', '-c', script]);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual(['registered: _ctm', '[dev prod staging]', '[edit]', '[files]', '']);
  });

  it.skipIf(!HAS_FISH)('fish: the script parses and `complete -C` completes as a Tab press would', () => {
    const script = `ctm completion fish | source
complete -C 'ctm tok'
complete -C 'ctm token '
complete -C 'ctm exec --type '
complete -C 'ctm completion p'`;
    const parsed = shell('fish', [
      '-n',
      '-c',
      spawnSync(process.execPath, [CTM, 'completion', 'fish'], { encoding: 'utf8' }).stdout,
    ]);
    expect(parsed.code).toBe(0);
    const run = shell('fish', ['--no-config', '-c', script]);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual([
      'token',
      'dev',
      'prod',
      'staging',
      'access',
      'id',
      'powershell',
      '',
    ]);
  });

  it('powershell: the script registers a native completer for ctm that passes the words to ctm __complete', () => {
    const script = spawnSync(process.execPath, [CTM, 'completion', 'powershell'], { encoding: 'utf8' }).stdout;
    expect(script).toMatch(/Register-ArgumentCompleter -Native -CommandName ctm -ScriptBlock/);
    expect(script).toMatch(/& ctm __complete -- @words/);
    // PowerShell hands an empty current word over as '""': ctm reads it as "".
    const answer = spawnSync(process.execPath, [CTM, '__complete', '--', 'token', '""'], { env, encoding: 'utf8' });
    expect(answer.stdout).toBe('dev\nprod\nstaging\n');
  });

  it('refuses an unknown shell with exit code 2, and prints the version', () => {
    const bad = spawnSync(process.execPath, [CTM, 'completion', 'tcsh'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/ctm completion supports bash, zsh, fish, powershell \(got "tcsh"\)/);
    const version = spawnSync(process.execPath, [CTM, '--version'], { env, encoding: 'utf8' });
    expect(version.stdout).toMatch(/^ctm \d+\.\d+\.\d+\n$/);
  });
});
