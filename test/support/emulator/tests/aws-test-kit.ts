import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Emulator, Seed } from '../index.ts';
import { authResult, baseSeed, passwordSignIn } from './emulator-test-kit.ts';

/** The seeded administrator's access key (an IAM user allowed everything). */
export const adminKey = {
  accessKeyId: 'AKIAEMULATORADMIN001',
  secretAccessKey: 'emulator/admin/secret/key/0000000000000001',
};
/** A seeded IAM user allowed nothing but what needs no permission (GetCallerIdentity). */
export const readOnlyKey = {
  accessKeyId: 'AKIAEMULATORREADER01',
  secretAccessKey: 'emulator/reader/secret/key/000000000000002',
};
/** The identity pool of the AWS seed. */
export const identityPoolId = 'us-east-1:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
/** The identity pool whose roles come from the ID token (cognito:roles). */
export const tokenRolePoolId = 'us-east-1:11111111-2222-4333-8444-555555555555';
/** Its authenticated role. */
export const authenticatedRole = 'arn:aws:iam::123456789012:role/Cognito_ExampleAuth_Role';
/** The role of the `admins` group. */
export const adminsRole = 'arn:aws:iam::123456789012:role/ExampleAdmins';
/** Another group's role. */
export const auditorsRole = 'arn:aws:iam::123456789012:role/ExampleAuditors';
/** The Logins key of the base seed's pool. */
export const provider = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Example1';

/** The base seed plus IAM users, two identity pools and an admin-enabled client. */
export function awsSeed(patch: (seed: Seed) => void = () => undefined): Seed {
  return baseSeed((seed) => {
    const pool = seed.pools[0];
    if (!pool) throw new Error('base seed without a pool');
    pool.clients.push({
      id: 'adminclient1',
      explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    pool.clients.push({
      id: 'adminsecret1',
      secret: 'admin-client-secret',
      explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    });
    pool.groupRoles = { admins: adminsRole, auditors: auditorsRole };
    const alice = pool.users.find((user) => user.username === 'alice');
    if (alice) alice.groups = ['admins', 'auditors'];
    seed.iam = {
      users: [
        { name: 'ctm-admin', ...adminKey },
        { name: 'reader', ...readOnlyKey, allow: [] },
      ],
    };
    seed.identityPools = [
      {
        id: identityPoolId,
        providers: [
          { userPoolId: 'us-east-1_Example1', clientId: 'publicclient1' },
          { userPoolId: 'us-east-1_Example1', clientId: 'adminclient1' },
        ],
        authenticatedRoleArn: authenticatedRole,
      },
      {
        id: tokenRolePoolId,
        providers: [{ userPoolId: 'us-east-1_Example1', clientId: 'publicclient1' }],
        authenticatedRoleArn: authenticatedRole,
        roleMapping: 'Token',
      },
    ];
    patch(seed);
  });
}

type Bytes = string | ArrayBuffer | ArrayBufferView;
function bytes(data: Bytes): string | Buffer {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}

/** Node's SHA-256 in the shape @smithy/signature-v4 asks for (keyed: HMAC). */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: Bytes) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Bytes): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }
  reset(): void {
    /* one digest per instance */
  }
}

/** AWS credentials as the SDKs hold them. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A request to the emulator signed by AWS's own SigV4 signer (@smithy/signature-v4), optionally altered after signing. */
export async function signedFetch(
  emulator: Emulator,
  options: {
    service: string;
    credentials: Credentials;
    headers: Record<string, string>;
    body: string;
    signedAt?: Date;
    tamper?: (headers: Record<string, string>) => string | undefined;
  },
): Promise<{ status: number; text: string }> {
  const url = new URL(emulator.endpoint);
  const signer = new SignatureV4({
    service: options.service,
    region: 'us-east-1',
    credentials: options.credentials,
    sha256: NodeSha256,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: {},
      headers: { host: url.host, ...options.headers },
      body: options.body,
    },
    options.signedAt ? { signingDate: options.signedAt } : {},
  );
  const headers = { ...(signed.headers as Record<string, string>) };
  delete headers.host;
  const body = options.tamper?.(headers) ?? options.body;
  const response = await fetch(emulator.endpoint, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

/** A signed JSON 1.1 call (cognito-idp Admin* operations). */
export async function signedJson(
  emulator: Emulator,
  target: string,
  body: unknown,
  credentials: Credentials = adminKey,
  extra: { service?: string; signedAt?: Date; tamper?: (headers: Record<string, string>) => string | undefined } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await signedFetch(emulator, {
    service: extra.service ?? 'cognito-idp',
    credentials,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    ...(extra.signedAt ? { signedAt: extra.signedAt } : {}),
    ...(extra.tamper ? { tamper: extra.tamper } : {}),
  });
  return { status: answer.status, body: JSON.parse(answer.text) as Record<string, unknown> };
}

/** STS GetCallerIdentity over the query protocol, signed; the XML answer's Code / Arn pulled out. */
export async function callerIdentity(
  emulator: Emulator,
  credentials: Credentials,
  extra: { signedAt?: Date; service?: string; tamper?: (headers: Record<string, string>) => string | undefined } = {},
): Promise<{ status: number; arn?: string; code?: string; message?: string; account?: string }> {
  const answer = await signedFetch(emulator, {
    service: extra.service ?? 'sts',
    credentials,
    body: 'Action=GetCallerIdentity&Version=2011-06-15',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    ...(extra.signedAt ? { signedAt: extra.signedAt } : {}),
    ...(extra.tamper ? { tamper: extra.tamper } : {}),
  });
  const field = (name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(answer.text)?.[1];
  const result: { status: number; arn?: string; code?: string; message?: string; account?: string } = {
    status: answer.status,
  };
  for (const [key, name] of [
    ['arn', 'Arn'],
    ['code', 'Code'],
    ['message', 'Message'],
    ['account', 'Account'],
  ] as const) {
    const value = field(name);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** An unsigned cognito-identity call (its operations are public APIs). */
export async function identityCall(
  emulator: Emulator,
  operation: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(emulator.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Bob's identity-pool credentials (GetId + GetCredentialsForIdentity with his ID token), as an SDK holds them. */
export async function identityCredentials(emulator: Emulator): Promise<Required<Credentials>> {
  const token = String(authResult(await passwordSignIn(emulator, 'bob')).IdToken);
  const id = await identityCall(emulator, 'GetId', { IdentityPoolId: identityPoolId, Logins: { [provider]: token } });
  const answer = await identityCall(emulator, 'GetCredentialsForIdentity', {
    IdentityId: id.body.IdentityId,
    Logins: { [provider]: token },
  });
  const c = answer.body.Credentials as { AccessKeyId: string; SecretKey: string; SessionToken: string };
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken };
}
