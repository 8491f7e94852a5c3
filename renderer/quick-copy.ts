import type { ProfileView, TokenKind } from '../main/ipc/contract.ts';
import { environmentOf } from '../main/shared/environments.ts';
import { profileGroups } from '../main/shared/profile-order.ts';
import { hasIdToken, standingOf } from '../main/shared/profile-standing.ts';
import { h } from './dom.ts';
import { timeLeftText } from './profile-row.ts';

/** Profiles matching what was typed: names that start with it first, then names containing it, then other fields. */
export function quickCopyMatches(profiles: ProfileView[], typed: string): ProfileView[] {
  const ordered = profileGroups(profiles).flatMap((g) => g.profiles);
  const needle = typed.trim().toLowerCase();
  if (!needle) return ordered;
  const rank = (p: ProfileView): number => {
    const name = p.name.toLowerCase();
    if (name.startsWith(needle)) return 0;
    if (name.includes(needle)) return 1;
    return [p.userPoolId, p.clientId, p.username ?? '', environmentOf(p).name].join(' ').toLowerCase().includes(needle)
      ? 2
      : 3;
  };
  return ordered
    .map((p) => [rank(p), p] as const)
    .filter(([r]) => r < 3)
    .sort((a, b) => a[0] - b[0])
    .map(([, p]) => p);
}

/**
 * The quick-copy palette (as 1Password's Quick Access): type part of a name, Enter copies the access token,
 * Shift+Enter the ID token; a profile without a usable token signs in instead. A combobox over a listbox, so the
 * arrow keys move and a screen reader announces the active profile.
 */
export function openQuickCopy(
  dialog: HTMLDialogElement,
  profiles: ProfileView[],
  onPick: (p: ProfileView, kind: TokenKind) => void,
): void {
  let active = 0;
  let shown: ProfileView[] = [];
  const input = h('input', {
    type: 'text',
    id: 'quick-copy-input',
    role: 'combobox',
    'aria-expanded': 'true',
    'aria-controls': 'quick-copy-list',
    'aria-autocomplete': 'list',
    'aria-label': 'Profile to copy from',
    placeholder: 'Type part of a profile name',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const list = h('ul', { id: 'quick-copy-list', role: 'listbox', 'aria-label': 'Matching profiles' });
  const pick = (p: ProfileView | undefined, kind: TokenKind): void => {
    if (!p) return;
    dialog.close();
    onPick(p, kind === 'id' && !hasIdToken(p) ? 'access' : kind);
  };
  const paint = (): void => {
    const now = Date.now();
    shown = quickCopyMatches(profiles, input.value).slice(0, 50);
    active = Math.min(active, Math.max(0, shown.length - 1));
    list.replaceChildren(
      ...shown.map((p, i) => {
        const standing = standingOf(p, now);
        const env = environmentOf(p);
        return h(
          'li',
          {
            role: 'option',
            id: `quick-copy-${i}`,
            'aria-selected': String(i === active),
            class: 'quick-option',
            onclick: (event: Event) => pick(p, (event as MouseEvent).shiftKey ? 'id' : 'access'),
          },
          h('span', { class: 'name-text' }, p.name),
          env.name
            ? h('span', { class: `chip env-${env.colour}` }, env.production ? `\u26A0 ${env.name}` : env.name)
            : undefined,
          h(
            'span',
            { class: `state tone-${standing.tone}` },
            standing.tokenUsable ? timeLeftText(p.expiresAt, now) : standing.label,
          ),
        );
      }),
    );
    if (shown.length === 0) list.append(h('li', { class: 'muted', role: 'presentation' }, 'No profile matches.'));
    if (shown.length > 0) input.setAttribute('aria-activedescendant', `quick-copy-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  };
  input.addEventListener('input', () => {
    active = 0;
    paint();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % Math.max(1, shown.length);
      paint();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(shown[active], event.shiftKey ? 'id' : 'access');
    }
  });
  dialog.replaceChildren(
    h(
      'div',
      { class: 'palette' },
      h('h2', { id: 'quick-copy-title', class: 'visually-hidden' }, 'Quick copy'),
      input,
      list,
      h(
        'p',
        { class: 'palette-keys muted' },
        h('kbd', {}, 'Enter'),
        ' access token \u00B7 ',
        h('kbd', {}, 'Shift'),
        '+',
        h('kbd', {}, 'Enter'),
        ' ID token \u00B7 ',
        h('kbd', {}, 'Esc'),
        ' close',
      ),
    ),
  );
  paint();
  if (!dialog.open) dialog.showModal();
  input.focus();
}
