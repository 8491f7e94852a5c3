import { createHash, generateKeyPair, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** A pool's RSA signing key and its public half as a JWK. */
export interface PoolSigner {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: { kid: string; alg: 'RS256'; kty: 'RSA'; use: 'sig'; n: string; e: string };
}

/** Generates a fresh RSA-2048 key for one pool. */
export async function createPoolSigner(): Promise<PoolSigner> {
  const { privateKey, publicKey } = await new Promise<{ privateKey: KeyObject; publicKey: KeyObject }>(
    (resolve, reject) => {
      generateKeyPair('rsa', { modulusLength: 2048 }, (error, pub, priv) =>
        error ? reject(error) : resolve({ privateKey: priv, publicKey: pub }),
      );
    },
  );
  const exported = publicKey.export({ format: 'jwk' });
  const n = String(exported.n);
  const e = String(exported.e);
  const kid = createHash('sha256').update(n).digest('base64');
  return { kid, privateKey, publicKey, jwk: { kid, alg: 'RS256', kty: 'RSA', use: 'sig', n, e } };
}

/** Signs claims as an RS256 JWT with the pool's key. */
export function signJwt(signer: PoolSigner, claims: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ kid: signer.kid, alg: 'RS256' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const input = `${header}.${payload}`;
  const signature = sign('sha256', Buffer.from(input), signer.privateKey).toString('base64url');
  return `${input}.${signature}`;
}
