import { newProfileId } from '../../../../main/core/profiles/profile-id.ts';
import { SignInConversation } from '../../../../main/core/auth/sign-in-conversation.ts';
import type { DeviceMemory } from '../../../../main/core/auth/device-memory.ts';
import type { SignInOutcome } from '../../../../main/core/auth/sign-in-types.ts';
import { CognitoClient } from '../../../../main/core/cognito/cognito-client.ts';
import { fetchTransport } from '../../../../main/core/cognito/transport.ts';
import type { RememberedDevice } from '../../../../main/core/keychain/vault.ts';
import { parseProfileFields, type Profile } from '../../../../main/core/profiles/profile.ts';
import type { Emulator } from '../../../support/emulator/index.ts';

/** The seed with every user, MFA kind, custom auth and a device-tracking pool. */
export const FULL_SEED = 'test/support/seeds/emulator-full.json';
/** The password of every user of the full seed (newbie's temporary one differs). */
export const PASSWORD = 'Correct-Horse-1';
/** The secret of the full seed's confidential client. */
export const CLIENT_SECRET = 's3cr3t-client-secret';

/** A profile of the full seed's first pool, pointed at the emulator. */
export function profileOf(emulator: Emulator, fields: Record<string, unknown>): Profile {
  return {
    ...parseProfileFields({
      name: 'test',
      region: 'us-east-1',
      userPoolId: 'us-east-1_Example1',
      clientId: 'publicclient1',
      endpoint: emulator.endpoint,
      ...fields,
    }),
    id: newProfileId(),
  };
}

/** A device memory held in a variable (unit tests: the keychain is exercised by the integration tests). */
export function memoryDevices(): DeviceMemory & { device: RememberedDevice | undefined } {
  const memory = {
    device: undefined as RememberedDevice | undefined,
    load: () => Promise.resolve(memory.device),
    save: (device: RememberedDevice) => Promise.resolve(void (memory.device = device)),
    forget: () => Promise.resolve(void (memory.device = undefined)),
  };
  return memory;
}

/** A conversation for a profile, over real HTTP to the emulator. */
export function conversationFor(
  emulator: Emulator,
  profile: Profile,
  options: { clientSecret?: string; devices?: DeviceMemory } = {},
): SignInConversation {
  const client = new CognitoClient(fetchTransport, emulator.endpoint);
  return new SignInConversation({ profile, client, now: () => emulator.now(), ...options });
}

/** The prompt of a challenge outcome (fails the test when tokens came instead). */
export function promptOf(outcome: SignInOutcome) {
  if (outcome.kind !== 'challenge') throw new Error('expected a challenge, got tokens');
  return outcome.prompt;
}

/** The challenge names the emulator received in RespondToAuthChallenge since request `from`. */
export function challengesSince(emulator: Emulator, from: number): unknown[] {
  return emulator.requests
    .slice(from)
    .filter((r) => r.operation === 'RespondToAuthChallenge')
    .map((r) => r.body.ChallengeName);
}
