import { TOKEN_FORMATS, TOKEN_KINDS } from '../../../core/tokens/token-format.ts';
import { commandSpec } from '../command-spec.ts';

/** `--type` and `--min-ttl`, the same for `ctm token` and `ctm exec`. */
export const TOKEN_CHOICE_FLAGS = {
  type: {
    type: 'string',
    choices: TOKEN_KINDS,
    description: 'which token: the access token (default) or the ID token',
  },
  'min-ttl': {
    type: 'string',
    value: 'SECONDS',
    description: 'renew first unless the token stays valid at least this long',
  },
} as const;

/** `ctm token`. Kept free of heavy imports: the cached path (cli-fast) parses with it. */
export const TOKEN_SPEC = commandSpec({
  name: 'token',
  summary: "prints a profile's token on stdout, renewed first when it expires soon",
  details: `A still-valid token comes from the token agent when one runs, else from the encrypted session file whose key
is in the OS keychain, without a network call; it is renewed first when it expires within the refresh margin or
--min-ttl seconds. NAME defaults to CTM_PROFILE, then to the default profile (ctm profile default).
env, powershell and fish print a line that shell loads; --clip copies instead of printing, and the clipboard is
cleared after the clipboard time (ctm settings) if it still holds that copy.`,
  args: { label: '[NAME]', kind: 'profile', min: 0, max: 1, what: 'profile name' },
  flags: {
    ...TOKEN_CHOICE_FLAGS,
    format: {
      type: 'string',
      choices: TOKEN_FORMATS,
      description: 'how to print it: bare (raw, default), an HTTP header, a shell line, JSON or a curl line',
    },
    json: { type: 'boolean', description: 'the same as --format json' },
    clip: { type: 'boolean', description: 'copy it to the clipboard instead (cleared after the clipboard time)' },
  },
  examples: [
    { run: 'ctm token dev', what: 'the access token of profile dev' },
    {
      run: 'curl -H "$(ctm token dev --format header)" https://api.example.com/me',
      what: 'as an Authorization header',
    },
    { run: 'eval "$(ctm token dev --type id --format env)"', what: 'CTM_ID_TOKEN in this shell' },
    { run: 'ctm token dev --clip', what: 'to the clipboard, printed nowhere' },
  ],
  related: ['exec', 'status', 'login', 'profile default'],
});
