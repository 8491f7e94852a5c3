import type { CognitoClient } from '../cognito/cognito-client.ts';
import type { RememberedDevice } from '../keychain/vault.ts';
import type { Profile } from '../profiles/profile.ts';
import type { SrpSession } from '../srp/index.ts';
import type { DeviceMemory } from './device-memory.ts';

/** What a conversation needs from outside: the profile, its client secret, the wire client, the time and the device memory. */
export interface SignInContext {
  profile: Profile;
  clientSecret?: string;
  client: CognitoClient;
  now: () => number;
  devices?: DeviceMemory;
}

/** Everything a sign-in carries from one step to the next. Lives in memory only, for the length of the sign-in. */
export interface ConversationState {
  readonly context: SignInContext;
  /** The USERNAME every request sends: as typed, then the canonical one Cognito names (USER_ID_FOR_SRP / USERNAME). */
  username: string;
  /** Kept for PASSWORD_VERIFIER and SELECT_CHALLENGE; dropped with the conversation. */
  password?: string;
  srp?: SrpSession;
  device?: RememberedDevice;
  deviceSrp?: SrpSession;
  /** The TOTP secret handed out during MFA_SETUP, shown once to the user. */
  totpSecret?: string;
  rememberDevice: boolean;
  session?: string;
  challengeName?: string;
  parameters: Record<string, string>;
  availableChallenges: string[];
}
