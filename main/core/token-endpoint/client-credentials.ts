import { invalidClient, invalidRequest } from './token-errors.ts';

/** The client's id (a profile name) and secret, as the request presented them. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** How they came: HTTP Basic or the form body (RFC 6749 §2.3.1 allows both). */
  via: 'basic' | 'form';
}

/**
 * Reads the client's credentials from an `Authorization: Basic` header or the form's `client_id` and `client_secret`
 * (§2.3.1). Both at once is refused (§2.3: one method per request). Basic's parts are form-encoded before base64;
 * profile names and our secrets never change under that decoding, so clients that skip it work too.
 */
export function clientCredentialsOf(authorization: string | undefined, form: URLSearchParams): ClientCredentials {
  const formId = form.get('client_id');
  const formSecret = form.get('client_secret');
  if (authorization !== undefined) {
    if (formSecret !== null)
      throw invalidRequest('Send the client credentials once: in the Authorization header or in the form, not both.');
    const basic = /^Basic[ ]+([A-Za-z0-9+/]+={0,2})[ ]*$/i.exec(authorization);
    if (!basic?.[1])
      throw invalidClient(
        'Only HTTP Basic client authentication is accepted (client id = profile name, client secret from: ctm endpoint credentials NAME).',
      );
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw invalidClient('The Basic credentials have no ":" between client id and secret.');
    const clientId = formDecode(decoded.slice(0, colon));
    if (formId !== null && formId !== clientId)
      throw invalidRequest('client_id in the form differs from the one in the Authorization header.');
    return { clientId, clientSecret: formDecode(decoded.slice(colon + 1)), via: 'basic' };
  }
  if (formId === null || formSecret === null)
    throw invalidClient(
      'Client authentication is required: client id = profile name, client secret from: ctm endpoint credentials NAME.',
    );
  return { clientId: formId, clientSecret: formSecret, via: 'form' };
}

/** application/x-www-form-urlencoded decoding of one value; a malformed escape is a refused client, not a crash. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw invalidClient('The Basic credentials are not correctly encoded.');
  }
}
