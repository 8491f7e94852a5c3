import type { Logger } from '../logging/logger.ts';
import { randomUUID } from 'node:crypto';
import { RefreshRefusedError } from '../auth/refresh-session.ts';
import type { OpenUrl } from '../oauth/managed-login.ts';
import { flowFor, flowKind } from '../auth/flows/flow-kinds.ts';
import type { Conversation, FlowServices, SignInFlow } from '../auth/flows/sign-in-flow.ts';
import { answerCanBeRetried } from '../auth/answer-retry.ts';
import { signedOutHere, type Revocation, type SignOutResult } from '../auth/sign-out.ts';
import { vaultDeviceMemory } from '../auth/vault-device-memory.ts';
import type { ChallengeAnswer, SignInCredentials, SignInOutcome } from '../auth/sign-in-types.ts';
import type { Clock } from '../clock.ts';
import type { CognitoTransport } from '../cognito/transport.ts';
import { asCtmError, NotFoundError, SignInRequiredError } from '../errors.ts';
import type { Vault } from '../keychain/vault.ts';
import { sessionOrigin } from '../profiles/secret-origin.ts';
import { cognitoEndpoint } from '../cognito/endpoint.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';
import { isFreshEnough, refreshMargin } from '../tokens/refresh-margin.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { noCrash, type CrashHook } from '../crash-point.ts';
import { isDefiniteRefusal } from '../scheduler/refresh-failure.ts';
import { profileState } from '../scheduler/profile-state.ts';
import type { ProfileStatus, SignInStep } from './session-state.ts';
import { SecretBindings } from './secret-bindings.ts';
import { SignInEndedError } from './sign-in-ended.ts';

/** The outside services sessions need, passed in so tests can use real ones or fakes. */
export interface SessionDependencies {
  profiles: ProfileStore;
  vault: Vault;
  transport: CognitoTransport;
  clock: Clock;
  /** Crash tests' hook (main/core/crash-point.ts); none by default. */
  crash?: CrashHook;
  /** Where flows say what they decided (`--debug`, the app's log); optional. */
  logger?: Logger;
}

/** How a sign-in shows a URL to the person, for the kinds that sign in in the browser. */
export interface SignInVia {
  open?: OpenUrl | undefined;
  timeoutMs?: number | undefined;
}

interface PendingConversation {
  profileId: ProfileId;
  conversation: Conversation;
  startedAt: number;
}

/** A challenge conversation is forgotten after this long (Cognito's sessions last 3 to 15 minutes). */
const CONVERSATION_TTL_MS = 15 * 60_000;

/**
 * Keeps profiles' tokens (memory and keychain) and runs their sign-ins, renewals and sign-outs through the flow of each
 * profile's kind (main/core/auth/flows), which alone knows how its kind talks to Cognito.
 */
export class SessionService {
  private readonly deps: SessionDependencies;
  private readonly cache = new Map<ProfileId, TokenSet>();
  private readonly inflight = new Map<ProfileId, Promise<TokenSet>>();
  private readonly conversations = new Map<string, PendingConversation>();
  /** Sign-ins under way, by profile: aborting one (a managed login's Cancel) closes its loopback listener. */
  private readonly starting = new Map<ProfileId, AbortController>();
  /** The last renewal failure of each profile, until a renewal or sign-in succeeds. */
  private readonly problems = new Map<ProfileId, { failure: 'refused' | 'failed'; message: string }>();
  private readonly failureListeners = new Set<(profileId: ProfileId, error: unknown) => void>();
  /** Profiles whose newest tokens are only in memory because the keychain refused or did not answer the save. */
  private readonly unsaved = new Set<ProfileId>();

  /** Where the stored secrets may be sent (origin binding, issue 19): the one place the rule is applied to them. */
  private readonly bindings: SecretBindings;

  constructor(deps: SessionDependencies) {
    this.deps = deps;
    this.bindings = new SecretBindings(deps.vault, this.cache);
  }

  /** Starts a sign-in with the profile's kind; a browser kind shows its page through `via.open`. */
  async startSignIn(profileId: ProfileId, credentials: SignInCredentials, via: SignInVia = {}): Promise<SignInStep> {
    // Registered before any await, so a cancel that follows at once (the window's Cancel) always finds it.
    const controller = new AbortController();
    this.starting.get(profileId)?.abort(); // a new sign-in replaces one still waiting
    this.starting.set(profileId, controller);
    try {
      const profile = await this.deps.profiles.byId(profileId);
      const started = await this.flowOf(profile).start({
        credentials,
        open: via.open,
        timeoutMs: via.timeoutMs,
        signal: controller.signal,
      });
      if (started.kind === 'tokens') return await this.signedIn(profile, started.tokens, started.warning);
      return this.advance(profile, started.conversation, randomUUID(), started);
    } finally {
      if (this.starting.get(profileId) === controller) this.starting.delete(profileId);
    }
  }

  /** Gives up a sign-in still waiting: a managed login's listener closes and it fails as cancelled. */
  async cancelSignIn(profileId: ProfileId): Promise<void> {
    const pending = this.starting.get(profileId);
    // Aborted before any await, so a Cancel right after the start is never missed.
    if (pending) return pending.abort();
    // Nothing waiting: fine for a known profile (the sign-in already ended); an unknown one is an error like elsewhere.
    await this.deps.profiles.byId(profileId);
  }

  /** Answers the challenge a conversation is waiting on. */
  async answerChallenge(conversationId: string, answer: ChallengeAnswer): Promise<SignInStep> {
    this.pruneConversations();
    const pending = this.conversations.get(conversationId);
    if (!pending)
      throw new SignInEndedError(new NotFoundError('This sign-in has expired or is already finished; start it again.'));
    const profile = await this.deps.profiles.byId(pending.profileId);
    this.conversations.delete(conversationId);
    let outcome: SignInOutcome;
    try {
      outcome = await pending.conversation.answer(answer);
    } catch (error) {
      // A mistyped code may be typed again in the same conversation; any other failure ends it.
      if (!answerCanBeRetried(error)) throw new SignInEndedError(asCtmError(error));
      this.conversations.set(conversationId, pending);
      throw error;
    }
    return this.advance(profile, pending.conversation, conversationId, outcome);
  }

  /** Valid tokens for a profile, refreshed first when fewer than `minTtlMs` (or the refresh margin) are left. */
  async tokens(profileId: ProfileId, options: { minTtlMs?: number } = {}): Promise<TokenSet> {
    const profile = await this.deps.profiles.byId(profileId);
    // Without its refresh token: a cached answer reads the cache key and the cache file, whatever the number of profiles.
    const session = await this.bound(
      profile,
      this.cache.get(profile.id) ?? (await this.deps.vault.cachedTokens(profile.id)),
    );
    if (!session && flowKind(profile).renewsWithoutSession) return this.refresh(profile.id);
    if (!session) throw new SignInRequiredError(profile.name, 'it is not signed in');
    if (isFreshEnough(session, this.deps.clock.now(), options.minTtlMs)) return session;
    return this.refresh(profile.id);
  }

  /** Renews a profile's tokens now; concurrent callers share one refresh (one network call). */
  refresh(profileId: ProfileId): Promise<TokenSet> {
    const running = this.inflight.get(profileId);
    if (running) return running;
    const refresh = this.runRefresh(profileId).finally(() => this.inflight.delete(profileId));
    this.inflight.set(profileId, refresh);
    return refresh;
  }

  /**
   * Signs out: revokes the refresh token (and with `global`, signs the user out everywhere) where the server allows,
   * and always forgets the session here; the result says what could not be revoked at the server.
   */
  async signOut(profileId: ProfileId, options: { global?: boolean } = {}): Promise<SignOutResult> {
    try {
      return signedOutHere(await this.revoke(profileId, options));
    } finally {
      await this.forget(profileId);
    }
  }

  /**
   * Revokes the session at the server where it allows, and keeps it here: a removal that must revoke first stops,
   * with the session and the profile intact, when this answers `revoked: false` (offline, revocation off).
   */
  async revoke(profileId: ProfileId, options: { global?: boolean } = {}): Promise<Revocation> {
    const profile = await this.deps.profiles.byId(profileId);
    const session = this.cache.get(profile.id) ?? (await this.deps.vault.session(profile.id));
    if (!session) return { revoked: true };
    const binding = await this.bindings.ofSession(profile, session);
    if (binding.kind !== 'bound')
      return { revoked: false, problem: `the refresh token was not revoked, because ${binding.reason}` };
    return this.flowOf(profile).signOut(session, {
      global: options.global === true,
      renew: () => this.refresh(profile.id),
    });
  }

  /** Subscribes to renewals that failed (the scheduler keeps the state of every profile this way); returns the unsubscribe. */
  onRenewalFailure(listener: (profileId: ProfileId, error: unknown) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** Every profile with its state as this process knows it, from one keychain read (the app's scheduler refines it). */
  async statuses(): Promise<ProfileStatus[]> {
    const profiles = await this.deps.profiles.list();
    const secrets = await this.deps.vault.allProfileSecrets();
    const now = this.deps.clock.now();
    return profiles.map((profile) => {
      const cached = this.cache.get(profile.id);
      const session = cached
        ? { expiresAt: cached.expiresAt, hasRefreshToken: Boolean(cached.refreshToken) }
        : secrets.get(profile.id)?.session;
      const problem = this.problems.get(profile.id);
      // A kind that renews by asking again (client credentials) needs no refresh token.
      const renewable = session?.hasRefreshToken === true || flowKind(profile).renewsWithoutSession;
      const state = profileState(
        {
          expiresAt: session?.expiresAt,
          renewable,
          autoRefresh: profile.autoRefresh,
          renewing: this.inflight.has(profile.id),
          failure: problem?.failure,
        },
        now,
      );
      return {
        profile,
        state,
        ...(session ? { expiresAt: session.expiresAt } : {}),
        ...(problem ? { problem: problem.message } : {}),
      };
    });
  }

  /** Forgets a profile's session from memory and keychain (after sign-out or when the profile is removed). */
  async forget(profileId: ProfileId): Promise<void> {
    this.cache.delete(profileId);
    this.problems.delete(profileId);
    await this.deps.vault.deleteSession(profileId);
  }

  private async runRefresh(profileId: ProfileId): Promise<TokenSet> {
    const profile = await this.deps.profiles.byId(profileId);
    // Tokens that could not be saved are newer than the keychain's (a rotated refresh token may live only here): save them first.
    if (this.unsaved.has(profile.id)) {
      const pending = this.cache.get(profile.id);
      if (pending && pending.expiresAt - this.deps.clock.now() > refreshMargin(pending.expiresAt - pending.issuedAt))
        return this.keep(profile, pending);
    }
    // The keychain first: `ctm` or the app in another process may have rotated the refresh token since we cached it.
    let session = await this.bound(
      profile,
      this.unsaved.has(profile.id)
        ? this.cache.get(profile.id)
        : ((await this.deps.vault.session(profile.id)) ?? this.cache.get(profile.id)),
    );
    const flow = this.flowOf(profile);
    if (!session && !flowKind(profile).renewsWithoutSession)
      throw new SignInRequiredError(profile.name, 'it is not signed in');
    for (let attempt = 1; ; attempt++) {
      let renewed: TokenSet;
      try {
        renewed = await flow.renew(session);
      } catch (error) {
        if (!isDefiniteRefusal(error)) {
          throw this.failed(profile.id, 'failed', asCtmError(error));
        }
        // Before dropping anything: if another process stored a different refresh token meanwhile, that one may still work.
        const stored = this.unsaved.has(profile.id)
          ? undefined
          : await this.deps.vault.session(profile.id).catch(() => undefined);
        if (
          attempt === 1 &&
          stored?.refreshToken &&
          stored.refreshToken !== session?.refreshToken &&
          (await this.bindings.ofSession(profile, stored)).kind === 'bound'
        ) {
          session = stored;
          continue;
        }
        const refused =
          error instanceof RefreshRefusedError
            ? error.message
            : `Cognito refused the refresh token (${(error as Error).message})`;
        const reason = session?.unconfirmedDevice
          ? `${refused}: this computer was never confirmed as a device of the pool (ConfirmDevice failed at sign-in), and Cognito renews tokens only for confirmed devices`
          : refused;
        this.cache.delete(profile.id);
        this.unsaved.delete(profile.id);
        await this.deps.vault.deleteSession(profile.id);
        throw this.failed(profile.id, 'refused', new SignInRequiredError(profile.name, reason), reason);
      }
      (this.deps.crash ?? noCrash)('refresh-received');
      return this.keep(profile, renewed);
    }
  }

  /** Records a renewal's failure (for statuses and the scheduler) and gives back the error to throw. */
  private failed(profileId: ProfileId, failure: 'refused' | 'failed', error: Error, message = error.message): Error {
    this.problems.set(profileId, { failure, message });
    for (const listener of this.failureListeners) {
      try {
        listener(profileId, error);
      } catch {
        /* a listener's bug must not hide the failure from the caller */
      }
    }
    return error;
  }

  /** Keeps renewed tokens: in memory first (so a keychain failure never loses a rotated refresh token), then in the keychain. */
  private async keep(profile: Profile, renewed: TokenSet): Promise<TokenSet> {
    const tokens: TokenSet = { ...renewed, origin: sessionOrigin(profile) };
    this.cache.set(profile.id, tokens);
    this.unsaved.add(profile.id);
    try {
      await this.deps.vault.saveSession(profile.id, tokens);
    } catch (error) {
      const problem = asCtmError(error);
      throw this.failed(
        profile.id,
        'failed',
        problem,
        `New tokens were received but could not be saved; they are kept in memory and saved on the next try. ${problem.message}`,
      );
    }
    this.unsaved.delete(profile.id);
    this.problems.delete(profile.id);
    return tokens;
  }

  private async advance(
    profile: Profile,
    conversation: Conversation,
    conversationId: string,
    outcome: SignInOutcome,
  ): Promise<SignInStep> {
    if (outcome.kind === 'challenge') {
      this.conversations.set(conversationId, { profileId: profile.id, conversation, startedAt: this.deps.clock.now() });
      return { kind: 'challenge', profileId: profile.id, conversationId, prompt: outcome.prompt };
    }
    return this.signedIn(profile, outcome.tokens, outcome.warning);
  }

  /** Stores the tokens of a finished sign-in, whichever way it went. */
  private async signedIn(profile: Profile, issued: TokenSet, warning?: string): Promise<SignInStep> {
    // Stored with where it was issued: its refresh token is sent nowhere else (security, issue 19).
    const tokens: TokenSet = { ...issued, origin: sessionOrigin(profile) };
    await this.deps.vault.saveSession(profile.id, tokens);
    this.cache.set(profile.id, tokens);
    this.problems.delete(profile.id);
    return { kind: 'signed-in', profileId: profile.id, expiresAt: tokens.expiresAt, ...(warning ? { warning } : {}) };
  }

  private pruneConversations(): void {
    const oldest = this.deps.clock.now() - CONVERSATION_TTL_MS;
    for (const [id, pending] of this.conversations) if (pending.startedAt < oldest) this.conversations.delete(id);
  }

  /** The profile's flow, over this service's keychain, wire and clock. */
  private flowOf(profile: Profile): SignInFlow {
    const { vault, transport, clock, profiles } = this.deps;
    const services: FlowServices = {
      transport,
      now: () => clock.now(),
      clientSecret: () => this.bindings.clientSecret(profile),
      devices: (typed, lastUser) =>
        vaultDeviceMemory(
          vault.devices,
          profile.userPoolId,
          typed,
          lastUser,
          cognitoEndpoint(profile.region, profile.endpoint, profile.fips === true),
          () => this.bindings.sessionVouch(profile),
        ),
      lastUser: async () =>
        (this.cache.get(profile.id) ?? (await vault.session(profile.id).catch(() => undefined)))?.userId,
      // A failed write only costs one extra call next time.
      rememberRefreshFallback: () =>
        profiles.update(profile.id, { refreshFallbackEndpoint: profile.endpoint ?? '' }).then(
          () => undefined,
          () => undefined,
        ),
      ...(this.deps.logger ? { logger: this.deps.logger } : {}),
    };
    return flowFor(profile, services);
  }

  /**
   * A stored session, used only while the profile names the origin it was issued at: after any change of endpoint,
   * domain, region, pool or client (ctm, the window, an import, a hand edit of profiles.json) it is forgotten and its
   * refresh token sent nowhere, and the person is told why. One stored by an older release that nothing vouches for is
   * not used either (not even its still-valid tokens: the AWS-credentials path sends the ID token to the profile's
   * endpoint), but kept: it may be right (a custom endpoint or domain), a new sign-in replaces it, and a profile edited
   * by mistake and put back finds it again.
   */
  private async bound(profile: Profile, session: TokenSet | undefined): Promise<TokenSet | undefined> {
    if (!session) return undefined;
    const binding = await this.bindings.ofSession(profile, session);
    if (binding.kind === 'bound') return { ...session, origin: binding.origin };
    if (binding.kind === 'moved') await this.forget(profile.id);
    // A kind that renews without a session (client credentials) just asks again, where its secret is checked too.
    if (flowKind(profile).renewsWithoutSession) return undefined;
    const reason =
      binding.kind === 'moved'
        ? `its session was forgotten: ${binding.reason}`
        : `its session is kept but not used: ${binding.reason}; if that is the server you expect, sign in again`;
    throw this.failed(profile.id, 'refused', new SignInRequiredError(profile.name, reason), reason);
  }
}
