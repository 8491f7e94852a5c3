import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import type { Server, Socket } from 'node:net';
import { expect } from 'vitest';

// The unit project's promise (test/support/test-projects.ts): no process and no socket. Starting one fails the test and
// names where the file belongs. CTM_UNIT_GUARD_REPORT=<file> lists them instead (for sorting files after a change).
const require = createRequire(import.meta.url);
const report = process.env.CTM_UNIT_GUARD_REPORT;

function refuse(what: string): void {
  const file = expect.getState().testPath ?? 'a unit test file';
  if (report) {
    appendFileSync(report, `${file}\t${what}\n`);
    return;
  }
  throw new Error(
    `${file} may not ${what}: a unit test runs in-process only; move it to test/integration (the system project)`,
  );
}

const childProcess = require('node:child_process') as Record<string, (...args: unknown[]) => unknown>;
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const original = childProcess[name]!;
  childProcess[name] = function guarded(this: unknown, ...args: unknown[]) {
    refuse(`start a process (${name} ${String(args[0])})`);
    return original.apply(this, args);
  };
}
const net = require('node:net') as typeof import('node:net');
const { listen } = net.Server.prototype;
net.Server.prototype.listen = function guarded(this: Server, ...args: unknown[]) {
  refuse('listen on a socket');
  return (listen as (...a: unknown[]) => Server).apply(this, args);
} as typeof listen;
const { connect } = net.Socket.prototype;
net.Socket.prototype.connect = function guarded(this: Socket, ...args: unknown[]) {
  refuse('connect a socket');
  return (connect as (...a: unknown[]) => Socket).apply(this, args);
} as typeof connect;
syncBuiltinESMExports();
