import type { ProfileInput, ProfileView } from '../main/ipc/contract.ts';
import { COGNITO_USER_POOL_REGIONS } from '../main/shared/profile-strict-rules.ts';
import { h } from './dom.ts';
import { environmentFields } from './environment-fields.ts';
import { fipsField } from './fips-field.ts';
import { checkAsTyped, formFields, leftOutNote } from './profile-form-checks.ts';

/** Whether the form adds a new profile (possibly a copy of another) or edits one. */
export type ProfileFormMode =
  { kind: 'add' } | { kind: 'edit'; profile: ProfileView } | { kind: 'duplicate'; profile: ProfileView };

const FLOWS = [
  'USER_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'CUSTOM_AUTH',
  'USER_AUTH',
  'MANAGED_LOGIN',
  'CLIENT_CREDENTIALS',
];
/** The flows that use the pool's OAuth endpoints, and so the domain, scopes and provider fields. */
const OAUTH_FLOWS = ['MANAGED_LOGIN', 'CLIENT_CREDENTIALS'];

/** Opens the profile dialog; resolves with what was entered, or undefined when cancelled. */
export function askForProfile(
  dialog: HTMLDialogElement,
  mode: ProfileFormMode,
  error?: string,
  previous?: ProfileInput,
): Promise<ProfileInput | undefined> {
  const base = previous ?? (mode.kind === 'add' ? undefined : inputFromView(mode.profile, mode.kind === 'duplicate'));
  // An edited profile's stored values: a strict rule it broke before the rule existed is said, not enforced, while
  // the fields it looks at stay as they were (main/shared/profile-strict-rules.ts; Core decides the same on save).
  const stored = mode.kind === 'edit' ? formValues(inputFromView(mode.profile)) : undefined;
  const title =
    mode.kind === 'add'
      ? 'Add profile'
      : mode.kind === 'edit'
        ? `Edit ${mode.profile.name}`
        : `Duplicate ${mode.profile.name}`;
  const secretStored = mode.kind === 'edit' && mode.profile.hasClientSecret;
  const secretLabel = secretStored
    ? 'Client secret (leave empty to keep the stored one)'
    : 'Client secret (optional, kept in the OS keychain)';
  // As `ctm profile edit --no-client-secret`: the keychain item goes, and the profile is signed out.
  const removeSecret = secretStored
    ? h('input', { type: 'checkbox', name: 'removeClientSecret', checked: previous?.removeClientSecret === true })
    : undefined;
  const field = (
    label: string,
    name: string,
    options: { required?: boolean; type?: string; placeholder?: string; value?: string; list?: string } = {},
  ) => {
    const hint = h('span', { class: 'field-error', id: `profile-${name}-error`, 'aria-live': 'polite' });
    const input = h('input', {
      name,
      type: options.type ?? 'text',
      required: options.required,
      placeholder: options.placeholder ? `e.g. ${options.placeholder}` : undefined,
      value: options.value,
      list: options.list,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `profile-${name}-error`,
    });
    return h('label', {}, label, input, hint);
  };
  // Shown only for MANAGED_LOGIN and CLIENT_CREDENTIALS (the select's change listener below toggles it).
  const oauthFields = h(
    'fieldset',
    { class: 'oauth-fields', 'data-testid': 'oauth-fields' },
    h('legend', {}, 'Managed login / client credentials'),
    field('Domain', 'domain', {
      type: 'url',
      placeholder: 'https://myapp.auth.us-east-1.amazoncognito.com',
      value: base?.domain,
    }),
    field('Scopes (space-separated, optional)', 'scopes', {
      placeholder: 'openid email',
      value: base?.scopes?.join(' '),
    }),
    field('Identity provider (optional)', 'identityProvider', {
      placeholder: 'Google, or a SAML or OIDC provider name',
      value: base?.identityProvider,
    }),
    field('IdP identifier (optional)', 'idpIdentifier', { placeholder: 'example.com', value: base?.idpIdentifier }),
  );
  const fips = fipsField(base);
  const environment = environmentFields(base);
  const flowNote = h('span', { class: 'field-error notice', id: 'profile-authFlow-note', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'fields', method: 'dialog', novalidate: true },
    h('h2', { id: 'profile-dialog-title' }, title),
    error ? h('p', { class: 'error', role: 'alert' }, error) : undefined,
    field('Name', 'name', { required: true, placeholder: 'dev-api', value: base?.name }),
    field('Region', 'region', {
      required: true,
      placeholder: 'us-east-1',
      value: base?.region,
      list: 'cognito-regions',
    }),
    h('datalist', { id: 'cognito-regions' }, ...COGNITO_USER_POOL_REGIONS.map((r) => h('option', { value: r }))),
    field('User pool id', 'userPoolId', {
      required: true,
      placeholder: 'us-east-1_AbCdEf123',
      value: base?.userPoolId,
    }),
    field('App client id', 'clientId', { required: true, value: base?.clientId }),
    field(secretLabel, 'clientSecret', { type: 'password' }),
    removeSecret &&
      h('label', { class: 'check' }, removeSecret, 'Remove the stored client secret (signs the profile out)'),
    field('Username (optional)', 'username', { value: base?.username }),
    h(
      'label',
      {},
      'Auth flow',
      h(
        'select',
        { name: 'authFlow', 'aria-label': 'Auth flow', 'aria-describedby': 'profile-authFlow-note' },
        // A flow the window does not offer (ctm's administrator sign-in) stays the profile's own, not silently another.
        ...[...FLOWS, ...(base?.authFlow && !FLOWS.includes(base.authFlow) ? [base.authFlow] : [])].map((flow) => {
          const option = h('option', { value: flow }, flow);
          option.selected = (base?.authFlow ?? 'USER_SRP_AUTH') === flow;
          return option;
        }),
      ),
      flowNote,
    ),
    oauthFields,
    environment.fields,
    field('Custom endpoint (optional)', 'endpoint', {
      type: 'url',
      placeholder: 'http://localhost:9229/',
      value: base?.endpoint,
    }),
    fips.field,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', value: 'cancel', onclick: () => dialog.close('cancel') }, 'Cancel'),
      h('button', { type: 'submit', value: 'save', class: 'primary' }, 'Save'),
    ),
  );
  const flowSelect = form.querySelector<HTMLSelectElement>('select[name="authFlow"]');
  const showOAuth = (): void => {
    const flow = flowSelect?.value ?? '';
    const oauth = OAUTH_FLOWS.includes(flow);
    oauthFields.hidden = !oauth;
    oauthFields.disabled = !oauth; // disabled fields are left out of FormData and of the checks
    const domain = oauthFields.querySelector<HTMLInputElement>('input[name="domain"]');
    if (domain) domain.required = oauth;
    flowNote.textContent = oauth ? '' : leftOutNote(form, flow);
    // Only managed login goes through an identity provider (main refuses them with client credentials).
    for (const name of ['identityProvider', 'idpIdentifier']) {
      const input = oauthFields.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (!input?.parentElement) continue;
      input.disabled = flow !== 'MANAGED_LOGIN';
      input.parentElement.hidden = input.disabled;
    }
  };
  flowSelect?.addEventListener('change', showOAuth);
  showOAuth();
  const secretInput = form.querySelector<HTMLInputElement>('input[name="clientSecret"]');
  const syncSecret = (): void => {
    if (!secretInput) return;
    secretInput.disabled = removeSecret?.checked === true;
    // Client credentials sign in with the app client's secret: a new profile must be given one (main's rule too).
    secretInput.required = flowSelect?.value === 'CLIENT_CREDENTIALS' && !secretStored;
    secretInput.dataset.required = "CLIENT_CREDENTIALS needs the app client's secret.";
  };
  removeSecret?.addEventListener('change', syncSecret);
  flowSelect?.addEventListener('change', syncSecret);
  syncSecret();
  const check = checkAsTyped(form, stored);
  fips.follow(form, check);
  environment.follow(form);
  dialog.replaceChildren(form);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        if (dialog.returnValue !== 'save') return resolve(undefined);
        const v = formFields(form);
        const value = (name: string): string | undefined => (v[name] ? v[name] : undefined);
        resolve({
          name: v.name ?? '',
          region: v.region ?? '',
          userPoolId: v.userPoolId ?? '',
          clientId: v.clientId ?? '',
          ...optional('clientSecret', value('clientSecret')),
          ...(v.removeClientSecret === 'on' ? { removeClientSecret: true } : {}),
          ...optional('username', value('username')),
          ...optional('authFlow', value('authFlow')),
          ...optional('endpoint', value('endpoint')),
          ...optional('domain', value('domain')),
          ...(value('scopes') ? { scopes: (value('scopes') ?? '').split(/\s+/) } : {}),
          ...optional('identityProvider', value('identityProvider')),
          ...optional('idpIdentifier', value('idpIdentifier')),
          ...(v.fips === 'on' ? { fips: true } : {}),
          ...optional('environment', value('environment')),
          ...optional('environmentColour', value('environmentColour')),
          ...(base?.pinned ? { pinned: true } : {}),
        });
      },
      { once: true },
    );
  });
}

/** A profile's fields as the form holds them, by field name (for the strict rules' "was it like this before"). */
function formValues(input: ProfileInput): Record<string, string> {
  return {
    region: input.region,
    userPoolId: input.userPoolId,
    ...(input.authFlow ? { authFlow: input.authFlow } : {}),
    ...(input.endpoint ? { endpoint: input.endpoint } : {}),
  };
}

/** A profile's editable fields as the form (and Pin) send them back; `copy` names it as a duplicate. */
export function inputFromView(profile: ProfileView, copy = false): ProfileInput {
  return {
    name: copy ? `${profile.name}-copy`.slice(0, 64) : profile.name,
    region: profile.region,
    userPoolId: profile.userPoolId,
    clientId: profile.clientId,
    ...optional('username', profile.username),
    authFlow: profile.authFlow,
    ...optional('endpoint', profile.endpoint),
    ...optional('domain', profile.domain),
    ...(profile.scopes ? { scopes: profile.scopes } : {}),
    ...optional('identityProvider', profile.identityProvider),
    ...optional('idpIdentifier', profile.idpIdentifier),
    ...(profile.fips ? { fips: true } : {}),
    ...optional('environment', profile.environment),
    ...optional('environmentColour', profile.environmentColour),
    ...(profile.pinned && !copy ? { pinned: true } : {}),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
