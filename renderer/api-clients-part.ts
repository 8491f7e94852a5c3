import type { Api, EndpointCredentialsView, ProfileView } from '../main/ipc/contract.ts';
import { h } from './dom.ts';

/**
 * The local token endpoint's settings for API clients (Postman, Insomnia, Bruno, Hoppscotch): the token URL and client
 * id shown, the client secret copied by main (it never reaches the page) and cleared like a copied token; or why not.
 */
export async function apiClientsPart(api: Api, profile: ProfileView): Promise<HTMLElement> {
  const heading = h('h3', {}, 'API clients (OAuth 2.0 client credentials)');
  let view: EndpointCredentialsView;
  try {
    view = await api.endpointCredentials(profile.id);
  } catch (error) {
    // Said, never hidden: main refuses when another local account holds the token URL's port (it names the account),
    // and nothing to copy is offered.
    const why = error instanceof Error ? error.message : 'The API-client settings could not be read.';
    return h('div', {}, heading, h('p', { class: 'error', role: 'alert', 'data-testid': 'endpoint-problem' }, why));
  }
  const status = h('span', { role: 'status', class: 'muted', 'data-testid': 'endpoint-secret-status' });
  const copy = async (): Promise<void> => {
    try {
      await api.copyEndpointSecret(profile.id);
      status.textContent = ' Client secret copied.';
    } catch {
      status.textContent = ' The client secret could not be copied.';
    }
  };
  return h(
    'div',
    {},
    heading,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Token URL'),
      h('dd', { class: 'mono', 'data-testid': 'endpoint-token-url' }, view.tokenUrl),
      h('dt', {}, 'Client ID'),
      h('dd', { class: 'mono', 'data-testid': 'endpoint-client-id' }, view.clientId),
      h('dt', {}, 'Client secret'),
      h('dd', {}, h('button', { type: 'button', onclick: () => void copy() }, 'Copy client secret'), status),
    ),
    view.served
      ? undefined
      : h('p', { class: 'muted' }, 'The token agent serves no endpoint (port 0): see ctm endpoint settings.'),
  );
}
