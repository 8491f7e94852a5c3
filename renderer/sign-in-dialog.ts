import type { Api, ProfileView, SIGN_IN_ENDED, SignInInput, SignInStepView } from '../main/ipc/contract.ts';
import {
  challengeForm,
  CODE_STEPS,
  formProblem,
  passwordForm,
  toAnswer,
  tooManyWrongCodes,
  type FieldSpec,
  type Fields,
  type FormSpec,
} from './challenge-forms.ts';
import { h } from './dom.ts';
import { runOAuthSignIn, signsInWithOAuth } from './oauth-sign-in.ts';
import { qrCodeDataUrl } from './qr-code.ts';

/** The code main answers when a challenge conversation is over (checked against the contract's constant). */
const ENDED: typeof SIGN_IN_ENDED = 'sign-in-ended';

/** A finished sign-in: its last step, and the username typed on the first step (kept on a profile without one). */
export type SignedIn = Extract<SignInStepView, { kind: 'signed-in' }> & { username?: string };

/** Walks a sign-in from the first password to the last challenge; resolves with the final step once signed in, undefined if cancelled. */
export async function runSignIn(
  dialog: HTMLDialogElement,
  api: Api,
  profile: ProfileView,
): Promise<SignedIn | undefined> {
  if (signsInWithOAuth(profile)) return runOAuthSignIn(dialog, api, profile);
  let error: string | undefined;
  let step: SignInStepView | undefined;
  let first: SignInInput | undefined;
  let wrongCodes = 0;
  for (;;) {
    const fields = await ask(
      dialog,
      step?.kind === 'challenge' ? challengeForm(step.prompt) : passwordForm(profile),
      error,
      forWhom(profile),
    );
    if (!fields) return undefined;
    const answered = step;
    try {
      if (answered?.kind !== 'challenge') first = credentials(fields);
      step =
        answered?.kind === 'challenge'
          ? await api.answerChallenge(answered.conversationId, toAnswer(answered.prompt, fields))
          : await api.signIn(profile.id, first ?? {});
      error = undefined;
      wrongCodes = 0;
      if (step.kind === 'signed-in') return { ...step, ...(first?.username ? { username: first.username } : {}) };
    } catch (problem) {
      error = problem instanceof Error ? problem.message : 'The sign-in failed.';
      const code = (problem as { code?: string }).code;
      // Cognito refused a code but kept the step (ctm login counts the same way); after a few it ends the sign-in.
      const codeStep = answered?.kind === 'challenge' && CODE_STEPS.has(answered.prompt.name);
      if (codeStep && code !== ENDED && code !== 'bad-input') wrongCodes += 1;
      if (code !== ENDED) continue;
      if (codeStep && wrongCodes > 0) error = tooManyWrongCodes(wrongCodes);
      wrongCodes = 0;
      // A conversation that ended (expired session, refused answer) starts again from the password; main says so by code.
      step = await startOver(api, profile, answered, first);
    }
  }
}

/**
 * After the pool refused a new password (its policy), the temporary password still works, as ctm's login knows: the
 * sign-in starts again with it, so the person is asked only for another new password. Any other end: the first step.
 */
async function startOver(
  api: Api,
  profile: ProfileView,
  answered: SignInStepView | undefined,
  first: SignInInput | undefined,
): Promise<SignInStepView | undefined> {
  if (answered?.kind !== 'challenge' || answered.prompt.name !== 'NEW_PASSWORD_REQUIRED' || !first) return undefined;
  try {
    const again = await api.signIn(profile.id, first);
    return again.kind === 'challenge' && again.prompt.name === 'NEW_PASSWORD_REQUIRED' ? again : undefined;
  } catch {
    return undefined;
  }
}

function credentials(fields: Fields): SignInInput {
  return {
    ...(fields.username ? { username: fields.username } : {}),
    ...(fields.password ? { password: fields.password } : {}),
    ...(fields.rememberDevice === 'on' ? { rememberDevice: true } : {}),
  };
}

function control(field: FieldSpec): HTMLElement {
  if (field.kind === 'checkbox')
    return h('label', { class: 'check' }, h('input', { type: 'checkbox', name: field.name }), field.label);
  if (field.kind === 'choice') {
    return h(
      'fieldset',
      {},
      h('legend', {}, field.label),
      ...field.options.map((o, i) =>
        h(
          'label',
          { class: 'check' },
          h('input', { type: 'radio', name: field.name, value: o.value, required: true, checked: i === 0 }),
          o.label,
        ),
      ),
    );
  }
  return h(
    'label',
    {},
    field.label,
    h('input', {
      name: field.name,
      type: field.kind,
      value: field.value,
      autocomplete: field.autocomplete ?? 'off',
      required: field.required,
      inputmode: field.inputmode,
      spellcheck: 'false',
    }),
  );
}

/** "dev-api · alice": the line above every step's title, so an MFA or new-password prompt says which profile it is for. */
export function forWhom(profile: ProfileView): string {
  return [profile.name, profile.username].filter(Boolean).join(' \u00B7 ');
}

function ask(
  dialog: HTMLDialogElement,
  spec: FormSpec,
  error: string | undefined,
  whom: string,
): Promise<Fields | undefined> {
  dialog.setAttribute('aria-labelledby', 'sign-in-dialog-title sign-in-dialog-for');
  const form = h(
    'form',
    { class: 'fields', method: 'dialog' },
    h('p', { class: 'dialog-for', id: 'sign-in-dialog-for', 'data-testid': 'dialog-profile' }, whom),
    h('h2', { id: 'sign-in-dialog-title' }, spec.title),
    spec.intro ? h('p', {}, spec.intro) : undefined,
    error ? h('p', { class: 'error', role: 'alert' }, error) : undefined,
    spec.qrCode
      ? h(
          'figure',
          { class: 'qr' },
          h('img', {
            src: qrCodeDataUrl(spec.qrCode.uri),
            alt: 'QR code to add this account to an authenticator app',
            width: 180,
            height: 180,
            'data-testid': 'totp-qr',
          }),
          spec.qrCode.secret
            ? h(
                'figcaption',
                {},
                'Key: ',
                h('code', { class: 'mono', 'data-testid': 'totp-secret' }, spec.qrCode.secret),
              )
            : undefined,
        )
      : undefined,
    spec.facts && spec.facts.length > 0
      ? h('dl', { class: 'facts' }, ...spec.facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))
      : undefined,
    ...spec.fields.map(control),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', onclick: () => dialog.close('cancel') }, 'Cancel'),
      h('button', { type: 'submit', value: 'ok', class: 'primary' }, spec.submit),
    ),
  );
  dialog.replaceChildren(form);
  if (!dialog.open) dialog.showModal();
  const firstEmpty =
    form.querySelector<HTMLInputElement>(
      'input:not([type=checkbox]):not([type=radio]):not([value]), input[value=""]',
    ) ?? form.querySelector('input');
  firstEmpty?.focus();
  return new Promise((resolve) => {
    const submitted = (event: Event): void => {
      event.preventDefault();
      const fields: Fields = {};
      for (const [k, v] of new FormData(form)) fields[k] = String(v);
      // A new password typed twice that differs is said here and asked again; nothing goes to Cognito.
      const problem = formProblem(spec, fields);
      if (problem) return retype(form, spec, problem);
      form.removeEventListener('submit', submitted);
      resolve(fields);
    };
    form.addEventListener('submit', submitted);
    dialog.addEventListener('close', () => resolve(undefined), { once: true });
  });
}

/** Shows why the fields were not sent, empties the repeated ones and their originals, and puts the focus on the first. */
function retype(form: HTMLFormElement, spec: FormSpec, problem: string): void {
  const alert = form.querySelector<HTMLElement>('p.error') ?? h('p', { class: 'error', role: 'alert' });
  alert.textContent = problem;
  if (!alert.isConnected) form.querySelector('h2')?.after(alert);
  const names = spec.fields.flatMap((f) => (f.kind === 'password' && f.sameAs ? [f.sameAs, f.name] : []));
  const inputs = names.map((name) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`));
  for (const input of inputs) if (input) input.value = '';
  inputs[0]?.focus();
}

/** Closes the dialog after a finished or cancelled sign-in. */
export function closeSignIn(dialog: HTMLDialogElement): void {
  if (dialog.open) dialog.close('done');
}
