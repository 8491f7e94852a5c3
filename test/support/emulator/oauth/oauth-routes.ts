import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulator-state.ts';
import type { RecordedRequest } from '../http-server.ts';
import { sendJson } from '../wire-response.ts';
import { openidConfiguration } from './discovery.ts';
import { answerHostedUi } from './hosted-ui.ts';
import { OAuthError, sendOAuthError } from './oauth-error.ts';
import { answerRevoke } from './revoke-endpoint.ts';
import { answerToken } from './token-endpoint.ts';
import { answerUserInfo } from './userinfo-endpoint.ts';

const JSON_TYPE = 'application/json;charset=UTF-8';

/**
 * Answers the managed-login domain and OIDC discovery routes; false when the path is not one of them. Token and
 * revoke calls are recorded as operation "oauth2/token" / "oauth2/revoke" with grant_type and client_id only.
 */
export function answerOAuth(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  text: string,
  requests: RecordedRequest[],
): boolean {
  const discovery = /^\/([^/]+)\/\.well-known\/openid-configuration$/.exec(path);
  if (req.method === 'GET' && discovery) {
    const pool = state.pools.get(decodeURIComponent(discovery[1] ?? ''));
    // The emulator is the pool's domain: its endpoints are on the origin the request came to.
    if (!pool) sendJson(res, 404, { message: 'User pool does not exist.' }, JSON_TYPE);
    else sendJson(res, 200, openidConfiguration(pool, `http://${req.headers.host ?? '127.0.0.1'}`), JSON_TYPE);
    return true;
  }
  const route = `${req.method ?? ''} ${path}`;
  if (route === 'POST /oauth2/token' || route === 'POST /oauth2/revoke') {
    const form = new URLSearchParams(text);
    const body = Object.fromEntries(
      ['grant_type', 'client_id', 'scope'].flatMap((key) => (form.has(key) ? [[key, form.get(key)]] : [])),
    );
    requests.push({ operation: path.slice(1), body, headers: {}, at: state.clock.now() });
  }
  try {
    if (route === 'POST /oauth2/token') sendJson(res, 200, answerToken(state, req, text), JSON_TYPE);
    else if (route === 'POST /oauth2/revoke') {
      answerRevoke(state, req, text);
      res.writeHead(200, { 'content-length': '0' }).end();
    } else if (route === 'GET /oauth2/userInfo' || route === 'POST /oauth2/userInfo')
      sendJson(res, 200, answerUserInfo(state, req), JSON_TYPE);
    else return answerHostedUi(state, req, res, path, text);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    if (error.status === 401) res.setHeader('www-authenticate', `Bearer error="${error.error}"`);
    sendOAuthError(res, error);
  }
  return true;
}
