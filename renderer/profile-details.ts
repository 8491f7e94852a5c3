import type { ProfileView } from '../main/ipc/contract.ts';
import { environmentOf } from '../main/shared/environments.ts';
import { flowLabel } from '../main/shared/profile-labels.ts';
import { h } from './dom.ts';

/** The facts of a profile a person reads whole and copies (ids, user, endpoint, domain); never a token or secret. */
export function detailFacts(p: ProfileView): [label: string, value: string, copyable: boolean][] {
  const env = environmentOf(p);
  const facts: [string, string, boolean][] = [
    ['User pool id', p.userPoolId, true],
    ['App client id', p.clientId, true],
    ['Region', p.region, true],
    ['User', p.username ?? '\u2014', Boolean(p.username)],
    ['Sign-in', flowLabel(p.authFlow), false],
    ['Client secret', p.hasClientSecret ? 'In the OS keychain' : 'None', false],
    [
      'Endpoint',
      p.endpoint ?? `Cognito (cognito-idp.${p.region}.amazonaws.com${p.fips ? ', FIPS' : ''})`,
      Boolean(p.endpoint),
    ],
  ];
  if (p.domain) facts.push(['Domain', p.domain, true]);
  if (p.scopes && p.scopes.length > 0) facts.push(['Scopes', p.scopes.join(' '), true]);
  if (p.identityProvider) facts.push(['Identity provider', p.identityProvider, true]);
  if (p.idpIdentifier) facts.push(['IdP identifier', p.idpIdentifier, true]);
  facts.push([
    'Environment',
    env.name ? `${env.label}${env.suggested ? ' (suggested from the name)' : ''}` : 'None',
    false,
  ]);
  return facts;
}

/**
 * Fills a row's detail pane: each fact whole (wrapped, never cut) with a Copy button for the ones worth pasting.
 * These are not secrets, so the page copies them itself; `said` reports the outcome.
 */
export function fillDetails(
  pane: HTMLElement,
  p: ProfileView,
  said: (message: string, isError?: boolean) => void,
): void {
  const copy = (label: string, value: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'copy-fact',
        'aria-label': `Copy ${label.toLowerCase()} of ${p.name}`,
        onclick: () =>
          void navigator.clipboard.writeText(value).then(
            () => said(`Copied the ${label.toLowerCase()} of ${p.name}.`),
            () =>
              said(`The clipboard refused the ${label.toLowerCase()}: select it and copy it with the keyboard.`, true),
          ),
      },
      'Copy',
    );
  pane.replaceChildren(
    h(
      'dl',
      { class: 'facts detail-facts' },
      ...detailFacts(p).flatMap(([label, value, copyable]) => [
        h('dt', {}, label),
        h('dd', {}, h('span', { class: copyable ? 'mono' : '' }, value), copyable ? copy(label, value) : undefined),
      ]),
    ),
  );
}
