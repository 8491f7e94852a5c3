import { describe, expect, it } from 'vitest';
import { ProxyTokenSource, type ProxyToken } from '../../../../main/core/auth-proxy/proxy-token.ts';

function source() {
  let now = 1_000_000;
  let reads = 0;
  let renewals = 0;
  const token = (name: string): ProxyToken => ({ token: name, issuedAt: now, expiresAt: now + 3600_000 });
  const tokens = new ProxyTokenSource({
    read: async () => token(`read-${++reads}`),
    renew: async () => token(`renewed-${++renewals}`),
    now: () => now,
  });
  return { tokens, advance: (ms: number) => (now += ms), counts: () => ({ reads, renewals }) };
}

describe("ProxyTokenSource: the proxy's token in memory", () => {
  it('reads once, then serves from memory; reads again after 5 s and near expiry', async () => {
    const { tokens, advance, counts } = source();
    expect(await Promise.all([tokens.current(), tokens.current()])).toEqual(['read-1', 'read-1']);
    advance(4_000);
    expect(await tokens.current()).toBe('read-1');
    advance(1_000);
    expect(await tokens.current()).toBe('read-2');
    expect(counts()).toEqual({ reads: 2, renewals: 0 });
  });

  it('held() answers from memory without a promise, and only while no read is due', async () => {
    const { tokens, advance, counts } = source();
    expect(tokens.held()).toBeUndefined();
    expect(await tokens.current()).toBe('read-1');
    expect(tokens.held()).toBe('read-1');
    advance(5_000);
    expect(tokens.held()).toBeUndefined();
    expect(counts()).toEqual({ reads: 1, renewals: 0 });
  });

  it('renews once for every request refused with the same token, and not for a token already replaced', async () => {
    const { tokens, counts } = source();
    const first = await tokens.current();
    expect(await Promise.all([tokens.afterRejection(first), tokens.afterRejection(first)])).toEqual([
      'renewed-1',
      'renewed-1',
    ]);
    expect(await tokens.afterRejection(first)).toBe('renewed-1');
    expect(counts().renewals).toBe(1);
    expect(await tokens.afterRejection('renewed-1')).toBe('renewed-2');
  });
});
