import type { CognitoTransport } from '../cognito/transport.ts';
import { BadInputError } from '../errors.ts';
import type { Profile } from '../profiles/profile.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { authorizeUrl } from './authorize-url.ts';
import { startLoopbackListener } from './loopback-listener.ts';
import { checkIdToken, checkSignedInUser, tokenSetFromOAuth, verifyIdTokenSignature } from './oauth-tokens.ts';
import type { Logger } from '../logging/logger.ts';
import { createPkce, randomToken } from './pkce.ts';
import { OAuthTokenClient } from './token-client.ts';

/** How long a managed login waits for the browser (a person may have to pass a corporate provider's MFA). */
export const MANAGED_LOGIN_TIMEOUT_MS = 5 * 60_000;

/** Shows the managed-login page to the person: the system browser, or a printed URL (`--no-browser`). */
export type OpenUrl = (url: string) => Promise<void>;

/** What a managed login needs. */
export interface ManagedLoginContext {
  profile: Profile;
  clientSecret?: string | undefined;
  transport: CognitoTransport;
  now: () => number;
  open: OpenUrl;
  timeoutMs?: number;
  /** Aborted when the person gives up in the app: the loopback listener closes at once instead of waiting out the timeout. */
  signal?: AbortSignal;
  /** Where the ID token check says what it decided (`--debug`, the app's log). */
  logger?: Logger | undefined;
}

/**
 * Signs in through managed login: PKCE S256, `state` and `nonce`, a one-use loopback listener on
 * 127.0.0.1, the browser at /oauth2/authorize, then the code exchanged at /oauth2/token.
 */
export async function managedLogin(context: ManagedLoginContext): Promise<TokenSet> {
  const { profile } = context;
  if (!profile.domain)
    throw new BadInputError(
      `Profile "${profile.name}" has no domain; set it with: ctm profile edit ${profile.name} --domain URL`,
    );
  const pkce = createPkce();
  const state = randomToken();
  const nonce = randomToken();
  const listener = await startLoopbackListener(
    state,
    context.timeoutMs ?? MANAGED_LOGIN_TIMEOUT_MS,
    profile.callbackPort ?? 0,
  );
  const cancel = (): void => listener.close();
  context.signal?.addEventListener('abort', cancel, { once: true });
  try {
    // Cancelled while the listener started: no browser is opened, and the closed listener ends the sign-in.
    if (context.signal?.aborted) listener.close();
    else {
      await context.open(
        authorizeUrl({
          domain: profile.domain,
          clientId: profile.clientId,
          redirectUri: listener.redirectUri,
          scopes: profile.scopes,
          state,
          nonce,
          codeChallenge: pkce.challenge,
          identityProvider: profile.identityProvider,
          idpIdentifier: profile.idpIdentifier,
        }),
      );
    }
    const { code } = await listener.response;
    const client = new OAuthTokenClient(context.transport, profile.domain, profile.clientId, context.clientSecret);
    const answer = await client.exchangeCode(code, listener.redirectUri, pkce.verifier);
    // Every check before anything is kept: shape (tokenSetFromOAuth), claims, signature, and the user the profile names.
    const tokens = tokenSetFromOAuth(answer, context.now());
    checkIdToken(answer.id_token, profile, nonce);
    await verifyIdTokenSignature(answer.id_token, profile, context.logger);
    checkSignedInUser(tokens, profile);
    return tokens;
  } finally {
    context.signal?.removeEventListener('abort', cancel);
    listener.close();
  }
}
