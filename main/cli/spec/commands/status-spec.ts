import { commandSpec } from '../command-spec.ts';

/** `ctm status`. */
export const STATUS_SPEC = commandSpec({
  name: 'status',
  summary: "shows every profile's state and its access token's time left, without a network call",
  details: 'States: signed-out, fresh, renewing, retrying, needs-sign-in, off.',
  flags: { json: { type: 'boolean', description: 'one JSON object per profile, for scripts' } },
  examples: [
    { run: 'ctm status', what: 'a table of every profile' },
    { run: 'ctm status --json | jq -r \'.[] | select(.state=="signed-in") | .name\'', what: 'the signed-in profiles' },
  ],
  related: ['profile list', 'login'],
});
