import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EmulatorState } from '../emulator-state.ts';
import type { ClientRecord } from '../pool-records.ts';
import { OAuthError } from './oauth-error.ts';

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** client_id and client_secret from HTTP Basic (RFC 6749 §2.3.1: form-urlencoded, then base64) or from the body. */
function credentials(req: IncomingMessage, form: URLSearchParams): { id: string | null; secret: string | null } {
  const header = req.headers.authorization ?? '';
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at < 0) throw new OAuthError('invalid_client');
    return { id: decodeURIComponent(decoded.slice(0, at)), secret: decodeURIComponent(decoded.slice(at + 1)) };
  }
  return { id: form.get('client_id'), secret: form.get('client_secret') };
}

/**
 * The calling app client. Cognito wants a confidential client's secret in the Authorization header as
 * Basic (or, since 2024, client_secret in the body) and refuses a missing or wrong one with invalid_client
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html).
 */
export function authenticateClient(state: EmulatorState, req: IncomingMessage, form: URLSearchParams): ClientRecord {
  const { id, secret } = credentials(req, form);
  if (!id) throw new OAuthError('invalid_request');
  const client = state.clients.get(id);
  if (!client) throw new OAuthError('invalid_client');
  if (client.secret !== undefined && (secret === null || !same(client.secret, secret)))
    throw new OAuthError('invalid_client');
  if (client.secret === undefined && secret) throw new OAuthError('invalid_client');
  return client;
}
