import type { ProfileInput } from '../main/ipc/contract.ts';
import { h } from './dom.ts';

/** Opens the "add profile" dialog; resolves with what was entered, or undefined when cancelled. */
export function askForProfile(dialog: HTMLDialogElement, error?: string, previous?: ProfileInput): Promise<ProfileInput | undefined> {
  const field = (label: string, name: string, options: { required?: boolean; type?: string; placeholder?: string; value?: string } = {}) =>
    h('label', {}, label, h('input', { name, type: options.type ?? 'text', required: options.required, placeholder: options.placeholder, value: options.value, autocomplete: 'off', spellcheck: 'false' }));
  const form = h('form', { class: 'fields', method: 'dialog' },
    h('h2', { id: 'profile-dialog-title' }, 'Add profile'),
    error ? h('p', { class: 'error', role: 'alert' }, error) : undefined,
    field('Name', 'name', { required: true, placeholder: 'dev-api', value: previous?.name }),
    field('Region', 'region', { required: true, placeholder: 'us-east-1', value: previous?.region }),
    field('User pool id', 'userPoolId', { required: true, placeholder: 'us-east-1_AbCdEf123', value: previous?.userPoolId }),
    field('App client id', 'clientId', { required: true, value: previous?.clientId }),
    field('Client secret (optional, kept in the OS keychain)', 'clientSecret', { type: 'password' }),
    field('Username (optional)', 'username', { value: previous?.username }),
    h('label', {}, 'Auth flow',
      h('select', { name: 'authFlow' }, ...['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_AUTH', 'USER_AUTH'].map((flow) => {
        const option = h('option', { value: flow }, flow);
        option.selected = (previous?.authFlow ?? 'USER_SRP_AUTH') === flow;
        return option;
      })),
    ),
    field('Custom endpoint (optional)', 'endpoint', { type: 'url', placeholder: 'http://localhost:9229/', value: previous?.endpoint }),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', value: 'cancel', onclick: () => dialog.close('cancel') }, 'Cancel'),
      h('button', { type: 'submit', value: 'save', class: 'primary' }, 'Save'),
    ),
  );
  dialog.replaceChildren(form);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'save') return resolve(undefined);
      const data = new FormData(form);
      const value = (name: string): string | undefined => {
        const text = String(data.get(name) ?? '').trim();
        return text === '' ? undefined : text;
      };
      resolve({
        name: value('name') ?? '',
        region: value('region') ?? '',
        userPoolId: value('userPoolId') ?? '',
        clientId: value('clientId') ?? '',
        ...optional('clientSecret', value('clientSecret')),
        ...optional('username', value('username')),
        ...optional('authFlow', value('authFlow')),
        ...optional('endpoint', value('endpoint')),
      });
    }, { once: true });
  });
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
