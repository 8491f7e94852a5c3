import type { ProfileInput } from '../main/ipc/contract.ts';
import { BUILT_IN_ENVIRONMENTS, ENVIRONMENT_COLOURS, suggestEnvironment } from '../main/shared/environments.ts';
import { h } from './dom.ts';
import { fieldProblem } from './profile-validation.ts';

/**
 * The profile form's environment: a name (dev, staging, prod or the user's own, offered in a list) and its colour.
 * Until the user types one, the field follows what the profile's name and pool id suggest ("orders-prod" -> prod).
 */
export function environmentFields(base: ProfileInput | undefined): {
  fields: HTMLElement;
  follow: (form: HTMLFormElement) => void;
} {
  const hint = h('span', { class: 'field-error', id: 'profile-environment-error', 'aria-live': 'polite' });
  const input = h('input', {
    name: 'environment',
    type: 'text',
    list: 'environment-names',
    value: base?.environment ?? (base ? suggestEnvironment(base.name, base.userPoolId) : ''),
    placeholder: 'e.g. dev, staging, prod or your own',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'profile-environment-error',
  });
  const colour = h(
    'select',
    { name: 'environmentColour' },
    h('option', { value: '' }, 'Automatic'),
    ...ENVIRONMENT_COLOURS.map((c) => h('option', { value: c }, c)),
  );
  colour.value = base?.environmentColour ?? '';
  let typed = Boolean(base?.environment);
  input.addEventListener('input', () => {
    typed = input.value.trim() !== '';
    const problem = fieldProblem('environment', input.value.trim());
    hint.textContent = problem;
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
  });
  const fields = h(
    'div',
    { class: 'field-pair' },
    h('label', {}, 'Environment (optional)', input, hint),
    h('label', {}, 'Colour', colour),
    h('datalist', { id: 'environment-names' }, ...BUILT_IN_ENVIRONMENTS.map((e) => h('option', { value: e }))),
  );
  const follow = (form: HTMLFormElement): void => {
    const suggest = (): void => {
      if (typed) return;
      const value = (name: string): string =>
        form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value.trim() ?? '';
      input.value = suggestEnvironment(value('name'), value('userPoolId'));
    };
    for (const name of ['name', 'userPoolId'])
      form.querySelector(`input[name="${name}"]`)?.addEventListener('input', suggest);
  };
  return { fields, follow };
}
