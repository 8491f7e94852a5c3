import { TOKEN_KINDS } from '../../../core/tokens/token-format.ts';
import { commandSpec } from '../command-spec.ts';

/** `ctm inspect`: the window's token inspector on the command line. */
export const INSPECT_SPEC = commandSpec({
  name: 'inspect',
  summary: "decodes a profile's token: header, claims, times, scopes, groups and whether its signature verifies",
  details: `Shows what the window's token inspector shows: the token's header and claims, when it was issued and
expires and how long it has left, its scopes and groups, and whether its signature verifies against the user pool's
published keys (fetched from the pool, or from the profile's endpoint) with the pool's issuer. The token is renewed
first when it has expired. Neither the token, its signature part nor any refresh token is ever printed.
Exit 5 when the signature does not verify (the report is printed all the same).
NAME defaults to CTM_PROFILE, then to the default profile (ctm profile default).`,
  args: { label: '[NAME]', kind: 'profile', min: 0, max: 1, what: 'profile name' },
  flags: {
    type: {
      type: 'string',
      choices: TOKEN_KINDS,
      description: 'which token: the access token (default) or the ID token',
    },
    'token-stdin': {
      type: 'boolean',
      description: "inspect a token read from stdin (one an API received) against the profile's pool instead",
    },
    json: { type: 'boolean', description: 'one JSON object (header, claims, times, signature), for scripts' },
  },
  examples: [
    { run: 'ctm inspect dev', what: 'the access token of profile dev, decoded' },
    { run: 'ctm inspect dev --type id', what: 'its ID token' },
    { run: "ctm inspect dev --json | jq '.signature.verified'", what: 'whether the signature verifies' },
    { run: 'pbpaste | ctm inspect dev --token-stdin', what: "a token from elsewhere, checked against dev's pool" },
  ],
  related: ['token', 'status', 'login'],
});
