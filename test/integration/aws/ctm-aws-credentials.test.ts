// ctm's identity-pool credentials end to end: the real keyring, the emulator over HTTP, the built ctm, and clients nobody
// here wrote reading them (Debian's AWS CLI through credential_process, the AWS SDK for JavaScript v3 through fromProcess).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromProcess } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { awsConfigEnv, HAS_AWS_CLI, runAws } from '../../support/aws-cli.ts';
import { IDENTITY_POOL, ROLE_SESSION_ARN, awsSkeletonSeed } from '../../support/aws-seed.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

interface ProcessJson {
  Version: number;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

describe.skipIf(!HAS_KEYRING)(
  'ctm aws-credentials and the AWS CLI / SDK, against the emulator and the real keyring',
  () => {
    let app: AppFixture;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    /** What a credential_process line in ~/.aws/config says to run ctm against this stack. */
    let processLine: string;
    beforeAll(async () => {
      app = await startAppFixture(awsSkeletonSeed());
      const profile = [
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
      ];
      expect((await ctm(['profile', 'add', 'dev', ...profile, '--identity-pool-id', IDENTITY_POOL])).code).toBe(0);
      expect((await ctm(['profile', 'add', 'plain', ...profile])).code).toBe(0);
      await ctm(['login', 'dev', '--password-stdin'], ALICE_PASSWORD);
      await ctm(['login', 'plain', '--password-stdin'], ALICE_PASSWORD);
      const env = Object.entries(app.env)
        .map(([name, value]) => `${name}=${value}`)
        .join(' ');
      processLine = `env ${env} ${process.execPath} ${CTM} aws-credentials dev`;
    });
    afterAll(async () => app?.close());

    it('prints credential_process JSON (Version 1, ISO 8601 Expiration) and answers again from the sealed cache without a network call', async () => {
      const first = await ctm(['aws-credentials', 'dev']);
      expect(first.code).toBe(0);
      const json = JSON.parse(first.stdout) as ProcessJson;
      expect(json).toMatchObject({
        Version: 1,
        AccessKeyId: expect.stringMatching(/^ASIA/),
        SecretAccessKey: expect.any(String),
        SessionToken: expect.any(String),
      });
      expect(new Date(json.Expiration).toISOString()).toBe(json.Expiration);
      const operations = app.emulator.requests.map((r) => r.operation);
      expect(operations.filter((op) => op === 'GetId')).toHaveLength(1);
      const before = app.emulator.requests.length;
      expect((await ctm(['aws-credentials', 'dev'])).stdout).toBe(first.stdout);
      expect(app.emulator.requests.length).toBe(before);
      // Sealed: the file beside the session holds no credential in the clear.
      const files = readdirSync(join(app.configDir, 'sessions')).filter((name) => name.endsWith('.aws'));
      expect(files).toHaveLength(1);
    });

    it("a NAME that is one profile's name and another's id means the profile of that name, on the cached path too", async () => {
      const { profiles } = JSON.parse(readFileSync(join(app.configDir, 'profiles.json'), 'utf8')) as {
        profiles: { id: string; name: string }[];
      };
      const devId = profiles.find((p) => p.name === 'dev')?.id ?? '';
      // A name may look like an id (letters, digits and "-"); the one rule (profile-ref.ts) takes the name first.
      expect(
        (await ctm(['profile', 'add', devId, '--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT])).code,
      ).toBe(0);
      try {
        // Any full read validates profiles.json as it now is, which the cached path then trusts.
        expect((await ctm(['profile', 'list'])).code).toBe(0);
        const run = await runCtm(['aws-credentials', devId], { ...app.env, CTM_NO_AGENT: '1' });
        expect(run).toMatchObject({ code: 2, stdout: '' });
        expect(run.stderr).toContain(`ctm profile edit ${devId} --identity-pool-id`);
      } finally {
        await ctm(['profile', 'remove', devId, '--no-revoke']);
      }
    });

    it.runIf(HAS_AWS_CLI)(
      "the AWS CLI with credential_process = ctm aws-credentials runs sts get-caller-identity as the identity's role",
      async () => {
        const env = awsConfigEnv(`[profile dev]\nregion = us-east-1\ncredential_process = ${processLine}\n`);
        const run = await runAws(
          [
            '--profile',
            'dev',
            '--endpoint-url',
            app.emulator.endpoint,
            'sts',
            'get-caller-identity',
            '--output',
            'json',
          ],
          env,
        );
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout)).toMatchObject({ Arn: ROLE_SESSION_ARN, Account: '123456789012' });
      },
    );

    it('the AWS SDK for JavaScript v3 reads them through fromProcess', async () => {
      const env = awsConfigEnv(`[profile dev]\nregion = us-east-1\ncredential_process = ${processLine}\n`);
      const credentials = fromProcess({
        profile: 'dev',
        filepath: env.AWS_SHARED_CREDENTIALS_FILE,
        configFilepath: env.AWS_CONFIG_FILE,
      });
      const sts = new STSClient({ region: 'us-east-1', endpoint: app.emulator.endpoint, credentials });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(ROLE_SESSION_ARN);
      expect((await credentials()).expiration).toBeInstanceOf(Date);
    });

    it("ctm exec --aws puts the credentials and region in the command's environment, clearing other AWS credentials", async () => {
      const cached = JSON.parse((await ctm(['aws-credentials', 'dev'])).stdout) as ProcessJson;
      const script =
        'printf "%s|%s|%s|%s|%s|%s" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_CREDENTIAL_EXPIRATION" "$AWS_REGION" "${AWS_PROFILE-unset}"';
      const run = await runCtm(['exec', 'dev', '--aws', '--', 'sh', '-c', script], {
        ...app.env,
        AWS_PROFILE: 'someone-else',
      });
      expect(run.stdout.split('|')).toEqual([
        cached.AccessKeyId,
        cached.SecretAccessKey,
        cached.SessionToken,
        cached.Expiration,
        'us-east-1',
        'unset',
      ]);
    });

    it.runIf(HAS_AWS_CLI)("ctm exec --aws runs the AWS CLI as the identity's role", async () => {
      const env = { ...awsConfigEnv('[default]\nregion = us-east-1\n'), ...app.env };
      const run = await runCtm(
        [
          'exec',
          'dev',
          '--aws',
          '--',
          'aws',
          '--endpoint-url',
          app.emulator.endpoint,
          'sts',
          'get-caller-identity',
          '--output',
          'json',
        ],
        env,
      );
      expect(JSON.parse(run.stdout)).toMatchObject({ Arn: ROLE_SESSION_ARN });
    });

    it('renews when they would not last long enough, keeping the remembered identity id (no second GetId)', async () => {
      const old = JSON.parse((await ctm(['aws-credentials', 'dev'])).stdout) as ProcessJson;
      const since = app.emulator.requests.length;
      // Credentials live an hour: asking for more makes them too short, as they are 5 minutes before expiry.
      const json = JSON.parse((await ctm(['aws-credentials', 'dev', '--min-ttl', '3700'])).stdout) as ProcessJson;
      expect(json.AccessKeyId).not.toBe(old.AccessKeyId);
      const operations = app.emulator.requests.slice(since).map((r) => r.operation);
      expect(operations).toContain('GetCredentialsForIdentity');
      expect(operations).not.toContain('GetId');
    });

    it('refuses a profile without an identity pool (exit 2, saying how to add one) and a malformed identity pool id', async () => {
      const plain = await ctm(['aws-credentials', 'plain']);
      expect(plain.code).toBe(2);
      expect(plain.stderr).toContain('ctm profile edit plain --identity-pool-id');
      const bad = await ctm(['profile', 'edit', 'plain', '--identity-pool-id', 'not an id']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('identity pool id: expected <region>:<guid>');
      expect((await ctm(['aws-credentials', 'plain'])).code).toBe(2);
      // The ID token would travel in the clear: plain http is for loopback only.
      const clear = await ctm([
        'profile',
        'edit',
        'plain',
        '--identity-pool-id',
        IDENTITY_POOL,
        '--identity-endpoint',
        'http://identity.example.com/',
      ]);
      expect(clear.code).toBe(2);
      expect(clear.stderr).toContain('identity endpoint:');
    });

    it("with a token agent running, answers from its memory with the keychain out of reach; another profile's name gets nothing", async () => {
      expect((await ctm(['agent', 'start'])).code).toBe(0);
      try {
        const fromFile = (await runCtm(['aws-credentials', 'dev'], { ...app.env, CTM_NO_AGENT: '1' })).stdout;
        const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', CTM_KEYCHAIN_TIMEOUT_MS: '2000' };
        const fromAgent = await runCtm(['aws-credentials', 'dev'], { ...app.env, ...noKeychain });
        expect(fromAgent.code).toBe(0);
        expect(fromAgent.stdout).toBe(fromFile);
        const plain = await runCtm(['aws-credentials', 'plain'], { ...app.env, ...noKeychain });
        expect(plain.stdout).toBe('');
      } finally {
        await ctm(['agent', 'stop']);
      }
    });

    it('forgets the credentials at sign-out: the next request needs a sign-in (exit 3)', async () => {
      expect((await ctm(['logout', 'dev'])).code).toBe(0);
      expect(readdirSync(join(app.configDir, 'sessions')).some((name) => name.endsWith('.aws'))).toBe(false);
      const after = await ctm(['aws-credentials', 'dev']);
      expect(after.code).toBe(3);
      expect(after.stdout).toBe('');
      expect(existsSync(join(app.configDir, 'profiles.json'))).toBe(true);
    });
  },
);
