import { startAuthProxy } from '../../core/auth-proxy/auth-proxy.ts';
import { profileProxyTokens } from '../../core/auth-proxy/profile-proxy-tokens.ts';
import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { checkedPort } from '../../core/token-endpoint/endpoint-settings.ts';
import { TOKEN_KINDS } from '../../core/tokens/token-format.ts';
import { EXIT } from '../exit-codes.ts';
import { oneOf, onePositional, parseFlags } from '../parse.ts';
import type { Terminal } from '../terminal.ts';
import { untilStopped } from './until-stopped.ts';

/** Usage of `ctm proxy`. */
export const PROXY_USAGE = 'ctm proxy NAME --target URL [--port N] [--type access|id]';

const PROXY_HELP = `Usage: ${PROXY_USAGE}

A local reverse proxy for tools that cannot get a token themselves (a front-end dev server, curl, a load test):
every request to the URL it prints is forwarded to --target with "Authorization: Bearer <fresh token>" of the
profile (the --type token, access by default; any Authorization sent is replaced). The token is renewed before it
expires, and a 401 from the target renews it once and sends the request again when its body is at most 1 MiB.
Bodies stream both ways and WebSocket upgrades pass through. It listens on 127.0.0.1 only (--port, else a free port),
under a random path that changes every run: only who can read its output can use it. Ctrl-C stops it.
`;

/** `ctm proxy NAME --target URL`: forwards requests to the target with the profile's fresh token. */
export async function proxyCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { target: { type: 'string' }, port: { type: 'string' }, type: { type: 'string' } }, PROXY_USAGE);
  if (values.help) {
    terminal.stdout.write(PROXY_HELP);
    return EXIT.ok;
  }
  const name = onePositional(positionals, 'profile name', PROXY_USAGE);
  if (values.target === undefined) throw new BadInputError(`--target URL is missing: the API to forward to, such as https://api.example.com.\nUsage: ${PROXY_USAGE}`);
  const target = checkedTarget(values.target);
  const port = values.port === undefined ? 0 : checkedPort(values.port, true);
  const kind = oneOf(values.type, TOKEN_KINDS, '--type', 'access');
  const app = core();
  const profile = await app.profiles.get(name);
  const tokens = profileProxyTokens(app, profile, kind);
  await tokens.current(); // a profile that needs a sign-in says so now, not at the first request
  const proxy = await startAuthProxy({ target, port, tokens, onProblem: (message) => terminal.stderr.write(`ctm proxy: ${message}\n`) });
  terminal.stdout.write(`${proxy.url}\n`);
  terminal.stderr.write(`Forwarding ${proxy.url} to ${target.href} with the ${kind} token of ${profile.name}. Stop it with Ctrl-C.\n`);
  const code = await untilStopped();
  await proxy.close();
  return code;
}

/** The target: an http(s) URL without credentials, query or fragment (the proxy joins each request's path to its path). */
function checkedTarget(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadInputError(`--target must be a URL such as https://api.example.com (got "${text.slice(0, 80)}").`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BadInputError('--target must be an http:// or https:// URL.');
  if (url.username || url.password) throw new BadInputError('--target must not carry a user name or password: the proxy sends the token.');
  if (url.search || url.hash) throw new BadInputError('--target must not have a query or fragment: each request brings its own.');
  return url;
}
