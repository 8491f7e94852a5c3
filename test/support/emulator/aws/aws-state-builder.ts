import { createHash } from 'node:crypto';
import { createPoolSigner } from '../pool-signer.ts';
import type { Seed } from '../seed-types.ts';
import type { AwsState, IdentityPoolRecord } from './aws-state.ts';

/** The account the emulator plays when the seed names none. */
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** A stable unique id of an IAM principal (`AIDA` users, `AROA` roles): 21 characters, as IAM's are. */
export function uniqueId(prefix: 'AIDA' | 'AROA', name: string): string {
  const digits = createHash('sha256')
    .update(name)
    .digest('base64')
    .replace(/[^A-Z0-9]/gi, '')
    .toUpperCase();
  return `${prefix}${digits.slice(0, 17)}`;
}

/** The Logins key of a user pool: `cognito-idp.<region>.amazonaws.com/<poolId>` (identity pools developer guide). */
export function providerNameOf(userPoolId: string): string {
  const region = userPoolId.slice(0, userPoolId.indexOf('_'));
  return `cognito-idp.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}/${userPoolId}`;
}

/** Builds the IAM users and identity pools of a seed. */
export async function buildAwsState(seed: Seed): Promise<AwsState> {
  const accountId = seed.iam?.accountId ?? DEFAULT_ACCOUNT_ID;
  const state: AwsState = {
    accountId,
    principals: new Map(),
    identityPools: new Map(),
    identities: new Map(),
    openIdSigner: await createPoolSigner(),
  };
  for (const user of seed.iam?.users ?? []) {
    state.principals.set(user.accessKeyId, {
      kind: 'user',
      name: user.name,
      accessKeyId: user.accessKeyId,
      secretAccessKey: user.secretAccessKey,
      arn: `arn:aws:iam::${accountId}:user/${user.name}`,
      userId: uniqueId('AIDA', `${accountId}/${user.name}`),
      allow: [...(user.allow ?? ['*'])],
    });
  }
  for (const pool of seed.identityPools ?? []) {
    const providers = new Map<string, Set<string>>();
    for (const provider of pool.providers) {
      const name = providerNameOf(provider.userPoolId);
      providers.set(name, new Set([...(providers.get(name) ?? []), provider.clientId]));
    }
    const record: IdentityPoolRecord = {
      id: pool.id,
      region: pool.id.slice(0, pool.id.indexOf(':')),
      providers,
      authenticatedRoleArn: pool.authenticatedRoleArn,
      unauthenticatedRoleArn: pool.unauthenticatedRoleArn,
      allowUnauthenticated: pool.allowUnauthenticated ?? false,
      roleMapping: pool.roleMapping,
      credentialsValiditySeconds: pool.credentialsValiditySeconds ?? 3600,
    };
    state.identityPools.set(pool.id, record);
  }
  return state;
}
