/**
 * Cognito's SRP-6a client, byte-exact with amazon-cognito-identity-js's AuthenticationHelper, with the
 * modular exponentiations done by OpenSSL (a few ms of CPU per sign-in instead of ~200 ms).
 *
 * API
 * - `srpPoolName(userPoolId: string): string` — `eu-west-1_AbC123` -> `AbC123`; BadInputError if malformed.
 * - `createSrpSession(poolName: string, options?: { randomBytes?: (size: number) => Uint8Array }): SrpSession`
 *   draws a = 128 random bytes and computes A = g^a mod N now (about 3 ms, synchronous).
 *   - `session.srpA: string` — SRP_A, lowercase unpadded hex, as the library sends it.
 *   - `session.passwordClaim({ userId, password, srpB, salt, secretBlock, now? }): Promise<{ signature, timestamp }>`
 *     -> PASSWORD_CLAIM_SIGNATURE and TIMESTAMP. Yields to the event loop between its exponentiations.
 *     Rejects with InvalidSrpServerValueError when SRP_B or SALT is not hex, B mod N == 0 or u == 0.
 * - `deviceVerifier(deviceGroupKey: string, deviceKey: string, options?): { devicePassword, passwordVerifier, salt }`
 *   -> ConfirmDevice's DeviceSecretVerifierConfig {Salt, PasswordVerifier}; keep devicePassword secret.
 * - `formatTimestamp(date: Date): string` — `Thu Nov 26 09:05:03 UTC 2026`.
 * - `InvalidSrpServerValueError` (a CtmError of kind 'service').
 *
 * Wiring a sign-in (main/core/auth/sign-in-conversation.ts):
 * - USER_SRP_AUTH: `s = createSrpSession(srpPoolName(profile.userPoolId))`; InitiateAuth with
 *   AuthParameters {USERNAME, SRP_A: s.srpA, SECRET_HASH?, DEVICE_KEY?}.
 * - CUSTOM_AUTH starting with a password: the same, plus AuthParameters.CHALLENGE_NAME = 'SRP_A'.
 * - PASSWORD_VERIFIER: `c = await s.passwordClaim({ userId: USER_ID_FOR_SRP, password, srpB: SRP_B,
 *   salt: SALT, secretBlock: SECRET_BLOCK })`; answer {USERNAME: USER_ID_FOR_SRP,
 *   PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK, TIMESTAMP: c.timestamp, PASSWORD_CLAIM_SIGNATURE: c.signature,
 *   DEVICE_KEY?, SECRET_HASH? (over USER_ID_FOR_SRP)}.
 * - DEVICE_SRP_AUTH: `d = createSrpSession(deviceGroupKey)`; answer {USERNAME, DEVICE_KEY, SRP_A: d.srpA}.
 * - DEVICE_PASSWORD_VERIFIER: `await d.passwordClaim({ userId: deviceKey, password: devicePassword, ... })`;
 *   answer like PASSWORD_VERIFIER with DEVICE_KEY (USERNAME stays the user's name).
 * - NewDeviceMetadata after sign-in: `v = deviceVerifier(DeviceGroupKey, DeviceKey)`; ConfirmDevice with
 *   DeviceSecretVerifierConfig {Salt: v.salt, PasswordVerifier: v.passwordVerifier}; store v.devicePassword.
 *
 * The `randomBytes` option is the seam for tests: a is bytes 0..127 of the first draw; deviceVerifier
 * draws 40 password bytes, then 16 salt bytes, in the library's order.
 */
export { createSrpSession } from './srp-session.ts';
export type { PasswordClaim, PasswordClaimInput, SrpSession } from './srp-session.ts';
export { deviceVerifier } from './device-verifier.ts';
export type { DeviceVerifier } from './device-verifier.ts';
export type { RandomBytes, SrpRandomOptions } from './srp-random.ts';
export { formatTimestamp } from './srp-timestamp.ts';
export { srpPoolName } from './srp-pool-name.ts';
export { InvalidSrpServerValueError } from './srp-errors.ts';
