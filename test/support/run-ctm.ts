import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** What one `ctm` run printed and how it exited. */
export interface CtmRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built command line, run as a user would: a child process of `node out/main/cli.cjs`. */
export const CTM = join(process.cwd(), 'out/main/cli.cjs');

/** Runs `ctm args...` with the given environment and stdin. */
export function runCtm(args: string[], env: Record<string, string>, stdin = ''): Promise<CtmRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CTM, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
