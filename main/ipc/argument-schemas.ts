import { z } from 'zod';
import type { API_METHODS } from './contract.ts';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const tokenKind = z.enum(['access', 'id']);

const profileInput = z
  .object({
    name: text(64),
    region: text(32),
    userPoolId: text(64),
    clientId: text(128),
    clientSecret: text(256).optional(),
    username: text(128).optional(),
    authFlow: text(64).optional(),
    endpoint: text(2048).optional(),
    domain: text(2048).optional(),
    scopes: z.array(text(256)).max(100).optional(),
    identityProvider: text(128).optional(),
    idpIdentifier: text(128).optional(),
    fips: z.boolean().optional(),
    environment: text(24).optional(),
    environmentColour: text(16).optional(),
    pinned: z.boolean().optional(),
  })
  .strict();

/** The arguments each IPC method accepts, checked before anything runs: the renderer is not trusted. */
export const ARGUMENT_SCHEMAS = {
  listProfiles: z.tuple([]),
  addProfile: z.tuple([profileInput]),
  updateProfile: z.tuple([id, profileInput]),
  removeProfile: z.tuple([id]),
  // An Amplify config or export file: a name for messages, and its text (a few KB in practice).
  importServers: z.tuple([text(260), text(1_000_000)]),
  importProfiles: z.union([
    z.tuple([text(260), text(1_000_000)]),
    z.tuple([text(260), text(1_000_000), z.array(text(2048)).max(100)]),
  ]),
  exportProfiles: z.tuple([]),
  signIn: z.tuple([
    id,
    z
      .object({
        username: text(128).optional(),
        password: text(256).optional(),
        rememberDevice: z.boolean().optional(),
      })
      .strict(),
  ]),
  answerChallenge: z.tuple([
    id,
    z
      .object({
        password: text(256).optional(),
        newPassword: text(256).optional(),
        attributes: z.record(text(128), text(2048)).optional(),
        code: text(16).optional(),
        email: text(254).optional(),
        select: text(64).optional(),
        answer: text(2048).optional(),
        rememberDevice: z.boolean().optional(),
      })
      .strict(),
  ]),
  cancelSignIn: z.tuple([id]),
  refreshNow: z.tuple([id]),
  signOut: z.tuple([id]),
  copyToken: z.tuple([id, tokenKind, z.enum(['raw', 'header', 'env', 'powershell', 'fish', 'json', 'curl'])]),
  clearClipboard: z.tuple([]),
  inspectToken: z.tuple([id, tokenKind]),
  copyAwsExports: z.tuple([id, z.enum(['env', 'powershell', 'fish'])]),
  awsIdentity: z.tuple([id]),
  endpointCredentials: z.tuple([id]),
  copyEndpointSecret: z.tuple([id]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([
    z
      .object({
        clipboardClearSeconds: z.number().optional(),
        startAtLogin: z.boolean().optional(),
        globalShortcut: text(64).optional(),
        defaultProfileId: text(64).optional(),
        quickCopyShortcut: text(64).optional(),
      })
      .strict(),
  ]),
} satisfies Record<(typeof API_METHODS)[number], z.ZodType<unknown[]>>;
