import type { ProfileState, ProfileView } from '../main/ipc/contract.ts';
import { h } from './dom.ts';
import { formatTimeLeft } from './time-left.ts';

/** What a row's buttons can do; each button carries one of these names in data-action. */
export type RowAction = 'sign-in' | 'copy' | 'more' | 'copy-as' | 'inspect' | 'edit' | 'duplicate' | 'refresh' | 'sign-out' | 'delete';

const STATE_LABELS: Record<ProfileState, string> = {
  'signed-out': 'Signed out',
  'signed-in': 'Signed in',
  expired: 'Expired',
  refreshing: 'Refreshing\u2026',
  'sign-in-required': 'Sign-in required',
  error: 'Error',
};

/** Rows rendered at once before the first frame; the rest follow in chunks so a long list shows at once. */
const FIRST_ROWS = 60;
const CHUNK_ROWS = 250;

/**
 * Renders the profile table (or the empty state that teaches how to add one). One click listener on the
 * container serves every row (cheap for a thousand profiles); `onAction` gets the action and the profile.
 * The first rows go in synchronously and the rest in later tasks, so the first frame never waits for a
 * thousand rows; the promise resolves once every row is in. A newer render cancels an unfinished one.
 */
export function renderProfileList(container: HTMLElement, profiles: ProfileView[], onAction: (action: RowAction, profile: ProfileView) => void, now: number, filter = ''): Promise<void> {
  const generation = String(Number(container.dataset.generation ?? '0') + 1);
  container.dataset.generation = generation;
  if (profiles.length === 0) {
    container.replaceChildren(
      h('div', { class: 'empty', 'data-testid': 'empty-state' },
        h('h2', {}, 'No profiles yet'),
        h('p', {}, 'A profile is one app client of a Cognito user pool: its region, user pool id, app client id and (if it has one) client secret. Choose \u201cAdd profile\u201d to create the first, or \u201cImport\u201d to read amplify_outputs.json, aws-exports.js or an export file; then sign in to get tokens.'),
      ),
    );
    return Promise.resolve();
  }
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const head = h('thead', {}, h('tr', {}, ...['Profile', 'User pool', 'App client', 'User', 'Flow', 'State', 'Time left', 'Actions'].map((t) => h('th', { scope: 'col' }, t))));
  const needle = filter.trim().toLowerCase();
  const addRows = (from: number, to: number): void => {
    const fragment = document.createDocumentFragment();
    for (const p of profiles.slice(from, to)) {
      const tr = row(p, now);
      if (needle && !(tr.dataset.search ?? '').includes(needle)) tr.hidden = true;
      fragment.append(tr);
    }
    body.append(fragment);
  };
  const body = h('tbody', {});
  const table = h('table', { 'aria-label': 'Profiles', 'aria-rowcount': profiles.length + 1 }, head, body);
  table.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const profile = byId.get(button?.closest<HTMLElement>('tr')?.dataset.id ?? '');
    if (!button || !profile) return;
    if (button.dataset.action === 'more') openRowMenu(button, profile, onAction);
    else onAction(button.dataset.action as RowAction, profile);
  });
  const kept = openAndFocused(container);
  addRows(0, FIRST_ROWS);
  container.replaceChildren(table, h('p', { class: 'empty', id: 'no-match', hidden: true }, 'No profile matches the filter.'));
  return new Promise((resolve) => {
    const more = (from: number): void => {
      if (container.dataset.generation !== generation) return resolve();
      if (from >= profiles.length) {
        kept();
        if (needle) filterRows(container, filter);
        return resolve();
      }
      addRows(from, from + CHUNK_ROWS);
      setTimeout(() => more(from + CHUNK_ROWS), 0);
    };
    setTimeout(() => more(FIRST_ROWS), 0);
  });
}

/** Hides the rows that do not match the filter text (name, pool, client, user), without rebuilding the list. */
export function filterRows(container: HTMLElement, text: string): number {
  const needle = text.trim().toLowerCase();
  let shown = 0;
  for (const tr of container.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
    const match = needle === '' || (tr.dataset.search ?? '').includes(needle);
    tr.hidden = !match;
    if (match) shown += 1;
  }
  const none = container.querySelector<HTMLElement>('#no-match');
  if (none) none.hidden = shown > 0;
  return shown;
}

/** Notes which row control has focus, and returns how to restore it after a re-render (live updates must not steal focus). */
function openAndFocused(container: HTMLElement): () => void {
  const active = document.activeElement instanceof HTMLElement && container.contains(document.activeElement) ? document.activeElement : undefined;
  const focusRow = active?.closest<HTMLElement>('tr')?.dataset.id;
  const focusAction = active?.dataset.action;
  return () => {
    if (!focusRow || !focusAction) return;
    container.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(focusRow)}"] [data-action="${focusAction}"]`)?.focus();
  };
}

/**
 * The one "More" menu, shared by every row (a popover: Escape and a click outside close it), filled for the row
 * it opens on. One menu instead of one per row keeps a thousand-row list light.
 */
function openRowMenu(anchor: HTMLButtonElement, p: ProfileView, onAction: (action: RowAction, profile: ProfileView) => void): void {
  const menu = document.getElementById('row-menu');
  if (!menu) return;
  const hasTokens = p.state === 'signed-in' || p.state === 'expired' || p.state === 'refreshing';
  const item = (action: RowAction, text: string, label: string, disabled = false) => {
    const b = button(action, text, label, disabled);
    b.addEventListener('click', () => {
      menu.hidePopover();
      onAction(action, p);
    });
    return b;
  };
  menu.replaceChildren(
    item('copy-as', 'Copy as\u2026', `Copy a token of ${p.name} as\u2026`, !hasTokens),
    item('inspect', 'Inspect token', `Inspect the tokens of ${p.name}`, !hasTokens),
    item('refresh', 'Refresh now', `Refresh ${p.name} now`, !hasTokens),
    item('edit', 'Edit', `Edit profile ${p.name}`),
    item('duplicate', 'Duplicate', `Duplicate profile ${p.name}`),
    item('sign-out', 'Sign out', `Sign out of ${p.name}`, p.state === 'signed-out'),
    item('delete', 'Delete', `Delete profile ${p.name}`),
  );
  menu.setAttribute('aria-label', `Actions for ${p.name}`);
  const box = anchor.getBoundingClientRect();
  menu.style.left = `${Math.round(Math.max(8, box.right - 208))}px`;
  menu.style.top = `${Math.round(box.bottom + 4)}px`;
  anchor.setAttribute('aria-expanded', 'true');
  menu.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState !== 'closed') return;
    anchor.setAttribute('aria-expanded', 'false');
    if (!document.activeElement || document.activeElement === document.body) anchor.focus();
  }, { once: true });
  menu.showPopover();
  // Below the button, or above it when the window has no room left below.
  if (box.bottom + 4 + menu.offsetHeight > window.innerHeight) menu.style.top = `${Math.round(Math.max(8, box.top - 4 - menu.offsetHeight))}px`;
  menu.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
}

/** Updates only the "time left" cells, once a second, without rebuilding the list. */
export function tickTimeLeft(container: HTMLElement, now: number): void {
  for (const cell of container.querySelectorAll<HTMLElement>('[data-expires-at]')) {
    const text = formatTimeLeft(Number(cell.dataset.expiresAt), now);
    if (cell.textContent !== text) cell.textContent = text;
  }
}

function button(action: RowAction, text: string, label: string, disabled = false): HTMLButtonElement {
  return h('button', { type: 'button', 'data-action': action, 'aria-label': label, disabled }, text);
}

function row(p: ProfileView, now: number): HTMLTableRowElement {
  const hasTokens = p.state === 'signed-in' || p.state === 'expired' || p.state === 'refreshing';
  const search = [p.name, p.userPoolId, p.clientId, p.username ?? '', p.region].join(' ').toLowerCase();
  return h('tr', { 'data-profile': p.name, 'data-id': p.id, 'data-search': search },
    h('th', { scope: 'row', title: p.name }, p.name),
    h('td', { class: 'mono', title: p.userPoolId }, p.userPoolId),
    h('td', { class: 'mono', title: p.clientId }, p.clientId),
    h('td', { title: p.username }, p.username ?? '\u2014'),
    h('td', { class: 'mono' }, p.authFlow),
    h('td', { class: `state state-${p.state}`, 'data-testid': 'state', title: p.problem }, STATE_LABELS[p.state]),
    h('td', { 'data-testid': 'time-left', 'data-expires-at': p.state === 'signed-in' ? p.expiresAt : undefined }, p.state === 'signed-in' ? formatTimeLeft(p.expiresAt, now) : '\u2014'),
    h('td', { class: 'actions' },
      button('sign-in', 'Sign in', `Sign in to ${p.name}`),
      button('copy', 'Copy token', `Copy access token of ${p.name}`, !hasTokens),
      h('button', { type: 'button', 'data-action': 'more', 'aria-label': `More actions for ${p.name}`, 'aria-expanded': 'false', 'aria-controls': 'row-menu' }, 'More'),
    ),
  );
}
