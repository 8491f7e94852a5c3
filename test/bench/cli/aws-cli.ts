// The AWS CLI as people script it today: `aws cognito-idp initiate-auth` with a password, pointed at the emulator.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How to get the AWS CLI the comparison uses, printed when it is missing. */
export const AWS_CLI_INSTALL =
  'apt-get install -y awscli (Debian/Ubuntu), or see https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html';

/** The AWS CLI found on this machine: Debian's /usr/bin/aws first (no shim in front of it), else the one on PATH. */
export function findAwsCli(): { path: string; version: string } | undefined {
  const candidates = [
    '/usr/bin/aws',
    ...(process.env.PATH ?? '')
      .split(':')
      .filter(Boolean)
      .map((dir) => join(dir, 'aws')),
  ];
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const probe = spawnSync(path, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0)
      return { path, version: `${probe.stdout}${probe.stderr}`.trim().split(' ')[0] ?? 'aws-cli' };
  }
  return undefined;
}

/** An environment that keeps the AWS CLI off the network except for the endpoint it is given (no metadata service, no pager, no shared config). */
export function awsCliEnv(scratch: string, home: string): Record<string, string> {
  mkdirSync(scratch, { recursive: true });
  const config = join(scratch, 'config');
  const credentials = join(scratch, 'credentials');
  writeFileSync(config, '[default]\nregion = us-east-1\noutput = json\n');
  writeFileSync(credentials, '');
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_CLI_AUTO_PROMPT: 'off',
    AWS_DEFAULT_REGION: 'us-east-1',
  };
}

/** Arguments for a USER_PASSWORD_AUTH sign-in, the shortest route to a token the AWS CLI has. */
export function initiateAuthArgs(endpoint: string, clientId: string, username: string, password: string): string[] {
  return [
    'cognito-idp',
    'initiate-auth',
    '--auth-flow',
    'USER_PASSWORD_AUTH',
    '--client-id',
    clientId,
    '--auth-parameters',
    `USERNAME=${username},PASSWORD=${password}`,
    '--endpoint-url',
    endpoint,
    '--region',
    'us-east-1',
    '--no-sign-request',
    '--query',
    'AuthenticationResult.AccessToken',
    '--output',
    'text',
  ];
}
