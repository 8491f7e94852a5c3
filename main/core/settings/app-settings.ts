import { z } from 'zod';
import type { AppSettings } from '../../shared/app-settings.ts';
import { schemaOf } from '../schema-shape.ts';

/** The version of settings.json this build writes; newer files are read as defaults and never overwritten. */
export const SETTINGS_VERSION = 1;

/** An Electron accelerator such as "CommandOrControl+Shift+T": modifiers and one key joined by "+". */
const ACCELERATOR =
  /^$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Enter|Insert|Delete|Home|End|PageUp|PageDown|Up|Down|Left|Right)$/;

/** The clipboard clear time's range, in whole seconds: the form, `ctm settings` and the schema use these. */
export const CLIPBOARD_CLEAR_RANGE = { min: 5, max: 3600 } as const;

/** App settings' schema, typed by their one declaration in main/shared (the window's SettingsView is the same). */
export const appSettingsSchema = schemaOf<AppSettings>()(
  z
    .object({
      clipboardClearSeconds: z
        .number({ error: 'clipboard clear time: expected a number of seconds' })
        .int('clipboard clear time: whole seconds')
        .min(CLIPBOARD_CLEAR_RANGE.min, `clipboard clear time: at least ${CLIPBOARD_CLEAR_RANGE.min} seconds`)
        .max(CLIPBOARD_CLEAR_RANGE.max, `clipboard clear time: at most ${CLIPBOARD_CLEAR_RANGE.max} seconds`),
      startAtLogin: z.boolean({ error: 'start at login: expected true or false' }),
      globalShortcut: z
        .string()
        .regex(ACCELERATOR, 'global shortcut: expected modifiers and a key, such as CommandOrControl+Shift+T'),
      defaultProfileId: z.union([z.literal(''), z.uuid('default profile: unknown profile')]),
      /** Opens the window's quick-copy palette from anywhere (as 1Password's Quick Access), or "" for none. */
      quickCopyShortcut: z
        .string()
        .regex(ACCELERATOR, 'quick copy shortcut: expected modifiers and a key, such as CommandOrControl+Shift+Space'),
    })
    .strict(),
);

export type { AppSettings } from '../../shared/app-settings.ts';

/** What a fresh install starts with: the clipboard is cleared after 60 s; no shortcut; not started at login. */
export const DEFAULT_SETTINGS: AppSettings = {
  clipboardClearSeconds: 60,
  startAtLogin: false,
  globalShortcut: '',
  defaultProfileId: '',
  quickCopyShortcut: '',
};
