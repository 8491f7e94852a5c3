import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BadInputError, ConfigError } from '../errors.ts';
import { writeFileAtomic } from '../profiles/atomic-write.ts';

/** The token endpoint's port when the user has not chosen one: stable, so URLs pasted into API clients keep working. */
export const DEFAULT_ENDPOINT_PORT = 28600;

/** Where the endpoint listens and which web pages may call it. */
export interface EndpointSettings {
  /** 127.0.0.1's TCP port; 0 turns the agent's endpoint off (`ctm endpoint run --port N` still serves). */
  port: number;
  /** Browser origins allowed to call the endpoint (with CORS), such as https://hoppscotch.io; none by default. */
  allowedOrigins: string[];
}

/** The file beside profiles.json. */
export function endpointSettingsPath(configDir: string): string {
  return join(configDir, 'endpoint.json');
}

/** The settings; a missing file is the defaults, a broken one a ConfigError naming the file and the field. */
export async function readEndpointSettings(configDir: string): Promise<EndpointSettings> {
  const path = endpointSettingsPath(configDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { port: DEFAULT_ENDPOINT_PORT, allowedOrigins: [] };
    throw new ConfigError(`Could not read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'read failed'}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigError(`${path} is not valid JSON; fix it or remove it to use the defaults.`);
  }
  const fields =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  try {
    return {
      port: checkedPort(fields.port ?? DEFAULT_ENDPOINT_PORT, true),
      allowedOrigins: checkedOrigins(fields.allowedOrigins ?? []),
    };
  } catch (error) {
    throw new ConfigError(`${path}: ${(error as Error).message}`);
  }
}

/** Stores the settings (checked first; a bad value is a BadInputError and the file stays as it was). */
export async function writeEndpointSettings(configDir: string, settings: EndpointSettings): Promise<void> {
  const checked = { port: checkedPort(settings.port, true), allowedOrigins: checkedOrigins(settings.allowedOrigins) };
  await writeFileAtomic(endpointSettingsPath(configDir), `${JSON.stringify(checked, null, 2)}\n`);
}

/** A port number as typed by a person: 1024-65535 (ports below need privileges); 0 only where `zeroAllowed`. */
export function checkedPort(value: unknown, zeroAllowed: boolean): number {
  const port = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (
    typeof port === 'number' &&
    Number.isInteger(port) &&
    ((port >= 1024 && port <= 65535) || (zeroAllowed && port === 0))
  )
    return port;
  throw new BadInputError(`port: expected a number from 1024 to 65535${zeroAllowed ? ' (0: off)' : ''}.`);
}

/** Browser origins exactly as browsers send them (`scheme://host[:port]`, no path): anything else would never match. */
export function checkedOrigin(value: unknown): string {
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value) return value;
    } catch {
      /* reported below */
    }
  }
  throw new BadInputError(
    `allowed origin ${JSON.stringify(value)}: expected scheme://host[:port] as a browser sends it, such as https://hoppscotch.io (no path, no trailing slash).`,
  );
}

function checkedOrigins(value: unknown): string[] {
  if (!Array.isArray(value)) throw new BadInputError('allowedOrigins: expected a list of origins.');
  return [...new Set(value.map(checkedOrigin))];
}
