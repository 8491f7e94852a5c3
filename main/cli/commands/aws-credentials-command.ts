import type { Core } from '../../core/core.ts';
import { credentialProcessJson } from '../../core/aws/aws-credentials.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { AWS_CREDENTIALS_SPEC } from '../spec/commands/aws-credentials-spec.ts';
import { minTtlMs } from './token-request.ts';
import { chosenProfile } from '../profile-choice.ts';
import { whileWaiting } from '../progress.ts';
import type { Terminal } from '../terminal.ts';

/** `ctm aws-credentials NAME`: credential_process output on stdout, nothing else. */
export async function awsCredentialsCommand(
  { values, args }: ParsedCommand<typeof AWS_CREDENTIALS_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const minTtl = minTtlMs(values['min-ttl']);
  const app = core();
  const profile = await chosenProfile(args, app);
  const credentials = await whileWaiting(
    terminal,
    `Getting AWS credentials for ${profile.name}…`,
    app.awsCredentials(profile.id, { minTtlMs: minTtl }),
  );
  terminal.stdout.write(`${credentialProcessJson(credentials)}\n`);
  return 0;
}
