import { describe, expect, it } from 'vitest';
import { namesProxy, proxyRoute } from '../../../../main/core/cognito/proxy-route.ts';
import { undiciProxyChoice } from '../../../support/undici-proxy-choice.ts';

type Variable = 'http_proxy' | 'HTTP_PROXY' | 'https_proxy' | 'HTTPS_PROXY' | 'no_proxy' | 'NO_PROXY';
const PROXY_VARIABLES: Variable[] = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'];

/** Our route as undici reports its choice: the proxy URL's href, or 'direct'. */
const ours = (url: string, env: Partial<Record<Variable, string>>) => {
  const route = proxyRoute(url, env);
  return route ? new URL(route.value).href : 'direct';
};

describe("the proxy a request goes through (proxyRoute): undici EnvHttpProxyAgent's choice, in one place", () => {
  it('https:// takes https_proxy, then HTTPS_PROXY, then the HTTP pair; http:// only the HTTP pair', () => {
    const aws = 'https://cognito-idp.us-east-1.amazonaws.com/';
    expect(proxyRoute(aws, { HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:2' })?.variable).toBe('https_proxy');
    expect(proxyRoute(aws, { HTTP_PROXY: 'http://c:3' })?.variable).toBe('HTTP_PROXY');
    expect(proxyRoute('http://127.0.0.1:9229/', { HTTPS_PROXY: 'http://a:1' })).toBeUndefined();
  });

  it('goes direct where NO_PROXY (or no_proxy) matches, whichever variable named the proxy', () => {
    expect(proxyRoute('http://127.0.0.1:9229/', { HTTP_PROXY: 'http://p:1', NO_PROXY: '127.0.0.1' })).toBeUndefined();
    expect(
      proxyRoute('https://api.example.com/', { https_proxy: 'http://p:1', no_proxy: '.example.com' }),
    ).toBeUndefined();
    expect(
      proxyRoute('https://api.example.com/', { https_proxy: 'http://p:1', NO_PROXY: 'example.org' }),
    ).toBeDefined();
  });

  it('agrees with undici for every mix of set, empty and unset variables (lower case first, empty hides upper case)', () => {
    const states = [undefined, '', 'value'] as const;
    const disagreements: string[] = [];
    for (let mix = 0; mix < 3 ** 6; mix++) {
      const env: Partial<Record<Variable, string>> = {};
      [...PROXY_VARIABLES, 'no_proxy', 'NO_PROXY'].forEach((variable, i) => {
        const state = states[Math.floor(mix / 3 ** i) % 3];
        if (state === undefined) return;
        env[variable as Variable] =
          state === ''
            ? ''
            : variable.endsWith('no_proxy') || variable.endsWith('NO_PROXY')
              ? 'example.com'
              : `http://${variable}.invalid:${i + 1}`;
      });
      for (const url of ['http://example.com/', 'https://example.com/', 'https://example.org/']) {
        const [mine, theirs] = [ours(url, env), undiciProxyChoice(url, env)];
        if (mine !== theirs) disagreements.push(`${JSON.stringify(env)} ${url}: ours ${mine}, undici ${theirs}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('a blank variable is read as an empty one (undici would fail on it as a proxy URL): it names no proxy', () => {
    expect(proxyRoute('https://example.com/', { HTTPS_PROXY: '  ' })).toBeUndefined();
    expect(proxyRoute('https://example.com/', { HTTPS_PROXY: ' ', HTTP_PROXY: 'http://p:1' })?.variable).toBe(
      'HTTP_PROXY',
    );
    expect(namesProxy({ HTTPS_PROXY: ' ' })).toBe(false);
    expect(namesProxy({ NO_PROXY: '*' })).toBe(false);
    expect(namesProxy({ http_proxy: 'http://p:1' })).toBe(true);
  });
});
