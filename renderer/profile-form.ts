import type { ProfileInput, ProfileView } from '../main/ipc/contract.ts';
import { h } from './dom.ts';
import { fieldProblem } from './profile-validation.ts';

/** Whether the form adds a new profile (possibly a copy of another) or edits one. */
export type ProfileFormMode = { kind: 'add' } | { kind: 'edit'; profile: ProfileView } | { kind: 'duplicate'; profile: ProfileView };

const FLOWS = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_AUTH', 'USER_AUTH'];

/** Opens the profile dialog; resolves with what was entered, or undefined when cancelled. */
export function askForProfile(dialog: HTMLDialogElement, mode: ProfileFormMode, error?: string, previous?: ProfileInput): Promise<ProfileInput | undefined> {
  const base = previous ?? (mode.kind === 'add' ? undefined : fromView(mode.profile, mode.kind === 'duplicate'));
  const title = mode.kind === 'add' ? 'Add profile' : mode.kind === 'edit' ? `Edit ${mode.profile.name}` : `Duplicate ${mode.profile.name}`;
  const secretLabel = mode.kind === 'edit' && mode.profile.hasClientSecret ? 'Client secret (leave empty to keep the stored one)' : 'Client secret (optional, kept in the OS keychain)';
  const field = (label: string, name: string, options: { required?: boolean; type?: string; placeholder?: string; value?: string } = {}) => {
    const hint = h('span', { class: 'field-error', id: `profile-${name}-error`, 'aria-live': 'polite' });
    const input = h('input', {
      name, type: options.type ?? 'text', required: options.required, placeholder: options.placeholder, value: options.value,
      autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `profile-${name}-error`,
    });
    input.addEventListener('input', () => validate(input, hint));
    return h('label', {}, label, input, hint);
  };
  const form = h('form', { class: 'fields', method: 'dialog', novalidate: true },
    h('h2', { id: 'profile-dialog-title' }, title),
    error ? h('p', { class: 'error', role: 'alert' }, error) : undefined,
    field('Name', 'name', { required: true, placeholder: 'dev-api', value: base?.name }),
    field('Region', 'region', { required: true, placeholder: 'us-east-1', value: base?.region }),
    field('User pool id', 'userPoolId', { required: true, placeholder: 'us-east-1_AbCdEf123', value: base?.userPoolId }),
    field('App client id', 'clientId', { required: true, value: base?.clientId }),
    field(secretLabel, 'clientSecret', { type: 'password' }),
    field('Username (optional)', 'username', { value: base?.username }),
    h('label', {}, 'Auth flow',
      h('select', { name: 'authFlow', 'aria-label': 'Auth flow' }, ...FLOWS.map((flow) => {
        const option = h('option', { value: flow }, flow);
        option.selected = (base?.authFlow ?? 'USER_SRP_AUTH') === flow;
        return option;
      })),
    ),
    field('Custom endpoint (optional)', 'endpoint', { type: 'url', placeholder: 'http://localhost:9229/', value: base?.endpoint }),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', value: 'cancel', onclick: () => dialog.close('cancel') }, 'Cancel'),
      h('button', { type: 'submit', value: 'save', class: 'primary' }, 'Save'),
    ),
  );
  const values = (): Record<string, string> => Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
  const validate = (input: HTMLInputElement, hint: HTMLElement): boolean => {
    const problem = input.required && input.value.trim() === '' ? 'Required.' : fieldProblem(input.name, input.value.trim(), values());
    hint.textContent = problem;
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    return problem === '';
  };
  form.addEventListener('submit', (event) => {
    const checks = [...form.querySelectorAll<HTMLInputElement>('input')].map((input) => validate(input, input.nextElementSibling as HTMLElement));
    const firstBad = checks.indexOf(false);
    if (firstBad >= 0) {
      event.preventDefault();
      form.querySelectorAll<HTMLInputElement>('input')[firstBad]?.focus();
    }
  });
  dialog.replaceChildren(form);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'save') return resolve(undefined);
      const v = values();
      const value = (name: string): string | undefined => (v[name] ? v[name] : undefined);
      resolve({
        name: v.name ?? '',
        region: v.region ?? '',
        userPoolId: v.userPoolId ?? '',
        clientId: v.clientId ?? '',
        ...optional('clientSecret', value('clientSecret')),
        ...optional('username', value('username')),
        ...optional('authFlow', value('authFlow')),
        ...optional('endpoint', value('endpoint')),
      });
    }, { once: true });
  });
}

function fromView(profile: ProfileView, copy: boolean): ProfileInput {
  return {
    name: copy ? `${profile.name}-copy`.slice(0, 64) : profile.name,
    region: profile.region,
    userPoolId: profile.userPoolId,
    clientId: profile.clientId,
    ...optional('username', profile.username),
    authFlow: profile.authFlow,
    ...optional('endpoint', profile.endpoint),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
