import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../../main/core/tokens/jwt.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { signInThroughHostedUi } from '../../support/emulator/oauth/hosted-ui-driver.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { oauthProfile, oauthSeed, PASSWORD } from './oauth-seed.ts';

// AWS recommends IssuerConfiguration UPDATED for every pool (API reference, IssuerConfigurationType): its tokens say
// `iss: https://issuer-cognito-idp.<region>.amazonaws.com/<pool>`. A sign-in that only knew the original issuer refused them.
describe.skipIf(!HAS_KEYRING)(
  'managed login with a pool whose issuer is the updated one (emulator over HTTP, real keyring)',
  () => {
    let app: AppFixture;
    beforeAll(async () => {
      const seed = oauthSeed();
      app = await startAppFixture({
        ...seed,
        pools: seed.pools.map((pool) => ({ ...pool, issuerType: 'UPDATED' as const })),
      });
    });
    afterAll(async () => app?.close());

    it('signs in, checks the ID token against the updated issuer, and stores the session', async () => {
      const profile = await app.core.addProfile(
        oauthProfile(app.emulator.endpoint, {
          name: 'upd',
          authFlow: 'MANAGED_LOGIN',
          clientId: 'browserclient1',
          scopes: ['openid', 'email'],
        }),
      );
      const step = await app.core.signIn(
        profile.id,
        {},
        {
          open: async (url) => {
            void signInThroughHostedUi(url, { username: 'alice', password: PASSWORD }).catch(() => undefined);
          },
        },
      );
      expect(step.kind).toBe('signed-in');
      const stored = await app.vault.session(profile.id);
      expect(decodeJwtClaims(stored?.idToken ?? '')?.iss).toMatch(
        /^https:\/\/issuer-cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_/,
      );
      expect(stored?.refreshToken).toBeTruthy();
    });
  },
);
