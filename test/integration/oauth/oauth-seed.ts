import type { Seed } from '../../support/emulator/index.ts';

/** Every seeded user's password. */
export const PASSWORD = 'Correct-Horse-1';
/** The secret of the confidential clients. */
export const SECRET = 'oauth-client-secret-1';
/** The TOTP secret of bob. */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
/** The pool of the OAuth tests. */
export const POOL = 'us-east-1_OAuth1';

/**
 * One pool with a managed-login domain's clients: a public one (code + PKCE), a confidential one, a machine client
 * (client credentials with a resource server's scopes) and one without OAuth; alice (password) and bob (TOTP).
 */
export function oauthSeed(): Seed {
  const loopback = ['http://127.0.0.1/callback'];
  const userScopes = ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'];
  return {
    pools: [
      {
        id: POOL,
        resourceServers: [{ identifier: 'orders-api', scopes: ['read', 'write'] }],
        clients: [
          {
            id: 'browserclient1',
            oauth: {
              callbackUrls: loopback,
              allowedOAuthFlows: ['code'],
              allowedOAuthScopes: userScopes,
              supportedIdentityProviders: ['COGNITO', 'CorpSSO'],
            },
          },
          {
            id: 'webclient1',
            secret: SECRET,
            oauth: { callbackUrls: loopback, allowedOAuthFlows: ['code'], allowedOAuthScopes: userScopes },
          },
          {
            id: 'machineclient1',
            secret: SECRET,
            accessTokenValiditySeconds: 600,
            oauth: {
              allowedOAuthFlows: ['client_credentials'],
              allowedOAuthScopes: ['orders-api/read', 'orders-api/write'],
            },
          },
          { id: 'apionlyclient1' },
        ],
        users: [
          { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', name: 'Alice' } },
          {
            username: 'bob',
            password: PASSWORD,
            attributes: { email: 'bob@example.com' },
            mfa: { totpSecret: TOTP_SECRET, enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' },
          },
        ],
      },
    ],
  };
}

/** `ctm profile add NAME` for the machine client (client credentials, its secret on stdin) at the emulator's `endpoint`. */
export function machineProfileArgs(name: string, endpoint: string): string[] {
  return [
    ...['profile', 'add', name, '--user-pool-id', POOL, '--client-id', 'machineclient1'],
    ...['--auth-flow', 'CLIENT_CREDENTIALS', '--domain', endpoint, '--endpoint', endpoint, '--client-secret-stdin'],
  ];
}

/** Profile fields for a client of the OAuth pool, with the emulator as endpoint and domain. */
export function oauthProfile(endpoint: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { region: 'us-east-1', userPoolId: POOL, endpoint, domain: endpoint.replace(/\/$/, ''), ...fields };
}
