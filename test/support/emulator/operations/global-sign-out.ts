import { checkAccessToken } from '../access-token-check.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { requiredMember, type RequestBody } from '../request-fields.ts';

/** GlobalSignOut: revokes every refresh token of the user and every access token minted with them. */
export function globalSignOut(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const { user } = checkAccessToken(state, requiredMember(body, 'AccessToken'));
  for (const origin of state.refreshTokens.revokeAllFor(user)) state.revokedOrigins.add(origin);
  return {};
}
