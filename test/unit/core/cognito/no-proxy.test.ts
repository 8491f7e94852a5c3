import { describe, expect, it } from 'vitest';
import { bypassesProxy } from '../../../../main/core/cognito/no-proxy.ts';
import { undiciProxyChoice } from '../../../support/undici-proxy-choice.ts';

const PROXY = 'http://proxy.corp:3128';
/** Ours and undici's own EnvHttpProxyAgent (the agent it picks, test/support/undici-proxy-choice.ts), for one case. */
const both = (noProxy: string, url: string) => ({
  ours: bypassesProxy(new URL(url), { NO_PROXY: noProxy }),
  undici: undiciProxyChoice(url, { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY, NO_PROXY: noProxy }) === 'direct',
});

// Each case quotes the rule of undici 8.14.0 lib/dispatcher/env-http-proxy-agent.js it checks.
const CASES: [rule: string, noProxy: string, url: string, direct: boolean][] = [
  ['"Always proxy if NO_PROXY is not set or empty"', '', 'https://example.com/', false],
  ['"A bare `*` entry matches all hosts regardless of its position"', 'none.invalid, * ', 'https://a.b.example/', true],
  ['"If a port is attached (`*:80`) it only bypasses that port"', '*:80', 'https://example.com/', false],
  ['`*:80` on port 80', '*:80', 'http://example.com/', true],
  ['"the hostname is equal with the no_proxy host"', 'example.com', 'https://example.com/', true],
  ['"the hostname is the subdomain of the no_proxy host"', 'example.com', 'https://api.eu.example.com/', true],
  ['a suffix that is not a subdomain (no dot before it)', 'example.com', 'https://notexample.com/', false],
  ['"strip leading dot": .example.com also matches the apex', '.example.com', 'https://example.com/', true],
  ['"`*.example.com` wildcard matches subdomains only, not the apex"', '*.example.com', 'https://example.com/', false],
  ['`*.example.com` on a subdomain', '*.example.com', 'https://api.example.com/', true],
  ['"any trailing dot" of an entry, and of the URL\'s host (RFC 1034)', 'example.com.', 'https://EXAMPLE.com./', true],
  ['"Skip if ports don\'t match": a port given is compared', 'example.com:8443', 'https://example.com/', false],
  ['the default port filled in (DEFAULT_PORTS) before comparing', 'example.com:443', 'https://example.com/', true],
  [
    '"split(/[,\\s]/)": commas, spaces, tabs and new lines',
    'a.invalid\tb.invalid\nexample.com',
    'http://example.com/',
    true,
  ],
  ['compared in lower case', 'Example.COM', 'https://api.EXAMPLE.com/', true],
  ['"An IPv6 entry with a port must be bracketed: [::1]:443"', '[::1]:443', 'https://[::1]/', true],
  ['a bare IPv6 address ("contains multiple colons")', '::1', 'http://[::1]:9229/', true],
  ['an IPv4 address is a string like a name: the port must match', '127.0.0.1:9229', 'http://127.0.0.1:9230/', false],
  ['an IPv4 address matched by its suffix, as undici does', '0.0.1', 'http://127.0.0.1:9229/', true],
];

describe('NO_PROXY, as undici EnvHttpProxyAgent reads it', () => {
  it.each(CASES)('%s (NO_PROXY=%j, %s)', (_rule, noProxy, url, direct) => {
    expect(both(noProxy, url)).toEqual({ ours: direct, undici: direct });
  });

  it('agrees with undici on 600 generated NO_PROXY values and hosts', () => {
    const entries = ['*', '*:443', 'example.com', '.example.com', '*.example.com', 'example.com.', 'EXAMPLE.com:8443'];
    entries.push(
      'api.example.com',
      'xample.com',
      'com',
      '127.0.0.1',
      '127.0.0.1:9229',
      '[::1]',
      '[::1]:443',
      '::1',
      '',
    );
    const urls = [
      'https://example.com/',
      'https://api.example.com./',
      'http://example.com:8443/',
      'https://xample.com/',
    ];
    urls.push(
      'http://127.0.0.1:9229/',
      'http://[::1]:443/',
      'https://[::1]/',
      'https://cognito-idp.us-east-1.amazonaws.com/',
    );
    const separators = [',', ' ', ', ', '\t', ',,'];
    let seed = 7;
    const pick = <T>(list: T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31; // a fixed sequence, so a failure can be replayed
      return list[seed % list.length] as T;
    };
    const disagreements: string[] = [];
    for (let i = 0; i < 600; i++) {
      const noProxy = [pick(entries), pick(entries), pick(entries)].slice(0, 1 + (i % 3)).join(pick(separators));
      const url = pick(urls);
      const { ours, undici } = both(noProxy, url);
      if (ours !== undici)
        disagreements.push(`NO_PROXY=${JSON.stringify(noProxy)} ${url}: ours ${ours}, undici ${undici}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('reads no_proxy before NO_PROXY; an empty no_proxy hides NO_PROXY', () => {
    const url = new URL('https://example.com/');
    expect(bypassesProxy(url, { no_proxy: 'example.com', NO_PROXY: 'other.invalid' })).toBe(true);
    expect(bypassesProxy(url, { no_proxy: 'other.invalid', NO_PROXY: 'example.com' })).toBe(false);
    expect(bypassesProxy(url, { no_proxy: '', NO_PROXY: 'example.com' })).toBe(false);
    expect(bypassesProxy(url, { NO_PROXY: 'example.com' })).toBe(true);
    expect(undiciProxyChoice(url.href, { HTTPS_PROXY: PROXY, no_proxy: '', NO_PROXY: 'example.com' })).not.toBe(
      'direct',
    );
  });
});
