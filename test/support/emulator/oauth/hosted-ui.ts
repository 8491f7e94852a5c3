import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulator-state.ts';
import type { UserRecord } from '../pool-records.ts';
import { totpMatches } from '../totp.ts';
import {
  AuthorizePageError,
  AuthorizeRedirectError,
  errorRedirect,
  parseAuthorizeRequest,
} from './authorize-request.ts';
import { errorPage, loginPage, totpPage } from './login-page.ts';
import { oauthStore, type AuthorizeRequest } from './oauth-store.ts';

/** Cognito's authorization codes are valid for five minutes (authorization-endpoint.html, "code" response). */
const CODE_LIFETIME_MS = 5 * 60_000;
/** A password-checked login waits this long for its TOTP code (Cognito's default auth session: 3 minutes). */
const MFA_LIFETIME_MS = 3 * 60_000;

function send(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html;charset=UTF-8', 'cache-control': 'no-store', ...headers });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function sameText(a: string | undefined, b: string | null): boolean {
  return a !== undefined && b !== null && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Renders the login form with a fresh XSRF-TOKEN cookie and its `_csrf` copy (the classic hosted UI's double submit). */
function showLogin(res: ServerResponse, query: string, problem?: string): void {
  const csrf = randomBytes(16).toString('hex');
  send(res, 200, loginPage(query, csrf, problem), {
    'set-cookie': `XSRF-TOKEN=${csrf}; Path=/; HttpOnly; SameSite=Lax`,
  });
}

function issueCode(state: EmulatorState, res: ServerResponse, request: AuthorizeRequest, user: UserRecord): void {
  const code = randomUUID();
  const now = state.clock.now();
  oauthStore(state).codes.set(code, { request, user, expiresAt: now + CODE_LIFETIME_MS, used: false, authTime: now });
  const url = new URL(request.redirectUri);
  url.searchParams.set('code', code);
  if (request.state !== undefined) url.searchParams.set('state', request.state);
  redirect(res, url.toString());
}

function checkPassword(request: AuthorizeRequest, form: URLSearchParams): UserRecord | undefined {
  const user = request.client.pool.users.get(form.get('username') ?? '');
  if (!user || user.password !== form.get('password') || user.status !== 'CONFIRMED') return undefined;
  return user;
}

/**
 * GET /oauth2/authorize (redirects to /login with the same query), GET and POST /login, POST /mfa.
 * Answers true when the path was one of them.
 */
export function answerHostedUi(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  text: string,
): boolean {
  const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
  const routes: Record<string, (request: AuthorizeRequest) => void> = {
    'GET /oauth2/authorize': () => redirect(res, `/login?${query}`),
    'GET /login': () => showLogin(res, query),
    'POST /login': (request) => {
      const form = new URLSearchParams(text);
      if (!sameText(cookie(req, 'XSRF-TOKEN'), form.get('_csrf')))
        return send(res, 403, errorPage('Invalid CSRF token'));
      const user = checkPassword(request, form);
      if (!user) return showLogin(res, query, 'Incorrect username or password.');
      if (!user.mfa.enabled.includes('SOFTWARE_TOKEN_MFA') || !user.mfa.totpSecret)
        return issueCode(state, res, request, user);
      const session = randomUUID();
      oauthStore(state).pendingMfa.set(session, { request, user, expiresAt: state.clock.now() + MFA_LIFETIME_MS });
      send(res, 200, totpPage(query, session));
    },
    'POST /mfa': () => {
      const form = new URLSearchParams(text);
      const session = form.get('session') ?? '';
      const pending = oauthStore(state).pendingMfa.get(session);
      if (!pending || pending.expiresAt <= state.clock.now())
        return send(res, 400, errorPage('Your session has expired. Sign in again.'));
      const secret = pending.user.mfa.totpSecret ?? '';
      if (!totpMatches(secret, form.get('totpCode') ?? '', state.clock.now()))
        return send(res, 200, totpPage(query, session, 'Invalid code received for user'));
      oauthStore(state).pendingMfa.delete(session);
      issueCode(state, res, pending.request, pending.user);
    },
  };
  const route = routes[`${req.method ?? ''} ${path}`];
  if (!route) return false;
  try {
    route(parseAuthorizeRequest(state, new URLSearchParams(query)));
  } catch (error) {
    if (error instanceof AuthorizeRedirectError) redirect(res, errorRedirect(error));
    else if (error instanceof AuthorizePageError) send(res, 400, errorPage(error.message));
    else throw error;
  }
  return true;
}
