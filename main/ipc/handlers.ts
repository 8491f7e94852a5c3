import { signInNeeds } from '../core/auth/flows/flow-kinds.ts';
import type { Core } from '../core/core.ts';
import { asCtmError, BadInputError } from '../core/errors.ts';
import { exportProfiles } from '../core/profiles/profile-export.ts';
import { withSuggestedEnvironment } from '../core/profiles/profile-environment.ts';
import type { Profile } from '../core/profiles/profile.ts';
import { profileIdFrom, type ProfileId } from '../core/profiles/profile-id.ts';
import { importServers, parseProfileImport, requireConfirmedServers } from '../core/profiles/profile-import.ts';
import type { ProfileStatus } from '../core/sessions/session-state.ts';
import { SettingsStore } from '../core/settings/settings-store.ts';
import { formatToken, pickToken } from '../core/tokens/token-format.ts';
import { inspectToken } from '../core/tokens/token-inspection.ts';
import { awsExportLines } from '../core/aws/aws-exports.ts';
import { ARGUMENT_SCHEMAS } from './argument-schemas.ts';
import type { EditedProfileFields } from './profile-fields.ts';
import type { Api, ApiResult, ProfileInput, ProfileView } from './contract.ts';
import { API_METHODS, SIGN_IN_ENDED } from './contract.ts';
import { SignInEndedError } from '../core/sessions/sign-in-ended.ts';

/** Where copied tokens go; the Electron adapter also clears it again after a while. */
export interface TokenClipboard {
  copySecret(text: string): Promise<void>;
  /** Clears the clipboard if it still holds the last copied token (never someone else's later copy). */
  clearIfOurs?(): Promise<void>;
}

/** What the Api needs besides the core and the clipboard; all optional so tests pass only what they use. */
export interface ApiOptions {
  /** App settings; defaults to settings.json next to the profiles file. */
  settings?: SettingsStore;
  /** Called after every change made through the Api (main pushes it to the window and rebuilds the tray). */
  changed?: () => void;
  /** Called after a token of the profile was copied (the tray puts recent profiles first). */
  copied?: (profileId: string) => void;
  /** Opens a URL in the system browser (Electron's shell.openExternal), for managed login. */
  openExternal?: (url: string) => Promise<void>;
}

/** The real logic behind each IPC method: plain async functions over the core, which tests call directly. */
export function createApi(core: Core, clipboard: TokenClipboard, options: ApiOptions = {}): Api {
  const settings = options.settings ?? new SettingsStore(core.configDir);
  const changed = options.changed ?? (() => undefined);
  const view = async (profileId: ProfileId): Promise<ProfileView> => {
    const status = (await core.statuses()).find((s) => s.profile.id === profileId);
    if (!status) throw new BadInputError('That profile no longer exists.');
    return toView(status);
  };
  const mutation =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await work(...args);
      } finally {
        changed();
      }
    };
  // The window names profiles by id only (the contract's profileId): checked here, once, and never looked up by name.
  const id = profileIdFrom;
  return {
    listProfiles: async () => (await core.statuses()).map(toView),
    addProfile: mutation(async ({ clientSecret, removeClientSecret: _nothingToRemove, ...fields }: ProfileInput) =>
      view((await core.addProfile(fields, clientSecret || undefined)).id),
    ),
    updateProfile: mutation(async (profileId: string, input: ProfileInput) => {
      const secret = input.clientSecret?.trim() || undefined;
      if (input.removeClientSecret && secret)
        throw new BadInputError('Give a new client secret or remove it, not both.');
      // null removes it (Core validates first: CLIENT_CREDENTIALS refuses to lose its secret, and nothing is deleted).
      const change = input.removeClientSecret ? null : secret;
      return view((await core.updateProfile(id(profileId), editableFields(input), change)).id);
    }),
    removeProfile: mutation(async (profileId: string, options?: { revoke?: boolean }) => {
      await core.removeProfile(id(profileId), options?.revoke ? { revoke: true } : {});
    }),
    importServers: async (fileName: string, text: string) =>
      importServers(parseProfileImport(fileName, text, { takenNames: (await core.listProfiles()).map((p) => p.name) })),
    importProfiles: mutation(async (fileName: string, text: string, confirmedServers?: string[]) => {
      const taken = (await core.listProfiles()).map((p) => p.name);
      const found = parseProfileImport(fileName, text, { takenNames: taken }).map(withSuggestedEnvironment);
      // Servers that are not AWS's only once the person confirmed each (security, issue 19); all profiles or none.
      requireConfirmedServers(found, confirmedServers ?? [], 'Import the file again and confirm them.');
      const added: string[] = (await core.addProfiles(found)).map((p) => p.id);
      const statuses = await core.statuses();
      return statuses.filter((s) => added.includes(s.profile.id)).map(toView);
    }),
    exportProfiles: async () => exportProfiles(await core.listProfiles()),
    // The profile's kind decides: a password form's first step, the system browser (openExternal), or nothing to ask.
    signIn: mutation((profileId: string, credentials: Parameters<Api['signIn']>[1]) =>
      core.signIn(id(profileId), credentials, { open: options.openExternal }),
    ),
    cancelSignIn: (profileId: string) => core.cancelSignIn(id(profileId)),
    answerChallenge: mutation((conversationId: string, answer: Parameters<Api['answerChallenge']>[1]) =>
      core.answerChallenge(conversationId, answer),
    ),
    refreshNow: mutation(async (profileId: string) => {
      await core.refreshNow(id(profileId));
      return view(id(profileId));
    }),
    signOut: mutation((profileId: string) => core.signOut(id(profileId))),
    copyToken: async (profileId, kind, format) => {
      const profile = await core.profile(id(profileId));
      await clipboard.copySecret(formatToken(await core.tokens(profile.id), kind, format, profile.name));
      options.copied?.(profile.id);
    },
    clearClipboard: async () => {
      await clipboard.clearIfOurs?.();
    },
    inspectToken: async (profileId, kind) => {
      const profile = await core.profile(id(profileId));
      return inspectToken(pickToken(await core.tokens(profile.id), kind), kind, profile);
    },
    copyAwsExports: async (profileId, shell) => {
      await clipboard.copySecret(awsExportLines(await core.awsCredentials(id(profileId)), shell));
      options.copied?.(profileId);
    },
    awsIdentity: async (profileId) => {
      const credentials = await core.cachedAwsCredentials(await core.profile(id(profileId)));
      return credentials
        ? {
            identityId: credentials.identityId,
            region: credentials.region,
            expiresAt: new Date(credentials.expiresAt).toISOString(),
          }
        : null;
    },
    endpointCredentials: async (profileId) => {
      const { tokenUrl, clientId, served } = await core.endpointCredentials(id(profileId));
      return { tokenUrl, clientId, served };
    },
    copyEndpointSecret: async (profileId) => {
      await clipboard.copySecret((await core.endpointCredentials(id(profileId))).clientSecret);
    },
    getSettings: () => settings.get(),
    updateSettings: mutation(async (changes: Parameters<Api['updateSettings']>[0]) => {
      if (changes.defaultProfileId) await core.profile(id(changes.defaultProfileId));
      return settings.update(changes);
    }),
  };
}

/** The profile fields the window edits; cleared optional fields are removed, the rest (metadata, refresh method) kept. */
function editableFields(input: ProfileInput): EditedProfileFields {
  return {
    name: input.name,
    region: input.region,
    userPoolId: input.userPoolId,
    clientId: input.clientId,
    username: input.username || undefined,
    endpoint: input.endpoint || undefined,
    domain: input.domain || undefined,
    scopes: input.scopes && input.scopes.length > 0 ? input.scopes : undefined,
    identityProvider: input.identityProvider || undefined,
    idpIdentifier: input.idpIdentifier || undefined,
    fips: input.fips || undefined,
    environment: input.environment || undefined,
    environmentColour: input.environmentColour || undefined,
    pinned: input.pinned || undefined,
    ...(input.authFlow ? { authFlow: input.authFlow } : {}),
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
    ...signInView(profile),
    hasClientSecret: profile.hasClientSecret,
    autoRefresh: profile.autoRefresh,
    state: status.state,
    ...(status.expiresAt !== undefined ? { expiresAt: status.expiresAt } : {}),
    ...(status.problem ? { problem: status.problem } : {}),
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
    ...(profile.domain ? { domain: profile.domain } : {}),
    ...(profile.scopes ? { scopes: profile.scopes } : {}),
    ...(profile.identityProvider ? { identityProvider: profile.identityProvider } : {}),
    ...(profile.idpIdentifier ? { idpIdentifier: profile.idpIdentifier } : {}),
    ...(profile.identityPoolId ? { identityPoolId: profile.identityPoolId } : {}),
    ...(profile.fips ? { fips: true } : {}),
    ...(profile.environment ? { environment: profile.environment } : {}),
    ...(profile.environmentColour ? { environmentColour: profile.environmentColour } : {}),
    ...(profile.pinned ? { pinned: true } : {}),
  };
}

/** How the window signs a profile in: its kind's method, and whether the password is optional on the first step. */
function signInView(profile: Profile): Pick<ProfileView, 'signIn' | 'passwordOptional'> {
  const { signIn, passwordRequired } = signInNeeds(profile);
  return signIn === 'password' && !passwordRequired ? { signIn, passwordOptional: true } : { signIn };
}

/** One IPC handler per method: validates the arguments, calls the Api, answers an ApiResult. */
export type IpcHandler = (...args: unknown[]) => Promise<ApiResult<unknown>>;

/** Wraps every Api method with argument validation and error mapping, keyed by method name. */
export function createIpcHandlers(api: Api): Record<keyof Api, IpcHandler> {
  const handlers = {} as Record<keyof Api, IpcHandler>;
  for (const method of API_METHODS) {
    handlers[method] = async (...args: unknown[]) => {
      const parsed = ARGUMENT_SCHEMAS[method].safeParse(args);
      if (!parsed.success)
        return { ok: false, error: { code: 'bad-input', message: `Invalid arguments for ${method}.` } };
      try {
        const call = api[method] as (...a: unknown[]) => Promise<unknown>;
        const value = await call(...parsed.data);
        return { ok: true, value };
      } catch (error) {
        const problem = asCtmError(error);
        return {
          ok: false,
          error: { code: problem instanceof SignInEndedError ? SIGN_IN_ENDED : problem.kind, message: problem.message },
        };
      }
    };
  }
  return handlers;
}
