import type { Api, ProfileView, TokenInspectionView, TokenKind } from '../main/ipc/contract.ts';
import { hasIdToken } from '../main/shared/profile-standing.ts';
import { apiClientsPart } from './api-clients-part.ts';
import { h } from './dom.ts';
import { formatTimeLeft } from './time-left.ts';

/** Shows a token decoded: header, claims, times, scopes, groups and the signature check; switches between access and ID. */
export async function showInspector(
  dialog: HTMLDialogElement,
  api: Api,
  profile: ProfileView,
  kind: TokenKind = 'access',
): Promise<void> {
  let body: HTMLElement;
  try {
    body = inspection(await api.inspectToken(profile.id, kind));
  } catch (error) {
    body = h(
      'p',
      { class: 'error', role: 'alert' },
      error instanceof Error ? error.message : 'The token could not be read.',
    );
  }
  const other: TokenKind = kind === 'access' ? 'id' : 'access';
  dialog.replaceChildren(
    h(
      'div',
      { class: 'fields inspector' },
      h('h2', { id: 'inspect-dialog-title' }, `${kind === 'access' ? 'Access' : 'ID'} token of ${profile.name}`),
      body,
      profile.identityPoolId ? await awsPart(dialog, api, profile, kind) : undefined,
      await apiClientsPart(api, profile),
      h(
        'div',
        { class: 'buttons' },
        hasIdToken(profile)
          ? h(
              'button',
              { type: 'button', onclick: () => void showInspector(dialog, api, profile, other) },
              `Show the ${other === 'access' ? 'access' : 'ID'} token`,
            )
          : undefined,
        h('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, 'Close'),
      ),
    ),
  );
  if (!dialog.open) dialog.showModal();
  dialog.querySelector<HTMLButtonElement>('.buttons .primary')?.focus({ preventScroll: true });
  dialog.scrollTop = 0;
}

/** A profile with an identity pool: its identity id and when its AWS credentials expire (never a key), and a copy as exports. */
async function awsPart(
  dialog: HTMLDialogElement,
  api: Api,
  profile: ProfileView,
  kind: TokenKind,
): Promise<HTMLElement> {
  const identity = await api.awsIdentity(profile.id).catch(() => null);
  const copy = async (): Promise<void> => {
    await api.copyAwsExports(profile.id, 'env');
    await showInspector(dialog, api, profile, kind);
  };
  return h(
    'div',
    {},
    h('h3', {}, 'AWS credentials (identity pool)'),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Identity id'),
      h('dd', { class: 'mono', 'data-testid': 'aws-identity' }, identity?.identityId ?? 'none yet'),
      h('dt', {}, 'Expires'),
      h(
        'dd',
        { 'data-testid': 'aws-expires' },
        identity ? identity.expiresAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '\u2014',
      ),
    ),
    h('button', { type: 'button', onclick: () => void copy() }, 'Copy as AWS exports'),
  );
}

function inspection(view: TokenInspectionView): HTMLElement {
  const when = (ms: number | undefined): string =>
    ms === undefined
      ? '\u2014'
      : new Date(ms)
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, ' UTC');
  const signature = view.signature.verified ? 'Signature verified' : 'Signature NOT verified';
  return h(
    'div',
    {},
    h(
      'p',
      {
        class: view.signature.verified ? 'badge ok' : 'badge bad',
        'data-testid': 'signature',
        title: view.signature.detail,
      },
      signature,
    ),
    h('p', { class: 'muted' }, view.signature.detail),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Issued'),
      h('dd', { 'data-testid': 'issued' }, when(view.issuedAt)),
      h('dt', {}, 'Expires'),
      h('dd', { 'data-testid': 'expires' }, when(view.expiresAt)),
      h('dt', {}, 'Time left'),
      h(
        'dd',
        { 'data-testid': 'inspect-left', 'data-expires-at': view.expiresAt },
        formatTimeLeft(view.expiresAt, Date.now(), 'minutes'),
      ),
      h('dt', {}, 'Scopes'),
      h('dd', { 'data-testid': 'scopes' }, view.scopes.join(' ') || '\u2014'),
      h('dt', {}, 'Groups'),
      h('dd', { 'data-testid': 'groups' }, view.groups.join(', ') || '\u2014'),
      h('dt', {}, 'Issuer'),
      h('dd', { class: 'mono' }, view.issuer),
    ),
    h('h3', {}, 'Header'),
    h(
      'pre',
      { class: 'mono', 'data-testid': 'header', tabindex: 0, 'aria-label': 'Token header' },
      JSON.stringify(view.header, null, 2),
    ),
    h('h3', {}, 'Claims'),
    h(
      'pre',
      { class: 'mono', 'data-testid': 'claims', tabindex: 0, 'aria-label': 'Token claims' },
      JSON.stringify(view.claims, null, 2),
    ),
  );
}
