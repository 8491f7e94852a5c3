import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

// ctm token --clip on X11 and on Wayland: cli-clip-x11.test.ts and cli-clip-wayland.test.ts (clip-kit.ts).
describe.skipIf(!HAS_KEYRING)('ctm token --clip without a graphical session', () => {
  let app: AppFixture;
  beforeAll(async () => {
    app = await startAppFixture(skeletonSeed());
    await runCtm(
      [
        'profile',
        'add',
        'dev',
        '--user-pool-id',
        TEST_POOL,
        '--client-id',
        PUBLIC_CLIENT,
        '--username',
        'alice',
        '--auth-flow',
        'USER_PASSWORD_AUTH',
        '--endpoint',
        app.emulator.endpoint,
      ],
      app.env,
    );
    await runCtm(['login', 'dev', '--password-stdin'], app.env, ALICE_PASSWORD);
  });
  afterAll(async () => app?.close());

  it('says so with exit code 2, and prints no token', async () => {
    const run = await runCtm(['token', 'dev', '--clip'], app.env);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'ctm: --clip needs a graphical session (neither WAYLAND_DISPLAY nor DISPLAY is set); print the token instead.\n',
    );
  });
});
