// No imports: the cached `ctm token` path (main/cli/keychain-cached-token.ts, the cli-fast bundle) resolves with it too.

declare const profileRefBrand: unique symbol;

/** What a person typed to name a profile (`ctm login dev`, CTM_PROFILE): its name or its id, not yet looked up. */
export type ProfileRef = string & { readonly [profileRefBrand]: true };

/** Marks text a person typed as a profile reference; Core.resolveProfile (ProfileStore.resolve) looks it up. */
export function profileRef(typed: string): ProfileRef {
  return typed as ProfileRef;
}

/** The one rule for what a reference names: the profile of that name, else the one of that id. */
export function profileNamedBy<P extends { id: string; name: string }>(
  profiles: readonly P[],
  ref: ProfileRef,
): P | undefined {
  const typed: string = ref;
  return profiles.find((p) => p.name === typed) ?? profiles.find((p) => p.id === typed);
}
