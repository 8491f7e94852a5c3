import { commandSpec } from '../command-spec.ts';

/** `ctm logout`. */
export const LOGOUT_SPEC = commandSpec({
  name: 'logout',
  summary: "revokes the profile's refresh token at Cognito and forgets its session here",
  details: `The session is removed from this computer in every case (exit 0). When Cognito cannot revoke (revocation
off for the app client, offline, a 5xx), a warning on stderr says what stays valid at the server.`,
  args: { label: 'NAME', kind: 'profile', min: 1, max: 1, what: 'profile name' },
  flags: {
    global: { type: 'boolean', description: "sign out everywhere (GlobalSignOut: every device's tokens are revoked)" },
  },
  examples: [
    { run: 'ctm logout dev', what: 'sign out of dev here' },
    { run: 'ctm logout dev --global', what: 'sign dev out on every device' },
  ],
  related: ['login', 'profile remove'],
});
