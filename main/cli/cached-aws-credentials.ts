import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { askAgent } from '../core/agent/agent-client.ts';
import { agentSocketPath } from '../core/agent/agent-socket.ts';
import { credentialProcessJson, credentialsFresh } from '../core/aws/aws-credentials.ts';
import { AwsCredentialCache, credentialsFor } from '../core/aws/credential-cache.ts';
import { KeytarSecretStore } from '../core/keychain/keytar-secret-store.ts';
import { configDir } from '../core/profiles/config-dir.ts';
import { profileNamedBy, profileRef } from '../core/profiles/profile-ref.ts';
import { readValidatedProfiles } from '../core/profiles/validated-marker.ts';
import type { FastOutput } from './cached-token.ts';

/**
 * `ctm aws-credentials NAME` when its answer is cached: the AWS CLI runs a credential_process before every command,
 * so this path loads what the cached `ctm token` loads (the validated profiles, keytar for the cache key, the sealed
 * file) and nothing else. Undefined for anything else (flags, no fresh credentials), which the full CLI handles.
 */
export async function cachedAwsCredentials(
  argv: string[],
  out: FastOutput,
  env: NodeJS.ProcessEnv = process.env,
  now = Date.now(),
): Promise<number | undefined> {
  if (argv[0] !== 'aws-credentials' || argv.length > 2 || argv[1]?.startsWith('-')) return undefined;
  const name = argv[1] ?? (env.CTM_PROFILE || undefined);
  if (name === undefined) return undefined;
  const dir = configDir(env);
  // A running token agent answers from memory (no keychain read); CTM_NO_AGENT=1 skips it.
  const socket = env.CTM_NO_AGENT === '1' ? undefined : agentSocketPath(dir);
  if (socket && existsSync(socket)) {
    const reply = await askAgent(socket, { v: 1, op: 'aws-credentials', profile: name });
    if (reply?.ok && 'aws' in reply && credentialsFresh(reply.aws, now)) {
      out.stdout.write(`${credentialProcessJson(reply.aws)}\n`);
      return 0;
    }
  }
  const profile = profileNamedBy((await readValidatedProfiles(join(dir, 'profiles.json'))) ?? [], profileRef(name));
  if (!profile?.identityPoolId) return undefined;
  const credentials = credentialsFor(
    await new AwsCredentialCache(new KeytarSecretStore(), dir).read(profile.id),
    profile.identityPoolId,
    profile.roleArn,
  );
  if (!credentials || !credentialsFresh(credentials, now)) return undefined;
  out.stdout.write(`${credentialProcessJson(credentials)}\n`);
  return 0;
}
