import { commandSpec } from '../command-spec.ts';

const AGENT_DETAILS = `The token agent keeps the cache key in memory and answers "ctm token" from there, so a cached token costs no
keychain read (as ssh-agent does for keys). It serves access and ID tokens only, never a refresh token, to programs
of your own user account, through a socket in the config folder only you can open. The desktop app runs one while
it is open. On Windows there is none. CTM_NO_AGENT=1 makes "ctm token" read the keychain even while one runs.`;
const RELATED = ['token', 'agent start', 'agent stop', 'agent status', 'agent run'];
const others = (name: string): string[] => RELATED.filter((r) => r !== name);

/** `ctm agent start`. */
export const AGENT_START_SPEC = commandSpec({
  name: 'agent start',
  summary: 'starts the token agent in the background (nothing to do when one runs)',
  details: AGENT_DETAILS,
  flags: { quiet: { type: 'boolean', short: 'q', description: 'say nothing unless it fails (for a shell profile)' } },
  examples: [{ run: "echo 'ctm agent start --quiet' >> ~/.profile", what: 'an agent in every session' }],
  related: others('agent start'),
});

/** `ctm agent stop`. */
export const AGENT_STOP_SPEC = commandSpec({
  name: 'agent stop',
  summary: 'stops the agent started with "ctm agent start" or "ctm agent run"',
  flags: {},
  examples: [{ run: 'ctm agent stop', what: 'stop it' }],
  related: others('agent stop'),
});

/** `ctm agent status`. */
export const AGENT_STATUS_SPEC = commandSpec({
  name: 'agent status',
  summary: 'says whether an agent runs and whose it is (exit 1 when none does)',
  flags: { json: { type: 'boolean', description: 'as JSON, for scripts' } },
  examples: [{ run: 'ctm agent status --json', what: '{"running":true,"host":"ctm",...}' }],
  related: others('agent status'),
});

/** `ctm agent run`. */
export const AGENT_RUN_SPEC = commandSpec({
  name: 'agent run',
  summary: 'runs the agent in the foreground until Ctrl-C (for a service manager such as systemd)',
  details: AGENT_DETAILS,
  flags: {},
  examples: [{ run: 'ctm agent run', what: 'serve until Ctrl-C' }],
  related: others('agent run'),
});
