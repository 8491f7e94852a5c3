import type { Core } from '../core/core.ts';
import { asCtmError, BadInputError } from '../core/errors.ts';
import type { ProfileStatus } from '../core/sessions/session-state.ts';
import { formatToken } from '../core/tokens/token-format.ts';
import { ARGUMENT_SCHEMAS } from './argument-schemas.ts';
import type { Api, ApiResult, ProfileView } from './contract.ts';
import { API_METHODS } from './contract.ts';

/** Where copied tokens go; the Electron adapter also clears it again after a while. */
export interface TokenClipboard {
  copySecret(text: string): Promise<void>;
}

/** The real logic behind each IPC method: plain async functions over the core, which tests call directly. */
export function createApi(core: Core, clipboard: TokenClipboard): Api {
  const view = async (profileId: string): Promise<ProfileView> => {
    const status = (await core.sessions.statuses()).find((s) => s.profile.id === profileId);
    if (!status) throw new BadInputError('That profile no longer exists.');
    return toView(status);
  };
  return {
    listProfiles: async () => (await core.sessions.statuses()).map(toView),
    addProfile: async ({ clientSecret, ...fields }) => view((await core.addProfile(fields, clientSecret || undefined)).id),
    removeProfile: async (profileId) => {
      await core.removeProfile(profileId);
    },
    signIn: (profileId, credentials) => core.sessions.startSignIn(profileId, credentials),
    answerChallenge: (conversationId, answer) => core.sessions.answerChallenge(conversationId, answer),
    refreshNow: async (profileId) => {
      await core.sessions.refresh(profileId);
      return view(profileId);
    },
    signOut: (profileId) => core.sessions.signOut(profileId),
    copyToken: async (profileId, kind, format) => {
      const profile = await core.profiles.get(profileId);
      await clipboard.copySecret(formatToken(await core.sessions.tokens(profileId), kind, format, profile.name));
    },
  };
}

/** A profile's status as the renderer may see it: no token, no secret. */
export function toView(status: ProfileStatus): ProfileView {
  const { profile } = status;
  return {
    id: profile.id,
    name: profile.name,
    region: profile.region,
    userPoolId: profile.userPoolId,
    clientId: profile.clientId,
    ...(profile.username ? { username: profile.username } : {}),
    authFlow: profile.authFlow,
    hasClientSecret: profile.hasClientSecret,
    autoRefresh: profile.autoRefresh,
    state: status.state,
    ...(status.expiresAt !== undefined ? { expiresAt: status.expiresAt } : {}),
    ...(status.problem ? { problem: status.problem } : {}),
  };
}

/** One IPC handler per method: validates the arguments, calls the Api, answers an ApiResult. */
export type IpcHandler = (...args: unknown[]) => Promise<ApiResult<unknown>>;

/** Wraps every Api method with argument validation and error mapping, keyed by method name. */
export function createIpcHandlers(api: Api): Record<keyof Api, IpcHandler> {
  const handlers = {} as Record<keyof Api, IpcHandler>;
  for (const method of API_METHODS) {
    handlers[method] = async (...args: unknown[]) => {
      const parsed = ARGUMENT_SCHEMAS[method].safeParse(args);
      if (!parsed.success) return { ok: false, error: { code: 'bad-input', message: `Invalid arguments for ${method}.` } };
      try {
        const call = api[method] as (...a: unknown[]) => Promise<unknown>;
        const value = await call(...parsed.data);
        return { ok: true, value };
      } catch (error) {
        const problem = asCtmError(error);
        return { ok: false, error: { code: problem.kind, message: problem.message } };
      }
    };
  }
  return handlers;
}
