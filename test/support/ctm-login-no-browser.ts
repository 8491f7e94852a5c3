import { spawn } from 'node:child_process';
import { CTM } from './run-ctm.ts';

/** A `ctm login NAME --no-browser` child: the authorize URL it printed, then its exit code and everything it said. */
export interface NoBrowserLogin {
  url: Promise<string>;
  done: Promise<{ code: number | null; stderr: string }>;
}

/** Starts `ctm login NAME --no-browser` (as a person in a terminal would) and picks the printed URL from its stderr. */
export function ctmLoginNoBrowser(name: string, env: NodeJS.ProcessEnv): NoBrowserLogin {
  const child = spawn(process.execPath, [CTM, 'login', name, '--no-browser'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const url = new Promise<string>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /^(http\S+\/oauth2\/authorize\?\S+)$/m.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
  return { url, done };
}
