import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasCommand, systemComponent } from './system-components.ts';
import { freePort } from './free-port.ts';

/** Debian's tinyproxy (a real HTTP proxy nobody here wrote), to prove requests go through HTTP(S)_PROXY. */
export const HAS_TINYPROXY = systemComponent('tinyproxy', hasCommand('tinyproxy'), 'apt-get install tinyproxy-bin');

/** A running tinyproxy on 127.0.0.1: its URL for HTTP(S)_PROXY, and what it logged. */
export interface Tinyproxy {
  url: string;
  /** tinyproxy's log so far (one "Request ..." line per proxied request at LogLevel Connect). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts tinyproxy in the foreground (-d) with a throw-away config; it adds "Via: 1.1 tinyproxy" to what it forwards.
 * `basicAuth` [user, password] makes it ask for them (tinyproxy.conf(5), BasicAuth: "407 Proxy Authentication
 * Required" without them). `reverseTo` (an http:// URL) makes it a gateway in front of that server instead
 * (tinyproxy.conf(5), ReversePath / ReverseOnly), which answers its own HTML error page when the server is down.
 */
export async function startTinyproxy(
  options: { basicAuth?: [user: string, password: string]; reverseTo?: string } = {},
): Promise<Tinyproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'ctm-tinyproxy-'));
  const port = await freePort();
  const logFile = join(dir, 'tinyproxy.log');
  writeFileSync(logFile, '');
  writeFileSync(
    join(dir, 'tinyproxy.conf'),
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      'Allow 127.0.0.1',
      'LogLevel Connect',
      `LogFile "${logFile}"`,
      'MaxClients 20',
      ...(options.basicAuth ? [`BasicAuth ${options.basicAuth.join(' ')}`] : []),
      ...(options.reverseTo ? [`ReversePath "/" "${options.reverseTo}"`, 'ReverseOnly Yes'] : []),
      '',
    ].join('\n'),
  );
  const child = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  const log = () => readFileSync(logFile, 'utf8');
  for (let i = 0; i < 100 && !/listening|Accepting/i.test(log()); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
