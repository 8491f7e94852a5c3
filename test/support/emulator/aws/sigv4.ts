import { createHash, createHmac } from 'node:crypto';

/** The parts of an HTTP request a SigV4 signature covers, as the emulator received them. */
export interface SignedParts {
  method: string;
  /** The path as sent (still percent-encoded), without the query. */
  path: string;
  /** The raw query string, without `?` ('' when none). */
  query: string;
  /** Lower-case header names; repeated headers joined with ','. */
  headers: Record<string, string>;
  body: string;
}

/** What the Authorization header of a SigV4 request says. */
export interface SigV4Authorization {
  accessKeyId: string;
  /** The credential scope's date (yyyymmdd), region and service. */
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/**
 * Parses `AWS4-HMAC-SHA256 Credential=AKID/20261207/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date,
 * Signature=hex` (Signature Version 4, "Add the signature to the HTTP request"); undefined when it is not one.
 */
export function parseAuthorization(value: string): SigV4Authorization | undefined {
  if (!value.startsWith(`${ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const scope = (fields.get('Credential') ?? '').split('/');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (
    scope.length !== 5 ||
    scope[4] !== 'aws4_request' ||
    !signedHeaders ||
    !signature ||
    !/^[0-9a-f]{64}$/.test(signature)
  )
    return undefined;
  const [accessKeyId = '', date = '', region = '', service = ''] = scope;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, upper-case hex. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

/** The canonical request of SigV4 ("Create a canonical request"): non-S3 services encode each path segment twice. */
export function canonicalRequest(parts: SignedParts, signedHeaders: string[]): string {
  const path =
    parts.path === ''
      ? '/'
      : parts.path
          .split('/')
          .map((segment) => uriEncode(segment))
          .join('/');
  const query =
    parts.query === ''
      ? []
      : parts.query.split('&').map((pair) => {
          const at = pair.indexOf('=');
          const name = at < 0 ? pair : pair.slice(0, at);
          return [uriEncode(safeDecode(name)), uriEncode(safeDecode(at < 0 ? '' : pair.slice(at + 1)))] as const;
        });
  query.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const headers = signedHeaders
    .map((name) => `${name}:${(parts.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const payload = createHash('sha256').update(parts.body, 'utf8').digest('hex');
  return [
    parts.method,
    path,
    query.map(([n, v]) => `${n}=${v}`).join('&'),
    headers,
    signedHeaders.join(';'),
    payload,
  ].join('\n');
}

/** The signature a secret key makes over a canonical request at `amzDate` (yyyymmddThhmmssZ) in a scope. */
export function expectedSignature(
  secretKey: string,
  amzDate: string,
  auth: Pick<SigV4Authorization, 'date' | 'region' | 'service'>,
  canonical: string,
): string {
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = [ALGORITHM, amzDate, scope, createHash('sha256').update(canonical, 'utf8').digest('hex')].join('\n');
  const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretKey}`, auth.date), auth.region), auth.service), 'aws4_request');
  return createHmac('sha256', signingKey).update(toSign, 'utf8').digest('hex');
}

/** Epoch ms of an X-Amz-Date (yyyymmddThhmmssZ); undefined when malformed. */
export function amzDateTime(amzDate: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** An epoch ms as X-Amz-Date. */
export function toAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
