import type { ServerResponse } from 'node:http';
import { sendJson } from '../wire-response.ts';

/**
 * An OAuth 2.0 error as Cognito's endpoints answer it: `{"error":"invalid_grant"}` with HTTP 400
 * (token endpoint: https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html,
 * revocation endpoint: https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html).
 */
export class OAuthError extends Error {
  readonly error: string;
  readonly status: number;
  constructor(error: string, status = 400) {
    super(error);
    this.error = error;
    this.status = status;
  }
}

/** Sends an OAuthError as JSON (Cognito's endpoints give no error_description for most errors). */
export function sendOAuthError(res: ServerResponse, error: OAuthError): void {
  sendJson(res, error.status, { error: error.error }, 'application/json;charset=UTF-8');
}
