import { BadInputError } from '../errors.ts';
import { createSrpSession, srpPoolName } from '../srp/index.ts';
import type { ConversationState } from './conversation-state.ts';
import { refuseAdminFlow } from './flow-refusals.ts';
import type { SignInCredentials } from './sign-in-types.ts';

/** The AuthFlow and AuthParameters (without SECRET_HASH) that start a sign-in with the profile's flow. */
export function initialParameters(
  state: ConversationState,
  credentials: SignInCredentials,
): { flow: string; parameters: Record<string, string> } {
  const { profile } = state.context;
  const flow = profile.authFlow;
  const parameters: Record<string, string> = { USERNAME: state.username };
  if (state.device) parameters.DEVICE_KEY = state.device.deviceKey;
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
      return { flow, parameters: { ...parameters, PASSWORD: requirePassword(state) } };
    case 'USER_SRP_AUTH':
      requirePassword(state);
      return { flow, parameters: { ...parameters, SRP_A: startSrp(state) } };
    case 'CUSTOM_AUTH':
      // With a password, the custom rounds come after the password is proven by SRP (CHALLENGE_NAME=SRP_A).
      return {
        flow,
        parameters: state.password ? { ...parameters, CHALLENGE_NAME: 'SRP_A', SRP_A: startSrp(state) } : parameters,
      };
    case 'USER_AUTH':
      return {
        flow,
        parameters: {
          ...parameters,
          ...preferredChallenge(state, credentials.preferredChallenge ?? profile.preferredChallenge),
        },
      };
    default:
      return refuseAdminFlow(flow);
  }
}

/** Starts a new user SRP exchange (USER_SRP_AUTH, CUSTOM_AUTH with SRP_A, USER_AUTH PASSWORD_SRP) and gives SRP_A. */
export function startSrp(state: ConversationState): string {
  state.srp = createSrpSession(srpPoolName(state.context.profile.userPoolId));
  return state.srp.srpA;
}

/** The password the sign-in started with, or a message saying it is needed. */
export function requirePassword(state: ConversationState): string {
  if (!state.password) throw new BadInputError(`The ${state.context.profile.authFlow} flow needs a password.`);
  return state.password;
}

function preferredChallenge(state: ConversationState, preferred: string | undefined): Record<string, string> {
  if (!preferred) return {};
  if (preferred === 'PASSWORD') return { PREFERRED_CHALLENGE: preferred, PASSWORD: requirePassword(state) };
  if (preferred === 'PASSWORD_SRP') {
    requirePassword(state);
    return { PREFERRED_CHALLENGE: preferred, SRP_A: startSrp(state) };
  }
  return { PREFERRED_CHALLENGE: preferred };
}
