import { startAuthProxy } from '../../core/auth-proxy/auth-proxy.ts';
import { profileProxyTokens } from '../../core/auth-proxy/profile-proxy-tokens.ts';
import type { Core } from '../../core/core.ts';
import { profileRef } from '../../core/profiles/profile-id.ts';
import { BadInputError } from '../../core/errors.ts';
import { checkedPort } from '../../core/token-endpoint/endpoint-settings.ts';
import type { TokenKind } from '../../core/tokens/token-format.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { PROXY_SPEC } from '../spec/commands/proxy-spec.ts';
import type { Terminal } from '../terminal.ts';
import { untilStopped } from './until-stopped.ts';

/** `ctm proxy NAME --target URL`: forwards requests to the target with the profile's fresh token. */
export async function proxyCommand(
  { values, args }: ParsedCommand<typeof PROXY_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const name = args[0] ?? '';
  if (values.target === undefined)
    throw new BadInputError(
      '--target URL is missing: the API to forward to, such as https://api.example.com. See: ctm proxy --help',
    );
  const target = checkedTarget(values.target);
  const port = values.port === undefined ? 0 : checkedPort(values.port, true);
  const kind = (values.type ?? 'access') as TokenKind;
  const app = core();
  const profile = await app.resolveProfile(profileRef(name));
  const tokens = profileProxyTokens(app, profile, kind);
  await tokens.current(); // a profile that needs a sign-in says so now, not at the first request
  const proxy = await startAuthProxy({
    target,
    port,
    tokens,
    onProblem: (message) => terminal.stderr.write(`ctm proxy: ${message}\n`),
  });
  terminal.stdout.write(`${proxy.url}\n`);
  const through = proxy.through ? ` through the proxy ${proxy.through}` : '';
  terminal.stderr.write(
    `Forwarding ${proxy.url} to ${target.href}${through} with the ${kind} token of ${profile.name}. Stop it with Ctrl-C.\n`,
  );
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
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new BadInputError('--target must be an http:// or https:// URL.');
  if (url.username || url.password)
    throw new BadInputError('--target must not carry a user name or password: the proxy sends the token.');
  if (url.search || url.hash)
    throw new BadInputError('--target must not have a query or fragment: each request brings its own.');
  return url;
}
