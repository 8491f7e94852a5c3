import type { ProfileView } from '../main/ipc/contract.ts';
import { h } from './dom.ts';
import { holdsSession, type Removal } from './profile-outcomes.ts';

/**
 * Asks before deleting a profile. A signed-in one says, as `ctm profile remove` does, that deleting signs it out on
 * this computer only while its refresh token stays valid at Cognito, and offers to revoke it first.
 */
export function askRemoval(dialog: HTMLDialogElement, profile: ProfileView): Promise<Removal | undefined> {
  const session = holdsSession(profile);
  const button = (value: string, label: string, primary = false): HTMLButtonElement =>
    h('button', { type: 'submit', value, class: primary ? 'primary' : undefined }, label);
  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', { id: 'remove-dialog-title' }, `Delete ${profile.name}?`),
    h(
      'div',
      { id: 'remove-dialog-what' },
      h('p', {}, 'The profile and its keychain entries are deleted.'),
      session
        ? h(
            'p',
            {},
            'It is signed in: deleting it signs it out on this computer only, and its refresh token stays valid at ' +
              'Cognito until it expires. Revoke it first to end the session at Cognito too.',
          )
        : undefined,
    ),
    h(
      'div',
      { class: 'buttons' },
      button('cancel', 'Cancel'),
      ...(session
        ? [button('here', 'Delete only'), button('revoke', 'Revoke and delete', true)]
        : [button('here', 'Delete', true)]),
    ),
  );
  dialog.replaceChildren(form);
  dialog.showModal();
  form.querySelector<HTMLButtonElement>('button[value="cancel"]')?.focus();
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        const choice = dialog.returnValue;
        resolve(choice === 'revoke' || choice === 'here' ? choice : undefined);
      },
      { once: true },
    );
  });
}
