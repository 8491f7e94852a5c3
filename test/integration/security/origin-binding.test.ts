import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { idOf } from '../../support/profile-ids.ts';
import { handEditProfiles } from '../../support/profiles-hand-edit.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { machineProfileArgs, oauthSeed, PASSWORD, POOL, SECRET } from '../oauth/oauth-seed.ts';

// The emulator issues the secrets; a recording server (the attacker's, modelled on nothing) is where an edit points
// the profile next. The built ctm and the real keyring, every edit path: ctm profile edit, the window's (Core.updateProfile,
// which its IPC handler calls), and a hand edit of profiles.json.
describe.skipIf(!HAS_KEYRING)(
  'a secret is bound to where it was issued: no edit of a profile sends it elsewhere (recording server)',
  () => {
    let app: AppFixture;
    let fake: RecordingServer;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    const handEdit = (from: string, to: string) => handEditProfiles(app.configDir, from, to);
    const refreshTokenOf = async (name: string): Promise<string> => {
      const { id } = await app.core.resolveProfile(profileRef(name));
      const token = (await app.vault.session(id))?.refreshToken;
      expect(token).toBeTruthy();
      return token ?? '';
    };

    beforeAll(async () => {
      app = await startAppFixture(oauthSeed());
      fake = await startRecordingServer();
      // Whatever it is asked, the fake answers like a Cognito that accepts: the secret would be used if it were sent.
      fake.answer(() => ({
        json: { AuthenticationResult: { AccessToken: 'x', ExpiresIn: 3600 }, access_token: 'x', expires_in: 3600 },
      }));
    });
    beforeEach(() => void fake.requests.splice(0));
    afterAll(async () => {
      await fake?.close();
      await app?.close();
    });

    const signIn = async (name: string): Promise<string> => {
      await ctm(['profile', 'remove', name]);
      expect(
        (
          await ctm([
            'profile',
            'add',
            name,
            '--user-pool-id',
            POOL,
            '--client-id',
            'browserclient1',
            '--username',
            'alice',
            '--auth-flow',
            'USER_PASSWORD_AUTH',
            '--endpoint',
            app.emulator.endpoint,
          ])
        ).code,
      ).toBe(0);
      expect((await ctm(['login', name, '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);
      return refreshTokenOf(name);
    };

    it.each([
      [
        'ctm profile edit --endpoint',
        async () => void expect((await ctm(['profile', 'edit', 'dev', '--endpoint', fake.url])).code).toBe(0),
      ],
      [
        'the window (Core.updateProfile)',
        async () => void (await app.core.updateProfile(await idOf(app.core, 'dev'), { endpoint: fake.url })),
      ],
      ['a hand edit of profiles.json', async () => handEdit(app.emulator.endpoint, fake.url)],
    ])('after %s, the refresh token goes nowhere and ctm says why', async (_path, edit) => {
      const refreshToken = await signIn('dev');
      await edit();
      const renewed = await ctm(['token', 'dev', '--min-ttl', '3599.999']);
      expect(renewed.code).toBe(3);
      expect(renewed.stdout).toBe('');
      expect(fake.sawSecret(refreshToken)).toBe(false);
      // And it stays forgotten: nothing is sent on a second try either.
      expect((await ctm(['token', 'dev', '--min-ttl', '3599.999'])).code).toBe(3);
      expect(fake.sawSecret(refreshToken)).toBe(false);
      if (_path.startsWith('a hand edit'))
        expect(renewed.stderr).toContain("the profile's server changed since it was stored");
    });

    it('ctm logout after a hand edit revokes nothing at the new server, and says so', async () => {
      const refreshToken = await signIn('dev');
      handEdit(app.emulator.endpoint, fake.url);
      const out = await ctm(['logout', 'dev']);
      expect(out.stderr).toContain('the refresh token was not revoked');
      expect(fake.sawSecret(refreshToken)).toBe(false);
    });

    it.each([
      [
        'ctm profile edit --domain',
        async () =>
          void expect(
            (await ctm(['profile', 'edit', 'machine', '--domain', fake.url, '--endpoint', fake.url])).code,
          ).toBe(0),
      ],
      [
        'the window (Core.updateProfile)',
        async () =>
          void (await app.core.updateProfile(await idOf(app.core, 'machine'), {
            domain: fake.url,
            endpoint: fake.url,
          })),
      ],
      ['a hand edit of profiles.json', async () => handEdit(app.emulator.endpoint, fake.url)],
    ])('a client secret after %s: not sent (no Basic credentials, no form field), asked again', async (_path, edit) => {
      await ctm(['profile', 'remove', 'machine']);
      expect((await ctm(machineProfileArgs('machine', app.emulator.endpoint), SECRET)).code).toBe(0);
      expect((await ctm(['token', 'machine'])).code).toBe(0);
      await edit();
      const token = await ctm(['token', 'machine', '--min-ttl', '599.999']);
      expect(token.code).not.toBe(0);
      expect(token.stderr).toContain('needs its client secret again');
      expect(token.stderr).toContain('ctm profile edit machine --client-secret-stdin');
      expect(fake.sawSecret(SECRET)).toBe(false);
      // Typed again for the new server, it is the person's choice and is sent there.
      expect(
        (await ctm(['profile', 'edit', 'machine', '--client-secret-stdin'], 'a-secret-for-the-new-server')).code,
      ).toBe(0);
      await ctm(['token', 'machine']);
      expect(fake.sawSecret('a-secret-for-the-new-server')).toBe(true);
      expect(fake.sawSecret(SECRET)).toBe(false);
    });
  },
);
