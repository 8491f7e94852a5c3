import { commandSpec } from '../command-spec.ts';
import { TOKEN_CHOICE_FLAGS } from './token-spec.ts';

/** `ctm exec`. */
export const EXEC_SPEC = commandSpec({
  name: 'exec',
  summary: "runs a command (or your shell) with the profile's tokens in its environment",
  details: `Sets, never on a command line:
  CTM_ACCESS_TOKEN             the access token
  CTM_ID_TOKEN                 the ID token (when the sign-in returned one)
  CTM_AUTHORIZATION            "Bearer <token>" with the token chosen by --type
  CTM_ACCESS_TOKEN_EXPIRES_AT  when the access token expires (ISO 8601, UTC)
  CTM_PROFILE                  the profile name (so "ctm token" inside picks the same profile)
  CTM_EXEC                     the profile name, to tell that ctm exec is running
Without a COMMAND it starts your shell ($SHELL; %ComSpec% on Windows); "exit" leaves it. NAME defaults to
CTM_PROFILE, then to the default profile. The command's exit code is ctm's (127 when it cannot be found); signals
sent to ctm are passed on to it. Inside one ctm exec another is refused unless --allow-nested, as aws-vault does.`,
  args: { label: '[NAME]', kind: 'profile', min: 0, max: 1, what: 'profile name' },
  passThrough: '[-- COMMAND [ARGS...]]',
  flags: {
    ...TOKEN_CHOICE_FLAGS,
    'allow-nested': { type: 'boolean', description: 'run even inside another ctm exec (its variables are replaced)' },
    aws: {
      type: 'boolean',
      description:
        "also the profile's identity-pool AWS credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION, AWS_REGION (other AWS credential variables are cleared)",
    },
    'aws-server': {
      type: 'boolean',
      description:
        'instead serve them on 127.0.0.1 (AWS_CONTAINER_CREDENTIALS_FULL_URI with a random AWS_CONTAINER_AUTHORIZATION_TOKEN): the AWS CLI and SDKs renew them there while the command runs',
    },
  },
  examples: [
    {
      run: 'ctm exec dev -- sh -c \'curl -H "Authorization: $CTM_AUTHORIZATION" https://api.example.com/me\'',
      what: 'one command with the token',
    },
    { run: 'ctm exec dev', what: 'a shell with the tokens; "exit" leaves it' },
    { run: 'ctm exec dev --min-ttl 900 -- ./long-job.sh', what: 'a token valid for at least 15 minutes' },
    { run: 'ctm exec dev --aws-server -- aws s3 ls', what: "the AWS CLI with the identity pool's credentials" },
  ],
  related: ['token', 'aws-credentials', 'status'],
});
