import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../core/profiles/profile-import.ts';
import { schemaOf, type Same } from '../core/schema-shape.ts';
import { AWS_EXPORT_SHELLS, TOKEN_FORMATS, TOKEN_KINDS } from '../shared/copy-formats.ts';
import type { Api, ChallengeAnswerInput, ProfileInput, SettingsView, SignInInput } from './contract.ts';

// The contract (contract.ts) is the one source of each shape; every schema here is typed by it and fails to compile when
// the two drift (a field in one and not the other, optional in one only, another type). The schemas add only limits.

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const tokenKind = z.enum(TOKEN_KINDS);

const profileInput = schemaOf<ProfileInput>()(
  z
    .object({
      name: text(64),
      region: text(32),
      userPoolId: text(64),
      clientId: text(128),
      clientSecret: text(256).optional(),
      removeClientSecret: z.boolean().optional(),
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
    .strict(),
);

const signInInput = schemaOf<SignInInput>()(
  z
    .object({
      username: text(128).optional(),
      password: text(256).optional(),
      rememberDevice: z.boolean().optional(),
    })
    .strict(),
);

const challengeAnswer = schemaOf<ChallengeAnswerInput>()(
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
);

// Loose on purpose: the settings store checks the values and answers which field is wrong, in words.
const settingsChanges = schemaOf<Partial<SettingsView>>()(
  z
    .object({
      clipboardClearSeconds: z.number().optional(),
      startAtLogin: z.boolean().optional(),
      globalShortcut: text(64).optional(),
      defaultProfileId: text(64).optional(),
      quickCopyShortcut: text(64).optional(),
    })
    .strict(),
);

/** An Amplify config or export file: a name for messages, and its text (a few KB in practice; `ctm` reads as much). */
const importFile = [text(260), text(MAX_IMPORT_BYTES)] as const;

/** The arguments each IPC method accepts, checked before anything runs: the renderer is not trusted. */
export const ARGUMENT_SCHEMAS = {
  listProfiles: z.tuple([]),
  addProfile: z.tuple([profileInput]),
  updateProfile: z.tuple([id, profileInput]),
  removeProfile: z.tuple([id, z.object({ revoke: z.boolean().optional() }).strict().optional()]),
  importServers: z.tuple(importFile),
  importProfiles: z.tuple([...importFile, z.array(text(2048)).max(100).optional()]),
  exportProfiles: z.tuple([]),
  signIn: z.tuple([id, signInInput]),
  answerChallenge: z.tuple([id, challengeAnswer]),
  cancelSignIn: z.tuple([id]),
  refreshNow: z.tuple([id]),
  signOut: z.tuple([id]),
  copyToken: z.tuple([id, tokenKind, z.enum(TOKEN_FORMATS)]),
  clearClipboard: z.tuple([]),
  inspectToken: z.tuple([id, tokenKind]),
  copyAwsExports: z.tuple([id, z.enum(AWS_EXPORT_SHELLS)]),
  awsIdentity: z.tuple([id]),
  endpointCredentials: z.tuple([id]),
  copyEndpointSecret: z.tuple([id]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsChanges]),
} satisfies { [M in keyof Api]: z.ZodType<Parameters<Api[M]>> };

/** Per method: never when its schema accepts exactly the contract's parameters, else the method's name. */
type Drift = {
  [M in keyof Api]: Same<z.output<(typeof ARGUMENT_SCHEMAS)[M]>, Parameters<Api[M]>> extends true ? never : M;
};

/** Compile-time proof that each method's schema accepts exactly its contract parameters; a drift names the method. */
export const ARGUMENTS_MATCH_API: [Drift[keyof Api]] extends [never]
  ? true
  : { 'the arguments differ from the contract in': Drift[keyof Api] } = true;
