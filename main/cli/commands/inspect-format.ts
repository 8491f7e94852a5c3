import type { TokenInspection } from '../../core/tokens/token-inspection.ts';
import { formatTimeLeft } from '../../shared/duration.ts';
import { plainText } from '../../shared/plain-text.ts';

/** `ctm inspect --json`: the inspection as data (times as ISO strings and seconds left); no token, no signature part. */
export function inspectionJson(profileName: string, inspection: TokenInspection, now: number): Record<string, unknown> {
  const { kind, header, claims, issuedAt, expiresAt, scopes, groups, issuer, jwksUrl, signature } = inspection;
  return {
    profile: profileName,
    type: kind,
    header,
    claims,
    issuedAt: issuedAt === undefined ? null : new Date(issuedAt).toISOString(),
    expiresAt: expiresAt === undefined ? null : new Date(expiresAt).toISOString(),
    secondsLeft: expiresAt === undefined ? null : Math.max(0, Math.floor((expiresAt - now) / 1000)),
    scopes,
    groups,
    issuer,
    jwksUrl,
    signature: { verified: signature.verified, detail: signature.detail },
  };
}

/** `ctm inspect`'s report for people: summary lines, then header and claims; every value made plain text (a claim may hold anything). */
export function inspectionLines(profileName: string, inspection: TokenInspection, now: number): string[] {
  const { kind, header, claims, issuedAt, expiresAt, scopes, groups, signature } = inspection;
  const when = (at: number | undefined) => (at === undefined ? '-' : new Date(at).toISOString());
  const summary: [string, string][] = [
    ['Signature', `${signature.verified ? 'verified' : 'NOT VERIFIED'}: ${signature.detail}`],
    ['Issued', when(issuedAt)],
    ['Expires', when(expiresAt)],
    ['Left', expiresAt === undefined ? '-' : formatTimeLeft(expiresAt, now)],
    ['Scopes', scopes.length > 0 ? scopes.join(' ') : '-'],
    ['Groups', groups.length > 0 ? groups.join(', ') : '-'],
  ];
  return [
    `${kind === 'id' ? 'ID' : 'Access'} token of ${plainText(profileName)}`,
    ...aligned(summary, ''),
    'Header',
    ...aligned(entries(header), '  '),
    'Claims',
    ...aligned(entries(claims), '  '),
  ];
}

function entries(record: Record<string, unknown>): [string, string][] {
  return Object.entries(record).map(([key, value]) => [
    plainText(key, 100),
    plainText(typeof value === 'string' ? value : JSON.stringify(value)),
  ]);
}

function aligned(rows: [string, string][], indent: string): string[] {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${plainText(value, 2000)}`);
}
