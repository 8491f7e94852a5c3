import type { AppSettings } from '../../shared/app-settings.ts';

/**
 * The one rule for which profile is the default (the one the app's global shortcut copies and `ctm` uses without a
 * NAME or CTM_PROFILE): the profile whose id settings.json's defaultProfileId holds; none when it is empty or that
 * profile was removed. The full path (default-profile.ts) and the cached `ctm token` path both ask it, each with
 * settings and profiles it has validated.
 */
export function defaultProfileIn<P extends { id: string }>(
  settings: Pick<AppSettings, 'defaultProfileId'>,
  profiles: readonly P[],
): P | undefined {
  const { defaultProfileId } = settings;
  return defaultProfileId ? profiles.find((profile) => profile.id === defaultProfileId) : undefined;
}
