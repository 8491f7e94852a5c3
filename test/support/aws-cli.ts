import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_CLI_INSTALL, findAwsCli } from '../bench/cli/aws-cli.ts';
import { systemComponent } from './system-components.ts';

/** Debian's AWS CLI (`apt-get install awscli`), required in CI. */
export const AWS_CLI = findAwsCli();
/** Whether the AWS CLI suites run (missing with REQUIRE_SYSTEM_TESTS=1: they fail loudly). */
export const HAS_AWS_CLI = systemComponent('the AWS CLI', AWS_CLI !== undefined, AWS_CLI_INSTALL);

/** A private AWS config folder: `config` with the given text, an empty credentials file, no metadata service. */
export function awsConfigEnv(configText: string, extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'ctm-aws-cli-'));
  writeFileSync(join(dir, 'config'), configText);
  writeFileSync(join(dir, 'credentials'), '');
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_DEFAULT_REGION: 'us-east-1',
    ...extra,
  };
}

/** Runs the AWS CLI to completion (asynchronously, so an in-process emulator keeps answering). */
export function runAws(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const path = AWS_CLI?.path ?? 'aws';
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
