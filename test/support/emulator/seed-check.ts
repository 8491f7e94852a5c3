import type { Seed } from './seed-types.ts';

const statuses = ['CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'UNCONFIRMED', 'RESET_REQUIRED'];
const mfaMethods = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'];
const flows = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
];

function fail(where: string, what: string): never {
  throw new Error(`Invalid emulator seed at ${where}: ${what}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(where: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) fail(where, 'expected an array');
  return value;
}

// API_RefreshTokenRotationType: RetryGracePeriodSeconds is an integer from 0 to 60.
function checkRotation(where: string, rotation: unknown): void {
  if (rotation === undefined) return;
  if (!isRecord(rotation) || typeof rotation.enabled !== 'boolean')
    fail(where, 'expected { "enabled": boolean, "retryGracePeriodSeconds"?: 0-60 }');
  const grace = rotation.retryGracePeriodSeconds;
  if (grace !== undefined && !(Number.isInteger(grace) && Number(grace) >= 0 && Number(grace) <= 60))
    fail(`${where}.retryGracePeriodSeconds`, 'expected an integer from 0 to 60');
}

function checkClient(where: string, client: unknown): void {
  if (!isRecord(client) || typeof client.id !== 'string' || client.id === '') fail(where, 'a client needs a string id');
  for (const key of [
    'accessTokenValiditySeconds',
    'idTokenValiditySeconds',
    'refreshTokenValiditySeconds',
    'authSessionValiditySeconds',
  ]) {
    const value = client[key];
    if (value !== undefined && !(typeof value === 'number' && value > 0))
      fail(`${where}.${key}`, 'expected a positive number');
  }
  if (client.secret !== undefined && typeof client.secret !== 'string') fail(`${where}.secret`, 'expected a string');
  if (client.enableTokenRevocation !== undefined && typeof client.enableTokenRevocation !== 'boolean')
    fail(`${where}.enableTokenRevocation`, 'expected a boolean');
  checkRotation(`${where}.refreshTokenRotation`, client.refreshTokenRotation);
  for (const flow of client.explicitAuthFlows === undefined
    ? []
    : list(`${where}.explicitAuthFlows`, client.explicitAuthFlows)) {
    if (typeof flow !== 'string' || !flows.includes(flow))
      fail(`${where}.explicitAuthFlows`, `unknown flow ${String(flow)}`);
  }
}

function checkUser(where: string, user: unknown): void {
  if (!isRecord(user) || typeof user.username !== 'string' || typeof user.password !== 'string') {
    fail(where, 'a user needs a string username and password');
  }
  if (user.status !== undefined && !statuses.includes(String(user.status)))
    fail(`${where}.status`, `unknown status ${String(user.status)}`);
  if (user.attributes !== undefined && !isRecord(user.attributes)) fail(`${where}.attributes`, 'expected an object');
  if (user.mfa !== undefined) {
    if (!isRecord(user.mfa)) fail(`${where}.mfa`, 'expected an object');
    const methods = user.mfa.enabled === undefined ? [] : list(`${where}.mfa.enabled`, user.mfa.enabled);
    for (const method of [...methods, ...(user.mfa.preferred === undefined ? [] : [user.mfa.preferred])]) {
      if (!mfaMethods.includes(String(method))) fail(`${where}.mfa`, `unknown MFA method ${String(method)}`);
    }
  }
  if (user.customChallenge !== undefined) {
    if (!isRecord(user.customChallenge)) fail(`${where}.customChallenge`, 'expected an object');
    list(`${where}.customChallenge.rounds`, user.customChallenge.rounds).forEach((round, r) => {
      if (!isRecord(round) || !isRecord(round.parameters) || typeof round.answer !== 'string') {
        fail(
          `${where}.customChallenge.rounds[${r}]`,
          'a round needs "parameters" (an object of strings) and "answer" (a string)',
        );
      }
    });
  }
}

function checkAws(value: Record<string, unknown>, poolIds: Set<string>): void {
  if (value.iam !== undefined) {
    if (!isRecord(value.iam)) fail('$.iam', 'expected { "accountId"?, "users": [...] }');
    if (value.iam.accountId !== undefined && !/^\d{12}$/.test(String(value.iam.accountId)))
      fail('$.iam.accountId', 'expected 12 digits');
    list('$.iam.users', value.iam.users).forEach((user, u) => {
      if (
        !isRecord(user) ||
        typeof user.name !== 'string' ||
        typeof user.accessKeyId !== 'string' ||
        typeof user.secretAccessKey !== 'string'
      )
        fail(`$.iam.users[${u}]`, 'a user needs string name, accessKeyId and secretAccessKey');
      if (user.allow !== undefined && !list(`$.iam.users[${u}].allow`, user.allow).every((a) => typeof a === 'string'))
        fail(`$.iam.users[${u}].allow`, 'expected strings');
    });
  }
  list('$.identityPools', value.identityPools ?? []).forEach((pool, p) => {
    const where = `$.identityPools[${p}]`;
    if (!isRecord(pool) || typeof pool.id !== 'string' || !/^[\w-]+:[0-9a-f-]+$/.test(pool.id))
      fail(where, 'an identity pool needs an id like "us-east-1:0000abcd-..." (API_GetId: [\\w-]+:[0-9a-f-]+)');
    list(`${where}.providers`, pool.providers).forEach((provider, i) => {
      if (!isRecord(provider) || !poolIds.has(String(provider.userPoolId)) || typeof provider.clientId !== 'string')
        fail(`${where}.providers[${i}]`, 'a provider needs the userPoolId of a seeded pool and a clientId');
    });
    if (pool.roleMapping !== undefined && pool.roleMapping !== 'Token')
      fail(`${where}.roleMapping`, 'expected "Token"');
    const validity = pool.credentialsValiditySeconds;
    if (validity !== undefined && !(typeof validity === 'number' && validity > 0))
      fail(`${where}.credentialsValiditySeconds`, 'expected a positive number');
  });
}

/** Checks the shape of a seed document, naming the first problem it finds. */
export function checkSeed(value: unknown): asserts value is Seed {
  if (!isRecord(value)) fail('$', 'expected an object with "pools"');
  const clientIds = new Set<string>();
  const poolIds = new Set<string>();
  list('$.pools', value.pools).forEach((pool, p) => {
    const where = `$.pools[${p}]`;
    if (!isRecord(pool) || typeof pool.id !== 'string' || !/^[\w-]+_[0-9a-zA-Z]+$/.test(pool.id)) {
      fail(where, 'a pool needs an id like "us-east-1_Example1"');
    }
    poolIds.add(pool.id);
    if (pool.deviceTracking !== undefined && !['off', 'always', 'user-opt-in'].includes(String(pool.deviceTracking))) {
      fail(`${where}.deviceTracking`, 'expected "off", "always" or "user-opt-in"');
    }
    if (
      pool.unknownDeviceError !== undefined &&
      !['ResourceNotFoundException', 'InvalidParameterException'].includes(String(pool.unknownDeviceError))
    ) {
      fail(`${where}.unknownDeviceError`, 'expected "ResourceNotFoundException" or "InvalidParameterException"');
    }
    if (pool.issuerType !== undefined && pool.issuerType !== 'ORIGINAL' && pool.issuerType !== 'UPDATED')
      fail(`${where}.issuerType`, 'expected "ORIGINAL" or "UPDATED"');
    for (const method of pool.mfaSetupMethods === undefined
      ? []
      : list(`${where}.mfaSetupMethods`, pool.mfaSetupMethods)) {
      if (method !== 'SOFTWARE_TOKEN_MFA' && method !== 'EMAIL_OTP')
        fail(`${where}.mfaSetupMethods`, `expected SOFTWARE_TOKEN_MFA or EMAIL_OTP, not ${String(method)}`);
    }
    const usernameAttributes =
      pool.usernameAttributes === undefined ? [] : list(`${where}.usernameAttributes`, pool.usernameAttributes);
    for (const attribute of usernameAttributes) {
      if (attribute !== 'email' && attribute !== 'phone_number')
        fail(`${where}.usernameAttributes`, `expected email or phone_number, not ${String(attribute)}`);
    }
    list(`${where}.clients`, pool.clients).forEach((client, c) => {
      checkClient(`${where}.clients[${c}]`, client);
      const id = (client as { id: string }).id;
      if (clientIds.has(id)) fail(`${where}.clients[${c}]`, `duplicate client id ${id}`);
      clientIds.add(id);
    });
    list(`${where}.users`, pool.users).forEach((user, u) => {
      checkUser(`${where}.users[${u}]`, user);
      const attributes = (user as { attributes?: Record<string, unknown> }).attributes ?? {};
      if (
        usernameAttributes.length > 0 &&
        !usernameAttributes.some((name) => typeof attributes[String(name)] === 'string')
      ) {
        fail(
          `${where}.users[${u}].attributes`,
          `a user of a pool with usernameAttributes needs one of ${usernameAttributes.join(', ')} to sign in with`,
        );
      }
    });
  });
  checkAws(value, poolIds);
}
