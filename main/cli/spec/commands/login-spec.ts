import { commandSpec } from '../command-spec.ts';

/** `ctm login`. */
export const LOGIN_SPEC = commandSpec({
  name: 'login',
  summary: 'signs in to a profile, asking on the terminal for the password and each challenge',
  details: `On a terminal each answer is asked for: a new password twice (a typo would lock the account), asked again
when the pool's password policy refuses it; a mistyped code is asked again too. For an authenticator set-up it prints
the secret, an otpauth:// URI and a QR code. Scripts give answers with flags and stdin instead. A username typed here
is kept on a profile that had none. A MANAGED_LOGIN profile opens the browser; a CLIENT_CREDENTIALS one asks the
token endpoint. Exit 6 when the pool refuses the sign-in (wrong password, unknown user, wrong or too many codes).`,
  args: { label: 'NAME', kind: 'profile', min: 1, max: 1, what: 'profile name' },
  flags: {
    username: { type: 'string', value: 'USER', description: "user to sign in as (default: the profile's, else asked)" },
    'password-stdin': { type: 'boolean', description: "read the password from stdin's first line" },
    'new-password-stdin': {
      type: 'boolean',
      description: 'read a required new password from stdin (its second line with --password-stdin)',
    },
    'mfa-code': {
      type: 'string',
      multiple: true,
      value: 'CODE',
      description: 'the SMS, e-mail or authenticator code (repeatable, used in order)',
    },
    answer: {
      type: 'string',
      multiple: true,
      value: 'TEXT',
      description: 'the answer to a custom challenge, or the e-mail address for MFA set-up (repeatable)',
    },
    select: {
      type: 'string',
      multiple: true,
      value: 'CHALLENGE',
      description: 'the choice to take when Cognito offers several (SOFTWARE_TOKEN_MFA, EMAIL_OTP, PASSWORD...)',
    },
    attribute: {
      type: 'string',
      multiple: true,
      value: 'NAME=VALUE',
      description: 'a user attribute the new-password challenge requires (repeatable)',
    },
    'remember-device': { type: 'boolean', description: 'remember this computer, so the pool may skip MFA next time' },
    browser: {
      type: 'boolean',
      negatable: true,
      description: 'MANAGED_LOGIN: open the browser (default); --no-browser prints the URL to open',
    },
  },
  examples: [
    { run: 'ctm login dev', what: 'asks for the password and any code' },
    { run: 'printf \'%s\\n\' "$PASSWORD" | ctm login dev --password-stdin --mfa-code 123456', what: 'from a script' },
    { run: 'ctm login web --no-browser', what: 'managed login: prints the URL to open elsewhere' },
  ],
  related: ['token', 'logout', 'status', 'profile add'],
});
