// Debian's nginx, run unprivileged in a temporary prefix: the upstream both proxies call, and the reference proxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

/** A running nginx. */
export interface Nginx {
  close(): Promise<void>;
}

/** The config of an nginx with one worker (as the proxy under test has one thread) and `server` as its only server. */
export function nginxConfig(folder: string, server: string, upstream?: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${join(folder, name)};`)
    .join('\n');
  return `worker_processes 1;
pid ${join(folder, 'nginx.pid')};
error_log ${join(folder, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
${temp}
${upstream ? `  upstream target { server ${upstream}; keepalive 64; }` : ''}
  server {
${server}
  }
}
`;
}

/** Starts nginx in the foreground with this config and resolves once it accepts connections on `port`. */
export async function startNginx(folder: string, config: string, port: number): Promise<Nginx> {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'nginx.conf');
  writeFileSync(file, config);
  const child: ChildProcess = spawn(
    'nginx',
    ['-p', folder, '-c', file, '-e', join(folder, 'error.log'), '-g', 'daemon off;'],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await accepts(port)) {
      return {
        close: () =>
          new Promise<void>((resolve) =>
            child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGQUIT')),
          ),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not start on port ${port} (see ${join(folder, 'error.log')})`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
