import type { Api, ChallengeAnswerInput, ChallengeView, ProfileView, SignInStepView } from '../main/ipc/contract.ts';
import { h } from './dom.ts';

type Fields = Record<string, string>;

/** Walks a sign-in from the first password to the last challenge; resolves true once signed in, false if cancelled. */
export async function runSignIn(dialog: HTMLDialogElement, api: Api, profile: ProfileView): Promise<boolean> {
  let error: string | undefined;
  let step: SignInStepView | undefined;
  for (;;) {
    const fields = await ask(dialog, step?.kind === 'challenge' ? challengeForm(step.prompt) : passwordForm(profile), error);
    if (!fields) return false;
    try {
      step = step?.kind === 'challenge' ? await api.answerChallenge(step.conversationId, toAnswer(step.prompt, fields)) : await api.signIn(profile.id, credentials(fields));
      error = undefined;
      if (step.kind === 'signed-in') return true;
    } catch (problem) {
      error = problem instanceof Error ? problem.message : 'The sign-in failed.';
      if (step?.kind === 'challenge' && /expired|start/i.test(error)) step = undefined;
    }
  }
}

interface FormSpec {
  title: string;
  intro?: string;
  inputs: { name: string; label: string; type?: string; value?: string; autocomplete?: string }[];
  submit: string;
}

function passwordForm(profile: ProfileView): FormSpec {
  return {
    title: `Sign in to ${profile.name}`,
    inputs: [
      { name: 'username', label: 'Username', value: profile.username ?? '', autocomplete: 'username' },
      { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' },
    ],
    submit: 'Sign in',
  };
}

function challengeForm(prompt: ChallengeView): FormSpec {
  switch (prompt.name) {
    case 'NEW_PASSWORD_REQUIRED':
      return {
        title: 'Choose a new password',
        intro: 'The user pool requires a new password for this user.',
        inputs: [
          { name: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password' },
          ...(prompt.requiredAttributes ?? []).map((a) => ({ name: `attr:${a}`, label: a })),
        ],
        submit: 'Set password',
      };
    default:
      return { title: prompt.name, intro: prompt.destination ? `A code was sent to ${prompt.destination}.` : undefined, inputs: [{ name: 'code', label: 'Code', autocomplete: 'one-time-code' }], submit: 'Continue' };
  }
}

function credentials(fields: Fields): { username?: string; password?: string } {
  return { ...(fields.username ? { username: fields.username } : {}), ...(fields.password ? { password: fields.password } : {}) };
}

function toAnswer(prompt: ChallengeView, fields: Fields): ChallengeAnswerInput {
  if (prompt.name === 'NEW_PASSWORD_REQUIRED') {
    const attributes = Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith('attr:')).map(([k, v]) => [k.slice(5), v]));
    return { newPassword: fields.newPassword ?? '', attributes };
  }
  return { code: fields.code ?? '' };
}

function ask(dialog: HTMLDialogElement, spec: FormSpec, error: string | undefined): Promise<Fields | undefined> {
  const inputs = spec.inputs.map((i) => h('label', {}, i.label, h('input', { name: i.name, type: i.type ?? 'text', value: i.value, autocomplete: i.autocomplete ?? 'off', required: true })));
  const form = h('form', { class: 'fields', method: 'dialog' },
    h('h2', { id: 'sign-in-dialog-title' }, spec.title),
    spec.intro ? h('p', {}, spec.intro) : undefined,
    error ? h('p', { class: 'error', role: 'alert' }, error) : undefined,
    ...inputs,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: () => dialog.close('cancel') }, 'Cancel'),
      h('button', { type: 'submit', value: 'ok', class: 'primary' }, spec.submit),
    ),
  );
  dialog.replaceChildren(form);
  if (!dialog.open) dialog.showModal();
  const firstEmpty = form.querySelector<HTMLInputElement>('input:not([value]), input[value=""]') ?? form.querySelector('input');
  firstEmpty?.focus();
  return new Promise((resolve) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const fields: Fields = {};
      for (const [k, v] of data) fields[k] = String(v);
      resolve(fields);
    }, { once: true });
    dialog.addEventListener('close', () => resolve(undefined), { once: true });
  }).finally(() => {
    // the dialog stays open between steps; it closes when the conversation ends
  }) as Promise<Fields | undefined>;
}

/** Closes the dialog after a finished or cancelled sign-in. */
export function closeSignIn(dialog: HTMLDialogElement): void {
  if (dialog.open) dialog.close('done');
}
