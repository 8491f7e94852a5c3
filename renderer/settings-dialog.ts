import type { ProfileView, SettingsView } from '../main/ipc/contract.ts';
import { h } from './dom.ts';

/** Opens the settings dialog; resolves with the changed settings, or undefined when cancelled. */
export function askForSettings(
  dialog: HTMLDialogElement,
  current: SettingsView,
  profiles: ProfileView[],
  error?: string,
): Promise<SettingsView | undefined> {
  const profileOptions = [
    h('option', { value: '' }, 'None'),
    ...profiles.map((p) => h('option', { value: p.id }, p.name)),
  ];
  for (const option of profileOptions) option.selected = option.value === current.defaultProfileId;
  // novalidate: main checks every value and its message says what is allowed.
  const form = h(
    'form',
    { class: 'fields', method: 'dialog', novalidate: true },
    h('h2', { id: 'settings-dialog-title' }, 'Settings'),
    error ? h('p', { class: 'error', role: 'alert' }, error) : undefined,
    h(
      'label',
      {},
      'Clear the clipboard after (seconds)',
      h('input', {
        name: 'clipboardClearSeconds',
        type: 'number',
        min: 5,
        max: 3600,
        step: 1,
        required: true,
        value: current.clipboardClearSeconds,
      }),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', { name: 'startAtLogin', type: 'checkbox', checked: current.startAtLogin }),
      'Start at login',
    ),
    h(
      'label',
      {},
      'Global shortcut that copies the default profile\u2019s access token (empty for none)',
      h('input', {
        name: 'globalShortcut',
        type: 'text',
        placeholder: 'e.g. CommandOrControl+Shift+T',
        value: current.globalShortcut,
        autocomplete: 'off',
        spellcheck: 'false',
      }),
    ),
    h(
      'label',
      {},
      'Default profile',
      h('select', { name: 'defaultProfileId', 'aria-label': 'Default profile' }, ...profileOptions),
    ),
    h(
      'label',
      {},
      'Global shortcut that opens quick copy (empty for none)',
      h('input', {
        name: 'quickCopyShortcut',
        type: 'text',
        placeholder: 'e.g. CommandOrControl+Shift+Space',
        value: current.quickCopyShortcut,
        autocomplete: 'off',
        spellcheck: 'false',
      }),
    ),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', onclick: () => dialog.close('cancel') }, 'Cancel'),
      h('button', { type: 'submit', value: 'save', class: 'primary' }, 'Save'),
    ),
  );
  dialog.replaceChildren(form);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        if (dialog.returnValue !== 'save') return resolve(undefined);
        const data = new FormData(form);
        resolve({
          clipboardClearSeconds: Number(data.get('clipboardClearSeconds')),
          startAtLogin: data.get('startAtLogin') === 'on',
          globalShortcut: String(data.get('globalShortcut') ?? '').trim(),
          defaultProfileId: String(data.get('defaultProfileId') ?? ''),
          quickCopyShortcut: String(data.get('quickCopyShortcut') ?? '').trim(),
        });
      },
      { once: true },
    );
  });
}
