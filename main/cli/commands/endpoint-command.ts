import { dirname } from 'node:path';
import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { checkedOrigin, DEFAULT_ENDPOINT_PORT, checkedPort, readEndpointSettings, writeEndpointSettings } from '../../core/token-endpoint/endpoint-settings.ts';
import { endpointAnswers } from '../../core/token-endpoint/endpoint-probe.ts';
import { startTokenEndpoint } from '../../core/token-endpoint/token-endpoint.ts';
import { tokenUrlFor } from '../../core/token-endpoint/token-endpoint-server.ts';
import { EXIT } from '../exit-codes.ts';
import { onePositional, parseFlags } from '../parse.ts';
import type { Terminal } from '../terminal.ts';
import { untilStopped } from './until-stopped.ts';

/** Usage of `ctm endpoint`. */
export const ENDPOINT_USAGE = 'ctm endpoint credentials NAME [--json] [--rotate]|run [--port N]|settings [--port N] [--allow-origin O]... [--forget-origin O]...';

const ENDPOINT_HELP = `Usage: ${ENDPOINT_USAGE}

A local OAuth 2.0 token endpoint (client-credentials grant) for API clients such as Postman, Insomnia, Bruno and
Hoppscotch: client id = profile name, client secret = a local secret kept in the keychain. It answers with the
profile's access token, or its ID token when the scope contains id_token, renewed first when about to expire.
The token agent (the app's, or "ctm agent") serves it on 127.0.0.1 at the port of "ctm endpoint settings".
`;

/** One line per subcommand: `ctm endpoint SUB --help` shows its own (completion checks each against its flags). */
const SUBCOMMAND_HELP: Record<string, string> = {
  credentials: 'ctm endpoint credentials NAME [--json] [--rotate]   print tokenUrl, clientId, clientSecret (--rotate: a new secret)',
  run: 'ctm endpoint run [--port N]   serve it in the foreground until Ctrl-C; prints its token URL (--port 0: any free port)',
  settings: 'ctm endpoint settings [--port N] [--allow-origin O]... [--forget-origin O]...   show or change its port (0: the agent serves none) and the web pages allowed to call it',
};

const FLAGS = {
  json: { type: 'boolean' },
  rotate: { type: 'boolean' },
  port: { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  'forget-origin': { type: 'string', multiple: true },
} as const;

/** `ctm endpoint credentials|run|settings`: the local OAuth 2.0 token endpoint for API clients. */
export async function endpointCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, FLAGS, ENDPOINT_USAGE);
  const [sub, ...rest] = positionals;
  if (values.help && sub !== undefined && Object.hasOwn(SUBCOMMAND_HELP, sub)) {
    terminal.stdout.write(`Usage: ${SUBCOMMAND_HELP[sub]}\n`);
    return EXIT.ok;
  }
  if (values.help || sub === undefined) {
    terminal.stdout.write(`${ENDPOINT_HELP}\n${Object.values(SUBCOMMAND_HELP).map((line) => `  ${line}`).join('\n')}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const misplaced = (flag: string, owner: string): never => {
    throw new BadInputError(`--${flag} goes with "ctm endpoint ${owner}".\nUsage: ${ENDPOINT_USAGE}`);
  };
  if (sub !== 'credentials') for (const flag of ['json', 'rotate'] as const) if (values[flag]) misplaced(flag, 'credentials');
  if (sub !== 'settings') for (const flag of ['allow-origin', 'forget-origin'] as const) if (values[flag]) misplaced(flag, 'settings');
  if (sub === 'credentials' && values.port !== undefined) misplaced('port', 'run" or "ctm endpoint settings');
  const app = core();
  const configDir = dirname(app.profiles.path);
  switch (sub) {
    case 'credentials': {
      const profile = await app.profiles.get(onePositional(rest, 'profile name', ENDPOINT_USAGE));
      const secret = values.rotate ? await app.endpointSecrets.rotate(profile.id) : await app.endpointSecrets.secretFor(profile.id);
      const { port } = await readEndpointSettings(configDir);
      const shown = { tokenUrl: tokenUrlFor(port === 0 ? DEFAULT_ENDPOINT_PORT : port), clientId: profile.name, clientSecret: secret };
      if (values.json) terminal.stdout.write(`${JSON.stringify(shown)}\n`);
      else terminal.stdout.write(credentialsText(shown, port === 0));
      if (port !== 0 && !(await endpointAnswers(shown.tokenUrl))) terminal.stderr.write(`Nothing serves ${shown.tokenUrl} now: the token agent does (open the app, or run: ctm agent start). If it runs, another program holds port ${port}: choose another with: ctm endpoint settings --port N\n`);
      return EXIT.ok;
    }
    case 'run': {
      noneLeft(rest);
      const settings = await readEndpointSettings(configDir);
      const port = values.port === undefined ? settings.port : checkedPort(values.port, true);
      const allowedOrigins = async () => (await readEndpointSettings(configDir)).allowedOrigins;
      const endpoint = await startTokenEndpoint(app, app.endpointSecrets, { port, allowedOrigins });
      terminal.stdout.write(`${endpoint.tokenUrl}\n`);
      terminal.stderr.write(`Token endpoint serving on ${endpoint.tokenUrl} (pid ${process.pid}). Stop it with Ctrl-C.\n`);
      const code = await untilStopped();
      await endpoint.close();
      return code;
    }
    case 'settings': {
      noneLeft(rest);
      const current = await readEndpointSettings(configDir);
      const forget = new Set((values['forget-origin'] ?? []).map(checkedOrigin));
      const added = (values['allow-origin'] ?? []).map(checkedOrigin);
      const next = { port: values.port === undefined ? current.port : checkedPort(values.port, true), allowedOrigins: [...new Set([...current.allowedOrigins, ...added])].filter((o) => !forget.has(o)) };
      const changed = values.port !== undefined || added.length > 0 || forget.size > 0;
      if (changed) await writeEndpointSettings(configDir, next);
      terminal.stdout.write(`${JSON.stringify(next, null, 2)}\n`);
      if (values.port !== undefined && next.port !== current.port) terminal.stderr.write('The port applies when the token agent starts again (ctm agent stop; ctm agent start, or restart the app).\n');
      return EXIT.ok;
    }
    default:
      throw new BadInputError(`Unknown endpoint command "${sub}".\nUsage: ${ENDPOINT_USAGE}`);
  }
}

function noneLeft(rest: string[]): void {
  if (rest.length > 0) throw new BadInputError(`Unexpected argument "${rest[0]}".\nUsage: ${ENDPOINT_USAGE}`);
}

function credentialsText(shown: { tokenUrl: string; clientId: string; clientSecret: string }, off: boolean): string {
  return [
    `Token URL:     ${shown.tokenUrl}`,
    `Client ID:     ${shown.clientId}`,
    `Client secret: ${shown.clientSecret}`,
    'Grant type:    Client Credentials (credentials as Basic auth header or in the body)',
    'Scope:         empty for the access token; id_token for the ID token',
    ...(off ? [`The token agent serves no endpoint (port 0 in settings): run "ctm endpoint run --port ${DEFAULT_ENDPOINT_PORT}" or choose a port with "ctm endpoint settings --port N".`] : []),
    '',
  ].join('\n');
}
