import type { Core } from '../../core/core.ts';
import { credentialProcessJson } from '../../core/aws/aws-credentials.ts';
import { BadInputError } from '../../core/errors.ts';
import { parseFlags } from '../parse.ts';
import { chosenProfile } from '../profile-choice.ts';
import { whileWaiting } from '../progress.ts';
import type { Terminal } from '../terminal.ts';

/** Usage of `ctm aws-credentials`. */
export const AWS_CREDENTIALS_USAGE = 'ctm aws-credentials [NAME] [--min-ttl SECONDS]';

const HELP = `Prints the profile's identity-pool AWS credentials as credential_process JSON (Version 1, AccessKeyId,
SecretAccessKey, SessionToken, Expiration), renewing them first when fewer than 5 minutes are left. In ~/.aws/config:
  [profile dev]
  credential_process = ctm aws-credentials dev
The profile needs an identity pool (see ctm profile edit --help) and a sign-in.
  --min-ttl SECONDS  renew first unless they stay valid at least this long`;

/** `ctm aws-credentials NAME`: credential_process output on stdout, nothing else. */
export async function awsCredentialsCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { 'min-ttl': { type: 'string' } }, AWS_CREDENTIALS_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${AWS_CREDENTIALS_USAGE}\n\n${HELP}\n`);
    return 0;
  }
  const minTtl = values['min-ttl'] === undefined ? 0 : Number(values['min-ttl']);
  if (!Number.isFinite(minTtl) || minTtl < 0) throw new BadInputError('--min-ttl must be a number of seconds (0 or more).');
  const app = core();
  const profile = await chosenProfile(positionals, app, AWS_CREDENTIALS_USAGE);
  const credentials = await whileWaiting(terminal, `Getting AWS credentials for ${profile.name}…`, app.awsCredentials.credentials(profile.id, { minTtlMs: minTtl * 1000 }));
  terminal.stdout.write(`${credentialProcessJson(credentials)}\n`);
  return 0;
}
