import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { startEmulator, type Emulator, type Seed } from '../index.ts';

/** A password every seeded test user shares unless a test says otherwise. */
export const password = 'Correct-Horse-1';

/** A client secret for the secret client of the default seed. */
export const clientSecret = 's3cr3t-client-secret';

/** The seed most emulator tests start from; tests extend it through `patch`. */
export function baseSeed(patch: (seed: Seed) => void = () => undefined): Seed {
  const seed: Seed = {
    pools: [
      {
        id: 'us-east-1_Example1',
        requiredAttributes: ['email'],
        clients: [
          { id: 'publicclient1' },
          { id: 'secretclient1', secret: clientSecret },
          { id: 'passwordonly1', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
        ],
        users: [
          {
            username: 'alice',
            password,
            attributes: { email: 'alice@example.com', phone_number: '+15555551234' },
            groups: ['admins'],
          },
          { username: 'bob', password, attributes: { email: 'bob@example.com' } },
          { username: 'una', password, status: 'UNCONFIRMED' },
          { username: 'rita', password, status: 'RESET_REQUIRED' },
        ],
      },
    ],
  };
  patch(seed);
  return seed;
}

/** The status and parsed JSON body of one answer. */
export interface WireAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** Calls one Cognito operation over real HTTP. */
export async function call(emulator: Emulator, operation: string, body: unknown): Promise<WireAnswer> {
  const response = await fetch(emulator.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** Starts an emulator on a free port with the base seed (or the given one). */
export function start(seed: Seed = baseSeed()): Promise<Emulator> {
  return startEmulator({ seed, port: 0 });
}

/** The AuthenticationResult of an answer, typed loosely for assertions. */
export function authResult(answer: WireAnswer): Record<string, unknown> {
  return (answer.body.AuthenticationResult ?? {}) as Record<string, unknown>;
}

/** Decodes a JWT's payload without checking it. */
export function claimsOf(jwt: unknown): Record<string, unknown> {
  const payload = String(jwt).split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Checks a JWT's RS256 signature against the JWKS the emulator serves for the pool its issuer names. */
export async function signatureIsValid(emulator: Emulator, jwt: string): Promise<boolean> {
  const [header = '', payload = '', signature = ''] = jwt.split('.');
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid: string };
  const poolId = String(claimsOf(jwt).iss).split('/').at(-1) ?? '';
  const jwks = (await (await fetch(`${emulator.endpoint}${poolId}/.well-known/jwks.json`)).json()) as {
    keys: (JsonWebKey & { kid: string })[];
  };
  const jwk = jwks.keys.find((key) => key.kid === kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'));
}

/** A USER_PASSWORD_AUTH sign-in of `username` with the shared password. */
export function passwordSignIn(
  emulator: Emulator,
  username: string,
  extra: Record<string, string> = {},
  clientId = 'publicclient1',
): Promise<WireAnswer> {
  return call(emulator, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password, ...extra },
  });
}
