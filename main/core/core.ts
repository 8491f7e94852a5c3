import type { AwsCredentials } from './aws/aws-credentials.ts';
import { AwsCredentialService } from './aws/aws-credential-service.ts';
import type { ChallengeAnswer, SignInCredentials } from './auth/sign-in-types.ts';
import type { SignOutResult } from './auth/sign-out.ts';
import { systemClock, systemTimers, type Clock, type Timers } from './clock.ts';
import { fetchTransport, type CognitoTransport } from './cognito/transport.ts';
import type { CrashHook } from './crash-point.ts';
import type { SecretStore } from './keychain/secret-store.ts';
import { Vault } from './keychain/vault.ts';
import type { Logger } from './logging/logger.ts';
import { defaultProfile } from './profiles/default-profile.ts';
import type { Profile } from './profiles/profile.ts';
import type { ProfileId, ProfileRef } from './profiles/profile-id.ts';
import { ProfileStore, type ConfigRecovery } from './profiles/profile-store.ts';
import { addProfile, removeProfile, updateProfile, type ProfileParts } from './profiles/profile-changes.ts';
import type { RefreshScheduler, SchedulerOptions } from './scheduler/refresh-scheduler.ts';
import { schedulerFor } from './scheduler/scheduler-for.ts';
import { withSchedulerStates } from './scheduler/scheduler-states.ts';
import { SessionService, type SignInVia } from './sessions/session-service.ts';
import type { ProfileStatus, SignInStep } from './sessions/session-state.ts';
import { endpointCredentials, type EndpointCredentials } from './token-endpoint/endpoint-credentials.ts';
import { EndpointSecrets } from './token-endpoint/endpoint-secrets.ts';
import type { TokenSet } from './tokens/token-set.ts';

/** The outside world the core runs in; only main/index.ts and the CLI entry build the real ones. */
export interface CoreOptions {
  configDir: string;
  secretStore: SecretStore;
  transport?: CognitoTransport;
  clock?: Clock;
  /** Timers for the refresh scheduler (tests pass fake ones). */
  timers?: Timers;
  /** The refresh scheduler's retry delays and parallel renewals (tests and benchmarks tune them). */
  scheduling?: Pick<SchedulerOptions, 'backoff' | 'maxInFlight'>;
  /** Where the refresh scheduler logs (the app passes a FileLogger; default: nothing). */
  logger?: Logger;
  /** Crash tests' hook, built by the process entry (default: none). */
  crash?: CrashHook;
}

/** What the app drives of the refresh scheduler: start and stop, its changes, and the machine's events. */
export type Renewals = Pick<RefreshScheduler, 'start' | 'stop' | 'onChange' | 'stateOf' | 'catchUp' | 'setOnline'>;

/**
 * The app's core, and the one surface the window (main/ipc/handlers.ts) and `ctm` (main/cli/commands) call: each
 * method delegates to the part that decides it (profiles, sessions, keychain, AWS credentials, endpoint secrets).
 * Profiles are named by id here; what a person typed becomes a profile through resolveProfile, at the CLI's edge.
 */
export class Core {
  /** The folder of profiles.json, settings.json and endpoint.json. */
  readonly configDir: string;
  /** Renews signed-in profiles before they expire; the app starts it, `ctm` never does. */
  readonly scheduler: Renewals;
  private readonly clock: Clock;
  private readonly profiles: ProfileStore;
  private readonly vault: Vault;
  private readonly sessions: SessionService;
  private readonly endpointSecrets: EndpointSecrets;
  private readonly aws: AwsCredentialService;
  private readonly parts: ProfileParts;

  constructor(options: CoreOptions) {
    this.configDir = options.configDir;
    this.clock = options.clock ?? systemClock;
    this.profiles = new ProfileStore(options.configDir);
    this.vault = new Vault(options.secretStore, options.configDir, options.crash ? { crash: options.crash } : {});
    this.sessions = new SessionService({
      profiles: this.profiles,
      vault: this.vault,
      transport: options.transport ?? fetchTransport,
      clock: this.clock,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.crash ? { crash: options.crash } : {}),
    });
    this.aws = new AwsCredentialService({
      profiles: this.profiles,
      tokens: (id, o) => this.sessions.tokens(id, o),
      secretStore: options.secretStore,
      configDir: options.configDir,
      transport: options.transport ?? fetchTransport,
      clock: this.clock,
    });
    // Credentials die with the session they came from (sign-out, a session of another pool).
    this.vault.onSessionChange((profileId, session) => {
      if (!session) this.aws.forget(profileId);
    });
    this.endpointSecrets = new EndpointSecrets(options.secretStore, () => this.clock.now());
    this.parts = {
      profiles: this.profiles,
      vault: this.vault,
      sessions: this.sessions,
      endpointSecrets: this.endpointSecrets,
    };
    this.scheduler = schedulerFor(this.parts, {
      clock: this.clock,
      timers: options.timers ?? systemTimers,
      ...options.scheduling,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  /** The core's clock, epoch milliseconds (what expiries are compared with). */
  now(): number {
    return this.clock.now();
  }

  /** Every profile, in the order they were added. */
  listProfiles(): Promise<Profile[]> {
    return this.profiles.list();
  }

  /** The profile a person named (its name, else its id): the one resolver of what was typed. */
  resolveProfile(ref: ProfileRef): Promise<Profile> {
    return this.profiles.resolve(ref);
  }

  /** The profile with this id. */
  profile(profileId: ProfileId): Promise<Profile> {
    return this.profiles.byId(profileId);
  }

  /** The default profile (the app's global shortcut's, `ctm`'s without a name), if one is chosen and still exists. */
  defaultProfile(): Promise<Profile | undefined> {
    return defaultProfile(this.profiles);
  }

  /** Set when the last read found a broken profiles file and moved it aside. */
  profilesFileRecovery(): ConfigRecovery | undefined {
    return this.profiles.lastRecovery;
  }

  /**
   * Every profile with its state. The scheduler owns the state while it runs (the app): its retries and refusals show;
   * otherwise (`ctm`) the state is decided from the keychain and this process's own renewals, by the same rules.
   */
  async statuses(): Promise<ProfileStatus[]> {
    return withSchedulerStates(await this.sessions.statuses(), this.scheduler);
  }

  /** Adds a profile; a client secret goes to the keychain (never the config file) and marks the profile confidential. */
  addProfile(fields: Record<string, unknown>, clientSecret?: string): Promise<Profile> {
    return addProfile(this.parts, fields, clientSecret);
  }

  /** Adds several profiles (an import), all or none. */
  addProfiles(fieldsList: readonly unknown[]): Promise<Profile[]> {
    return this.profiles.addAll(fieldsList);
  }

  /** Changes a profile's fields (main/core/profiles/profile-changes.ts says what a change forgets). */
  updateProfile(
    profileId: ProfileId,
    changes: Record<string, unknown>,
    clientSecret?: string | null,
  ): Promise<Profile> {
    return updateProfile(this.parts, profileId, changes, clientSecret);
  }

  /** Removes a profile and its keychain entries; with `revoke`, revokes its session first and removes nothing if that fails. */
  removeProfile(profileId: ProfileId, options: { revoke?: boolean } = {}): Promise<Profile> {
    return removeProfile(this.parts, profileId, options);
  }

  /** Starts a sign-in with the profile's kind; a browser kind shows its page through `via.open`. */
  signIn(profileId: ProfileId, credentials: SignInCredentials, via: SignInVia = {}): Promise<SignInStep> {
    return this.sessions.startSignIn(profileId, credentials, via);
  }

  /** Answers the challenge a sign-in conversation is waiting on. */
  answerChallenge(conversationId: string, answer: ChallengeAnswer): Promise<SignInStep> {
    return this.sessions.answerChallenge(conversationId, answer);
  }

  /** Gives up a sign-in still waiting (a managed login's listener closes). */
  cancelSignIn(profileId: ProfileId): Promise<void> {
    return this.sessions.cancelSignIn(profileId);
  }

  /** Valid tokens for a profile, renewed first when fewer than `minTtlMs` (or the refresh margin) are left. */
  tokens(profileId: ProfileId, options: { minTtlMs?: number } = {}): Promise<TokenSet> {
    return this.sessions.tokens(profileId, options);
  }

  /** The tokens the profile's session file holds (no refresh token, no renewal), read afresh. */
  cachedTokens(profileId: ProfileId): Promise<Omit<TokenSet, 'refreshToken'> | undefined> {
    return this.vault.cachedTokens(profileId);
  }

  /** Renews a profile's tokens now; concurrent callers share one refresh. */
  refreshNow(profileId: ProfileId): Promise<TokenSet> {
    return this.sessions.refresh(profileId);
  }

  /** Signs out (revoking where the server allows) and always forgets the session here. */
  signOut(profileId: ProfileId, options: { global?: boolean } = {}): Promise<SignOutResult> {
    return this.sessions.signOut(profileId, options);
  }

  /** A profile's identity-pool AWS credentials, renewed first when fewer than `minTtlMs` (or 5 minutes) are left. */
  awsCredentials(profileId: ProfileId, options: { minTtlMs?: number } = {}): Promise<AwsCredentials> {
    return this.aws.credentials(profileId, options);
  }

  /** A profile's cached AWS credentials as they are (fresh or not), without any network call. */
  cachedAwsCredentials(profile: Profile): Promise<AwsCredentials | undefined> {
    return this.aws.cached(profile);
  }

  /** What an API client needs for the local token endpoint, its secret created on first use (`rotate`: replaced). */
  async endpointCredentials(
    profileId: ProfileId,
    options: { rotate?: boolean } = {},
  ): Promise<EndpointCredentials & { served: boolean }> {
    return endpointCredentials(this.endpointSecrets, this.configDir, await this.profiles.byId(profileId), options);
  }

  /** Whether `secret` is the profile's endpoint client secret (false for no profile). */
  verifyEndpointSecret(profileId: ProfileId | undefined, secret: string): Promise<boolean> {
    return this.endpointSecrets.verify(profileId, secret);
  }

  /** Moves keychain items no profile names any more to the trash; the app schedules it (orphan-sweep.ts). */
  sweepOrphans(): Promise<number> {
    return this.vault.sweepOrphans();
  }
}
