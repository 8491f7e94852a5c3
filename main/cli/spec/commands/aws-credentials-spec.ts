import { commandSpec } from '../command-spec.ts';

/** `ctm aws-credentials`. */
export const AWS_CREDENTIALS_SPEC = commandSpec({
  name: 'aws-credentials',
  summary: "prints the profile's identity-pool AWS credentials as credential_process JSON",
  details: `Version 1, AccessKeyId, SecretAccessKey, SessionToken, Expiration, renewed first when fewer than 5 minutes are
left. In ~/.aws/config:
  [profile dev]
  credential_process = ctm aws-credentials dev
The profile needs an identity pool (ctm profile edit NAME --identity-pool-id ID) and a sign-in.`,
  args: { label: '[NAME]', kind: 'profile', min: 0, max: 1, what: 'profile name' },
  flags: {
    'min-ttl': {
      type: 'string',
      value: 'SECONDS',
      description: 'renew first unless they stay valid at least this long',
    },
  },
  examples: [
    {
      run: 'aws configure set credential_process "ctm aws-credentials dev" --profile dev',
      what: 'the AWS CLI asks ctm',
    },
  ],
  related: ['exec', 'profile edit'],
});
