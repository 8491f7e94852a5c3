import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A private X server (Xvfb) for clipboard tests: its DISPLAY and how to stop it. */
export interface Xvfb {
  display: string;
  stop(): Promise<void>;
}

/** Starts Xvfb on a free display; Xvfb itself picks the number and writes it to the given fd (-displayfd). */
export async function startXvfb(): Promise<Xvfb> {
  const server: ChildProcess = spawn('Xvfb', ['-displayfd', '1', '-nolisten', 'tcp', '-screen', '0', '640x480x24'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [chunk] = (await Promise.race([
    once(server.stdout!, 'data'),
    once(server, 'exit').then(() => {
      throw new Error('Xvfb exited before it was ready');
    }),
  ])) as [Buffer];
  return {
    display: `:${chunk.toString().trim()}`,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    },
  };
}
