import type { ImportServer } from '../../shared/import-servers.ts';
import { customServers } from '../cognito/endpoint.ts';
import { BadInputError, CtmError } from '../errors.ts';
import { readFirstObjectLiteral } from './object-literal.ts';
import { parseProfileFields, SIGN_IN_FLOWS, type ProfileFields } from './profile.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './profile-export.ts';

/** Optional context for an import: names already in use, so imported ones get a free name ("dev" -> "dev-2"). */
export interface ImportOptions {
  takenNames?: Iterable<string>;
}

/**
 * The largest file an import reads (the window's IPC takes as much): an export of a few thousand profiles. A larger
 * one is refused before it is read, so a huge or endless file (a FIFO, /dev/zero) cannot exhaust memory.
 */
export const MAX_IMPORT_BYTES = 1_000_000;

/** The servers an import would send secrets to that are not AWS's, and which profiles name them; empty when there are none. */
export function importServers(
  profiles: readonly { name?: string | undefined; endpoint?: string | undefined; domain?: string | undefined }[],
): ImportServer[] {
  const byServer = new Map<string, string[]>();
  for (const profile of profiles)
    for (const server of customServers(profile))
      byServer.set(server, [...(byServer.get(server) ?? []), profile.name ?? '?']);
  return [...byServer].map(([server, names]) => ({ server, profiles: names }));
}

/**
 * An import names servers that are not AWS's and the person has not confirmed them: a shared file could otherwise send
 * the next sign-in's password anywhere. The message names each server and how to confirm it.
 */
export class UnconfirmedServersError extends BadInputError {
  override readonly name: string = 'UnconfirmedServersError';
  readonly servers: string[];
  constructor(servers: ImportServer[], how: string) {
    const list = servers.map((s) => `${s.server} (${s.profiles.join(', ')})`).join(', ');
    super(
      `The file sends sign-ins to servers that are not AWS's: ${list}. Passwords, tokens and client secrets of these profiles would go there; nothing was imported. ${how}`,
    );
    this.servers = servers.map((s) => s.server);
  }
}

/** Throws UnconfirmedServersError unless every non-AWS server of `profiles` is among `confirmed` (origins, as importServers names them). */
export function requireConfirmedServers(
  profiles: Parameters<typeof importServers>[0],
  confirmed: readonly string[],
  how: string,
): void {
  const unconfirmed = importServers(profiles).filter((s) => !confirmed.includes(s.server));
  if (unconfirmed.length > 0) throw new UnconfirmedServersError(unconfirmed, how);
}

const SUPPORTED =
  'expected amplify_outputs.json (Amplify Gen 2), aws-exports.js or amplifyconfiguration.json (Gen 1), or a file made by "ctm profile export"';

type Json = Record<string, unknown>;

/**
 * Reads profiles from a file a person already has: Amplify Gen 2's `amplify_outputs.json`, Gen 1's
 * `aws-exports.js` (read as data, never evaluated) or `amplifyconfiguration.json`, Amplify v6's
 * `{ Auth: { Cognito } }` config, or our own export. Returns validated fields with unique, valid names;
 * throws BadInputError saying what is wrong and what was expected.
 */
export function parseProfileImport(fileName: string, text: string, options: ImportOptions = {}): ProfileFields[] {
  const shown = baseName(fileName) || 'the file';
  if (text.length > MAX_IMPORT_BYTES)
    throw new BadInputError(
      `${shown} is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB; nothing was imported. Split it, or export fewer profiles.`,
    );
  const data = readData(shown, text);
  const candidates = profilesIn(shown, data);
  if (candidates.length === 0) throw new BadInputError(`${shown} holds no profiles.`);
  const taken = new Set(options.takenNames ?? []);
  const wanted = candidates.map((candidate) => (typeof candidate.name === 'string' ? candidate.name : ''));
  // A name in the file that is free keeps it; only clashing ones are renamed, around the names that stay.
  const kept = new Set(wanted.filter((name, i) => name !== '' && !taken.has(name) && wanted.indexOf(name) === i));
  const used = new Set([...taken, ...kept]);
  return candidates.map((candidate, index) => {
    const own = wanted[index] ?? '';
    const name = kept.delete(own) ? own : freeName(own, used);
    used.add(name);
    try {
      return parseProfileFields({ ...candidate, name });
    } catch (error) {
      const where = candidates.length > 1 ? `profile ${index + 1} (${name}) in ${shown}` : shown;
      if (error instanceof CtmError) throw new BadInputError(`${where}: ${error.message}`);
      throw error;
    }
  });
}

function readData(shown: string, text: string): Json {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new BadInputError(`${shown} is empty; ${SUPPORTED}.`);
  if (/\.json$/i.test(shown) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Json;
      if (Array.isArray(parsed)) return { version: 0, profiles: parsed };
      throw new BadInputError(`${shown} is not an object; ${SUPPORTED}.`);
    } catch (error) {
      if (error instanceof BadInputError) throw error;
      if (/\.json$/i.test(shown)) throw new BadInputError(`${shown} is not valid JSON (${(error as Error).message}).`);
    }
  }
  return readFirstObjectLiteral(trimmed, shown);
}

function profilesIn(shown: string, data: Json): Json[] {
  if (data.format === EXPORT_FORMAT || (Array.isArray(data.profiles) && typeof data.version === 'number'))
    return ownExport(shown, data);
  const auth = asObject(data.auth);
  if (auth) return [gen2(shown, auth)];
  if ('aws_user_pools_id' in data) return [gen1(data)];
  const cognito = asObject(asObject(data.Auth)?.Cognito);
  if (cognito) return [amplifyV6(cognito)];
  if ('version' in data && !('auth' in data)) {
    throw new BadInputError(
      `${shown} has no "auth" section: add auth to the Amplify backend (defineAuth) and run "npx ampx generate outputs" again.`,
    );
  }
  throw new BadInputError(`${shown} is not a file ctm can import; ${SUPPORTED}.`);
}

function ownExport(shown: string, data: Json): Json[] {
  const version = data.version;
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    throw new BadInputError(
      `${shown} was exported by a newer version of Cognito Token Manager (format ${version}); update the app to import it.`,
    );
  }
  const profiles = data.profiles as unknown[];
  return profiles.map((entry, index) => {
    const profile = asObject(entry);
    if (!profile) throw new BadInputError(`${shown}: profile ${index + 1} is not an object.`);
    // Ids belong to one machine (keychain entries are keyed by them); an import always gets new ones.
    const { id: _id, ...fields } = profile;
    return fields;
  });
}

function gen2(shown: string, auth: Json): Json {
  const userPoolId = text(auth.user_pool_id);
  const clientId = text(auth.user_pool_client_id);
  if (!userPoolId || !clientId) {
    throw new BadInputError(
      `${shown}: auth.user_pool_id and auth.user_pool_client_id are both needed; run "npx ampx generate outputs" again.`,
    );
  }
  return { name: derivedName(userPoolId), region: text(auth.aws_region) ?? regionOf(userPoolId), userPoolId, clientId };
}

function gen1(data: Json): Json {
  const userPoolId = text(data.aws_user_pools_id) ?? '';
  const flow = text(data.authenticationFlowType);
  return {
    name: derivedName(userPoolId),
    region: text(data.aws_cognito_region) ?? text(data.aws_project_region) ?? regionOf(userPoolId),
    userPoolId,
    clientId: text(data.aws_user_pools_web_client_id) ?? '',
    ...(flow && (SIGN_IN_FLOWS as readonly string[]).includes(flow) ? { authFlow: flow } : {}),
  };
}

function amplifyV6(cognito: Json): Json {
  const userPoolId = text(cognito.userPoolId) ?? '';
  const endpoint = text(cognito.userPoolEndpoint);
  return {
    name: derivedName(userPoolId),
    region: regionOf(userPoolId),
    userPoolId,
    clientId: text(cognito.userPoolClientId) ?? '',
    ...(endpoint ? { endpoint } : {}),
  };
}

/** "eu-west-1_AbC123" -> "amplify-abc123": recognisable, and valid as a profile name. */
function derivedName(userPoolId: string): string {
  const suffix = (userPoolId.split('_')[1] ?? '').toLowerCase().replace(/[^a-z0-9._-]/g, '');
  return suffix ? `amplify-${suffix}`.slice(0, 64) : 'amplify';
}

/** The name itself when free, else the first free "name-2", "name-3", ...; an unusable name becomes "imported". */
function freeName(wanted: string, taken: Set<string>): string {
  const base = wanted === '' ? 'imported' : wanted;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base.slice(0, 60)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function regionOf(userPoolId: string): string {
  return userPoolId.split('_')[0] ?? '';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? '';
}
