import { testProfileId } from '../../../support/profile-ids.ts';
import { describe, expect, it } from 'vitest';
import { exportProfiles } from '../../../../main/core/profiles/profile-export.ts';
import { parseProfileImport } from '../../../../main/core/profiles/profile-import.ts';
import { parseProfileFields } from '../../../../main/core/profiles/profile.ts';

const base = { name: 'p', region: 'us-east-1', userPoolId: 'us-east-1_Pool1', clientId: 'client1' };
const domain = 'https://myapp.auth.us-east-1.amazoncognito.com';

describe('the MANAGED_LOGIN and CLIENT_CREDENTIALS profile kinds', () => {
  it('a managed-login profile keeps its domain, scopes and identity provider', () => {
    const fields = parseProfileFields({
      ...base,
      authFlow: 'MANAGED_LOGIN',
      domain,
      scopes: ['openid', 'email'],
      identityProvider: 'Okta',
    });
    expect(fields).toMatchObject({
      authFlow: 'MANAGED_LOGIN',
      domain,
      scopes: ['openid', 'email'],
      identityProvider: 'Okta',
    });
  });

  it('a client-credentials profile needs a client secret', () => {
    expect(() => parseProfileFields({ ...base, authFlow: 'CLIENT_CREDENTIALS', domain })).toThrow(
      /CLIENT_CREDENTIALS needs the app client's secret/,
    );
    expect(
      parseProfileFields({
        ...base,
        authFlow: 'CLIENT_CREDENTIALS',
        domain,
        hasClientSecret: true,
        scopes: ['orders-api/read'],
      }).scopes,
    ).toEqual(['orders-api/read']);
  });

  it.each([
    [{ authFlow: 'MANAGED_LOGIN' }, /needs the user pool's domain/],
    [{ authFlow: 'MANAGED_LOGIN', domain: 'http://auth.example.com' }, /domain: expected an https/],
    [{ authFlow: 'MANAGED_LOGIN', domain, scopes: ['two words'] }, /scope: expected/],
    [{ authFlow: 'USER_SRP_AUTH', identityProvider: 'Okta' }, /only MANAGED_LOGIN profiles/],
    [{ authFlow: 'MANAGED_LOGIN', domain, identityProvider: 'Okta', idpIdentifier: 'example.com' }, /not both/],
    [{ authFlow: 'OAUTH' }, /auth flow: expected one of .*MANAGED_LOGIN, CLIENT_CREDENTIALS/],
    [{ authFlow: 'MANAGED_LOGIN', domain, callbackPort: 80 }, /callback port: expected 1024 to 65535/],
    [
      { authFlow: 'CLIENT_CREDENTIALS', domain, hasClientSecret: true, callbackPort: 8400 },
      /only MANAGED_LOGIN profiles receive a browser redirect/,
    ],
  ])('refuses %o with a clear message', (fields, message) => {
    expect(() => parseProfileFields({ ...base, ...fields })).toThrow(message);
  });
});

describe('exporting and importing the OAuth kinds', () => {
  it('keeps the domain, scopes, provider and callback port (none is a secret), so the import can sign in', () => {
    const fields = parseProfileFields({
      ...base,
      authFlow: 'MANAGED_LOGIN',
      domain,
      scopes: ['openid'],
      idpIdentifier: 'example.com',
      callbackPort: 8400,
    });
    const text = exportProfiles([{ ...fields, id: testProfileId('00000000-0000-4000-8000-000000000001') }]);
    const [imported] = parseProfileImport('profiles.json', text, { takenNames: [] });
    expect(imported).toMatchObject({
      authFlow: 'MANAGED_LOGIN',
      domain,
      scopes: ['openid'],
      idpIdentifier: 'example.com',
      callbackPort: 8400,
    });
  });
});
