import { systemClock, type Clock } from './clock.ts';
import { fetchTransport, type CognitoTransport } from './cognito/transport.ts';
import { BadInputError } from './errors.ts';
import type { SecretStore } from './keychain/secret-store.ts';
import { Vault } from './keychain/vault.ts';
import type { Profile } from './profiles/profile.ts';
import { ProfileStore } from './profiles/profile-store.ts';
import { SessionService } from './sessions/session-service.ts';

/** The outside world the core runs in; only main/index.ts and the CLI entry build the real ones. */
export interface CoreOptions {
  configDir: string;
  secretStore: SecretStore;
  transport?: CognitoTransport;
  clock?: Clock;
}

/** The app's core, shared by the window, the tray and `ctm`: profiles, the vault and sessions. */
export class Core {
  readonly profiles: ProfileStore;
  readonly vault: Vault;
  readonly sessions: SessionService;
  readonly clock: Clock;

  constructor(options: CoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.profiles = new ProfileStore(options.configDir);
    this.vault = new Vault(options.secretStore);
    this.sessions = new SessionService({ profiles: this.profiles, vault: this.vault, transport: options.transport ?? fetchTransport, clock: this.clock });
  }

  /** Adds a profile; a client secret goes to the keychain (never the config file) and marks the profile confidential. */
  async addProfile(fields: Record<string, unknown>, clientSecret?: string): Promise<Profile> {
    if (clientSecret !== undefined && clientSecret.trim() === '') throw new BadInputError('The client secret is empty.');
    const profile = await this.profiles.add({ ...fields, hasClientSecret: clientSecret !== undefined || fields.hasClientSecret === true });
    if (clientSecret !== undefined) {
      try {
        await this.vault.saveClientSecret(profile.id, clientSecret.trim());
      } catch (error) {
        await this.profiles.remove(profile.id);
        throw error;
      }
    }
    return profile;
  }

  /** Removes a profile and its keychain entries. The keychain goes first, so a failure leaves the profile listed. */
  async removeProfile(profileRef: string): Promise<Profile> {
    const profile = await this.profiles.get(profileRef);
    await this.vault.forgetProfile(profile.id);
    await this.sessions.forget(profile.id);
    return this.profiles.remove(profile.id);
  }
}
