import { createHmac, timingSafeEqual } from 'node:crypto';
import { notAuthorized } from './cognito-error.ts';
import type { ClientRecord } from './pool-records.ts';

/** Base64(HMAC-SHA256(client secret, username + client id)), as Cognito computes SECRET_HASH. */
export function secretHashFor(secret: string, username: string, clientId: string): string {
  return createHmac('sha256', secret)
    .update(username + clientId)
    .digest('base64');
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Refuses a request from a client with a secret that carries no SECRET_HASH at all. */
export function requireSecretHashPresent(client: ClientRecord, given: unknown): void {
  if (client.secret !== undefined && (typeof given !== 'string' || given === '')) {
    throw notAuthorized(`Client ${client.id} is configured for secret but secret was not received`);
  }
}

/**
 * Checks SECRET_HASH for a client with a secret; any of `usernames` may have been hashed
 * (a refresh accepts the username or the sub). Clients without a secret ignore it.
 */
export function checkSecretHash(client: ClientRecord, usernames: string[], given: unknown): void {
  requireSecretHashPresent(client, given);
  const secret = client.secret;
  if (secret === undefined || typeof given !== 'string') return;
  if (!usernames.some((name) => same(secretHashFor(secret, name, client.id), given))) {
    throw notAuthorized(`Unable to verify secret hash for client ${client.id}`);
  }
}

/** Checks a raw ClientSecret (GetTokensFromRefreshToken, RevokeToken) against the client's secret. */
export function clientSecretMatches(client: ClientRecord, given: unknown): boolean {
  if (client.secret === undefined) return true;
  return typeof given === 'string' && same(client.secret, given);
}
