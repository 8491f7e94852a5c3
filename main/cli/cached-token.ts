import { CtmError } from '../core/errors.ts';
import { KeytarSecretStore } from '../core/keychain/keytar-secret-store.ts';
import { Vault } from '../core/keychain/vault.ts';
import { configDir } from '../core/profiles/config-dir.ts';
import { readValidatedProfiles } from '../core/profiles/validated-marker.ts';
import { isFreshEnough } from '../core/tokens/refresh-margin.ts';
import { formatToken } from '../core/tokens/token-format.ts';
import { join } from 'node:path';
import { parseTokenRequest } from './commands/token-request.ts';
import { exitCodeFor } from './exit-codes.ts';
import { whileWaiting } from './progress.ts';
import type { Terminal } from './terminal.ts';

/**
 * `ctm token` when its answer is already in the keychain: the one path that must start fast, so it loads neither the
 * validator, nor the Cognito client, nor the other commands. It serves only the plain case (a named or CTM_PROFILE
 * profile, a profiles file the full path has validated as it is, a session fresh enough) and returns undefined for
 * everything else, which the full CLI then handles with all its checks and messages.
 */
export async function cachedToken(argv: string[], terminal: Terminal, env: NodeJS.ProcessEnv = process.env, now = Date.now()): Promise<number | undefined> {
  if (argv[0] !== 'token') return undefined;
  let request;
  try {
    request = parseTokenRequest(argv.slice(1));
  } catch {
    return undefined;
  }
  const name = request.positionals.length === 1 ? request.positionals[0] : request.positionals.length === 0 ? env.CTM_PROFILE : undefined;
  // --clip runs clipboard programs and a clearer: the full path does that.
  if (request.help || request.clip || !name) return undefined;
  const profiles = await readValidatedProfiles(join(configDir(env), 'profiles.json'));
  const profile = profiles?.find((p) => p.name === name || p.id === name);
  if (!profile) return undefined;
  try {
    const session = await whileWaiting(terminal, 'Reading the keychain…', new Vault(new KeytarSecretStore(), configDir(env)).cachedTokens(profile.id));
    if (!session || !isFreshEnough(session, now, request.minTtlMs)) return undefined;
    terminal.stdout.write(`${formatToken(session, request.kind, request.format, profile.name)}\n`);
    return 0;
  } catch (error) {
    // A keychain that is locked or does not answer would only make the full path wait as long again: say it now.
    if (error instanceof CtmError && error.kind === 'keychain') {
      terminal.stderr.write(`ctm: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return exitCodeFor(error.kind);
    }
    return undefined;
  }
}
