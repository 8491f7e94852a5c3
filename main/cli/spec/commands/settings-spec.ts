import { commandSpec } from '../command-spec.ts';

/** `ctm settings`. */
export const SETTINGS_SPEC = commandSpec({
  name: 'settings',
  summary: "shows the app's settings (clipboard time, shortcuts, ...) with their valid values, or sets one",
  details: `Without NAME, every setting; with NAME, its value; with NAME VALUE, sets it (checked against its valid values).
NAME is the key in settings.json (clipboardClearSeconds) or its dashed form (clipboard-clear-seconds), in any case.
The settings live in settings.json next to profiles.json: {"version": 1, "settings": {"clipboardClearSeconds": 60}}.
A hand edit with a mistake is reported with its line and column (or the setting's path) and left in place.
The default profile is set with "ctm profile default".`,
  args: { label: '[NAME [VALUE]]', kind: 'text', min: 0, max: 2, what: 'setting' },
  flags: { json: { type: 'boolean', description: 'every setting as JSON (without NAME)' } },
  examples: [
    { run: 'ctm settings', what: 'every setting, its value and its valid values' },
    { run: 'ctm settings clipboard-clear-seconds 30', what: 'copied tokens stay 30 s on the clipboard' },
  ],
  related: ['profile default', 'token'],
});
