import type { ProfileView } from '../main/ipc/contract.ts';
import type { CopyChoice } from '../main/shared/copy-formats.ts';
import { profileGroups } from '../main/shared/profile-order.ts';
import { h } from './dom.ts';
import { firstRun } from './first-run.ts';
import { paintExpiry, profileRow, timeLeftText, type RowAction } from './profile-row.ts';

export type { RowAction } from './profile-row.ts';

/** Rows rendered at once before the first frame; the rest follow in chunks so a long list shows at once. */
const FIRST_ROWS = 60;
const CHUNK_ROWS = 250;

/** What the list needs from the page: the remembered copy choice, and where a row's button goes. */
export interface ListHooks {
  choice: CopyChoice;
  onAction: (action: RowAction, profile: ProfileView, button: HTMLElement) => void;
  firstRun: { add: () => void; import: () => void };
}

/**
 * Renders the profiles grouped (pinned first, then by environment), or the first-run screen. One click listener on
 * the container serves every row (cheap for a thousand profiles). The first rows go in synchronously and the rest in
 * later tasks, so the first frame never waits for a thousand rows; the promise resolves once every row is in. A newer
 * render cancels an unfinished one; focus and open detail panes survive a re-render (live updates must not steal them).
 */
export function renderProfileList(
  container: HTMLElement,
  profiles: ProfileView[],
  hooks: ListHooks,
  now: number,
  filter = '',
): Promise<void> {
  const generation = String(Number(container.dataset.generation ?? '0') + 1);
  container.dataset.generation = generation;
  if (profiles.length === 0) {
    container.replaceChildren(firstRun(hooks.firstRun));
    return Promise.resolve();
  }
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const ordered = profileGroups(profiles).flatMap((group) => group.profiles.map((p) => ({ group, p })));
  const needle = filter.trim().toLowerCase();
  const lists = new Map<string, HTMLElement>();
  const root = h('div', { class: 'groups' });
  const addRows = (from: number, to: number): void => {
    for (const { group, p } of ordered.slice(from, to)) {
      let list = lists.get(group.key);
      if (!list) {
        const headingId = `group-${group.key}`;
        list = h('ul', { class: 'rows', 'aria-labelledby': headingId });
        lists.set(group.key, list);
        root.append(
          h(
            'section',
            { class: 'group', 'data-group': group.key },
            h(
              'h2',
              { class: 'group-title', id: headingId },
              group.colour ? h('span', { class: `dot env-${group.colour}`, 'aria-hidden': 'true' }) : undefined,
              group.label,
              h('span', { class: 'count' }, ` ${group.profiles.length}`),
            ),
            list,
          ),
        );
      }
      const row = profileRow(p, now, hooks.choice, group.key === 'pinned' || p.pinned === true);
      if (needle && !(row.dataset.search ?? '').includes(needle)) row.hidden = true;
      list.append(row);
    }
  };
  root.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const row = button?.closest<HTMLElement>('li[data-id]');
    const profile = byId.get(row?.dataset.id ?? '');
    if (button && profile) hooks.onAction(button.dataset.action as RowAction, profile, button);
  });
  const kept = keepFocusAndDetails(container);
  addRows(0, FIRST_ROWS);
  container.replaceChildren(
    root,
    h('p', { class: 'empty', id: 'no-match', hidden: true }, 'No profile matches the filter.'),
  );
  return new Promise((resolve) => {
    const more = (from: number): void => {
      if (container.dataset.generation !== generation) return resolve();
      if (from >= ordered.length) {
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

/** Hides the rows that do not match the filter text (name, pool, client, user, environment), and emptied groups. */
export function filterRows(container: HTMLElement, text: string): number {
  const needle = text.trim().toLowerCase();
  let shown = 0;
  for (const group of container.querySelectorAll<HTMLElement>('section.group')) {
    let inGroup = 0;
    for (const row of group.querySelectorAll<HTMLElement>('li[data-id]')) {
      const match = needle === '' || (row.dataset.search ?? '').includes(needle);
      row.hidden = !match;
      if (match) inGroup += 1;
    }
    group.hidden = inGroup === 0;
    shown += inGroup;
  }
  const none = container.querySelector<HTMLElement>('#no-match');
  if (none) none.hidden = shown > 0;
  return shown;
}

/** Notes the focused row control and the open detail panes, and returns how to restore both after a re-render. */
function keepFocusAndDetails(container: HTMLElement): () => void {
  const active =
    document.activeElement instanceof HTMLElement && container.contains(document.activeElement)
      ? document.activeElement
      : undefined;
  const focusRow = active?.closest<HTMLElement>('li[data-id]')?.dataset.id;
  const focusAction = active?.dataset.action;
  const open = [...container.querySelectorAll<HTMLElement>('button.name[aria-expanded="true"]')].map(
    (b) => b.closest<HTMLElement>('li[data-id]')?.dataset.id,
  );
  return () => {
    for (const id of open)
      container.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id ?? '')}"] button.name`)?.click();
    if (!focusRow || !focusAction) return;
    const row = container.querySelector<HTMLElement>(`li[data-id="${CSS.escape(focusRow)}"]`);
    // The primary action changes with the state (Sign in -> Copy): focus stays on the row's primary button then.
    (
      row?.querySelector<HTMLElement>(`[data-action="${focusAction}"]`) ??
      row?.querySelector<HTMLElement>('.row-primary:not([disabled])')
    )?.focus();
  };
}

/** Updates the time left and the expiry bars without rebuilding the list. */
export function tickTimeLeft(container: HTMLElement, now: number): void {
  for (const cell of container.querySelectorAll<HTMLElement>('.time-left[data-expires-at]')) {
    const text = timeLeftText(Number(cell.dataset.expiresAt), now);
    if (cell.textContent !== text) cell.textContent = text;
  }
  for (const bar of container.querySelectorAll<HTMLElement>('.expiry-bar[data-expires-at]'))
    paintExpiry(bar, Number(bar.dataset.expiresAt), now);
}
