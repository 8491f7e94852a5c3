import type { Core } from '../../core/core.ts';
import { defaultProfileIn } from '../../core/profiles/default-choice.ts';
import { profileRef } from '../../core/profiles/profile-id.ts';
import { BadInputError, ConfigError } from '../../core/errors.ts';
import { CLIPBOARD_CLEAR_RANGE, DEFAULT_SETTINGS, type AppSettings } from '../../core/settings/app-settings.ts';
import { SettingsStore } from '../../core/settings/settings-store.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { PROFILE_DEFAULT_SPEC } from '../spec/commands/profile-specs.ts';
import type { SETTINGS_SPEC } from '../spec/commands/settings-spec.ts';
import { didYouMean } from '../spec/nearest.ts';
import type { Terminal } from '../terminal.ts';
import { table } from './profile-command.ts';

type Settable = Exclude<keyof AppSettings, 'defaultProfileId'>;

/** What each setting means and takes, as `ctm settings` shows it. */
const SETTABLE: Record<Settable, string> = {
  clipboardClearSeconds: `seconds a copied token stays on the clipboard (${CLIPBOARD_CLEAR_RANGE.min} to ${CLIPBOARD_CLEAR_RANGE.max})`,
  startAtLogin: 'the app starts when you log in (true or false; the app applies it when it runs)',
  globalShortcut:
    'copies the default profile\'s token from anywhere ("" none, or modifiers+key: CommandOrControl+Shift+T)',
  quickCopyShortcut:
    'opens the quick-copy palette from anywhere ("" none, or modifiers+key: CommandOrControl+Shift+Space)',
};

/** `ctm settings [NAME [VALUE]] [--json]`. */
export async function settingsCommand(
  { values, args }: ParsedCommand<typeof SETTINGS_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const app = core();
  const store = new SettingsStore(app.configDir);
  const [name, value] = args;
  if (values.json && name !== undefined)
    throw new BadInputError('--json shows every setting; leave NAME out. See: ctm settings --help');
  const reading = await store.read();
  if (reading.problem) terminal.stderr.write(`warning: ${reading.problem}\n`);
  if (name === undefined) {
    const defaultName = defaultProfileIn(reading.settings, await app.listProfiles())?.name ?? null;
    if (values.json)
      terminal.stdout.write(
        `${JSON.stringify({ ...withoutDefaultId(reading.settings), defaultProfile: defaultName }, null, 2)}\n`,
      );
    else {
      const rows = (Object.keys(SETTABLE) as Settable[]).map((key) => [
        key,
        shown(reading.settings[key]),
        SETTABLE[key],
      ]);
      rows.push(['defaultProfile', defaultName ?? '-', 'set with: ctm profile default NAME']);
      for (const line of table(rows, ['NAME', 'VALUE', 'WHAT IT IS'])) terminal.stdout.write(`${line}\n`);
    }
    return 0;
  }
  const key = settingKey(name);
  if (value === undefined) {
    terminal.stdout.write(`${shown(reading.settings[key])}\n`);
    return 0;
  }
  const updated = await store.update({ [key]: parsedValue(key, value) });
  terminal.stderr.write(`${key} is now ${shown(updated[key])}.\n`);
  return 0;
}

/** `ctm profile default [NAME | --clear]`. */
export async function profileDefaultCommand(
  { values, args }: ParsedCommand<typeof PROFILE_DEFAULT_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const app = core();
  const store = new SettingsStore(app.configDir);
  const [name] = args;
  if (values.clear && name !== undefined)
    throw new BadInputError('Give NAME or --clear, not both. See: ctm profile default --help');
  if (values.clear) {
    await store.update({ defaultProfileId: '' });
    terminal.stderr.write('No default profile now.\n');
    return 0;
  }
  if (name !== undefined) {
    const profile = await app.resolveProfile(profileRef(name));
    await store.update({ defaultProfileId: profile.id });
    terminal.stderr.write(
      `"${profile.name}" is the default profile now: ctm token and ctm exec use it without a NAME (CTM_PROFILE still goes first).\n`,
    );
    return 0;
  }
  const reading = await store.read();
  if (reading.problem && reading.keep) throw new ConfigError(reading.problem);
  const profiles = await app.listProfiles();
  const current = defaultProfileIn(reading.settings, profiles);
  if (!current) {
    const first = profiles[0]?.name;
    terminal.stderr.write(
      first === undefined
        ? 'No default profile, and no profiles yet. Add one with: ctm profile add NAME --user-pool-id P --client-id C\n'
        : `No default profile. Set one with: ctm profile default ${first}\n`,
    );
    return 1;
  }
  terminal.stdout.write(`${current.name}\n`);
  return 0;
}

/** A setting's key from its JSON name or dashed form, in any case. */
function settingKey(name: string): Settable {
  const squashed = name.replace(/-/g, '').toLowerCase();
  if (squashed === 'defaultprofile' || squashed === 'defaultprofileid')
    throw new BadInputError('The default profile is set with: ctm profile default NAME');
  const key = (Object.keys(SETTABLE) as Settable[]).find((k) => k.toLowerCase() === squashed);
  if (!key)
    throw new BadInputError(
      `No setting "${name}"; the settings are ${Object.keys(SETTABLE).join(', ')}.${didYouMean(name, Object.keys(SETTABLE))} See: ctm settings`,
    );
  return key;
}

/** The typed value of `text` for a setting: whole seconds, true/false, or a shortcut ("" for none). */
function parsedValue(key: Settable, text: string): AppSettings[Settable] {
  const kind = typeof DEFAULT_SETTINGS[key];
  if (kind === 'number') {
    if (!/^\d+$/.test(text.trim()))
      throw new BadInputError(
        `${key} takes whole seconds, ${CLIPBOARD_CLEAR_RANGE.min} to ${CLIPBOARD_CLEAR_RANGE.max} (got "${text}").`,
      );
    return Number(text);
  }
  if (kind === 'boolean') {
    const lower = text.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(lower)) return true;
    if (['false', 'no', 'off', '0'].includes(lower)) return false;
    throw new BadInputError(`${key} takes true or false (got "${text}").`);
  }
  return text;
}

function shown(value: unknown): string {
  return value === '' ? '""' : String(value);
}

function withoutDefaultId(settings: AppSettings): Omit<AppSettings, 'defaultProfileId'> {
  const { defaultProfileId: _unused, ...rest } = settings;
  return rest;
}
