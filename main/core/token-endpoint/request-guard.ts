/**
 * The loopback names a request may carry in `Host`. A page on another site that rebinds its DNS name to 127.0.0.1
 * still sends its own name there (browsers set Host from the URL), so anything else is refused: DNS rebinding.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const name = host.toLowerCase();
  const names = ['127.0.0.1', 'localhost'];
  return names.some((n) => name === `${n}:${port}` || (port === 80 && name === n));
}

/** What to do with a request's `Origin`: none sent (not a browser page), an origin the user allowed, or a refusal. */
export type OriginVerdict = 'none' | 'allowed' | 'refused';

/**
 * Browsers send `Origin` with every cross-origin and every POST request; API clients outside a browser send none.
 * A page may call the endpoint only when the user allowed its origin (`ctm endpoint settings --allow-origin`).
 */
export function originVerdict(origin: string | undefined, allowed: readonly string[]): OriginVerdict {
  if (origin === undefined) return 'none';
  return allowed.includes(origin) ? 'allowed' : 'refused';
}

/**
 * CORS answers for an allowed origin only (no `*`, ever). Chromium's Private Network Access asks a loopback server
 * whether a public page may reach it (`Access-Control-Request-Private-Network`); the user allowed it, so yes.
 */
export function corsHeaders(origin: string, preflight: boolean): Record<string, string> {
  const base = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  if (!preflight) return base;
  return {
    ...base,
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Allow-Private-Network': 'true',
    'Access-Control-Max-Age': '600',
  };
}
