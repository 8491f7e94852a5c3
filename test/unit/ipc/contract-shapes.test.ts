import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ChallengeAnswer, ChallengePrompt, SignInCredentials } from '../../../main/core/auth/sign-in-types.ts';
import type { SignOutResult } from '../../../main/core/auth/sign-out.ts';
import type { ErrorKind } from '../../../main/core/errors.ts';
import type { ProfileState } from '../../../main/core/scheduler/profile-state.ts';
import type { importServers } from '../../../main/core/profiles/profile-import.ts';
import type { SignInStep } from '../../../main/core/sessions/session-state.ts';
import type { SignInStep as SignInStepOf } from '../../../main/shared/sign-in-steps.ts';
import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { appSettingsSchema, DEFAULT_SETTINGS, type AppSettings } from '../../../main/core/settings/app-settings.ts';
import {
  TOKEN_FORMATS,
  TOKEN_KINDS,
  type TokenFormat,
  type TokenKind,
} from '../../../main/core/tokens/token-format.ts';
import type { TokenInspection } from '../../../main/core/tokens/token-inspection.ts';
import { ARGUMENT_SCHEMAS, ARGUMENTS_MATCH_API } from '../../../main/ipc/argument-schemas.ts';
import type {
  Api,
  ApiError,
  ChallengeAnswerInput,
  ChallengeView,
  CopyFormat,
  ImportServerView,
  ProfileInput,
  ProfileView,
  SettingsView,
  SignInInput,
  SignInStepView,
  SignOutView,
  TokenInspectionView,
  TokenKind as ContractTokenKind,
} from '../../../main/ipc/contract.ts';
import { API_METHODS } from '../../../main/ipc/contract.ts';
import { createIpcHandlers } from '../../../main/ipc/handlers.ts';
import { INPUT_FIELDS_ARE_PROFILE_FIELDS, VIEW_FIELDS_ARE_PROFILE_FIELDS } from '../../../main/ipc/profile-fields.ts';

// Each argument shape has one source, the contract; the schemas are typed by it (main/core/schema-shape.ts). tsc checks
// the type-level half of this file (`npm run check`); vitest runs the rest.

/** Every optional field set: `Required<...>` makes a field added to the contract fail to compile here until it is. */
const PROFILE: Required<ProfileInput> = {
  name: 'dev-api',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbCdEf123',
  clientId: '1example23456789abcdefghij',
  clientSecret: 's'.repeat(52),
  removeClientSecret: false,
  username: 'alice@example.com',
  authFlow: 'MANAGED_LOGIN',
  endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/',
  domain: 'https://dev-api.auth.eu-west-1.amazoncognito.com',
  scopes: ['openid', 'email', 'https://api.example.com/orders.read'],
  identityProvider: 'Google',
  idpIdentifier: 'example.com',
  fips: false,
  environment: 'dev',
  environmentColour: '#2e7d32',
  pinned: true,
};
const CREDENTIALS: Required<SignInInput> = { username: 'alice', password: 'Passw0rd!', rememberDevice: true };
const ANSWER: Required<ChallengeAnswerInput> = {
  password: 'Passw0rd!',
  newPassword: 'N3w-Passw0rd!',
  attributes: { email: 'alice@example.com' },
  code: '123456',
  email: 'alice@example.com',
  select: 'SOFTWARE_TOKEN_MFA',
  answer: 'the answer',
  rememberDevice: false,
};
const SETTINGS: Required<SettingsView> = {
  clipboardClearSeconds: 60,
  startAtLogin: true,
  globalShortcut: 'CommandOrControl+Shift+T',
  defaultProfileId: '0f1e2d3c-4b5a-4968-8776-655443322110',
  quickCopyShortcut: 'CommandOrControl+Shift+Space',
};
const ID = '0f1e2d3c-4b5a-4968-8776-655443322110';

/** One call of every Api method the window may make, with every optional argument: typed by the contract. */
const CALLS: { [M in keyof Api]: Parameters<Api[M]> } = {
  listProfiles: [],
  addProfile: [PROFILE],
  updateProfile: [ID, PROFILE],
  removeProfile: [ID],
  importServers: ['amplify_outputs.json', '{"auth":{}}'],
  importProfiles: ['amplify_outputs.json', '{"auth":{}}', ['https://auth.example.com']],
  exportProfiles: [],
  signIn: [ID, CREDENTIALS],
  answerChallenge: ['conversation-1', ANSWER],
  cancelSignIn: [ID],
  refreshNow: [ID],
  signOut: [ID],
  copyToken: [ID, 'id', 'curl'],
  clearClipboard: [],
  inspectToken: [ID, 'access'],
  copyAwsExports: [ID, 'powershell'],
  awsIdentity: [ID],
  endpointCredentials: [ID],
  copyEndpointSecret: [ID],
  getSettings: [],
  updateSettings: [SETTINGS],
};

/** An Api whose methods only record what reached them. */
function recordingApi(): { api: Api; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const methods = API_METHODS.map((method) => [
    method,
    async (...args: unknown[]) => {
      calls.push([method, args]);
      return null;
    },
  ]);
  return { api: Object.fromEntries(methods) as unknown as Api, calls };
}

describe('the IPC contract is the one source of each argument shape', () => {
  it('types every schema by its method: what a schema accepts is exactly the method parameters (tsc)', () => {
    expectTypeOf(ARGUMENTS_MATCH_API).toEqualTypeOf<true>();
    expectTypeOf<z.output<typeof ARGUMENT_SCHEMAS.addProfile>>().toEqualTypeOf<Parameters<Api['addProfile']>>();
    expectTypeOf<z.output<typeof ARGUMENT_SCHEMAS.importProfiles>>().toEqualTypeOf<Parameters<Api['importProfiles']>>();
    expectTypeOf<z.output<typeof ARGUMENT_SCHEMAS.updateSettings>>().toEqualTypeOf<[Partial<SettingsView>]>();
    expect(ARGUMENTS_MATCH_API).toBe(true);
  });

  it('checks every Api method with its schema: a full call reaches the method, one argument more does not', async () => {
    const { api, calls } = recordingApi();
    const handlers = createIpcHandlers(api);
    expect(Object.keys(ARGUMENT_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) {
      const call: unknown[] = CALLS[method];
      expect(await handlers[method](...structuredClone(call)), method).toEqual({ ok: true, value: null });
      expect(await handlers[method](...structuredClone(call), 'one more'), method).toEqual({
        ok: false,
        error: { code: 'bad-input', message: `Invalid arguments for ${method}.` },
      });
    }
    expect(calls).toEqual(API_METHODS.map((method) => [method, CALLS[method]]));
  });

  it('refuses, in every object argument, a key the contract does not have', async () => {
    const { api, calls } = recordingApi();
    const handlers = createIpcHandlers(api);
    const objectArguments = API_METHODS.flatMap((method) =>
      CALLS[method].flatMap((argument: unknown, position) =>
        typeof argument === 'object' && argument !== null && !Array.isArray(argument) ? [{ method, position }] : [],
      ),
    );
    expect(objectArguments.map((a) => a.method)).toEqual([
      'addProfile',
      'updateProfile',
      'signIn',
      'answerChallenge',
      'updateSettings',
    ]);
    for (const { method, position } of objectArguments) {
      const call: unknown[] = structuredClone(CALLS[method]);
      call[position] = { ...(call[position] as object), admin: true };
      expect(await handlers[method](...call), method).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(calls).toEqual([]);
  });

  it('takes the optional last argument of importProfiles as given or left out, nothing else in its place', () => {
    const [fileName, text, servers] = CALLS.importProfiles;
    expect(ARGUMENT_SCHEMAS.importProfiles.safeParse([fileName, text]).success).toBe(true);
    expect(ARGUMENT_SCHEMAS.importProfiles.safeParse([fileName, text, servers]).success).toBe(true);
    expect(ARGUMENT_SCHEMAS.importProfiles.safeParse([fileName, text, 'https://auth.example.com']).success).toBe(false);
    expect(ARGUMENT_SCHEMAS.importProfiles.safeParse([fileName]).success).toBe(false);
  });

  it('gives the core and the window one shape where they hold the same thing (tsc)', () => {
    expectTypeOf<ChallengeView>().toEqualTypeOf<ChallengePrompt>();
    expectTypeOf<ChallengeAnswerInput>().toEqualTypeOf<ChallengeAnswer>();
    // One shape; the core's names its profile by ProfileId, which the window receives as a string.
    expectTypeOf<SignInStepView>().toEqualTypeOf<SignInStepOf<string>>();
    expectTypeOf<SignInStep>().toEqualTypeOf<SignInStepOf<ProfileId>>();
    expectTypeOf<SignInStep>().toExtend<SignInStepView>();
    expectTypeOf<SignOutView>().toEqualTypeOf<SignOutResult>();
    expectTypeOf<TokenInspectionView>().toEqualTypeOf<TokenInspection>();
    expectTypeOf<SettingsView>().toEqualTypeOf<AppSettings>();
    expectTypeOf<z.output<typeof appSettingsSchema>>().toEqualTypeOf<SettingsView>();
    expectTypeOf<ProfileView['state']>().toEqualTypeOf<ProfileState>();
    expectTypeOf<ReturnType<typeof importServers>>().toEqualTypeOf<ImportServerView[]>();
    expectTypeOf<ContractTokenKind>().toEqualTypeOf<TokenKind>();
    expectTypeOf<CopyFormat>().toEqualTypeOf<TokenFormat>();
    expectTypeOf<ApiError['code']>().toEqualTypeOf<ErrorKind | 'sign-in-ended' | 'forbidden'>();
    // ctm login may also name a preferred challenge; everything else is what the window sends.
    expectTypeOf<Omit<SignInCredentials, 'preferredChallenge'>>().toEqualTypeOf<SignInInput>();
    expect(appSettingsSchema.parse(SETTINGS)).toEqual(SETTINGS);
    // The profile fields the window sends and shows are a stored profile's (the contract cannot import the core).
    expectTypeOf(INPUT_FIELDS_ARE_PROFILE_FIELDS).toEqualTypeOf<true>();
    expectTypeOf(VIEW_FIELDS_ARE_PROFILE_FIELDS).toEqualTypeOf<true>();
    expect([INPUT_FIELDS_ARE_PROFILE_FIELDS, VIEW_FIELDS_ARE_PROFILE_FIELDS]).toEqual([true, true]);
    expect(appSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('validates token kinds and formats against the one list the CLI and the menus use', () => {
    for (const kind of TOKEN_KINDS)
      for (const format of TOKEN_FORMATS)
        expect(ARGUMENT_SCHEMAS.copyToken.safeParse([ID, kind, format]).success, `${kind} ${format}`).toBe(true);
    expect(ARGUMENT_SCHEMAS.copyToken.safeParse([ID, 'refresh', 'raw']).success).toBe(false);
    expect(ARGUMENT_SCHEMAS.copyToken.safeParse([ID, 'access', 'yaml']).success).toBe(false);
  });
});
