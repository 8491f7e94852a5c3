/** The error codes of RFC 6749 §5.2, plus the two server-side ones clients understand (§4.1.2.1). */
export type TokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'server_error'
  | 'temporarily_unavailable';

/** A refusal of the token endpoint: its HTTP status, §5.2 code and a description a person can act on (never a secret). */
export class TokenEndpointError extends Error {
  override readonly name: string = 'TokenEndpointError';
  readonly status: number;
  readonly code: TokenErrorCode;
  /** Extra response headers (WWW-Authenticate for invalid_client, Allow for a wrong method). */
  readonly headers: Record<string, string>;

  constructor(status: number, code: TokenErrorCode, description: string, headers: Record<string, string> = {}) {
    super(description);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** §5.2: invalid_client is 401 with a WWW-Authenticate challenge when the client tried (or may use) HTTP Basic. */
export function invalidClient(description: string): TokenEndpointError {
  return new TokenEndpointError(401, 'invalid_client', description, {
    'WWW-Authenticate': 'Basic realm="ctm token endpoint", charset="UTF-8"',
  });
}

/** A malformed request (§5.2 invalid_request, 400). */
export function invalidRequest(description: string): TokenEndpointError {
  return new TokenEndpointError(400, 'invalid_request', description);
}
