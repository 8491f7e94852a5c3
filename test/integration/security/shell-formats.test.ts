import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatToken, type TokenFormat } from '../../../main/core/tokens/token-format.ts';
import type { TokenSet } from '../../../main/core/tokens/token-set.ts';
import { hasCommand, systemComponent } from '../../support/system-components.ts';

const proofs = mkdtempSync(join(tmpdir(), 'ctm-shell-quote-'));
afterAll(() => rmSync(proofs, { recursive: true, force: true }));

/**
 * What a hostile server (or agent) could put in a token, were it let in: each tries to run `id` into a proof file. The
 * tokens are checked where they enter (jwt-shape.ts); these formats must hold even without that check.
 */
const payloads = (proof: string): string[] => [
  `x'; id > ${proof}; echo '`,
  `x"; id > ${proof}; echo "`,
  `$(id > ${proof})`,
  `\`id > ${proof}\``,
  `x\\'; id > ${proof}; echo \\'`,
  `x\\\\'; id > ${proof}; #`,
  `x\n id > ${proof}\n`,
  `x’; id > ${proof}; echo ‘`,
  `x $(id>${proof}) %PATH% \${HOME} !! \\ \t end`,
];

/** Evaluates `line` in `shell` as a user would (`eval "$(ctm token --format F)"`), then prints the variable it set. */
function evaluate(shell: 'bash' | 'zsh' | 'fish', line: string): string {
  const script =
    shell === 'fish' ? 'eval $argv[1]; printf %s "$CTM_ACCESS_TOKEN"' : 'eval "$1"; printf %s "$CTM_ACCESS_TOKEN"';
  const args = shell === 'fish' ? ['--no-config', '-c', script, line] : ['-c', script, 'sh', line];
  const run = spawnSync(shell, shell === 'zsh' ? ['-f', ...args] : args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: proofs },
  });
  return run.stdout;
}

const SHELLS = systemComponent(
  'bash, zsh and fish',
  hasCommand('bash') && hasCommand('zsh') && hasCommand('fish'),
  'apt-get install zsh fish',
);

// Real bash, zsh and fish (Debian's); PowerShell is not installable here, so its quoting is checked as text below.
describe.skipIf(!SHELLS)('token formats evaluated by real shells quote any token (bash, zsh, fish)', () => {
  const cases: [TokenFormat, 'bash' | 'zsh' | 'fish'][] = [
    ['env', 'bash'],
    ['env', 'zsh'],
    ['fish', 'fish'],
  ];
  it.each(cases)('--format %s in %s: the variable holds the token byte for byte, and nothing runs', (format, shell) => {
    payloads(join(proofs, `pwned-${format}-${shell}`)).forEach((token, i) => {
      const proof = join(proofs, `pwned-${format}-${shell}`);
      const line = formatToken(
        { accessToken: token, tokenType: 'Bearer', expiresAt: 0, issuedAt: 0 },
        'access',
        format,
        'dev',
      );
      expect(evaluate(shell, line), `payload ${i}`).toBe(token);
      expect(existsSync(proof), `payload ${i}`).toBe(false);
    });
  });

  it('--format curl: the header reaches curl as one argument, whatever the token', () => {
    const proof = join(proofs, 'pwned-curl');
    for (const token of payloads(proof).filter((t) => !t.includes('\n'))) {
      const line = formatToken(
        { accessToken: token, tokenType: 'Bearer', expiresAt: 0, issuedAt: 0 },
        'access',
        'curl',
        'dev',
      );
      // The line ends with a space for the URL; a stand-in `curl` function prints the argument it got.
      const run = spawnSync('bash', ['-c', `curl() { printf %s "$2"; }; eval "$1"`, 'sh', line], { encoding: 'utf8' });
      expect(run.stdout).toBe(`Authorization: Bearer ${token}`);
      expect(existsSync(proof)).toBe(false);
    }
  });
});

describe('token formats that cannot hold a byte refuse it rather than write it', () => {
  const set = (accessToken: string): TokenSet => ({ accessToken, tokenType: 'Bearer', expiresAt: 0, issuedAt: 0 });
  it('header and curl refuse a line break (a second header); every shell format refuses NUL', () => {
    expect(() => formatToken(set('a\r\nX-Evil: 1'), 'access', 'header', 'dev')).toThrow(/line break/);
    expect(() => formatToken(set('a\nb'), 'access', 'curl', 'dev')).toThrow(/line break/);
    for (const format of ['env', 'fish', 'powershell'] as const)
      expect(() => formatToken(set('a\0b'), 'access', format, 'dev')).toThrow(/NUL/);
  });

  it('PowerShell doubles every single quotation mark it would end a string at, typographic ones included', () => {
    expect(formatToken(set("x'; iex id; '"), 'access', 'powershell', 'dev')).toBe(
      "$env:CTM_ACCESS_TOKEN = 'x''; iex id; '''",
    );
    expect(formatToken(set('x’; iex id; ‘'), 'access', 'powershell', 'dev')).toBe(
      "$env:CTM_ACCESS_TOKEN = 'x’’; iex id; ‘‘'",
    );
  });
});
