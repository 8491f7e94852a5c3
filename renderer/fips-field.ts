import type { ProfileInput } from '../main/ipc/contract.ts';
import { fipsAlwaysOn } from '../main/shared/fips.ts';
import { h } from './dom.ts';
import type { CheckField } from './profile-form-checks.ts';

/**
 * The profile form's FIPS box. FIPS endpoints exist only in some regions (main/shared/fips.ts): the box says so under
 * it as region and endpoint change, and is ticked and locked in GovCloud, which has FIPS endpoints only.
 */
export function fipsField(base: ProfileInput | undefined): {
  field: HTMLElement;
  follow: (form: HTMLFormElement, check: CheckField) => void;
} {
  const input = h('input', {
    name: 'fips',
    type: 'checkbox',
    checked: base?.fips === true,
    'aria-describedby': 'profile-fips-error',
  });
  const field = h(
    'label',
    { class: 'check' },
    input,
    'Use the FIPS endpoint (us-east-1, us-east-2, us-west-1, us-west-2; always on in GovCloud)',
    h('span', { class: 'field-error', id: 'profile-fips-error', 'aria-live': 'polite' }),
  );
  const follow = (form: HTMLFormElement, check: CheckField): void => {
    const sync = (): void => {
      const region = form.querySelector<HTMLInputElement>('input[name="region"]')?.value.trim() ?? '';
      if (fipsAlwaysOn(region)) input.checked = true;
      input.disabled = fipsAlwaysOn(region);
      check(input);
    };
    input.addEventListener('change', sync);
    for (const name of ['region', 'endpoint'])
      form.querySelector(`input[name="${name}"]`)?.addEventListener('input', sync);
    sync();
  };
  return { field, follow };
}
