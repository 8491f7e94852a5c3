import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A random path prefix: 128 bits, so another local account (or a web page) cannot guess the proxy's URL. */
export function newPrefix(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The target path of a request to `/<prefix>/rest?query`: the target's own path joined with `/rest?query`; undefined
 * for any request without the prefix (compared in constant time).
 */
export function targetPath(requestUrl: string | undefined, prefix: string, target: URL): string | undefined {
  const url = requestUrl ?? '';
  const expected = Buffer.from(`/${prefix}`);
  const given = Buffer.from(url.slice(0, expected.length));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const rest = url.slice(expected.length);
  if (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?')) return undefined;
  const base = target.pathname.replace(/\/$/, '');
  const path = rest.startsWith('?') || rest === '' ? `/${rest}` : rest;
  return `${base}${path}` || '/';
}
