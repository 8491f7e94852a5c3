import type { ProfileView } from '../main/ipc/contract.ts';
import { describeCopy, type CopyChoice } from '../main/shared/copy-formats.ts';
import { formatTimeLeft } from '../main/shared/duration.ts';
import { environmentOf } from '../main/shared/environments.ts';
import { endpointMark, flowLabel } from '../main/shared/profile-labels.ts';
import { hasIdToken, standingOf, type PrimaryAction } from '../main/shared/profile-standing.ts';
import { h } from './dom.ts';

/** What a row's buttons can do; each button carries one of these names in data-action. */
export type RowAction =
  | 'sign-in'
  | 'copy'
  | 'copy-menu'
  | 'retry'
  | 'more'
  | 'details'
  | 'inspect'
  | 'edit'
  | 'duplicate'
  | 'refresh'
  | 'sign-out'
  | 'delete'
  | 'pin';

/** The scale of the expiry bar: Cognito's default access-token lifetime (60 min); longer tokens fill it until their last hour. */
const BAR_SCALE_MS = 60 * 60_000;

/** The text after the state: time left of a usable token, or nothing. */
export function timeLeftText(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return '';
  const left = formatTimeLeft(expiresAt, now, 'minutes');
  return left === 'expired' ? 'expired' : `${left} left`;
}

/** Sets the expiry bar's length and tone for `now` (CSSOM, which the page's CSP allows, unlike style attributes). */
export function paintExpiry(bar: HTMLElement, expiresAt: number, now: number): void {
  const left = expiresAt - now;
  const fill = bar.firstElementChild as HTMLElement | null;
  if (fill) fill.style.width = `${Math.max(0, Math.min(1, left / BAR_SCALE_MS)) * 100}%`;
  bar.dataset.tone = left < 2 * 60_000 ? 'bad' : left < 10 * 60_000 ? 'warn' : 'ok';
}

function primaryButton(primary: PrimaryAction, p: ProfileView, choice: CopyChoice): HTMLElement {
  switch (primary) {
    case 'copy': {
      const usable = hasIdToken(p) || choice.kind === 'access' ? choice : { ...choice, kind: 'access' as const };
      const hint =
        usable.kind === 'access' && usable.format === 'raw'
          ? ''
          : describeCopy(usable).replace(/^access token as /, '');
      return h(
        'div',
        { class: 'split', role: 'group', 'aria-label': `Copy ${p.name}` },
        h(
          'button',
          {
            type: 'button',
            class: 'row-primary',
            'data-action': 'copy',
            'aria-label': `Copy ${describeCopy(usable)} of ${p.name}`,
          },
          'Copy',
          hint ? h('span', { class: 'format-hint' }, hint) : undefined,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'row-primary caret',
            'data-action': 'copy-menu',
            'aria-label': `Copy formats for ${p.name}`,
            'aria-haspopup': 'menu',
            'aria-expanded': 'false',
            'aria-controls': 'copy-menu',
          },
          '\u25BE',
        ),
      );
    }
    case 'sign-in':
      return h(
        'button',
        { type: 'button', class: 'row-primary', 'data-action': 'sign-in', 'aria-label': `Sign in to ${p.name}` },
        'Sign in\u2026',
      );
    case 'request':
      return h(
        'button',
        { type: 'button', class: 'row-primary', 'data-action': 'sign-in', 'aria-label': `Get a token for ${p.name}` },
        'Get token',
      );
    case 'retry':
      return h(
        'button',
        { type: 'button', class: 'row-primary', 'data-action': 'retry', 'aria-label': `Retry ${p.name}` },
        'Retry',
      );
    case 'renewing':
      return h(
        'button',
        { type: 'button', class: 'row-primary', disabled: true, 'aria-label': `Renewing ${p.name}` },
        'Renewing\u2026',
      );
  }
}

/** One profile as a row: its name first, environment and endpoint marks, state with an expiry bar, one primary action, More. */
export function profileRow(p: ProfileView, now: number, choice: CopyChoice, pinned: boolean): HTMLLIElement {
  const standing = standingOf(p, now);
  const env = environmentOf(p);
  const mark = endpointMark(p.endpoint);
  const search = [p.name, p.userPoolId, p.clientId, p.username ?? '', p.region, env.name, p.domain ?? '']
    .join(' ')
    .toLowerCase();
  const detailsId = `details-${p.id}`;
  const sub = [p.username, flowLabel(p.authFlow), p.region].filter(Boolean).join(' \u00B7 ');
  const bar =
    p.expiresAt !== undefined && standing.tokenUsable
      ? h('div', { class: 'expiry-bar', 'aria-hidden': 'true', 'data-expires-at': p.expiresAt }, h('span', {}))
      : undefined;
  if (bar && p.expiresAt !== undefined) paintExpiry(bar, p.expiresAt, now);
  return h(
    'li',
    {
      class: 'profile-row',
      'data-tone': standing.tone,
      'data-profile': p.name,
      'data-id': p.id,
      'data-search': search,
      'data-env': env.name,
    },
    h(
      'div',
      { class: 'who' },
      h(
        'div',
        { class: 'name-line' },
        h(
          'button',
          {
            type: 'button',
            class: 'name',
            'data-action': 'details',
            'aria-expanded': 'false',
            'aria-controls': detailsId,
          },
          h('span', { class: 'name-text' }, p.name),
          h('span', { class: 'visually-hidden' }, ' details'),
        ),
        pinned
          ? h(
              'span',
              { class: 'pin-mark', title: 'Pinned' },
              h('span', { 'aria-hidden': 'true' }, '\u2605'),
              h('span', { class: 'visually-hidden' }, 'pinned'),
            )
          : undefined,
        env.name
          ? h(
              'span',
              {
                class: `chip env-${env.colour}`,
                'data-testid': 'environment',
                title: env.suggested ? `${env.label} (suggested from the name; set it in Edit)` : env.label,
              },
              env.production ? `\u26A0 ${env.name}` : env.name,
            )
          : undefined,
        mark
          ? h('span', { class: 'chip endpoint', 'data-testid': 'endpoint-mark', title: p.endpoint }, mark)
          : undefined,
      ),
      h('div', { class: 'sub' }, sub),
    ),
    h(
      'div',
      { class: 'standing' },
      h(
        'div',
        { class: 'standing-line' },
        h('span', { class: `state tone-${standing.tone}`, 'data-testid': 'state' }, standing.label),
        standing.tokenUsable
          ? h(
              'span',
              { class: 'time-left', 'data-testid': 'time-left', 'data-expires-at': p.expiresAt },
              timeLeftText(p.expiresAt, now),
            )
          : undefined,
      ),
      bar,
    ),
    h(
      'div',
      { class: 'actions' },
      primaryButton(standing.primary, p, choice),
      h(
        'button',
        {
          type: 'button',
          class: 'more',
          'data-action': 'more',
          'aria-label': `More actions for ${p.name}`,
          'aria-haspopup': 'menu',
          'aria-expanded': 'false',
          'aria-controls': 'row-menu',
        },
        h('span', { 'aria-hidden': 'true' }, '\u22EF'),
      ),
    ),
    standing.problem
      ? h(
          'div',
          { class: 'problem', 'data-testid': 'problem' },
          h('span', {}, standing.problem),
          standing.primary === 'copy'
            ? h('button', { type: 'button', 'data-action': 'retry', 'aria-label': `Retry ${p.name}` }, 'Retry')
            : undefined,
        )
      : undefined,
    h('div', { class: 'details', id: detailsId, hidden: true }),
  );
}
