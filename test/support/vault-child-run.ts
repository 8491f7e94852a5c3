import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CHILD = join(process.cwd(), 'test/support/vault-child.ts');

/** How a vault child ended: killed at its crash point (`signal` SIGKILL) or done. */
export interface VaultChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs test/support/vault-child.ts with the keyring's environment, optionally dying at `crashAt`. */
export function runVaultChild(
  env: Record<string, string>,
  args: string[],
  stdin = '',
  crashAt?: string,
): Promise<VaultChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', CHILD, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env, ...(crashAt ? { CTM_TEST_CRASH_AT: crashAt } : {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
