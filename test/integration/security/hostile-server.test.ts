import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

const HOSTILE = "eyJhbGciOiJSUzI1NiJ9.e30.x'; id > /tmp/pwned; echo '";

// A fake Cognito and a fake OAuth domain (a recording server on 127.0.0.1: the attacker's, modelled on nothing) against
// the built ctm, with the real keyring.
describe.skipIf(!HAS_KEYRING)(
  'hostile servers: tokens refused where they enter (built ctm, real keyring, fake Cognito)',
  () => {
    let app: AppFixture;
    let fake: RecordingServer;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
      fake = await startRecordingServer();
    });
    afterAll(async () => {
      await fake?.close();
      await app?.close();
    });

    it('an access token that is not a JWT from a Cognito endpoint: refused (exit 5), said clearly, nothing stored', async () => {
      fake.answer(() => ({
        json: {
          AuthenticationResult: {
            AccessToken: HOSTILE,
            ExpiresIn: 3600,
            TokenType: 'Bearer',
            RefreshToken: 'hostile-refresh',
          },
        },
      }));
      expect(
        (
          await ctm([
            'profile',
            'add',
            'fakeidp',
            '--user-pool-id',
            TEST_POOL,
            '--client-id',
            PUBLIC_CLIENT,
            '--username',
            'alice',
            '--auth-flow',
            'USER_PASSWORD_AUTH',
            '--endpoint',
            fake.url,
          ])
        ).code,
      ).toBe(0);
      const login = await ctm(['login', 'fakeidp', '--password-stdin'], 'pw\n');
      expect(login.code).toBe(5);
      expect(login.stderr).toContain("Cognito's access token is not a well-formed JWT");
      expect(login.stderr + login.stdout).not.toContain('id >');
      const token = await ctm(['token', 'fakeidp', '--format', 'env']);
      expect(token.stdout).toBe('');
      expect(token.code).toBe(3);
    });

    it('an access token that is not a JWT from an OAuth token endpoint: refused (exit 5), nothing printed or stored', async () => {
      fake.answer((request) =>
        request.url.startsWith('/oauth2/token')
          ? { json: { access_token: HOSTILE, expires_in: 3600, token_type: 'Bearer' } }
          : { status: 404, json: {} },
      );
      expect(
        (
          await ctm(
            [
              'profile',
              'add',
              'machine',
              '--user-pool-id',
              TEST_POOL,
              '--client-id',
              'machineclient1',
              '--auth-flow',
              'CLIENT_CREDENTIALS',
              '--domain',
              fake.url,
              '--endpoint',
              fake.url,
              '--client-secret-stdin',
            ],
            'machine-secret\n',
          )
        ).code,
      ).toBe(0);
      const token = await ctm(['token', 'machine', '--format', 'env']);
      expect(token.code).toBe(5);
      expect(token.stdout).toBe('');
      expect(token.stderr).toContain("Cognito's access token is not a well-formed JWT");
      expect(token.stderr).not.toContain('id >');
    });
  },
);

/** Terminal escape sequences a hostile server puts in its text: retitle the terminal, clear the screen, ring the bell. */
const ESCAPES = '\u001b]0;owned\u0007\u001b[2J\u009b31m';

// The same fake servers, answering errors whose text is meant for the victim's terminal.
describe.skipIf(!HAS_KEYRING)(
  'hostile servers: their text reaches no terminal raw (built ctm, real keyring, fake Cognito)',
  () => {
    let app: AppFixture;
    let fake: RecordingServer;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    // eslint-disable-next-line no-control-regex
    const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
      fake = await startRecordingServer();
    });
    afterAll(async () => {
      await fake?.close();
      await app?.close();
    });

    it('a Cognito error message and type with escape sequences: shown stripped, in the error and in --debug', async () => {
      fake.answer(() => ({
        status: 400,
        json: { __type: `NotAuthorizedException${ESCAPES}`, message: `Incorrect ${ESCAPES}password.` },
      }));
      await ctm([
        'profile',
        'add',
        'noisy',
        '--user-pool-id',
        TEST_POOL,
        '--client-id',
        PUBLIC_CLIENT,
        '--username',
        'alice',
        '--auth-flow',
        'USER_PASSWORD_AUTH',
        '--endpoint',
        fake.url,
      ]);
      const login = await ctm(['login', 'noisy', '--password-stdin', '--debug'], 'pw\n');
      expect(login.code).not.toBe(0);
      expect(login.stderr).toContain('Incorrect ]0;owned[2J31mpassword');
      expect(login.stderr).not.toMatch(CONTROL);
      expect(login.stdout).not.toMatch(CONTROL);
    });

    it("a Lambda trigger's error that repeats the password: neither the error line nor --debug shows it", async () => {
      const password = 'pass word with spaces 7';
      fake.answer((request) => ({
        status: 400,
        json: {
          __type: 'UserLambdaValidationException',
          message: `PreAuthentication failed with error ${String((JSON.parse(request.body) as { AuthParameters?: { PASSWORD?: string } }).AuthParameters?.PASSWORD)} is on the banned list.`,
        },
      }));
      await ctm([
        'profile',
        'add',
        'echo',
        '--user-pool-id',
        TEST_POOL,
        '--client-id',
        PUBLIC_CLIENT,
        '--username',
        'alice',
        '--auth-flow',
        'USER_PASSWORD_AUTH',
        '--endpoint',
        fake.url,
      ]);
      const login = await ctm(['login', 'echo', '--password-stdin', '--debug'], `${password}\n`);
      expect(login.code).not.toBe(0);
      expect(login.stderr).toContain('PreAuthentication failed with error [redacted] is on the banned list');
      expect(login.stderr).not.toContain('word with');
    });

    it('an OAuth error with escape sequences from a token endpoint: shown stripped', async () => {
      fake.answer(() => ({
        status: 400,
        json: { error: `invalid_thing${ESCAPES}`, error_description: `${ESCAPES}go away` },
      }));
      await ctm(
        [
          'profile',
          'add',
          'noisy-machine',
          '--user-pool-id',
          TEST_POOL,
          '--client-id',
          'machineclient1',
          '--auth-flow',
          'CLIENT_CREDENTIALS',
          '--domain',
          fake.url,
          '--endpoint',
          fake.url,
          '--client-secret-stdin',
        ],
        'machine-secret\n',
      );
      const token = await ctm(['token', 'noisy-machine', '--debug']);
      expect(token.code).not.toBe(0);
      expect(token.stderr).toContain('Cognito answered the OAuth error "invalid_thing]0;owned[2J31m"');
      expect(token.stderr).not.toMatch(CONTROL);
    });
  },
);
