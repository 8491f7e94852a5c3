import type { PoolRecord } from './pool-records.ts';

/**
 * The `iss` of a pool's tokens, as AWS mints it whatever endpoint served the request: `https://cognito-idp.<region>.
 * amazonaws.com/<poolId>` (developer guide, amazon-cognito-user-pools-using-tokens-verifying-a-jwt), or with
 * IssuerConfiguration UPDATED `https://issuer-cognito-idp.<region>.amazonaws.com/<poolId>` (API reference,
 * IssuerConfigurationType), with the China partition's `amazonaws.com.cn` for `cn-*` regions. Its keys are still
 * served by the emulator, at `<endpoint><poolId>/.well-known/jwks.json`.
 */
export function issuerOf(pool: PoolRecord): string {
  const domain = pool.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const host = pool.issuerType === 'UPDATED' ? 'issuer-cognito-idp' : 'cognito-idp';
  return `https://${host}.${pool.region}.${domain}/${pool.id}`;
}
