import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
// The window's two AWS methods (main/ipc): "copy as AWS exports" and the inspector's identity id, on the real stack.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/ipc/handlers.ts';
import { ARGUMENT_SCHEMAS } from '../../../main/ipc/argument-schemas.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { IDENTITY_POOL, awsSkeletonSeed } from '../../support/aws-seed.ts';
import { RecordingClipboard } from '../../support/recording-clipboard.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING, hasCommand } from '../../support/system-components.ts';

describe.skipIf(!HAS_KEYRING)("copyAwsExports and awsIdentity (the window's AWS methods)", () => {
  let app: AppFixture;
  let profileId: ProfileId;
  beforeAll(async () => {
    app = await startAppFixture(awsSkeletonSeed());
    const profile = await app.core.addProfile({
      name: 'dev',
      region: 'us-east-1',
      userPoolId: TEST_POOL,
      clientId: PUBLIC_CLIENT,
      username: 'alice',
      authFlow: 'USER_PASSWORD_AUTH',
      endpoint: app.emulator.endpoint,
      identityPoolId: IDENTITY_POOL,
    });
    profileId = profile.id;
    const step = await app.core.signIn(profile.id, { password: ALICE_PASSWORD });
    expect(step.kind).toBe('signed-in');
  });
  afterAll(async () => app?.close());

  it('copies exports that bash and fish really load, and the inspector then shows the identity id (never a key)', async () => {
    const clipboard = new RecordingClipboard();
    const api = createApi(app.core, clipboard);
    expect(await api.awsIdentity(profileId)).toBeNull();
    await api.copyAwsExports(profileId, 'env');
    const posix = clipboard.copies.at(-1) ?? '';
    const loaded = spawnSync('sh', ['-c', `${posix}\nprintf '%s|%s' "$AWS_ACCESS_KEY_ID" "$AWS_REGION"`], {
      encoding: 'utf8',
    }).stdout;
    const credentials = await app.core.awsCredentials(profileId);
    expect(loaded).toBe(`${credentials.accessKeyId}|us-east-1`);
    await api.copyAwsExports(profileId, 'fish');
    if (hasCommand('fish'))
      expect(
        spawnSync('fish', ['--no-config', '-c', `${clipboard.copies.at(-1) ?? ''}\nprintf %s $AWS_SESSION_TOKEN`], {
          encoding: 'utf8',
        }).stdout,
      ).toBe(credentials.sessionToken);
    const identity = await api.awsIdentity(profileId);
    expect(identity).toEqual({
      identityId: credentials.identityId,
      region: 'us-east-1',
      expiresAt: new Date(credentials.expiresAt).toISOString(),
    });
    expect(JSON.stringify(identity)).not.toContain(credentials.secretAccessKey);
  });

  it('refuses a shell it does not know at the IPC edge', () => {
    expect(ARGUMENT_SCHEMAS.copyAwsExports.safeParse(['p', 'env']).success).toBe(true);
    expect(ARGUMENT_SCHEMAS.copyAwsExports.safeParse(['p', 'cmd']).success).toBe(false);
    expect(ARGUMENT_SCHEMAS.awsIdentity.safeParse([7]).success).toBe(false);
  });
});
