import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sessionFileName, SESSIONS_FOLDER } from '../../../main/core/keychain/session-cache.ts';
import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { secretOrigin } from '../../../main/core/profiles/secret-origin.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server.ts';
import { idOf } from '../../support/profile-ids.ts';
import { handEditProfiles } from '../../support/profiles-hand-edit.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import {
  addLocalUser,
  LOCAL_CLIENT,
  LOCAL_POOL,
  startCognitoLocal,
  type CognitoLocal,
} from '../cognito-local/cognito-local-server.ts';
import { machineProfileArgs, oauthSeed, PASSWORD, POOL, SECRET } from '../oauth/oauth-seed.ts';

const DEVICE_POOL = 'us-east-1_LegacyDev1';
/** A --min-ttl that makes ctm renew (just under the tokens' life: the emulator's last an hour, cognito-local's a day). */
const RENEW_EMULATOR = '3599.999';
const RENEW_LOCAL = '86399.999';

// Releases before d66ce01 ("A secret is bound to where it was issued") wrote the same sealed session file without
// `origin`, a client secret as the bare item value, and a device without `origin`: their writes are reproduced here by
// the vault's own writers given no origin, on the real gnome-keyring. The emulator and cognito-local (npm, code we did
// not write) issue the secrets; the recording server is the attacker's, where a hand edit of profiles.json points.
describe.skipIf(!HAS_KEYRING)(
  'secrets stored before origin binding are sent only where they can be vouched for (real keyring, emulator, cognito-local, recording server, built ctm)',
  () => {
    let app: AppFixture;
    let fake: RecordingServer;
    let local: CognitoLocal;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    const handEdit = (from: string, to: string) => handEditProfiles(app.configDir, from, to);
    /** Rewrites a profile's session as a release before origin binding stored it. */
    const asOlderRelease = async (id: ProfileId): Promise<string> => {
      const { origin: _origin, ...session } = (await app.vault.session(id))!;
      await app.vault.saveSession(id, session);
      expect((await app.vault.session(id))?.origin).toBeUndefined();
      return session.refreshToken ?? '';
    };
    const addProfile = async (name: string, endpoint: string, pool = POOL, client = 'browserclient1') => {
      await ctm(['profile', 'remove', name]);
      const added = await ctm([
        ...['profile', 'add', name, '--user-pool-id', pool, '--client-id', client, '--username', 'alice'],
        ...['--auth-flow', 'USER_PASSWORD_AUTH', '--endpoint', endpoint],
      ]);
      expect(added.code).toBe(0);
      expect((await ctm(['login', name, '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);
      return idOf(app.core, name);
    };

    beforeAll(async () => {
      const seed = oauthSeed();
      seed.pools.push({
        id: DEVICE_POOL,
        deviceTracking: 'always',
        clients: [{ id: 'deviceclient1' }],
        users: [{ username: 'alice', password: PASSWORD }],
      });
      [app, fake, local] = await Promise.all([startAppFixture(seed), startRecordingServer(), startCognitoLocal()]);
      await addLocalUser(local, 'alice', PASSWORD);
      // Whatever it is asked, the fake answers like a Cognito that accepts: a secret would be used if it were sent.
      fake.answer(() => ({
        json: { AuthenticationResult: { AccessToken: 'x', ExpiresIn: 3600 }, access_token: 'x', expires_in: 3600 },
      }));
    }, 30_000);
    beforeEach(() => void fake.requests.splice(0));
    afterAll(async () => {
      await fake?.close();
      await local?.stop();
      await app?.close();
    });

    it.each([
      [
        'the emulator (tokens name AWS)',
        () => ({ endpoint: app.emulator.endpoint, pool: POOL, client: 'browserclient1', renew: RENEW_EMULATOR }),
      ],
      [
        'cognito-local (tokens name it)',
        () => ({ endpoint: local.endpoint, pool: LOCAL_POOL, client: LOCAL_CLIENT, renew: RENEW_LOCAL }),
      ],
    ])(
      'a session from %s, its endpoint then edited to the attacker: nothing is sent there, ctm says why and what to do, the session is kept',
      async (_from, server) => {
        const { endpoint, pool, client, renew } = server();
        const id = await addProfile('dev', endpoint, pool, client);
        const refreshToken = await asOlderRelease(id);
        handEdit(endpoint, fake.url);
        const renewed = await ctm(['token', 'dev', '--min-ttl', renew]);
        expect(renewed.code).toBe(3);
        expect(renewed.stdout).toBe('');
        expect(renewed.stderr).toContain('its session is kept but not used: it was stored by an older release');
        expect(renewed.stderr).toContain(`nothing shows that ${fake.url.replace(/\/$/, '')}, pool ${pool}`);
        expect(renewed.stderr).toContain('if that is the server you expect, sign in again. Run: ctm login dev');
        const logout = await ctm(['logout', 'dev', '--global']);
        expect(logout.stderr).toContain('the refresh token was not revoked, because it was stored by an older release');
        expect(fake.requests).toEqual([]);
        expect(fake.sawSecret(refreshToken)).toBe(false);
      },
    );

    it('a bound session whose sealed file is replaced (the rebuild then recovers its refresh token without an origin), endpoint edited: nothing is sent', async () => {
      const id = await addProfile('sealed', app.emulator.endpoint);
      const refreshToken = (await app.vault.session(id))?.refreshToken ?? '';
      // A program that can write the config folder but not read the keychain (macOS's keychain trusts the signed app).
      writeFileSync(join(app.configDir, SESSIONS_FOLDER, sessionFileName(id)), 'not a sealed file');
      handEdit(app.emulator.endpoint, fake.url);
      const renewed = await ctm(['token', 'sealed', '--min-ttl', RENEW_EMULATOR]);
      expect(renewed.code).toBe(3);
      expect(renewed.stderr).toContain('(only its refresh token was kept)');
      expect(fake.requests).toEqual([]);
      expect(fake.sawSecret(refreshToken)).toBe(false);
    });

    it('a session kept unused loses nothing: the profile put back, it works again (and is bound)', async () => {
      const id = await addProfile('back', local.endpoint, LOCAL_POOL, LOCAL_CLIENT);
      const refreshToken = await asOlderRelease(id);
      handEdit(local.endpoint, fake.url);
      expect((await ctm(['token', 'back', '--min-ttl', RENEW_LOCAL])).code).toBe(3);
      expect((await app.vault.session(id))?.refreshToken === refreshToken).toBe(true);
      handEdit(fake.url, local.endpoint);
      expect((await ctm(['token', 'back', '--min-ttl', RENEW_LOCAL])).code).toBe(0);
      expect((await app.vault.session(id))?.origin).toBe(secretOrigin(await app.core.profile(id)));
      expect(fake.requests).toEqual([]);
    });

    it('a session from cognito-local, profile untouched: keeps working, and is bound on first use (stored origin present)', async () => {
      const id = await addProfile('local', local.endpoint, LOCAL_POOL, LOCAL_CLIENT);
      const { accessToken } = (await app.vault.session(id))!;
      await asOlderRelease(id);
      // First use, nothing to renew: ctm's cached path hands it to the full path, which prints the stored token with
      // no network call and saves the origin with the session.
      const first = await ctm(['token', 'local']);
      expect(first.code).toBe(0);
      expect(first.stdout.trim() === accessToken).toBe(true);
      expect((await app.vault.session(id))?.origin).toBe(secretOrigin(await app.core.profile(id)));
      const renewed = await ctm(['token', 'local', '--min-ttl', RENEW_LOCAL]);
      expect(renewed.code).toBe(0);
      expect(renewed.stdout.trim() === accessToken).toBe(false);
    });

    it('a session from the emulator at a custom endpoint, untouched: its tokens name AWS, not that endpoint, so it is not sent; a sign-in binds the new one', async () => {
      const id = await addProfile('emu', app.emulator.endpoint);
      const refreshToken = await asOlderRelease(id);
      const from = app.emulator.requests.length;
      // Not even its still-valid access token, from ctm's cached path or from the token agent's memory.
      expect((await ctm(['token', 'emu'])).code).toBe(3);
      expect((await ctm(['agent', 'start'])).code).toBe(0);
      try {
        const viaAgent = await ctm(['token', 'emu']);
        expect(viaAgent.code).toBe(3);
        expect(viaAgent.stderr).toContain('its session is kept but not used');
      } finally {
        await ctm(['agent', 'stop']);
      }
      const renewed = await ctm(['token', 'emu', '--min-ttl', RENEW_EMULATOR]);
      expect(renewed.code).toBe(3);
      expect(renewed.stderr).toContain(
        `its tokens were issued by https://cognito-idp.us-east-1.amazonaws.com/${POOL}, not ${app.emulator.endpoint}${POOL}`,
      );
      expect(app.emulator.requests.slice(from).some((r) => JSON.stringify(r.body).includes(refreshToken))).toBe(false);
      expect((await ctm(['login', 'emu', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);
      expect((await app.vault.session(id))?.origin).toBe(secretOrigin(await app.core.profile(id)));
      expect((await ctm(['token', 'emu', '--min-ttl', RENEW_EMULATOR])).code).toBe(0);
    });

    it.each([
      ['edited to the attacker', true],
      ['untouched (a custom domain: nothing can vouch for it)', false],
    ])(
      'a client secret stored before origin binding, profile %s: not sent, kept, asked again (typed again, it is bound)',
      async (_case, attacked) => {
        await ctm(['profile', 'remove', 'machine']);
        const added = await ctm(machineProfileArgs('machine', app.emulator.endpoint), SECRET);
        expect(added.code).toBe(0);
        expect((await ctm(['token', 'machine'])).code).toBe(0);
        const id = await idOf(app.core, 'machine');
        await asOlderRelease(id);
        await app.vault.clientSecrets.save(id, SECRET); // the bare item an older release wrote
        if (attacked) handEdit(app.emulator.endpoint, fake.url);
        const from = app.emulator.requests.length;
        const token = await ctm(['token', 'machine', '--min-ttl', '599.999']);
        expect(token.code).not.toBe(0);
        expect(token.stderr).toContain('needs its client secret again: it was stored by an older release');
        expect(token.stderr).toContain('Set it again: ctm profile edit machine --client-secret-stdin');
        expect(fake.sawSecret(SECRET)).toBe(false);
        expect(app.emulator.requests.length).toBe(from);
        expect(await app.vault.clientSecrets.bound(id)).toEqual({ secret: SECRET }); // kept as it was
        if (attacked) return;
        expect((await ctm(['profile', 'edit', 'machine', '--client-secret-stdin'], SECRET)).code).toBe(0);
        expect((await ctm(['token', 'machine', '--min-ttl', '599.999'])).code).toBe(0);
        expect((await app.vault.clientSecrets.bound(id))?.origin).toBe(secretOrigin(await app.core.profile(id)));
      },
    );

    it.each([
      ['its endpoint edited to the attacker: the device key is not sent there', true],
      ['untouched, its session vouching for the endpoint: offered, and bound', false],
    ])('a device remembered before origin binding, profile %s', async (_case, attacked) => {
      await ctm(['profile', 'remove', 'devices']);
      const added = await ctm([
        ...['profile', 'add', 'devices', '--user-pool-id', DEVICE_POOL, '--client-id', 'deviceclient1'],
        ...['--username', 'alice', '--auth-flow', 'USER_PASSWORD_AUTH', '--endpoint', app.emulator.endpoint],
      ]);
      expect(added.code).toBe(0);
      expect((await ctm(['login', 'devices', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);
      const { origin: _origin, ...device } = (await app.vault.devices.get(DEVICE_POOL, 'alice'))!;
      await app.vault.devices.save(DEVICE_POOL, 'alice', device); // as an older release stored it
      if (attacked) handEdit(app.emulator.endpoint, fake.url);
      const from = app.emulator.requests.length;
      await ctm(['login', 'devices', '--password-stdin'], `${PASSWORD}\n`);
      expect(fake.sawSecret(device.deviceKey)).toBe(false);
      if (attacked) return;
      const initiate = app.emulator.requests.slice(from).find((r) => r.operation === 'InitiateAuth');
      expect(JSON.stringify(initiate?.body)).toContain(device.deviceKey);
      expect((await app.vault.devices.get(DEVICE_POOL, 'alice'))?.origin).toBe(app.emulator.endpoint);
    });
  },
);
