import { isLoopbackHost } from '../cognito/endpoint.ts';

/** One OAuth scope: printable ASCII without spaces or quotes (RFC 6749 §3.3), as long as Cognito allows (256). */
export const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]{1,256}$/;

const PREFIX_DOMAIN =
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.auth(?:-fips)?\.[a-z]{2}(?:-[a-z]+)+-\d{1,2}\.amazoncognito\.com$/;

/**
 * Why a managed-login domain cannot be used, or undefined when it can: https with a host only (a prefix
 * domain `<prefix>.auth.<region>.amazoncognito.com` or a custom domain), or http on a loopback host (a local emulator).
 */
export function domainProblem(domain: string): string | undefined {
  let url: URL;
  try {
    url = new URL(domain);
  } catch {
    return `"${domain}" is not a URL; expected https://<prefix>.auth.<region>.amazoncognito.com or https://auth.example.com`;
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== ''))
    return 'expected only the scheme and host, such as https://auth.example.com (no path, query or credentials)';
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  if (url.protocol !== 'https:') return 'expected an https:// URL (http:// only for a local emulator on 127.0.0.1)';
  if (url.hostname.endsWith('.amazoncognito.com') && !PREFIX_DOMAIN.test(url.hostname))
    return `"${url.hostname}" is not a Cognito prefix domain; expected <prefix>.auth.<region>.amazoncognito.com`;
  return undefined;
}

/** The OAuth 2.0 endpoints of a user pool's domain (https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html). */
export interface OAuthEndpoints {
  authorize: string;
  token: string;
  revoke: string;
  userInfo: string;
}

/** The endpoints under a domain. */
export function oauthEndpoints(domain: string): OAuthEndpoints {
  const origin = new URL(domain).origin;
  return {
    authorize: `${origin}/oauth2/authorize`,
    token: `${origin}/oauth2/token`,
    revoke: `${origin}/oauth2/revoke`,
    userInfo: `${origin}/oauth2/userInfo`,
  };
}
