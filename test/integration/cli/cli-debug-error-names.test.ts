import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCtm } from '../../support/run-ctm.ts';
import { PUBLIC_CLIENT, TEST_POOL } from '../../support/seeds-inline.ts';

// The built, minified ctm (out/main/cli-main.cjs) with no Secret Service on its D-Bus address: the keychain fails with
// our KeychainError, which `--debug` logs by name. Minified, the class itself is called a letter or two.
describe('ctm --debug names our error classes as written, in the minified bundle', () => {
  const home = mkdtempSync(join(tmpdir(), 'ctm-debug-names-'));
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}`,
  };
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('a failing keychain read is logged as KeychainError, and the password typed is nowhere', async () => {
    const add = await runCtm(
      ['profile', 'add', 'dev', '--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT, '--username', 'alice'],
      env,
    );
    expect(add.code).toBe(0);
    const password = 'debug-names-password-1';
    const login = await runCtm(['login', 'dev', '--password-stdin', '--debug'], env, `${password}\n`);
    expect(login.code).not.toBe(0);
    expect(login.stderr).toMatch(/^ctm: No Secret Service is answering/m);
    const names = [...login.stderr.matchAll(/"name":"([^"]*)"/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['KeychainError']));
    expect(login.stderr).not.toContain(password);
  });
});
