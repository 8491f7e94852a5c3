import { randomUUID } from 'node:crypto';
import { refreshSession, RefreshRefusedError } from '../auth/refresh-session.ts';
import { managedLogin, type OpenUrl } from '../oauth/managed-login.ts';
import { refreshOAuthSession, requestClientCredentials, revokeOAuthSession, usesOAuth } from '../oauth/oauth-session.ts';
import { SignInConversation } from '../auth/sign-in-conversation.ts';
import { answerCanBeRetried } from '../auth/answer-retry.ts';
import { revokeAtServer, type SignOutResult } from '../auth/sign-out.ts';
import { vaultDeviceMemory } from '../auth/vault-device-memory.ts';
import type { ChallengeAnswer, SignInCredentials, SignInOutcome } from '../auth/sign-in-types.ts';
import type { Clock } from '../clock.ts';
import { CognitoClient } from '../cognito/cognito-client.ts';
import { cognitoEndpoint } from '../cognito/endpoint.ts';
import type { CognitoTransport } from '../cognito/transport.ts';
import { asCtmError, BadInputError, NotFoundError, SignInRequiredError } from '../errors.ts';
import type { Vault } from '../keychain/vault.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';
import { isFreshEnough, refreshMargin } from '../tokens/refresh-margin.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { crashPoint } from '../crash-point.ts';
import { isDefiniteRefusal } from '../scheduler/refresh-failure.ts';
import { sessionState, type ProfileStatus, type SignInStep } from './session-state.ts';

/** The outside services sessions need, passed in so tests can use real ones or fakes. */
export interface SessionDependencies {
  profiles: ProfileStore;
  vault: Vault;
  transport: CognitoTransport;
  clock: Clock;
}

interface PendingConversation {
  profileId: string;
  conversation: SignInConversation;
  startedAt: number;
}

/** A challenge conversation is forgotten after this long (Cognito's sessions last 3 to 15 minutes). */
const CONVERSATION_TTL_MS = 15 * 60_000;

/** Signs profiles in, keeps their tokens (memory and keychain), refreshes them on demand and signs them out. */
export class SessionService {
  private readonly deps: SessionDependencies;
  private readonly cache = new Map<string, TokenSet>();
  private readonly inflight = new Map<string, Promise<TokenSet>>();
  private readonly conversations = new Map<string, PendingConversation>();
  /** Managed logins waiting for the browser, by profile id: aborting one closes its loopback listener. */
  private readonly browserSignIns = new Map<string, AbortController>();
  private readonly problems = new Map<string, { state: 'sign-in-required' | 'error'; message: string }>();
  /** Profiles whose newest tokens are only in memory because the keychain refused or did not answer the save. */
  private readonly unsaved = new Set<string>();

  constructor(deps: SessionDependencies) {
    this.deps = deps;
  }

  /** Starts a sign-in with the profile's flow. */
  async startSignIn(profileRef: string, credentials: SignInCredentials): Promise<SignInStep> {
    const profile = await this.deps.profiles.get(profileRef);
    // Client credentials need no person: "signing in" is asking the token endpoint.
    if (profile.authFlow === 'CLIENT_CREDENTIALS') return this.signedIn(profile, await requestClientCredentials(await this.oauthContext(profile)));
    if (profile.authFlow === 'MANAGED_LOGIN') throw new BadInputError(`Profile "${profile.name}" signs in through managed login in the browser: run ctm login ${profile.name}`);
    const lastUser = (this.cache.get(profile.id) ?? (await this.deps.vault.session(profile.id).catch(() => undefined)))?.userId;
    const devices = vaultDeviceMemory(this.deps.vault, profile.userPoolId, credentials.username ?? profile.username, lastUser);
    const conversation = new SignInConversation({ profile, client: this.clientFor(profile), now: () => this.deps.clock.now(), devices, ...(await this.secretOf(profile)) });
    const outcome = await conversation.start(credentials);
    return this.advance(profile, conversation, randomUUID(), outcome);
  }

  /** Signs a MANAGED_LOGIN profile in through the browser (`open` shows the URL); the refresh token goes to the keychain. */
  async signInWithBrowser(profileRef: string, open: OpenUrl, timeoutMs?: number): Promise<SignInStep> {
    // Registered before any await, so a cancel that follows at once (the window's Cancel) always finds it.
    const controller = new AbortController();
    this.browserSignIns.get(profileRef)?.abort(); // a new sign-in replaces one still waiting
    this.browserSignIns.set(profileRef, controller);
    try {
      const profile = await this.deps.profiles.get(profileRef);
      const tokens = await managedLogin({ ...(await this.oauthContext(profile)), open, signal: controller.signal, ...(timeoutMs ? { timeoutMs } : {}) });
      return await this.signedIn(profile, tokens);
    } finally {
      if (this.browserSignIns.get(profileRef) === controller) this.browserSignIns.delete(profileRef);
    }
  }

  /** Gives up a managed login still waiting for the browser (same profile reference as its sign-in): its loopback listener closes and the sign-in fails as cancelled. */
  async cancelBrowserSignIn(profileRef: string): Promise<void> {
    const pending = this.browserSignIns.get(profileRef);
    // Aborted before any await, so a Cancel right after the start is never missed.
    if (pending) return pending.abort();
    // Nothing waiting: fine for a known profile (the sign-in already ended); an unknown one is an error like elsewhere.
    await this.deps.profiles.get(profileRef);
  }

  /** Answers the challenge a conversation is waiting on. */
  async answerChallenge(conversationId: string, answer: ChallengeAnswer): Promise<SignInStep> {
    this.pruneConversations();
    const pending = this.conversations.get(conversationId);
    if (!pending) throw new NotFoundError('This sign-in has expired or is already finished; start it again.');
    const profile = await this.deps.profiles.get(pending.profileId);
    this.conversations.delete(conversationId);
    let outcome: SignInOutcome;
    try {
      outcome = await pending.conversation.answer(answer);
    } catch (error) {
      // A mistyped code may be typed again in the same conversation; any other failure ends it.
      if (answerCanBeRetried(error)) this.conversations.set(conversationId, pending);
      throw error;
    }
    return this.advance(profile, pending.conversation, conversationId, outcome);
  }

  /** Valid tokens for a profile, refreshed first when fewer than `minTtlMs` (or the refresh margin) are left. */
  async tokens(profileRef: string, options: { minTtlMs?: number } = {}): Promise<TokenSet> {
    const profile = await this.deps.profiles.get(profileRef);
    // Without its refresh token: a cached answer reads the cache key and the cache file, whatever the number of profiles.
    const session = this.cache.get(profile.id) ?? (await this.deps.vault.cachedTokens(profile.id));
    if (!session && profile.authFlow === 'CLIENT_CREDENTIALS') return this.refresh(profile.id);
    if (!session) throw new SignInRequiredError(profile.name, 'it is not signed in');
    if (isFreshEnough(session, this.deps.clock.now(), options.minTtlMs)) return session;
    return this.refresh(profile.id);
  }

  /** Renews a profile's tokens now; concurrent callers share one refresh (one network call). */
  refresh(profileRef: string): Promise<TokenSet> {
    const running = this.inflight.get(profileRef);
    if (running) return running;
    const refresh = this.runRefresh(profileRef).finally(() => this.inflight.delete(profileRef));
    this.inflight.set(profileRef, refresh);
    return refresh;
  }

  /**
   * Signs out: revokes the refresh token (and with `global`, signs the user out everywhere) where the server allows,
   * and always forgets the session here; the result says what could not be revoked at the server.
   */
  async signOut(profileRef: string, options: { global?: boolean } = {}): Promise<SignOutResult> {
    const profile = await this.deps.profiles.get(profileRef);
    try {
      let session = this.cache.get(profile.id) ?? (await this.deps.vault.session(profile.id));
      if (!session) return { revoked: true };
      if (usesOAuth(profile)) return await this.revokeOAuth(profile, session);
      const client = this.clientFor(profile);
      const { clientSecret } = await this.secretOf(profile).catch(() => ({ clientSecret: undefined }));
      if (options.global && session.expiresAt <= this.deps.clock.now() && session.refreshToken) {
        // GlobalSignOut needs a live access token: renew an expired one first (a refused refresh leaves nothing to revoke).
        try {
          session = await this.refresh(profile.id);
        } catch (error) {
          return { revoked: false, warning: `Signed out on this computer, but Cognito did not sign the user out on other devices (${asCtmError(error).message.replace(/\.$/, '')}).` };
        }
      }
      return await revokeAtServer({ client, clientId: profile.clientId, ...(clientSecret ? { clientSecret } : {}), session, global: options.global === true, refresh: () => this.refresh(profile.id) });
    } finally {
      await this.forget(profile.id);
    }
  }

  /** Every profile with its state, from one keychain read. */
  async statuses(): Promise<ProfileStatus[]> {
    const profiles = await this.deps.profiles.list();
    const secrets = await this.deps.vault.allProfileSecrets();
    const now = this.deps.clock.now();
    return profiles.map((profile) => {
      const cached = this.cache.get(profile.id);
      const session = cached ? { expiresAt: cached.expiresAt, hasRefreshToken: Boolean(cached.refreshToken) } : secrets.get(profile.id)?.session;
      const problem = this.problems.get(profile.id);
      // Client credentials renew without a refresh token (asking again), so an expired one is "expired", not "sign-in required".
      const renewable = session?.hasRefreshToken === true || profile.authFlow === 'CLIENT_CREDENTIALS';
      const state = this.inflight.has(profile.id) ? 'refreshing' : sessionState(session?.expiresAt, renewable, now, problem?.state);
      return { profile, state, ...(session ? { expiresAt: session.expiresAt } : {}), ...(problem ? { problem: problem.message } : {}) };
    });
  }

  /** Forgets a profile's session from memory and keychain (after sign-out or when the profile is removed). */
  async forget(profileId: string): Promise<void> {
    this.cache.delete(profileId);
    this.problems.delete(profileId);
    await this.deps.vault.deleteSession(profileId);
  }

  private async runRefresh(profileRef: string): Promise<TokenSet> {
    const profile = await this.deps.profiles.get(profileRef);
    // Tokens that could not be saved are newer than the keychain's (a rotated refresh token may live only here): save them first.
    if (this.unsaved.has(profile.id)) {
      const pending = this.cache.get(profile.id);
      if (pending && pending.expiresAt - this.deps.clock.now() > refreshMargin(pending.expiresAt - pending.issuedAt)) return this.keep(profile, pending);
    }
    // The keychain first: `ctm` or the app in another process may have rotated the refresh token since we cached it.
    let session = this.unsaved.has(profile.id) ? this.cache.get(profile.id) : ((await this.deps.vault.session(profile.id)) ?? this.cache.get(profile.id));
    if (!session && profile.authFlow !== 'CLIENT_CREDENTIALS') throw new SignInRequiredError(profile.name, 'it is not signed in');
    for (let attempt = 1; ; attempt++) {
      let renewed: TokenSet;
      try {
        renewed = usesOAuth(profile)
          ? await refreshOAuthSession(await this.oauthContext(profile), session)
          : await refreshSession({ profile, session: session as TokenSet, client: this.clientFor(profile), now: () => this.deps.clock.now(), rememberFallback: () => this.rememberRefreshFallback(profile), forgetDevice: () => this.forgetDevice(profile, session as TokenSet), ...(await this.secretOf(profile)) });
      } catch (error) {
        if (!isDefiniteRefusal(error)) {
          const problem = asCtmError(error);
          this.problems.set(profile.id, { state: 'error', message: problem.message });
          throw problem;
        }
        // Before dropping anything: if another process stored a different refresh token meanwhile, that one may still work.
        const stored = this.unsaved.has(profile.id) ? undefined : await this.deps.vault.session(profile.id).catch(() => undefined);
        if (attempt === 1 && stored?.refreshToken && stored.refreshToken !== session?.refreshToken) {
          session = stored;
          continue;
        }
        const refused = error instanceof RefreshRefusedError ? error.message : `Cognito refused the refresh token (${(error as Error).message})`;
        const reason = session?.unconfirmedDevice ? `${refused}: this computer was never confirmed as a device of the pool (ConfirmDevice failed at sign-in), and Cognito renews tokens only for confirmed devices` : refused;
        this.cache.delete(profile.id);
        this.unsaved.delete(profile.id);
        await this.deps.vault.deleteSession(profile.id);
        this.problems.set(profile.id, { state: 'sign-in-required', message: reason });
        throw new SignInRequiredError(profile.name, reason);
      }
      crashPoint('refresh-received');
      return this.keep(profile, renewed);
    }
  }

  /** Keeps renewed tokens: in memory first (so a keychain failure never loses a rotated refresh token), then in the keychain. */
  private async keep(profile: Profile, tokens: TokenSet): Promise<TokenSet> {
    this.cache.set(profile.id, tokens);
    this.unsaved.add(profile.id);
    try {
      await this.deps.vault.saveSession(profile.id, tokens);
    } catch (error) {
      const problem = asCtmError(error);
      this.problems.set(profile.id, { state: 'error', message: `New tokens were received but could not be saved; they are kept in memory and saved on the next try. ${problem.message}` });
      throw problem;
    }
    this.unsaved.delete(profile.id);
    this.problems.delete(profile.id);
    return tokens;
  }

  private async advance(profile: Profile, conversation: SignInConversation, conversationId: string, outcome: SignInOutcome): Promise<SignInStep> {
    if (outcome.kind === 'challenge') {
      this.conversations.set(conversationId, { profileId: profile.id, conversation, startedAt: this.deps.clock.now() });
      return { kind: 'challenge', profileId: profile.id, conversationId, prompt: outcome.prompt };
    }
    return this.signedIn(profile, outcome.tokens, outcome.warning);
  }

  /** Stores the tokens of a finished sign-in, whichever way it went. */
  private async signedIn(profile: Profile, tokens: TokenSet, warning?: string): Promise<SignInStep> {
    await this.deps.vault.saveSession(profile.id, tokens);
    this.cache.set(profile.id, tokens);
    this.problems.delete(profile.id);
    return { kind: 'signed-in', profileId: profile.id, expiresAt: tokens.expiresAt, ...(warning ? { warning } : {}) };
  }

  private pruneConversations(): void {
    const oldest = this.deps.clock.now() - CONVERSATION_TTL_MS;
    for (const [id, pending] of this.conversations) if (pending.startedAt < oldest) this.conversations.delete(id);
  }

  /** Forgets the device remembered for the session's user, which the pool no longer knows (a failure only leaves a stale entry). */
  private async forgetDevice(profile: Profile, session: TokenSet | undefined): Promise<void> {
    const names = new Set([session?.userId, profile.username].filter((name): name is string => Boolean(name)));
    for (const name of names) await this.deps.vault.deleteDevice(profile.userPoolId, name).catch(() => undefined);
  }

  /** Remembers that the profile's endpoint lacks GetTokensFromRefreshToken; a failed write only costs one extra call next time. */
  private async rememberRefreshFallback(profile: Profile): Promise<void> {
    await this.deps.profiles.update(profile.id, { refreshFallbackEndpoint: profile.endpoint ?? '' }).catch(() => undefined);
  }

  private async oauthContext(profile: Profile): Promise<{ profile: Profile; clientSecret?: string; transport: CognitoTransport; now: () => number }> {
    return { profile, transport: this.deps.transport, now: () => this.deps.clock.now(), ...(await this.secretOf(profile)) };
  }

  /** /oauth2/revoke for a managed-login session; like the API's sign-out, a failure is a warning, not an error. */
  private async revokeOAuth(profile: Profile, session: TokenSet): Promise<SignOutResult> {
    try {
      await revokeOAuthSession(await this.oauthContext(profile), session);
      return { revoked: true };
    } catch (error) {
      return { revoked: false, warning: `Signed out on this computer, but the refresh token was not revoked at the server and stays valid until it expires (${asCtmError(error).message.replace(/\.$/, '')}).` };
    }
  }

  private clientFor(profile: Profile): CognitoClient {
    return new CognitoClient(this.deps.transport, cognitoEndpoint(profile.region, profile.endpoint, profile.fips));
  }

  private async secretOf(profile: Profile): Promise<{ clientSecret?: string }> {
    if (!profile.hasClientSecret) return {};
    const clientSecret = await this.deps.vault.clientSecret(profile.id);
    if (!clientSecret) throw new NotFoundError(`Profile "${profile.name}" needs its client secret, which is not in the keychain. Set it again: ctm profile edit ${profile.name} --client-secret-stdin`);
    return { clientSecret };
  }
}
