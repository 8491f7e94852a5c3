import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { totpCode } from '../../support/emulator/index.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { flowsSeed, mainPool, PASSWORD, TEMP_PASSWORD, TOTP_SECRET } from './flows-seed.ts';

describe.skipIf(!HAS_KEYRING)('ctm login flags for every challenge (child process, emulator, real keyring)', () => {
  let app: AppFixture;
  const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
  const profile = (name: string, fields: Record<string, unknown>) =>
    app.core.addProfile(mainPool(app.emulator.endpoint, { name, ...fields }));
  const challengesSince = (from: number) =>
    app.emulator.requests
      .slice(from)
      .map((r) => r.body.ChallengeName)
      .filter(Boolean);
  beforeAll(async () => {
    app = await startAppFixture(flowsSeed());
  });
  afterAll(async () => app?.close());

  it('--password-stdin with --new-password-stdin: line 1 is the password, line 2 the new one; --attribute fills required attributes', async () => {
    await profile('nb', { username: 'newbie', authFlow: 'USER_PASSWORD_AUTH' });
    const from = app.emulator.requests.length;
    const run = await ctm(
      ['login', 'nb', '--password-stdin', '--new-password-stdin', '--attribute', 'email=newbie@example.com'],
      `${TEMP_PASSWORD}\nBrand-New-Pass-2\n`,
    );
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(app.emulator.requests[from + 1]?.body.ChallengeResponses).toMatchObject({
      NEW_PASSWORD: 'Brand-New-Pass-2',
      'userAttributes.email': 'newbie@example.com',
    });
    expect((await ctm(['login', 'nb', '--password-stdin'], 'Brand-New-Pass-2\n')).code).toBe(0);
  });

  it('--mfa-code answers SOFTWARE_TOKEN_MFA', async () => {
    await profile('totp', { username: 'totpuser' });
    const from = app.emulator.requests.length;
    expect(
      (
        await ctm(
          ['login', 'totp', '--password-stdin', '--mfa-code', totpCode(TOTP_SECRET, app.emulator.now())],
          PASSWORD,
        )
      ).code,
    ).toBe(0);
    expect(challengesSince(from)).toEqual(['PASSWORD_VERIFIER', 'SOFTWARE_TOKEN_MFA']);
  });

  it('--select picks the MFA method, then --mfa-code answers it', async () => {
    await profile('choose', { username: 'chooser' });
    const run = await ctm(
      [
        'login',
        'choose',
        '--password-stdin',
        '--select',
        'SOFTWARE_TOKEN_MFA',
        '--mfa-code',
        totpCode(TOTP_SECRET, app.emulator.now()),
      ],
      PASSWORD,
    );
    expect(run.code).toBe(0);
  });

  it('--select answers USER_AUTH\u2019s SELECT_CHALLENGE, with the password from stdin', async () => {
    await profile('choice', { username: 'alice', authFlow: 'USER_AUTH' });
    const from = app.emulator.requests.length;
    expect((await ctm(['login', 'choice', '--password-stdin', '--select', 'PASSWORD_SRP'], PASSWORD)).code).toBe(0);
    expect(challengesSince(from)).toEqual(['SELECT_CHALLENGE', 'PASSWORD_VERIFIER']);
  });

  it('--answer, once per custom round (CUSTOM_AUTH after SRP)', async () => {
    await profile('quiz', { username: 'riddler', authFlow: 'CUSTOM_AUTH' });
    const from = app.emulator.requests.length;
    expect((await ctm(['login', 'quiz', '--password-stdin', '--answer', '1', '--answer', '2'], PASSWORD)).code).toBe(0);
    expect(challengesSince(from)).toEqual(['PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE', 'CUSTOM_CHALLENGE']);
  });

  it('--remember-device: the opt-in pool remembers the device, whose key stays in the keychain, so the next login skips MFA', async () => {
    await app.core.addProfile({
      name: 'olive',
      region: 'us-west-2',
      userPoolId: 'us-west-2_OptIn1',
      clientId: 'optinclient1',
      username: 'olive',
      endpoint: app.emulator.endpoint,
    });
    const from = app.emulator.requests.length;
    expect(
      (
        await ctm(
          [
            'login',
            'olive',
            '--password-stdin',
            '--remember-device',
            '--mfa-code',
            totpCode(TOTP_SECRET, app.emulator.now()),
          ],
          PASSWORD,
        )
      ).code,
    ).toBe(0);
    expect(app.emulator.requests.slice(from).map((r) => r.operation)).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'RespondToAuthChallenge',
      'ConfirmDevice',
      'UpdateDeviceStatus',
    ]);
    expect((await app.vault.devices.get('us-west-2_OptIn1', 'olive'))?.deviceKey).toMatch(/^us-west-2_/);
    const again = app.emulator.requests.length;
    expect((await ctm(['login', 'olive', '--password-stdin'], PASSWORD)).code).toBe(0);
    expect(challengesSince(again)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it('without --remember-device, the opt-in pool tracks the device (ConfirmDevice) but does not remember it: MFA is asked again', async () => {
    await app.core.addProfile({
      name: 'oscar',
      region: 'us-west-2',
      userPoolId: 'us-west-2_OptIn1',
      clientId: 'optinclient1',
      username: 'oscar',
      endpoint: app.emulator.endpoint,
    });
    const from = app.emulator.requests.length;
    expect(
      (
        await ctm(
          ['login', 'oscar', '--password-stdin', '--mfa-code', totpCode(TOTP_SECRET, app.emulator.now())],
          PASSWORD,
        )
      ).code,
    ).toBe(0);
    expect(app.emulator.requests.slice(from).map((r) => r.operation)).not.toContain('UpdateDeviceStatus');
    const again = app.emulator.requests.length;
    expect(
      (
        await ctm(
          ['login', 'oscar', '--password-stdin', '--mfa-code', totpCode(TOTP_SECRET, app.emulator.now())],
          PASSWORD,
        )
      ).code,
    ).toBe(0);
    expect(challengesSince(again)).toEqual([
      'PASSWORD_VERIFIER',
      'DEVICE_SRP_AUTH',
      'DEVICE_PASSWORD_VERIFIER',
      'SOFTWARE_TOKEN_MFA',
    ]);
  });

  it('without a terminal and without the flag, says which flag to pass (exit 2)', async () => {
    const run = await ctm(['login', 'totp', '--password-stdin'], PASSWORD);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--mfa-code/);
  });

  it('refuses ADMIN_NO_SRP_AUTH naming the replacements (exit 2)', async () => {
    await profile('admin', { username: 'alice', authFlow: 'ADMIN_NO_SRP_AUTH' });
    const run = await ctm(['login', 'admin', '--password-stdin'], PASSWORD);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ADMIN_USER_PASSWORD_AUTH.*USER_PASSWORD_AUTH.*USER_SRP_AUTH/);
  });

  it('logout --global: GlobalSignOut, RevokeToken, and the keychain entry goes', async () => {
    const from = app.emulator.requests.length;
    const run = await ctm(['logout', 'totp', '--global']);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stderr).toMatch(/every device/);
    expect(app.emulator.requests.slice(from).map((r) => r.operation)).toEqual(['GlobalSignOut', 'RevokeToken']);
    expect(await app.vault.session((await app.core.resolveProfile(profileRef('totp'))).id)).toBeUndefined();
  });
});
