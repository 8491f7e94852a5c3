import { createHmac } from 'node:crypto';
import { redactAlso } from '../logging/redactor.ts';

/** Cognito's SECRET_HASH: Base64(HMAC-SHA256(key = client secret, message = username + client id)). */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  redactAlso(clientSecret); // never sent itself, but never to be shown either: the redactor knows it by value
  return createHmac('sha256', clientSecret)
    .update(username + clientId, 'utf8')
    .digest('base64');
}
