// The contract cannot import the core (the renderer type-checks it), so ProfileInput and ProfileView name a stored
// profile's fields again; these proofs bind the names to main/core/profiles/profile.ts: a field the window sends or
// shows that a stored profile does not have (a typo, a field renamed on one side) fails to compile here.

import type { Profile } from '../core/profiles/profile.ts';
import type { Same } from '../core/schema-shape.ts';
import type { ProfileInput, ProfileView } from './contract.ts';

/** What the window sends that a stored profile does not hold: the client secret (for the keychain) and its removal. */
export type InputOnlyFields = 'clientSecret' | 'removeClientSecret';
/** What the window shows that a stored profile does not hold: how it signs in and where its session stands. */
export type ViewOnlyFields = 'signIn' | 'passwordOptional' | 'state' | 'expiresAt' | 'problem';

/**
 * The profile fields an edit in the window passes to the core: every ProfileInput field but the secret's, each named
 * (undefined when cleared) so a field added to the contract cannot be left out of an edit; `authFlow` only when given.
 */
export type EditedProfileFields = {
  [K in Exclude<keyof ProfileInput, InputOnlyFields | 'authFlow'>]-?: ProfileInput[K] | undefined;
} & Pick<ProfileInput, 'authFlow'>;

/** The fields of T that a stored profile does not have. */
type NotProfileFields<T> = Exclude<keyof T, keyof Profile>;

/** Compile-time proof that ProfileInput's fields are a stored profile's, but for InputOnlyFields (the core's schema is strict). */
export const INPUT_FIELDS_ARE_PROFILE_FIELDS: Same<NotProfileFields<ProfileInput>, InputOnlyFields> extends true
  ? true
  : { 'fields a stored profile does not have': NotProfileFields<ProfileInput> } = true;

/** Compile-time proof that ProfileView's fields are a stored profile's, but for ViewOnlyFields. */
export const VIEW_FIELDS_ARE_PROFILE_FIELDS: Same<NotProfileFields<ProfileView>, ViewOnlyFields> extends true
  ? true
  : { 'fields a stored profile does not have': NotProfileFields<ProfileView> } = true;
