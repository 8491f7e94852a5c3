import { AWS_USER_POOL_ID } from '../main/shared/profile-rules.ts';
import { fieldCheck, leftOutByFlow } from './profile-validation.ts';

/** Checks one control of the form, showing its message; true unless it keeps the form from being saved. */
export type CheckField = (input: HTMLInputElement) => boolean;

/** The form's values by field name, trimmed (disabled controls are left out, as on save). */
export function formFields(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
}

/**
 * The profile form's live checks: each field as it is typed, region and pool id again whenever either or the custom
 * endpoint changes (they decide together), every field on Save (the first bad one gets the focus), and at once the
 * fields that already hold a value. `stored` is an edited profile's values: a strict rule it broke before the rule
 * existed is said without blocking while its fields stay as they were (main allows the same).
 */
export function checkAsTyped(form: HTMLFormElement, stored: Record<string, string> | undefined): CheckField {
  const named = (name: string): HTMLInputElement | null => form.querySelector(`input[name="${name}"]`);
  const check: CheckField = (input) => {
    const value = input.type === 'checkbox' ? (input.checked ? 'on' : '') : input.value.trim();
    const result =
      input.required && value === ''
        ? { message: input.dataset.required ?? 'Required.', blocks: true }
        : fieldCheck(input.name, value, formFields(form), stored);
    // Looked up in the form, which is not in the page yet while the first checks run.
    const hint = form.querySelector(`[id="${input.getAttribute('aria-describedby') ?? ''}"]`);
    if (hint) {
      hint.textContent = result.message;
      hint.classList.toggle('notice', !result.blocks);
    }
    input.setAttribute('aria-invalid', result.blocks ? 'true' : 'false');
    return !result.blocks;
  };
  form.addEventListener('input', (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.type === 'checkbox') return;
    check(event.target);
    if (!['region', 'userPoolId', 'endpoint'].includes(event.target.name)) return;
    for (const input of [named('region'), named('userPoolId')])
      if (input && input !== event.target && (input.value.trim() !== '' || input.ariaInvalid === 'true')) check(input);
  });
  // As ctm does without --region: a pool id typed first gives the region its prefix.
  named('userPoolId')?.addEventListener('change', () => {
    const region = named('region');
    const poolId = named('userPoolId')?.value.trim() ?? '';
    if (region && region.value.trim() === '' && AWS_USER_POOL_ID.test(poolId)) {
      region.value = poolId.slice(0, poolId.indexOf('_'));
      region.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  form.addEventListener('submit', (event) => {
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input:enabled')];
    const firstBad = inputs.map(check).indexOf(false);
    if (firstBad >= 0) {
      event.preventDefault();
      inputs[firstBad]?.focus();
    }
  });
  for (const input of form.querySelectorAll<HTMLInputElement>('input:enabled:not([type=checkbox])'))
    if (input.value.trim() !== '') check(input);
  return check;
}

/** Under the flow: what the hidden OAuth fields still hold (kept from before, or typed under another flow) and why saving drops it. */
export function leftOutNote(form: HTMLFormElement, flow: string): string {
  const text = (name: string): string =>
    form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value.trim() ?? '';
  return leftOutByFlow(flow, {
    ...(text('domain') ? { domain: text('domain') } : {}),
    ...(text('scopes') ? { scopes: text('scopes').split(/\s+/) } : {}),
  }).join(' ');
}
