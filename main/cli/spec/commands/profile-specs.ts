import { commandSpec } from '../command-spec.ts';
import { PROFILE_FIELD_FLAGS } from './profile-field-flags.ts';

const NAME = { label: 'NAME', kind: 'profile', min: 1, max: 1, what: 'profile name' } as const;

/** `ctm profile add`. */
export const PROFILE_ADD_SPEC = commandSpec({
  name: 'profile add',
  summary: 'adds a profile: one app client of one user pool, and optionally one user',
  details: 'A client secret goes to the OS keychain only (--client-secret-stdin); profiles.json never holds a secret.',
  args: { label: 'NAME', kind: 'text', min: 1, max: 1, what: 'profile name' },
  flags: PROFILE_FIELD_FLAGS,
  examples: [
    {
      run: 'ctm profile add dev --user-pool-id us-east-1_AbCdEf123 --client-id 1example23456789 --username alice',
      what: 'an SRP profile',
    },
    {
      run: 'printf \'%s\' "$SECRET" | ctm profile add conf --user-pool-id us-east-1_AbCdEf123 --client-id 2example --client-secret-stdin',
      what: 'a confidential client',
    },
    {
      run: 'ctm profile add web --user-pool-id us-east-1_AbCdEf123 --client-id 3example --auth-flow managed_login --domain https://example.auth.us-east-1.amazoncognito.com',
      what: 'managed login',
    },
  ],
  related: ['profile edit', 'profile import', 'login'],
});

/** `ctm profile edit`. */
export const PROFILE_EDIT_SPEC = commandSpec({
  name: 'profile edit',
  summary: 'changes only the given fields of a profile ("" clears an optional one)',
  details:
    'The id and keychain entries stay. A change of pool, client or endpoint signs the profile out (its tokens would be wrong), and says so.',
  args: NAME,
  flags: {
    ...PROFILE_FIELD_FLAGS,
    name: { type: 'string', value: 'NEW', description: 'rename the profile' },
    'client-secret': {
      type: 'boolean',
      negatable: true,
      description:
        'only as --no-client-secret: remove the client secret from the keychain (signs the profile out); a new one comes with --client-secret-stdin',
    },
  },
  examples: [
    { run: 'ctm profile edit dev --username bob', what: 'another user' },
    { run: 'ctm profile edit dev --no-client-secret', what: 'the app client no longer has a secret' },
    { run: 'ctm profile edit dev --name development', what: 'rename it' },
  ],
  related: ['profile add', 'profile list'],
});

/** `ctm profile list`. */
export const PROFILE_LIST_SPEC = commandSpec({
  name: 'profile list',
  summary: 'lists profiles (never a secret)',
  details: 'For sign-in states and time left, use ctm status.',
  aliases: ['ls'],
  flags: { json: { type: 'boolean', description: 'every field as JSON' } },
  examples: [{ run: 'ctm profile list', what: 'a table' }],
  related: ['status', 'profile add'],
});

/** `ctm profile remove`. */
export const PROFILE_REMOVE_SPEC = commandSpec({
  name: 'profile remove',
  summary: 'removes a profile with its session and client secret from the keychain',
  details: `A signed-in profile is signed out on this computer only: its refresh token stays valid at Cognito until it
expires, unless it is revoked first (as ctm logout does). On a terminal ctm asks "Revoke its refresh token at
Cognito? [y/N]"; --revoke and --no-revoke answer without asking, and without a terminal nothing is revoked unless
--revoke is given. A revocation that fails (offline, revocation off for the client) removes nothing (exit 4).`,
  aliases: ['rm'],
  args: NAME,
  flags: {
    revoke: {
      type: 'boolean',
      negatable: true,
      description: 'revoke its refresh token at Cognito first, without asking; --no-revoke keeps it, without asking',
    },
  },
  examples: [
    {
      run: 'ctm profile remove dev',
      what: 'forget dev; on a terminal, asks whether to revoke its refresh token first',
    },
    { run: 'ctm profile remove dev --revoke', what: 'revoke its refresh token at Cognito, then forget dev' },
    { run: 'ctm profile remove dev --no-revoke', what: 'forget dev without asking (its refresh token stays valid)' },
  ],
  related: ['logout', 'profile add'],
});

/** `ctm profile import`. */
export const PROFILE_IMPORT_SPEC = commandSpec({
  name: 'profile import',
  summary: 'adds the profiles of an Amplify configuration or a ctm export',
  details: `Reads amplify_outputs.json (Amplify Gen 2), aws-exports.js or amplifyconfiguration.json (Gen 1, read as data,
never run), or a file made by "ctm profile export"; "-" reads stdin. Names that are taken get a suffix (dev-2).
All profiles are imported, or none (at most 1 MB). A file that sends sign-ins to servers that are not AWS's (a
custom endpoint or domain) names each one and is imported only once you confirm it: at the prompt, or with
--allow-endpoint for each (for scripts).`,
  args: { label: 'FILE|-', kind: 'file', min: 1, max: 1, what: 'file to import' },
  flags: {
    name: { type: 'string', value: 'NAME', description: 'the name to use (a file with one profile only)' },
    endpoint: {
      type: 'string',
      value: 'URL',
      description: 'a Cognito endpoint for every imported profile (an emulator, a proxy)',
    },
    username: { type: 'string', value: 'USER', description: 'the user to sign in as, for every imported profile' },
    'allow-endpoint': {
      type: 'string',
      multiple: true,
      value: 'URL',
      description: 'accept this non-AWS server, as the refusal names it (https://auth.example.com); repeatable',
    },
  },
  examples: [{ run: 'ctm profile import ./amplify_outputs.json --username alice', what: "an Amplify app's pool" }],
  related: ['profile export', 'profile add'],
});

/** `ctm profile export`. */
export const PROFILE_EXPORT_SPEC = commandSpec({
  name: 'profile export',
  summary: 'writes profiles as versioned JSON without ids or secrets, for "ctm profile import"',
  args: { label: '[NAME...]', kind: 'profile', min: 0, max: Number.POSITIVE_INFINITY, what: 'profile names' },
  flags: {
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE (mode 0600) instead of stdout' },
  },
  examples: [{ run: 'ctm profile export dev prod -o team.json', what: 'two profiles to share' }],
  related: ['profile import'],
});

/** `ctm profile default`. */
export const PROFILE_DEFAULT_SPEC = commandSpec({
  name: 'profile default',
  summary: "shows or sets the default profile (ctm token and ctm exec without NAME, the app's global shortcut)",
  details:
    "Without NAME it prints the default profile's name (exit 1 when there is none). CTM_PROFILE still goes first.",
  args: { label: '[NAME]', kind: 'profile', min: 0, max: 1, what: 'profile name' },
  flags: { clear: { type: 'boolean', description: 'have no default profile' } },
  examples: [
    { run: 'ctm profile default dev', what: 'ctm token now means ctm token dev' },
    { run: 'ctm profile default --clear', what: 'no default' },
  ],
  related: ['token', 'exec', 'settings'],
});
