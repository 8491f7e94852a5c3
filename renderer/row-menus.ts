import type { ProfileView } from '../main/ipc/contract.ts';
import { COPY_FORMATS, describeCopy, type CopyChoice } from '../main/shared/copy-formats.ts';
import { hasIdToken, signsInInteractively, standingOf } from '../main/shared/profile-standing.ts';
import { h } from './dom.ts';
import type { RowAction } from './profile-row.ts';

/**
 * Shows a shared popover menu (Escape and a click outside close it) under its button, or above when there is no
 * room below; focus goes to the first item and back to the button on close. One menu for all rows keeps long lists light.
 */
function showMenu(menu: HTMLElement, anchor: HTMLElement, label: string, items: HTMLElement[]): void {
  menu.replaceChildren(...items);
  menu.setAttribute('aria-label', label);
  const box = anchor.getBoundingClientRect();
  anchor.setAttribute('aria-expanded', 'true');
  menu.addEventListener(
    'toggle',
    (event) => {
      if ((event as ToggleEvent).newState !== 'closed') return;
      anchor.setAttribute('aria-expanded', 'false');
      if (!document.activeElement || document.activeElement === document.body) anchor.focus();
    },
    { once: true },
  );
  menu.showPopover();
  menu.style.left = `${Math.round(Math.max(8, Math.min(box.right - menu.offsetWidth, window.innerWidth - menu.offsetWidth - 8)))}px`;
  menu.style.top = `${Math.round(box.bottom + 4)}px`;
  if (box.bottom + 4 + menu.offsetHeight > window.innerHeight)
    menu.style.top = `${Math.round(Math.max(8, box.top - 4 - menu.offsetHeight))}px`;
  menu.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
}

/** Arrow keys, Home and End move between a menu's enabled items (what a role="menu" promises a screen-reader user). */
export function moveInMenu(event: KeyboardEvent): void {
  const menu = event.currentTarget as HTMLElement;
  const items = [...menu.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
  if (next === undefined || items.length === 0) return;
  event.preventDefault();
  items[(next + items.length) % items.length]?.focus();
}

/** A menu item; its visible text is its name (the menu's own label says which profile), unless `label` says more. */
function menuButton(
  menu: HTMLElement,
  text: string,
  label: string | undefined,
  run: () => void,
  disabled = false,
): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      role: 'menuitem',
      'aria-label': label,
      disabled,
      onclick: () => {
        menu.hidePopover();
        run();
      },
    },
    text,
  );
}

/** The row's More menu: only what this profile's kind and state allow (no ID token for client credentials, no sign-in for M2M). */
export function openRowMenu(
  anchor: HTMLElement,
  p: ProfileView,
  pinned: boolean,
  onAction: (action: RowAction) => void,
): void {
  const menu = document.getElementById('row-menu');
  if (!menu) return;
  const standing = standingOf(p, Date.now());
  const hasSession = p.expiresAt !== undefined;
  const item = (action: RowAction, text: string, disabled = false) =>
    menuButton(menu, text, undefined, () => onAction(action), disabled);
  const interactive = signsInInteractively(p);
  showMenu(menu, anchor, `Actions for ${p.name}`, [
    item('inspect', 'Inspect token', !standing.tokenUsable),
    item('refresh', 'Refresh now', !hasSession),
    ...(standing.primary === 'sign-in' || standing.primary === 'request'
      ? []
      : [item('sign-in', interactive ? 'Sign in again\u2026' : 'Get a new token')]),
    h('hr', {}),
    item('pin', pinned ? 'Unpin' : 'Pin to top'),
    item('edit', 'Edit\u2026'),
    item('duplicate', 'Duplicate\u2026'),
    h('hr', {}),
    item('sign-out', 'Sign out', p.state === 'signed-out'),
    item('delete', 'Delete\u2026'),
  ]);
}

/** The copy split button's menu: every format of the access token, and of the ID token where the kind has one. */
export function openCopyMenu(anchor: HTMLElement, p: ProfileView, onCopy: (choice: CopyChoice) => void): void {
  const menu = document.getElementById('copy-menu');
  if (!menu) return;
  const column = (kind: CopyChoice['kind'], title: string) =>
    h(
      'div',
      { class: 'menu-column', role: 'group', 'aria-label': title },
      h('p', { class: 'menu-heading', 'aria-hidden': 'true' }, title),
      ...COPY_FORMATS.map((f) =>
        menuButton(menu, f.label, `Copy ${describeCopy({ kind, format: f.format })} of ${p.name}`, () =>
          onCopy({ kind, format: f.format }),
        ),
      ),
    );
  showMenu(menu, anchor, `Copy formats for ${p.name}`, [
    column('access', 'Access token'),
    ...(hasIdToken(p) ? [column('id', 'ID token')] : []),
  ]);
}
