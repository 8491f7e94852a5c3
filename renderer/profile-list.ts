import type { ProfileState, ProfileView } from '../main/ipc/contract.ts';
import { h } from './dom.ts';
import { formatTimeLeft } from './time-left.ts';

/** What a row's buttons do. */
export interface RowActions {
  signIn(profile: ProfileView): void;
  copy(profile: ProfileView): void;
  signOut(profile: ProfileView): void;
  remove(profile: ProfileView): void;
}

const STATE_LABELS: Record<ProfileState, string> = {
  'signed-out': 'Signed out',
  'signed-in': 'Signed in',
  expired: 'Expired',
  refreshing: 'Refreshing\u2026',
  'sign-in-required': 'Sign-in required',
  error: 'Error',
};

/** Renders the profile table (or the empty state that teaches how to add one). */
export function renderProfileList(container: HTMLElement, profiles: ProfileView[], actions: RowActions, now: number): void {
  if (profiles.length === 0) {
    container.replaceChildren(
      h('div', { class: 'empty', 'data-testid': 'empty-state' },
        h('h2', {}, 'No profiles yet'),
        h('p', {}, 'A profile is one app client of a Cognito user pool: its region, user pool id, app client id and (if it has one) client secret. Choose \u201cAdd profile\u201d to create the first, then sign in to get tokens.'),
      ),
    );
    return;
  }
  const head = h('thead', {}, h('tr', {}, ...['Profile', 'User pool', 'App client', 'User', 'Flow', 'State', 'Time left', ''].map((t) => h('th', { scope: 'col' }, t))));
  const body = h('tbody', {}, ...profiles.map((p) => row(p, actions, now)));
  container.replaceChildren(h('table', { 'aria-label': 'Profiles' }, head, body));
}

/** Updates only the "time left" cells, once a second, without rebuilding the list. */
export function tickTimeLeft(container: HTMLElement, now: number): void {
  for (const cell of container.querySelectorAll<HTMLElement>('[data-expires-at]')) {
    const text = formatTimeLeft(Number(cell.dataset.expiresAt), now);
    if (cell.textContent !== text) cell.textContent = text;
  }
}

function row(p: ProfileView, actions: RowActions, now: number): HTMLTableRowElement {
  const canCopy = p.state === 'signed-in' || p.state === 'expired';
  return h('tr', { 'data-profile': p.name },
    h('th', { scope: 'row' }, p.name),
    h('td', { class: 'mono' }, p.userPoolId),
    h('td', { class: 'mono' }, p.clientId),
    h('td', {}, p.username ?? '\u2014'),
    h('td', {}, p.authFlow),
    h('td', { class: `state state-${p.state}`, 'data-testid': 'state', title: p.problem }, STATE_LABELS[p.state]),
    h('td', { 'data-testid': 'time-left', 'data-expires-at': p.expiresAt }, formatTimeLeft(p.expiresAt, now)),
    h('td', { class: 'actions' },
      h('button', { type: 'button', onclick: () => actions.signIn(p), 'aria-label': `Sign in to ${p.name}` }, 'Sign in'),
      h('button', { type: 'button', onclick: () => actions.copy(p), disabled: !canCopy, 'aria-label': `Copy access token of ${p.name}` }, 'Copy token'),
      h('button', { type: 'button', onclick: () => actions.signOut(p), disabled: p.state === 'signed-out', 'aria-label': `Sign out of ${p.name}` }, 'Sign out'),
      h('button', { type: 'button', onclick: () => actions.remove(p), 'aria-label': `Delete profile ${p.name}` }, 'Delete'),
    ),
  );
}
