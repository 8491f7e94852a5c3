import type { EmulatorState } from '../emulator-state.ts';
import type { ClientRecord, UserRecord } from '../pool-records.ts';

/** A validated /oauth2/authorize request, carried through the login pages. */
export interface AuthorizeRequest {
  client: ClientRecord;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
}

/** An authorization code handed out by the login page. */
export interface CodeRecord {
  request: AuthorizeRequest;
  user: UserRecord;
  expiresAt: number;
  used: boolean;
  authTime: number;
}

/** A login that passed the password and waits for its TOTP code. */
export interface PendingMfa {
  request: AuthorizeRequest;
  user: UserRecord;
  expiresAt: number;
}

/** What the OAuth endpoints remember besides the API's state: codes, MFA waits, the scopes of refresh tokens. */
export interface OAuthStore {
  codes: Map<string, CodeRecord>;
  pendingMfa: Map<string, PendingMfa>;
  /** The scopes a refresh token was granted with, so renewed access tokens keep them. */
  refreshScopes: Map<string, string[]>;
}

const stores = new WeakMap<EmulatorState, OAuthStore>();

/** The OAuth store of one running emulator (created on first use, dropped with the emulator). */
export function oauthStore(state: EmulatorState): OAuthStore {
  let store = stores.get(state);
  if (!store) stores.set(state, (store = { codes: new Map(), pendingMfa: new Map(), refreshScopes: new Map() }));
  return store;
}
