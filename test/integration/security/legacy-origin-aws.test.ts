import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { IDENTITY_POOL, awsSkeletonSeed } from '../../support/aws-seed.ts';
import { addSignedInAlice } from '../../support/ctm-signed-in.ts';
import { idOf } from '../../support/profile-ids.ts';
import { handEditProfiles } from '../../support/profiles-hand-edit.ts';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

// A session as releases before d66ce01 stored it (no `origin`: the vault's writer given none), on the real keyring; the
// identity-pool calls go to the profile's endpoint (main/core/aws/identity-pool.ts), which a hand edit points at the
// recording server, the attacker's. Its still-valid ID token must not go there either: it buys AWS credentials.
describe.skipIf(!HAS_KEYRING)(
  'a session stored before origin binding, endpoint edited: ctm aws-credentials sends its ID token nowhere (real keyring, emulator, recording server, built ctm)',
  () => {
    let app: AppFixture;
    let fake: RecordingServer;

    beforeAll(async () => {
      [app, fake] = await Promise.all([startAppFixture(awsSkeletonSeed()), startRecordingServer()]);
      fake.answer(() => ({ json: { IdentityId: 'us-east-1:attacker', Credentials: {} } }));
    });
    afterAll(async () => {
      await fake?.close();
      await app?.close();
    });

    it('refuses with the sign-in advice, and the attacker sees no request', async () => {
      await addSignedInAlice('dev', app.emulator.endpoint, app.env);
      expect((await runCtm(['profile', 'edit', 'dev', '--identity-pool-id', IDENTITY_POOL], app.env)).code).toBe(0);
      const id = await idOf(app.core, 'dev');
      const { origin: _origin, ...session } = (await app.vault.session(id))!;
      await app.vault.saveSession(id, session);
      handEditProfiles(app.configDir, app.emulator.endpoint, fake.url);
      const run = await runCtm(['aws-credentials', 'dev'], { ...app.env, CTM_NO_AGENT: '1' });
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('its session is kept but not used: it was stored by an older release');
      expect(fake.requests).toEqual([]);
      expect(fake.sawSecret(session.idToken ?? 'no ID token')).toBe(false);
    });
  },
);
