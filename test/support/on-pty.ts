import { spawn } from 'node:child_process';
import { CTM } from './run-ctm.ts';
import { hasCommand, systemComponent } from './system-components.ts';

/** Whether util-linux `script` (a real pseudo-terminal) is installed. */
export const HAS_SCRIPT = systemComponent('script (util-linux)', hasCommand('script'), 'apt-get install bsdutils');

/** Runs ctm on a real pseudo-terminal (util-linux `script`), typing `keys` once `prompt` shows; resolves with its exit code and screen. */
export function onPty(
  args: string[],
  env: Record<string, string>,
  prompt: string,
  keys: string,
): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, CTM, ...args].map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', SHELL: '/bin/sh', TERM: 'dumb', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let typed = false;
  child.stdout.on('data', (d: Buffer) => {
    screen += d.toString();
    if (!typed && screen.includes(prompt)) {
      typed = true;
      // The prompt is printed just before readline switches the terminal to raw mode: type once that has happened.
      setTimeout(() => child.stdin.write(keys), 300);
    }
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, screen })));
}
