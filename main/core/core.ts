import { AwsCredentialService } from './aws/aws-credential-service.ts';
import { systemClock, systemTimers, type Clock, type Timers } from './clock.ts';
import { fetchTransport, type CognitoTransport } from './cognito/transport.ts';
import type { CrashHook } from './crash-point.ts';
import { BadInputError } from './errors.ts';
import type { SecretStore } from './keychain/secret-store.ts';
import { Vault } from './keychain/vault.ts';
import type { Profile } from './profiles/profile.ts';
import { secretOrigin } from './profiles/secret-origin.ts';
import { ProfileStore } from './profiles/profile-store.ts';
import type { Logger } from './logging/logger.ts';
import type { RefreshScheduler } from './scheduler/refresh-scheduler.ts';
import { schedulerFor } from './scheduler/scheduler-for.ts';
import { SessionService } from './sessions/session-service.ts';
import type { ProfileStatus } from './sessions/session-state.ts';
import { EndpointSecrets } from './token-endpoint/endpoint-secrets.ts';

/** The outside world the core runs in; only main/index.ts and the CLI entry build the real ones. */
export interface CoreOptions {
  configDir: string;
  secretStore: SecretStore;
  transport?: CognitoTransport;
  clock?: Clock;
  /** Timers for the refresh scheduler (tests pass fake ones). */
  timers?: Timers;
  /** Where the refresh scheduler logs (the app passes a FileLogger; default: nothing). */
  logger?: Logger;
  /** Crash tests' hook, built by the process entry (default: none). */
  crash?: CrashHook;
}

/** The app's core, shared by the window, the tray and `ctm`: profiles, the vault and sessions. */
export class Core {
  readonly profiles: ProfileStore;
  readonly vault: Vault;
  readonly sessions: SessionService;
  /** Renews signed-in profiles before they expire; the app starts it, `ctm` never does. */
  readonly scheduler: RefreshScheduler;
  readonly clock: Clock;
  /** The local client secrets of the token endpoint (one keychain item per profile, created on request). */
  readonly endpointSecrets: EndpointSecrets;
  /** Identity-pool AWS credentials of profiles that name an identity pool (main/core/aws). */
  readonly awsCredentials: AwsCredentialService;

  constructor(options: CoreOptions) {
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
    this.awsCredentials = new AwsCredentialService({
      profiles: this.profiles,
      tokens: (id, o) => this.sessions.tokens(id, o),
      secretStore: options.secretStore,
      configDir: options.configDir,
      transport: options.transport ?? fetchTransport,
      clock: this.clock,
    });
    // Credentials die with the session they came from (sign-out, a session of another pool).
    this.vault.onSessionChange((profileId, session) => {
      if (!session) this.awsCredentials.forget(profileId);
    });
    this.endpointSecrets = new EndpointSecrets(options.secretStore, () => this.clock.now());
    this.scheduler = schedulerFor(this, {
      clock: this.clock,
      timers: options.timers ?? systemTimers,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  /**
   * Every profile with its state. The scheduler owns the state while it runs (the app): its retries and refusals show;
   * otherwise (`ctm`) the state is decided from the keychain and this process's own renewals, by the same rules.
   */
  async statuses(): Promise<ProfileStatus[]> {
    const statuses = await this.sessions.statuses();
    return statuses.map((status) => {
      const owned = status.state === 'renewing' ? undefined : this.scheduler.stateOf(status.profile.id);
      if (!owned) return status;
      const { problem: _problem, ...rest } = status;
      const problem =
        owned.state === 'retrying' || owned.state === 'needs-sign-in' ? (owned.message ?? status.problem) : undefined;
      return { ...rest, state: owned.state, ...(problem ? { problem } : {}) };
    });
  }

  /** Adds a profile; a client secret goes to the keychain (never the config file) and marks the profile confidential. */
  async addProfile(fields: Record<string, unknown>, clientSecret?: string): Promise<Profile> {
    if (clientSecret !== undefined && clientSecret.trim() === '')
      throw new BadInputError('The client secret is empty.');
    const profile = await this.profiles.add({
      ...fields,
      hasClientSecret: clientSecret !== undefined || fields.hasClientSecret === true,
    });
    if (clientSecret !== undefined) {
      try {
        await this.vault.clientSecrets.save(profile.id, clientSecret.trim(), secretOrigin(profile));
      } catch (error) {
        await this.profiles.remove(profile.id);
        throw error;
      }
    }
    return profile;
  }

  /**
   * Changes a profile's fields (its id, and so its keychain entries, stay). A new client secret goes to the
   * keychain. A session of another pool, client or endpoint (or from before a new secret) is forgotten, since
   * its tokens would be wrong for the edited profile.
   */
  async updateProfile(
    profileRef: string,
    changes: Record<string, unknown>,
    clientSecret?: string | null,
  ): Promise<Profile> {
    if (typeof clientSecret === 'string' && clientSecret.trim() === '')
      throw new BadInputError('The client secret is empty.');
    const before = await this.profiles.get(profileRef);
    // null removes the secret: the profile is validated first (CLIENT_CREDENTIALS refuses to lose it), the keychain after.
    const secretChange = clientSecret === undefined ? {} : { hasClientSecret: clientSecret !== null };
    const updated = await this.profiles.update(before.id, { ...changes, ...secretChange });
    if (typeof clientSecret === 'string')
      await this.vault.clientSecrets.save(updated.id, clientSecret.trim(), secretOrigin(updated));
    // Any change of where its secrets go (endpoint, domain, region, FIPS, pool, client) forgets the session (issue 19).
    const samePool = secretOrigin(before) === secretOrigin(updated);
    if (!samePool || clientSecret !== undefined) await this.sessions.forget(updated.id);
    if (clientSecret === null) await this.vault.clientSecrets.delete(updated.id);
    return updated;
  }

  /** Removes a profile and its keychain entries. The keychain goes first, so a failure leaves the profile listed. */
  async removeProfile(profileRef: string): Promise<Profile> {
    const profile = await this.profiles.get(profileRef);
    await this.vault.forgetProfile(profile.id);
    await this.endpointSecrets.forget(profile.id);
    await this.sessions.forget(profile.id);
    return this.profiles.remove(profile.id);
  }
}
