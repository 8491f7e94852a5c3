import { newProfileId } from '../../../../../main/core/profiles/profile-id.ts';
import { describe, expect, it } from 'vitest';
import { noDeviceMemory } from '../../../../../main/core/auth/device-memory.ts';
import { flowFor, flowKind, signInNeeds } from '../../../../../main/core/auth/flows/flow-kinds.ts';
import { adminApi } from '../../../../../main/core/aws/admin-flow.ts';
import type { FlowServices } from '../../../../../main/core/auth/flows/sign-in-flow.ts';
import type { CognitoTransport } from '../../../../../main/core/cognito/transport.ts';
import type { TokenSet } from '../../../../../main/core/tokens/token-set.ts';
import { AUTH_FLOWS, parseProfileFields, type Profile } from '../../../../../main/core/profiles/profile.ts';

const domain = 'https://myapp.auth.us-east-1.amazoncognito.com';
const profile = (fields: Record<string, unknown>): Profile => ({
  ...parseProfileFields({
    name: 'p',
    region: 'us-east-1',
    userPoolId: 'us-east-1_Pool1',
    clientId: 'client1',
    username: 'alice',
    ...fields,
  }),
  id: newProfileId(),
});
const oauthFields = { MANAGED_LOGIN: { domain }, CLIENT_CREDENTIALS: { domain, hasClientSecret: true } } as Record<
  string,
  Record<string, unknown>
>;

/** Services whose wire records every call: these tests must never reach a server (a unit test: no sockets). */
function recordingServices(): FlowServices & { calls: string[] } {
  const calls: string[] = [];
  const transport: CognitoTransport = {
    post: async (url) => {
      calls.push(String(url));
      throw new Error('no network in unit tests');
    },
  };
  return {
    calls,
    transport,
    now: () => 0,
    clientSecret: async () => undefined,
    devices: () => noDeviceMemory,
    lastUser: async () => undefined,
    rememberRefreshFallback: async () => undefined,
  };
}

describe('one flow per kind of sign-in, chosen once from the profile', () => {
  it.each([
    ['USER_SRP_AUTH', 'password'],
    ['USER_PASSWORD_AUTH', 'password'],
    ['CUSTOM_AUTH', 'password'],
    ['USER_AUTH', 'password'],
    ['ADMIN_USER_PASSWORD_AUTH', 'password'],
    ['ADMIN_NO_SRP_AUTH', 'password'],
    ['MANAGED_LOGIN', 'browser'],
    ['CLIENT_CREDENTIALS', 'none'],
  ])('a %s profile signs in by %s', (authFlow, signIn) => {
    expect(signInNeeds(profile({ authFlow, ...oauthFields[authFlow] })).signIn).toBe(signIn);
  });

  it('knows a kind for every auth flow a profile may name', () => {
    for (const authFlow of AUTH_FLOWS) expect(flowKind({ authFlow })).toBeDefined();
  });

  it('asks for a password first only when the flow cannot go without one', () => {
    const required = (fields: Record<string, unknown>) => signInNeeds(profile(fields)).passwordRequired;
    expect(required({ authFlow: 'USER_SRP_AUTH' })).toBe(true);
    expect(required({ authFlow: 'USER_PASSWORD_AUTH' })).toBe(true);
    expect(required({ authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' })).toBe(true);
    expect(required({ authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' })).toBe(false);
    expect(required({ authFlow: 'USER_AUTH' })).toBe(false);
    expect(required({ authFlow: 'CUSTOM_AUTH' })).toBe(false);
    expect(required({ authFlow: 'MANAGED_LOGIN', domain })).toBe(false);
  });

  it('only client credentials renew without a stored session (they ask the token endpoint again)', () => {
    expect(flowKind({ authFlow: 'CLIENT_CREDENTIALS' }).renewsWithoutSession).toBe(true);
    expect(flowKind({ authFlow: 'MANAGED_LOGIN' }).renewsWithoutSession).toBe(false);
    expect(flowKind({ authFlow: 'USER_SRP_AUTH' }).renewsWithoutSession).toBe(false);
  });

  it('a managed login without a way to show the browser page refuses before any request, naming the command', async () => {
    const services = recordingServices();
    const start = flowFor(profile({ authFlow: 'MANAGED_LOGIN', domain }), services).start({
      credentials: {},
      signal: new AbortController().signal,
    });
    await expect(start).rejects.toMatchObject({
      kind: 'bad-input',
      message: expect.stringMatching(/managed login in the browser: run ctm login p/),
    });
    expect(services.calls).toEqual([]);
  });

  it('ADMIN_USER_PASSWORD_AUTH is the administrator kind (a password first); its retired name ADMIN_NO_SRP_AUTH is refused with advice before any request', async () => {
    expect(flowKind(profile({ authFlow: 'ADMIN_USER_PASSWORD_AUTH' }))).toBe(adminApi);
    expect(signInNeeds(profile({ authFlow: 'ADMIN_USER_PASSWORD_AUTH' }))).toEqual({
      signIn: 'password',
      passwordRequired: true,
    });
    const services = recordingServices();
    const start = flowFor(profile({ authFlow: 'ADMIN_NO_SRP_AUTH' }), services).start({
      credentials: { password: 'pw' },
      signal: new AbortController().signal,
    });
    await expect(start).rejects.toThrow(/replaced it with ADMIN_USER_PASSWORD_AUTH/);
    expect(services.calls).toEqual([]);
  });

  it('signing out of client credentials revokes nothing at the server (there is no refresh token)', async () => {
    const services = recordingServices();
    const flow = flowFor(profile({ authFlow: 'CLIENT_CREDENTIALS', domain, hasClientSecret: true }), services);
    const session: TokenSet = { accessToken: 'a', tokenType: 'Bearer', expiresAt: 1, issuedAt: 0 };
    expect(await flow.signOut(session, { global: false, renew: () => Promise.reject(new Error('no renew')) })).toEqual({
      revoked: true,
    });
    expect(services.calls).toEqual([]);
  });

  it('a user-pool renewal without a session asks for a sign-in, without a request', async () => {
    const services = recordingServices();
    await expect(flowFor(profile({ authFlow: 'USER_SRP_AUTH' }), services).renew(undefined)).rejects.toMatchObject({
      kind: 'sign-in-required',
    });
    expect(services.calls).toEqual([]);
  });
});
