// ctm exec --aws-server: the AWS SDK for JavaScript v3 and Debian's AWS CLI read the profile's identity-pool credentials
// from the loopback container endpoint; another local account without the token gets nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { awsConfigEnv, HAS_AWS_CLI } from '../../support/aws-cli.ts';
import { IDENTITY_POOL, ROLE_SESSION_ARN, awsSkeletonSeed } from '../../support/aws-seed.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_SECOND_ACCOUNT, neighbourAccount } from '../../support/second-account.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

// Run inside `ctm exec --aws-server`: the SDK's default chain finds AWS_CONTAINER_CREDENTIALS_FULL_URI.
const SDK_SCRIPT = `
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({ endpoint: process.argv[1] });
const who = await sts.send(new GetCallerIdentityCommand({}));
process.stdout.write(JSON.stringify({ arn: who.Arn, region: await sts.config.region(), keyInEnv: process.env.AWS_ACCESS_KEY_ID ?? null }));
`;

// Run inside it too: what an attacker on this machine can try against the endpoint.
const PROBE_SCRIPT = `
import { request } from 'node:http';
const uri = new URL(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
const get = (headers) => new Promise((resolve) => request(uri, { headers }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', () => resolve('error')).end());
const token = process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
process.stdout.write(JSON.stringify({
  none: await get({}), wrong: await get({ authorization: 'x'.repeat(token.length) }), rebound: await get({ authorization: token, host: 'evil.example:' + uri.port }),
  right: await get({ authorization: token }), host: uri.hostname,
}));
`;

describe.skipIf(!HAS_KEYRING)('ctm exec --aws-server against the emulator and the real keyring', () => {
  let app: AppFixture;
  const ctm = (args: string[], stdin = '', env: Record<string, string> = {}) =>
    runCtm(args, { ...app.env, ...env }, stdin);
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
      '--identity-pool-id',
      IDENTITY_POOL,
    ];
    await ctm(['profile', 'add', 'dev', ...profile]);
    await ctm(['login', 'dev', '--password-stdin'], ALICE_PASSWORD);
  });
  afterAll(async () => app?.close());

  it("the JS SDK v3 default chain reads the container endpoint (no key in the environment) and gets the identity's role", async () => {
    const run = await ctm(
      [
        'exec',
        'dev',
        '--aws-server',
        '--',
        process.execPath,
        '--input-type=module',
        '-e',
        SDK_SCRIPT,
        app.emulator.endpoint,
      ],
      '',
      { AWS_ACCESS_KEY_ID: 'AKIASTALEKEY00000000', AWS_SECRET_ACCESS_KEY: 'stale' },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ arn: ROLE_SESSION_ARN, region: 'us-east-1', keyInEnv: null });
  });

  it.runIf(HAS_AWS_CLI)('the AWS CLI reads the container endpoint too', async () => {
    const run = await ctm(
      [
        'exec',
        'dev',
        '--aws-server',
        '--',
        'aws',
        '--endpoint-url',
        app.emulator.endpoint,
        'sts',
        'get-caller-identity',
        '--output',
        'json',
      ],
      '',
      awsConfigEnv('[default]\n'),
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ Arn: ROLE_SESSION_ARN });
  });

  it('refuses a request without the token, with a wrong one or a rebound Host, on 127.0.0.1 only', async () => {
    const run = await ctm([
      'exec',
      'dev',
      '--aws-server',
      '--',
      process.execPath,
      '--input-type=module',
      '-e',
      PROBE_SCRIPT,
    ]);
    expect(JSON.parse(run.stdout)).toEqual({ none: 403, wrong: 403, rebound: 403, right: 200, host: '127.0.0.1' });
  });

  it.runIf(HAS_SECOND_ACCOUNT)(
    "another local account reaches the port but neither the credentials nor the token in the command's environment",
    async () => {
      const neighbour = neighbourAccount();
      const probe = `
      const uri = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
      const as = (code) => require('node:child_process').spawnSync('setpriv', ['--reuid=${neighbour.uid}', '--regid=${neighbour.gid}', '--clear-groups', '--', process.execPath, '-e', code], { encoding: 'utf8', env: { PATH: process.env.PATH } });
      const status = as('fetch(' + JSON.stringify(uri) + ').then((r) => process.stdout.write(String(r.status)), () => process.stdout.write("error"))').stdout;
      const environ = as('try { require("node:fs").readFileSync("/proc/${'${process.pid}'}/environ"); process.stdout.write("read") } catch (e) { process.stdout.write(e.code) }').stdout;
      process.stdout.write(JSON.stringify({ status, environ }));
    `;
      const run = await ctm([
        'exec',
        'dev',
        '--aws-server',
        '--',
        process.execPath,
        '-e',
        probe.replace('${process.pid}', "' + process.pid + '"),
      ]);
      expect(JSON.parse(run.stdout)).toEqual({ status: '403', environ: 'EACCES' });
    },
  );
});
