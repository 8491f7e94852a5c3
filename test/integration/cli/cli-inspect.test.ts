import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

/** The token with one claim changed and its signature kept: what an attacker who edits a token holds. */
function tampered(token: string): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const edited = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admins'] })).toString('base64url');
  return `${header}.${edited}.${signature}`;
}

describe.skipIf(!HAS_KEYRING)('ctm inspect, against the emulator and the real keyring', () => {
  let app: AppFixture;
  let access = '';
  const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
  beforeAll(async () => {
    app = await startAppFixture(skeletonSeed());
    const profile = ['--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT, '--username', 'alice'];
    await ctm(['profile', 'add', 'dev', ...profile, '--auth-flow', 'USER_PASSWORD_AUTH']);
    await ctm(['profile', 'edit', 'dev', '--endpoint', app.emulator.endpoint]);
    expect((await ctm(['login', 'dev', '--password-stdin'], ALICE_PASSWORD)).code).toBe(0);
    access = (await ctm(['token', 'dev'])).stdout.trim();
  });
  afterAll(async () => app?.close());

  it("decodes the stored access token, verified against the pool's keys, and prints no token or signature", async () => {
    const run = await ctm(['inspect', 'dev']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Access token of dev\nSignature +verified: Signed by a key of http/);
    expect(run.stdout).toMatch(/\nExpires +\d{4}-\d\d-\d\dT/);
    expect(run.stdout).toMatch(/\nLeft +\d+ min/);
    expect(run.stdout).toMatch(/\n {2}token_use +access\n/);
    expect(run.stdout).not.toContain(access.split('.')[2]);
    expect(run.stdout).not.toContain(access);
  });

  it('gives the ID token as JSON, with the same verdict', async () => {
    const run = await ctm(['inspect', 'dev', '--type', 'id', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ profile: 'dev', type: 'id', signature: { verified: true } });
    expect(report.claims).toMatchObject({ token_use: 'id', 'cognito:username': 'alice' });
    expect(report).not.toHaveProperty('token');
    expect(report).not.toHaveProperty('refreshToken');
  });

  it('reports a tampered token as not verified, exit 5, without printing it or its signature', async () => {
    const forged = tampered(access);
    const run = await ctm(['inspect', 'dev', '--token-stdin'], `${forged}\n`);
    expect(run.code).toBe(5);
    expect(run.stdout).toMatch(/\nSignature +NOT VERIFIED: The signature does not verify against http/);
    expect(run.stdout).toMatch(/\nGroups +admins\n/);
    expect(run.stdout).not.toContain(forged.split('.')[2]);
    expect(run.stderr).toBe('');
  });

  it('refuses stdin that is not a JWT, naming why and not echoing it', async () => {
    const run = await ctm(['inspect', 'dev', '--token-stdin'], 'hunter2-not-a-token\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The token on stdin is not a JWT: it is not three base64url parts');
    expect(run.stderr).not.toContain('hunter2');
  });
});
