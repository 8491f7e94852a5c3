import { describe, expect, it } from 'vitest';
import { inspectionJson, inspectionLines } from '../../../main/cli/commands/inspect-format.ts';
import type { TokenInspection } from '../../../main/core/tokens/token-inspection.ts';

const NOW = Date.UTC(2026, 11, 7, 8, 30, 0);
const inspection: TokenInspection = {
  kind: 'access',
  header: { alg: 'RS256', kid: 'key-1' },
  claims: { sub: 'abc', scope: 'openid profile', 'cognito:groups': ['admins', 'devs'], evil: 'a\u001b]0;pwned\u0007b' },
  issuedAt: NOW - 600_000,
  expiresAt: NOW + 3_000_000,
  scopes: ['openid', 'profile'],
  groups: ['admins', 'devs'],
  issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x',
  jwksUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x/.well-known/jwks.json',
  signature: { verified: false, detail: 'The signature does not verify: the signature is wrong.' },
};

describe('ctm inspect formatting', () => {
  it('shows signature, times, time left, scopes, groups, then header and claims, with controls removed', () => {
    const lines = inspectionLines('dev', inspection, NOW);
    expect(lines.slice(0, 7)).toEqual([
      'Access token of dev',
      'Signature  NOT VERIFIED: The signature does not verify: the signature is wrong.',
      'Issued     2026-12-07T08:20:00.000Z',
      'Expires    2026-12-07T09:20:00.000Z',
      'Left       50 min 0 s',
      'Scopes     openid profile',
      'Groups     admins, devs',
    ]);
    expect(lines).toContain('  alg  RS256');
    expect(lines).toContain('Claims');
    expect(lines).toContain('  cognito:groups  ["admins","devs"]');
    expect(lines.join('\n')).toContain('a]0;pwnedb');
    expect([...lines.join('')].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
  });

  it('says expired, and dashes for what the token lacks', () => {
    const lines = inspectionLines(
      'dev',
      { ...inspection, kind: 'id', expiresAt: NOW - 1, scopes: [], groups: [] },
      NOW,
    );
    expect(lines[0]).toBe('ID token of dev');
    expect(lines).toContain('Left       expired');
    expect(lines).toContain('Scopes     -');
    expect(lines).toContain('Groups     -');
  });

  it('gives scripts ISO times, seconds left and the signature verdict', () => {
    expect(inspectionJson('dev', inspection, NOW)).toMatchObject({
      profile: 'dev',
      type: 'access',
      issuedAt: '2026-12-07T08:20:00.000Z',
      expiresAt: '2026-12-07T09:20:00.000Z',
      secondsLeft: 3000,
      groups: ['admins', 'devs'],
      signature: { verified: false },
    });
  });
});
