import { describe, expect, it } from 'vitest';
import {
  originChange,
  secretBinding,
  secretOrigin,
  sessionOrigin,
} from '../../../../main/core/profiles/secret-origin.ts';

const base = { region: 'us-east-1', userPoolId: 'us-east-1_Pool1', clientId: 'client1' };

describe("secretOrigin: where a profile's secrets may be sent", () => {
  it('changes with the endpoint, the domain, the region (AWS endpoint), FIPS, the pool and the client', () => {
    const origin = secretOrigin(base);
    for (const change of [
      { endpoint: 'https://cognito.example.com' },
      { domain: 'https://auth.example.com' },
      { region: 'eu-west-1' },
      { fips: true },
      { userPoolId: 'us-east-1_Pool2' },
      { clientId: 'client2' },
    ]) {
      expect(secretOrigin({ ...base, ...change }), JSON.stringify(change)).not.toBe(origin);
    }
  });

  it('stays for spellings of the same place (a trailing slash) and for fields that send nothing elsewhere', () => {
    expect(secretOrigin({ ...base, domain: 'https://auth.example.com/' })).toBe(
      secretOrigin({ ...base, domain: 'https://auth.example.com' }),
    );
    expect(secretOrigin({ ...base, endpoint: 'http://127.0.0.1:9229/' })).toBe(
      secretOrigin({ ...base, endpoint: 'http://127.0.0.1:9229' }),
    );
  });

  it('says what changed in words', () => {
    expect(originChange(secretOrigin(base), secretOrigin({ ...base, endpoint: 'https://evil.example' }))).toBe(
      "the profile's server changed since it was stored (from https://cognito-idp.us-east-1.amazonaws.com, pool us-east-1_Pool1, client client1 to https://evil.example, pool us-east-1_Pool1, client client1), so it is not sent there",
    );
    expect(originChange(secretOrigin(base), secretOrigin(base))).toBeUndefined();
  });
});

describe('secretBinding: the one rule for sending a stored secret', () => {
  const current = secretOrigin(base);
  const moved = secretOrigin({ ...base, endpoint: 'https://evil.example' });

  it('sends a secret stored with the current origin, never one stored with another (whatever would vouch)', () => {
    expect(secretBinding(current, current, () => 'unused')).toEqual({ kind: 'bound', origin: current, newly: false });
    expect(secretBinding(moved, current, () => undefined).kind).toBe('moved');
  });

  it('binds a secret stored before origins were kept only when nothing is found against it; otherwise sends it nowhere and says why', () => {
    expect(secretBinding(undefined, current, () => undefined)).toEqual({ kind: 'bound', origin: current, newly: true });
    const refused = secretBinding(undefined, moved, () => 'its tokens were issued by X');
    expect(refused).toEqual({
      kind: 'unverified',
      reason:
        'it was stored by an older release, before secrets were bound to their server, and nothing shows that https://evil.example, pool us-east-1_Pool1, client client1 is where it was issued (its tokens were issued by X), so it is not sent there',
    });
  });
});

describe("sessionOrigin: a session's origin names an identity endpoint of the profile's own (its ID token goes there)", () => {
  const pool = { ...base, identityPoolId: 'us-east-1:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' };

  it("adds nothing for AWS's default, an identity endpoint that is the Cognito endpoint, or no identity pool", () => {
    expect(sessionOrigin(pool)).toBe(secretOrigin(pool));
    const local = { ...pool, endpoint: 'http://127.0.0.1:9229/' };
    expect(sessionOrigin({ ...local, identityEndpoint: 'http://127.0.0.1:9229' })).toBe(secretOrigin(local));
    expect(sessionOrigin({ ...base, identityEndpoint: 'https://identity.example.com' })).toBe(secretOrigin(base));
  });

  it('names one of its own, and a session bound before that counted is vouched for like an older one', () => {
    const own = { ...pool, identityEndpoint: 'https://identity.example.com' };
    expect(sessionOrigin(own)).toBe(`${secretOrigin(pool)} identity:https://identity.example.com/`);
    const problems: (string | undefined)[] = [];
    const binding = secretBinding(secretOrigin(pool), sessionOrigin(own), (stored) => {
      problems.push(stored);
      return 'not vouched';
    });
    expect(problems).toEqual([secretOrigin(pool)]);
    expect(binding).toEqual({
      kind: 'unverified',
      reason:
        'it was stored for https://cognito-idp.us-east-1.amazonaws.com, pool us-east-1_Pool1, client client1 only, and nothing shows that https://cognito-idp.us-east-1.amazonaws.com, pool us-east-1_Pool1, client client1, identity endpoint https://identity.example.com is where it was issued (not vouched), so it is not sent there',
    });
    // Bound with one identity endpoint, now another: moved, like any other change.
    const other = sessionOrigin({ ...own, identityEndpoint: 'https://other.example.com' });
    expect(secretBinding(sessionOrigin(own), other, () => undefined).kind).toBe('moved');
  });
});
