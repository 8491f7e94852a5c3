import { describe, expect, it } from 'vitest';
import { describeCopy } from '../../../main/shared/copy-formats.ts';
import { endpointMark, flowLabel } from '../../../main/shared/profile-labels.ts';
import { hasIdToken, plainProblem, standingOf } from '../../../main/shared/profile-standing.ts';

const NOW = 1_800_000_000_000;
const at = (minutes: number) => NOW + minutes * 60_000;

describe('a profile\u2019s standing', () => {
  it('leads with Copy while the token is valid, whatever the last refresh did (the core still hands out its cached token)', () => {
    expect(standingOf({ state: 'signed-in', signIn: 'password', expiresAt: at(30) }, NOW)).toMatchObject({
      label: 'Signed in',
      tone: 'ok',
      tokenUsable: true,
      primary: 'copy',
    });
    expect(
      standingOf(
        {
          state: 'error',
          signIn: 'password',
          expiresAt: at(14),
          problem: 'ServiceUnavailableException: Cognito did not answer',
        },
        NOW,
      ),
    ).toEqual({
      label: 'Renewal failed',
      tone: 'warn',
      tokenUsable: true,
      primary: 'copy',
      problem: 'Cognito did not answer',
    });
    expect(standingOf({ state: 'refreshing', signIn: 'password', expiresAt: at(1) }, NOW)).toMatchObject({
      tokenUsable: true,
      primary: 'copy',
    });
  });

  it('offers Retry for a session that can be renewed, Sign in for one that cannot, Get token for machine to machine', () => {
    expect(standingOf({ state: 'expired', signIn: 'password', expiresAt: at(-2) }, NOW)).toMatchObject({
      primary: 'retry',
      tokenUsable: false,
    });
    expect(standingOf({ state: 'error', signIn: 'password', expiresAt: at(-2), problem: 'x' }, NOW)).toMatchObject({
      label: 'Error',
      primary: 'retry',
    });
    expect(standingOf({ state: 'sign-in-required', signIn: 'password' }, NOW)).toMatchObject({
      label: 'Needs sign-in',
      primary: 'sign-in',
    });
    expect(standingOf({ state: 'signed-out', signIn: 'none' }, NOW)).toMatchObject({
      label: 'Signed out',
      primary: 'request',
    });
    expect(standingOf({ state: 'refreshing', signIn: 'password', expiresAt: at(-1) }, NOW)).toMatchObject({
      primary: 'renewing',
    });
  });

  it('treats the last second as expired, as the time-left text does', () => {
    expect(standingOf({ state: 'signed-in', signIn: 'password', expiresAt: NOW + 999 }, NOW).tokenUsable).toBe(false);
  });

  it('words problems without an exception name in front', () => {
    expect(plainProblem('NotAuthorizedException: Refresh Token has expired')).toBe('Refresh Token has expired');
    expect(plainProblem('TypeError: fetch failed')).toBe('Fetch failed');
    expect(plainProblem('The keychain is locked.')).toBe('The keychain is locked.');
  });

  it('knows which kinds have an ID token, and names flows, formats and endpoints for people', () => {
    expect(hasIdToken({ signIn: 'none' })).toBe(false);
    expect(hasIdToken({ signIn: 'browser' })).toBe(true);
    expect(flowLabel('USER_SRP_AUTH')).toBe('Password (SRP)');
    expect(describeCopy({ kind: 'id', format: 'header' })).toBe('ID token as Authorization header');
    expect(describeCopy({ kind: 'access', format: 'raw' })).toBe('access token');
    expect(endpointMark(undefined)).toBe('');
    expect(endpointMark('http://localhost:9229/')).toBe('emulator');
    expect(endpointMark('http://127.0.0.1:4566')).toBe('emulator');
    expect(endpointMark('https://vpce-1.cognito-idp.us-east-1.vpce.amazonaws.com')).toBe('custom endpoint');
  });
});
