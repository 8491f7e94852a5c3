import type { Vault } from '../keychain/vault.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';
import type { SessionService } from '../sessions/session-service.ts';
import { RefreshScheduler, type SchedulerOptions } from './refresh-scheduler.ts';

/** A scheduler over the core's real parts: sessions refresh, the profile store lists, the vault reads in bulk and reports changes. */
export function schedulerFor(
  parts: { sessions: SessionService; profiles: ProfileStore; vault: Vault },
  options: SchedulerOptions,
): RefreshScheduler {
  const { sessions, profiles, vault } = parts;
  let reported: string | undefined;
  const listProfiles = async () => {
    const list = await profiles.list();
    // A broken profiles file was moved aside: say where, once, so the user can recover it.
    const recovery = profiles.lastRecovery;
    if (recovery && recovery.movedTo !== reported) {
      reported = recovery.movedTo;
      options.logger?.warn(
        `The profiles file could not be read (${recovery.reason}); it was moved to ${recovery.movedTo} and the app started without it.`,
      );
    }
    return list;
  };
  return new RefreshScheduler(
    {
      refresh: (profileId) => sessions.refresh(profileId),
      listProfiles,
      allProfileSecrets: () => vault.allProfileSecrets(),
      onSessionChange: (listener) => vault.onSessionChange(listener),
      onProfilesChange: (listener) => profiles.onChange(listener),
      onRenewalFailure: (listener) => sessions.onRenewalFailure(listener),
    },
    options,
  );
}
