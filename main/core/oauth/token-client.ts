import { describeNetworkFailure } from '../cognito/cognito-client.ts';
import { CognitoNetworkError, CognitoServiceError } from '../cognito/cognito-errors.ts';
import type { CognitoTransport } from '../cognito/transport.ts';
import { plainText } from '../../shared/plain-text.ts';
import { CtmError } from '../errors.ts';
import { oauthEndpoints } from './oauth-domain.ts';

const TIMEOUT_MS = 15_000;

/** A successful /oauth2/token answer (RFC 6749 §5.1). */
export interface OAuthTokenAnswer {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type?: string;
  expires_in?: number;
}

/** What each OAuth error of Cognito's token and revocation endpoints means for the person who has to fix it. */
const ADVICE: Record<string, string> = {
  invalid_client:
    'Cognito did not accept the app client (invalid_client): check the client id and the client secret stored for the profile',
  invalid_grant:
    'Cognito refused the grant (invalid_grant): the code or refresh token is invalid, expired, revoked or already used',
  unauthorized_client:
    "the app client may not use this OAuth flow (unauthorized_client): enable it in the app client's managed login settings and check its callback URLs",
  invalid_scope:
    "a requested scope is not allowed for this app client (invalid_scope): compare the profile's scopes with the client's allowed OAuth scopes",
  unsupported_grant_type: 'Cognito does not support this grant (unsupported_grant_type)',
  invalid_request: 'Cognito found the request malformed (invalid_request)',
  unsupported_token_type: 'Cognito cannot revoke this kind of token (unsupported_token_type)',
};

/** What /oauth2/revoke's invalid_request means for a request that carries the token. */
const REVOCATION_OFF =
  'token revocation is not enabled for this app client (EnableTokenRevocation; /oauth2/revoke answered invalid_request)';

/** Cognito's OAuth endpoint refused the request with an OAuth error code. */
export class OAuthRefusedError extends CtmError {
  override readonly name: string = 'OAuthRefusedError';
  readonly error: string;
  /** advice: what the error means where the generic ADVICE would mislead (one endpoint's narrower meaning). */
  constructor(serverError: string, advice?: string) {
    const error = plainText(serverError, 100); // the server's word: no control character reaches a terminal or log
    super(
      error === 'invalid_grant' ? 'sign-in-required' : 'service',
      `${advice ?? ADVICE[error] ?? `Cognito answered the OAuth error "${error}"`}.`,
    );
    this.error = error;
  }
}

/** The credentials a confidential client sends: HTTP Basic, as Cognito's token endpoint documentation asks. */
function basic(clientId: string, clientSecret: string): string {
  // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined and base64-encoded.
  const encode = (text: string): string => encodeURIComponent(text).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

/** The form-encoded calls to a user pool domain's /oauth2/token and /oauth2/revoke, over the app's transport. */
export class OAuthTokenClient {
  private readonly transport: CognitoTransport;
  private readonly domain: string;
  private readonly clientId: string;
  private readonly clientSecret: string | undefined;

  constructor(transport: CognitoTransport, domain: string, clientId: string, clientSecret?: string) {
    this.transport = transport;
    this.domain = domain;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** Redeems an authorization code with its PKCE verifier (grant_type=authorization_code). */
  exchangeCode(code: string, redirectUri: string, codeVerifier: string): Promise<OAuthTokenAnswer> {
    return this.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: codeVerifier,
    });
  }

  /** New access and ID tokens from a refresh token (grant_type=refresh_token). */
  refresh(refreshToken: string): Promise<OAuthTokenAnswer> {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** An access token for the client itself (grant_type=client_credentials); no scopes means all the client's allowed ones. */
  clientCredentials(scopes: string[] | undefined): Promise<OAuthTokenAnswer> {
    return this.token({
      grant_type: 'client_credentials',
      ...(scopes && scopes.length > 0 ? { scope: scopes.join(' ') } : {}),
    });
  }

  /** Revokes a refresh token (and the access tokens of its sign-in) at /oauth2/revoke. */
  async revoke(refreshToken: string): Promise<void> {
    try {
      await this.post(oauthEndpoints(this.domain).revoke, { token: refreshToken });
    } catch (error) {
      // The revocation endpoint answers invalid_request when the token is missing (never here) or when token revocation
      // is off for the app client (https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html).
      if (error instanceof OAuthRefusedError && error.error === 'invalid_request')
        throw new OAuthRefusedError(error.error, REVOCATION_OFF);
      throw error;
    }
  }

  private async token(fields: Record<string, string>): Promise<OAuthTokenAnswer> {
    const answer = await this.post(oauthEndpoints(this.domain).token, fields);
    if (
      typeof answer !== 'object' ||
      answer === null ||
      typeof (answer as { access_token?: unknown }).access_token !== 'string'
    ) {
      throw new CtmError('service', 'The token endpoint answered without an access token.');
    }
    return answer as OAuthTokenAnswer;
  }

  private async post(url: string, fields: Record<string, string>): Promise<unknown> {
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const body = new URLSearchParams(fields);
    if (this.clientSecret !== undefined) headers.Authorization = basic(this.clientId, this.clientSecret);
    else body.set('client_id', this.clientId);
    let answer: { status: number; body: string };
    try {
      answer = await this.transport.post(url, headers, body.toString(), TIMEOUT_MS);
    } catch (error) {
      if (error instanceof CognitoNetworkError) throw error; // the proxy's failure, named (proxy-failure.ts)
      throw new CognitoNetworkError(
        `Could not reach ${new URL(url).origin} (${describeNetworkFailure(error)}). Check the network and the profile's domain.`,
        { cause: error },
      );
    }
    const parsed = parseJson(answer.body);
    if (answer.status >= 200 && answer.status < 300) return parsed ?? {};
    const error = (parsed as { error?: unknown } | undefined)?.error;
    if (typeof error === 'string' && answer.status < 500) throw new OAuthRefusedError(error);
    if (answer.status >= 500)
      throw new CognitoServiceError('InternalErrorException', `HTTP ${answer.status}`, answer.status);
    throw new CognitoNetworkError(
      `${new URL(url).origin} answered HTTP ${answer.status} without an OAuth error. Check the profile's domain.`,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
