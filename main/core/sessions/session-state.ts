import type { Profile } from '../profiles/profile.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import type { ProfileState } from '../scheduler/profile-state.ts';
import type { SignInStep as SignInStepOf } from '../../shared/sign-in-steps.ts';

/** A profile with its session state; never a token. */
export interface ProfileStatus {
  profile: Profile;
  state: ProfileState;
  /** When the access token expires (epoch ms), when there is a session. */
  expiresAt?: number;
  /** The last problem, as a message a person can act on. */
  problem?: string;
}

/** Where a sign-in stands after a step (the shape the window receives too, declared once in main/shared), by profile id. */
export type SignInStep = SignInStepOf<ProfileId>;
