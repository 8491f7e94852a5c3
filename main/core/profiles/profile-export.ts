import type { Profile, ProfileFields } from './profile.ts';

/** Marks a file as our export, so an import can tell it from Amplify's files. */
export const EXPORT_FORMAT = 'cognito-token-manager/profiles';
/** The export version this build writes; imports refuse newer ones. */
export const EXPORT_VERSION = 1;

/** One exported profile: its fields without the id (ids are per machine) and, as always, without any secret. */
export type ExportedProfile = Omit<ProfileFields, 'id'>;

/** The export file: `{ format, version, profiles }`. */
export interface ProfilesExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  profiles: ExportedProfile[];
}

/**
 * Serialises profiles for sharing: a versioned JSON without ids or secrets. `hasClientSecret` stays (it is not
 * a secret) so whoever imports knows to set the secret with `ctm profile edit NAME --client-secret-stdin`.
 */
export function exportProfiles(profiles: Profile[]): string {
  const file: ProfilesExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    profiles: profiles.map(exportedFields),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function exportedFields(profile: Profile): ExportedProfile {
  // Listed one by one so a field added to Profile later is not exported until someone decides it is safe to.
  const {
    name,
    region,
    userPoolId,
    clientId,
    hasClientSecret,
    username,
    authFlow,
    refreshMethod,
    endpoint,
    fips,
    clientMetadata,
    analyticsEndpointId,
    userContextData,
    autoRefresh,
  } = profile;
  // The OAuth kinds' settings (domain, scopes, provider, callback port) are not secrets, and without the domain they cannot sign in.
  const { domain, scopes, identityProvider, idpIdentifier, callbackPort } = profile;
  // Where a profile belongs travels with it (a team shares which pools are prod); pinning is one person's choice and stays.
  const { environment, environmentColour } = profile;
  return {
    name,
    region,
    userPoolId,
    clientId,
    hasClientSecret,
    username,
    authFlow,
    refreshMethod,
    endpoint,
    fips,
    clientMetadata,
    analyticsEndpointId,
    userContextData,
    autoRefresh,
    domain,
    scopes,
    identityProvider,
    idpIdentifier,
    callbackPort,
    environment,
    environmentColour,
  };
}
