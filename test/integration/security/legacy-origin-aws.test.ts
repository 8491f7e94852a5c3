import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { sessionOrigin } from '../../../main/core/profiles/secret-origin.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { IDENTITY_POOL, awsSkeletonSeed } from '../../support/aws-seed.ts';
import { addSignedInAlice } from '../../support/ctm-signed-in.ts';
import { idOf } from '../../support/profile-ids.ts';
import { handEditProfiles } from '../../support/profiles-hand-edit.ts';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

// The ID token buys AWS credentials at the identity pool: it goes to the profile's cognito-identity endpoint (its own
// `identityEndpoint`, else its Cognito endpoint: main/core/aws/identity-pool.ts). The recording server is the
// attacker's, where an edit points one of them; the emulator issued the session, on the real keyring, through ctm.
describe.skipIf(!HAS_KEYRING)(
  'ctm aws-credentials sends the ID token only where the session is bound (real keyring, emulator, recording server, built ctm)',
  () => {
    let app: AppFixture;
    let fake: RecordingServer;
    const ctm = (args: string[]) => runCtm(args, { ...app.env, CTM_NO_AGENT: '1' });
    /** A signed-in profile with the identity pool, and its session's ID token. */
    const signedIn = async (name: string): Promise<{ id: ProfileId; idToken: string }> => {
      await ctm(['profile', 'remove', name]);
      await addSignedInAlice(name, app.emulator.endpoint, app.env);
      expect((await ctm(['profile', 'edit', name, '--identity-pool-id', IDENTITY_POOL])).code).toBe(0);
      const id = await idOf(app.core, name);
      return { id, idToken: (await app.vault.session(id))?.idToken ?? 'no ID token' };
    };
    /** A hand edit of one profile's fields in profiles.json (no check, no lock). */
    const handSet = (name: string, fields: Record<string, unknown>): void => {
      const path = join(app.configDir, 'profiles.json');
      const file = JSON.parse(readFileSync(path, 'utf8')) as { profiles: Record<string, unknown>[] };
      for (const profile of file.profiles) if (profile.name === name) Object.assign(profile, fields);
      writeFileSync(path, JSON.stringify(file, null, 2));
    };

    beforeAll(async () => {
      [app, fake] = await Promise.all([startAppFixture(awsSkeletonSeed()), startRecordingServer()]);
      fake.answer(() => ({ json: { IdentityId: 'us-east-1:attacker', Credentials: {} } }));
    });
    beforeEach(() => void fake.requests.splice(0));
    afterAll(async () => {
      await fake?.close();
      await app?.close();
    });

    it('a session stored before origin binding, endpoint edited by hand: refused with the sign-in advice, nothing sent', async () => {
      const { id, idToken } = await signedIn('dev');
      const { origin: _origin, ...session } = (await app.vault.session(id))!;
      await app.vault.saveSession(id, session); // as a release before d66ce01 stored it
      handEditProfiles(app.configDir, app.emulator.endpoint, fake.url);
      const run = await ctm(['aws-credentials', 'dev']);
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('its session is kept but not used: it was stored by an older release');
      expect(fake.requests).toEqual([]);
      expect(fake.sawSecret(idToken)).toBe(false);
    });

    it('a bound session, an identity endpoint of the attacker added by hand: refused (it was bound without one), nothing sent', async () => {
      const { idToken } = await signedIn('idp');
      handSet('idp', { identityEndpoint: fake.url });
      const run = await ctm(['aws-credentials', 'idp']);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(
        `no token can show that the identity endpoint ${new URL(fake.url).host} is AWS's cognito-identity`,
      );
      expect(fake.requests).toEqual([]);
      expect(fake.sawSecret(idToken)).toBe(false);
    });

    it('ctm profile edit --identity-endpoint forgets the session (its ID token goes nowhere new); a sign-in binds the new one', async () => {
      const { id, idToken } = await signedIn('edited');
      expect((await ctm(['profile', 'edit', 'edited', '--identity-endpoint', fake.url])).code).toBe(0);
      const run = await ctm(['aws-credentials', 'edited']);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('needs a sign-in');
      expect(fake.sawSecret(idToken)).toBe(false);
      expect(await app.vault.session(id)).toBeUndefined();
      expect((await runCtm(['login', 'edited', '--password-stdin'], app.env, `${ALICE_PASSWORD}\n`)).code).toBe(0);
      expect((await app.vault.session(id))?.origin).toBe(sessionOrigin(await app.core.profile(id)));
      expect((await app.vault.session(id))?.origin).toContain(`identity:${fake.url}`);
    });
  },
);
