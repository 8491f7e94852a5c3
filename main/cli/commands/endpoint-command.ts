import type { Core } from '../../core/core.ts';
import { profileRef } from '../../core/profiles/profile-id.ts';
import {
  checkedOrigin,
  DEFAULT_ENDPOINT_PORT,
  checkedPort,
  readEndpointSettings,
  writeEndpointSettings,
} from '../../core/token-endpoint/endpoint-settings.ts';
import { endpointAnswers } from '../../core/token-endpoint/endpoint-probe.ts';
import { startTokenEndpoint } from '../../core/token-endpoint/token-endpoint.ts';
import { EXIT } from '../exit-codes.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type {
  ENDPOINT_CREDENTIALS_SPEC,
  ENDPOINT_RUN_SPEC,
  ENDPOINT_SETTINGS_SPEC,
} from '../spec/commands/endpoint-specs.ts';
import type { Terminal } from '../terminal.ts';
import { untilStopped } from './until-stopped.ts';

/** `ctm endpoint credentials NAME`: tokenUrl, clientId, clientSecret (--rotate: a new secret first). */
export async function endpointCredentialsCommand(
  { values, args }: ParsedCommand<typeof ENDPOINT_CREDENTIALS_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const app = core();
  const profile = await app.resolveProfile(profileRef(args[0] ?? ''));
  const { served, ...shown } = await app.endpointCredentials(profile.id, { rotate: values.rotate === true });
  if (values.json) terminal.stdout.write(`${JSON.stringify(shown)}\n`);
  else terminal.stdout.write(credentialsText(shown, !served));
  if (served && !(await endpointAnswers(shown.tokenUrl)))
    terminal.stderr.write(
      `Nothing serves ${shown.tokenUrl} now: the token agent does (open the app, or run: ctm agent start). If it runs, another program holds port ${new URL(shown.tokenUrl).port}: choose another with: ctm endpoint settings --port N\n`,
    );
  return EXIT.ok;
}

/** `ctm endpoint run [--port N]`: serves it in the foreground. */
export async function endpointRunCommand(
  { values }: ParsedCommand<typeof ENDPOINT_RUN_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const app = core();
  const configDir = app.configDir;
  const settings = await readEndpointSettings(configDir);
  const port = values.port === undefined ? settings.port : checkedPort(values.port, true);
  const allowedOrigins = async () => (await readEndpointSettings(configDir)).allowedOrigins;
  const endpoint = await startTokenEndpoint(app, { port, allowedOrigins });
  terminal.stdout.write(`${endpoint.tokenUrl}\n`);
  terminal.stderr.write(`Token endpoint serving on ${endpoint.tokenUrl} (pid ${process.pid}). Stop it with Ctrl-C.\n`);
  const code = await untilStopped();
  await endpoint.close();
  return code;
}

/** `ctm endpoint settings [--port N] [--allow-origin O]... [--forget-origin O]...`: shows them, changed as asked. */
export async function endpointSettingsCommand(
  { values }: ParsedCommand<typeof ENDPOINT_SETTINGS_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const configDir = core().configDir;
  const current = await readEndpointSettings(configDir);
  const forget = new Set((values['forget-origin'] ?? []).map(checkedOrigin));
  const added = (values['allow-origin'] ?? []).map(checkedOrigin);
  const next = {
    port: values.port === undefined ? current.port : checkedPort(values.port, true),
    allowedOrigins: [...new Set([...current.allowedOrigins, ...added])].filter((o) => !forget.has(o)),
  };
  const changed = values.port !== undefined || added.length > 0 || forget.size > 0;
  if (changed) await writeEndpointSettings(configDir, next);
  terminal.stdout.write(`${JSON.stringify(next, null, 2)}\n`);
  if (values.port !== undefined && next.port !== current.port)
    terminal.stderr.write(
      'The port applies when the token agent starts again (ctm agent stop; ctm agent start, or restart the app).\n',
    );
  return EXIT.ok;
}

function credentialsText(shown: { tokenUrl: string; clientId: string; clientSecret: string }, off: boolean): string {
  return [
    `Token URL:     ${shown.tokenUrl}`,
    `Client ID:     ${shown.clientId}`,
    `Client secret: ${shown.clientSecret}`,
    'Grant type:    Client Credentials (credentials as Basic auth header or in the body)',
    'Scope:         empty for the access token; id_token for the ID token',
    ...(off
      ? [
          `The token agent serves no endpoint (port 0 in settings): run "ctm endpoint run --port ${DEFAULT_ENDPOINT_PORT}" or choose a port with "ctm endpoint settings --port N".`,
        ]
      : []),
    '',
  ].join('\n');
}
