import { randomUUID } from 'node:crypto';
import { refreshSession, RefreshRefusedError } from '../auth/refresh-session.ts';
import { SignInConversation } from '../auth/sign-in-conversation.ts';
import type { ChallengeAnswer, SignInCredentials, SignInOutcome } from '../auth/sign-in-types.ts';
import type { Clock } from '../clock.ts';
import { CognitoClient } from '../cognito/cognito-client.ts';
import { cognitoEndpoint } from '../cognito/endpoint.ts';
import type { CognitoTransport } from '../cognito/transport.ts';
import { asCtmError, NotFoundError, SignInRequiredError } from '../errors.ts';
import type { Vault } from '../keychain/vault.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';
import { refreshMargin } from '../tokens/refresh-margin.ts';
import type { TokenSet } from '../tokens/token-set.ts';
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
  private readonly problems = new Map<string, { state: 'sign-in-required' | 'error'; message: string }>();

  constructor(deps: SessionDependencies) {
    this.deps = deps;
  }

  /** Starts a sign-in with the profile's flow. */
  async startSignIn(profileRef: string, credentials: SignInCredentials): Promise<SignInStep> {
    const profile = await this.deps.profiles.get(profileRef);
    const conversation = new SignInConversation({ profile, client: this.clientFor(profile), now: () => this.deps.clock.now(), ...(await this.secretOf(profile)) });
    const outcome = await conversation.start(credentials);
    return this.advance(profile, conversation, randomUUID(), outcome);
  }

  /** Answers the challenge a conversation is waiting on. */
  async answerChallenge(conversationId: string, answer: ChallengeAnswer): Promise<SignInStep> {
    this.pruneConversations();
    const pending = this.conversations.get(conversationId);
    if (!pending) throw new NotFoundError('This sign-in has expired or is already finished; start it again.');
    const profile = await this.deps.profiles.get(pending.profileId);
    this.conversations.delete(conversationId);
    const outcome = await pending.conversation.answer(answer);
    return this.advance(profile, pending.conversation, conversationId, outcome);
  }

  /** Valid tokens for a profile, refreshed first when fewer than `minTtlMs` (or the refresh margin) are left. */
  async tokens(profileRef: string, options: { minTtlMs?: number } = {}): Promise<TokenSet> {
    const profile = await this.deps.profiles.get(profileRef);
    const session = this.cache.get(profile.id) ?? (await this.deps.vault.session(profile.id));
    if (!session) throw new SignInRequiredError(profile.name, 'it is not signed in');
    this.cache.set(profile.id, session);
    const needed = Math.max(options.minTtlMs ?? 0, refreshMargin(session.expiresAt - session.issuedAt));
    if (session.expiresAt - this.deps.clock.now() > needed) return session;
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

  /** Revokes the refresh token (and with `global`, signs the user out everywhere), then forgets the session. */
  async signOut(profileRef: string, options: { global?: boolean } = {}): Promise<void> {
    const profile = await this.deps.profiles.get(profileRef);
    const session = this.cache.get(profile.id) ?? (await this.deps.vault.session(profile.id));
    const client = this.clientFor(profile);
    const { clientSecret } = await this.secretOf(profile);
    if (session && options.global && session.expiresAt > this.deps.clock.now()) {
      await client.call('GlobalSignOut', { AccessToken: session.accessToken });
    }
    if (session?.refreshToken) {
      await client.call('RevokeToken', { Token: session.refreshToken, ClientId: profile.clientId, ...(clientSecret ? { ClientSecret: clientSecret } : {}) });
    }
    await this.forget(profile.id);
  }

  /** Every profile with its state, from one keychain read. */
  async statuses(): Promise<ProfileStatus[]> {
    const profiles = await this.deps.profiles.list();
    const secrets = await this.deps.vault.allProfileSecrets();
    const now = this.deps.clock.now();
    return profiles.map((profile) => {
      const session = this.cache.get(profile.id) ?? secrets.get(profile.id)?.session;
      const problem = this.problems.get(profile.id);
      const state = this.inflight.has(profile.id) ? 'refreshing' : sessionState(session?.expiresAt, Boolean(session?.refreshToken), now, problem?.state);
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
    const session = (await this.deps.vault.session(profile.id)) ?? this.cache.get(profile.id);
    if (!session) throw new SignInRequiredError(profile.name, 'it is not signed in');
    try {
      const renewed = await refreshSession({ profile, session, client: this.clientFor(profile), now: () => this.deps.clock.now(), ...(await this.secretOf(profile)) });
      await this.deps.vault.saveSession(profile.id, renewed);
      this.cache.set(profile.id, renewed);
      this.problems.delete(profile.id);
      return renewed;
    } catch (error) {
      if (error instanceof RefreshRefusedError) {
        this.cache.delete(profile.id);
        await this.deps.vault.deleteSession(profile.id);
        this.problems.set(profile.id, { state: 'sign-in-required', message: error.message });
        throw new SignInRequiredError(profile.name, error.message);
      }
      const problem = asCtmError(error);
      this.problems.set(profile.id, { state: 'error', message: problem.message });
      throw problem;
    }
  }

  private async advance(profile: Profile, conversation: SignInConversation, conversationId: string, outcome: SignInOutcome): Promise<SignInStep> {
    if (outcome.kind === 'challenge') {
      this.conversations.set(conversationId, { profileId: profile.id, conversation, startedAt: this.deps.clock.now() });
      return { kind: 'challenge', profileId: profile.id, conversationId, prompt: outcome.prompt };
    }
    await this.deps.vault.saveSession(profile.id, outcome.tokens);
    this.cache.set(profile.id, outcome.tokens);
    this.problems.delete(profile.id);
    return { kind: 'signed-in', profileId: profile.id, expiresAt: outcome.tokens.expiresAt };
  }

  private pruneConversations(): void {
    const oldest = this.deps.clock.now() - CONVERSATION_TTL_MS;
    for (const [id, pending] of this.conversations) if (pending.startedAt < oldest) this.conversations.delete(id);
  }

  private clientFor(profile: Profile): CognitoClient {
    return new CognitoClient(this.deps.transport, cognitoEndpoint(profile.region, profile.endpoint));
  }

  private async secretOf(profile: Profile): Promise<{ clientSecret?: string }> {
    if (!profile.hasClientSecret) return {};
    const clientSecret = await this.deps.vault.clientSecret(profile.id);
    if (!clientSecret) throw new NotFoundError(`Profile "${profile.name}" needs its client secret, which is not in the keychain. Set it again: ctm profile edit ${profile.name} --client-secret-stdin`);
    return { clientSecret };
  }
}
