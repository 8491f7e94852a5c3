import { describe, expect, it } from 'vitest';
import { chosenProxy, proxyAnswerFailure, proxyFailure } from '../../../../main/core/cognito/proxy-failure.ts';

const AWS = 'https://cognito-idp.us-east-1.amazonaws.com/';
/** A failed fetch as undici reports it: TypeError "fetch failed" whose cause is the system error. */
const fetchFailed = (cause: Record<string, unknown>) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(String(cause.code)), cause) });

describe('the proxy a Cognito call goes through, as undici EnvHttpProxyAgent picks it', () => {
  it('https:// uses https_proxy, then HTTPS_PROXY, then the HTTP_PROXY pair; http:// only the HTTP_PROXY pair', () => {
    expect(chosenProxy(AWS, { HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:2' })?.variable).toBe('https_proxy');
    expect(chosenProxy(AWS, { HTTP_PROXY: 'http://c:3' })).toMatchObject({
      variable: 'HTTP_PROXY',
      address: 'http://c:3',
    });
    expect(chosenProxy('http://127.0.0.1:9229/', { HTTPS_PROXY: 'http://a:1' })).toBeUndefined();
    // `http_proxy ?? HTTP_PROXY`: an empty lower-case variable names no proxy, and hides the upper-case one.
    expect(chosenProxy(AWS, { https_proxy: '', HTTPS_PROXY: 'http://a:1' })).toBeUndefined();
  });

  it('shows scheme://host:port with the default port filled in, never the user or password', () => {
    expect(chosenProxy(AWS, { HTTPS_PROXY: 'http://bob:hunter2@proxy.corp' })).toMatchObject({
      address: 'http://proxy.corp:80',
      hasCredentials: true,
    });
    expect(chosenProxy(AWS, { HTTPS_PROXY: 'https://[::1]:8443' })?.address).toBe('https://[::1]:8443');
    expect(chosenProxy(AWS, { HTTPS_PROXY: 'proxy.corp:3128' })?.address).toBe('');
  });

  it("a request NO_PROXY sends direct is the endpoint's failure, whatever failed, even at the proxy's own address", () => {
    const env = { HTTPS_PROXY: 'http://10.0.0.5:3128', NO_PROXY: '.amazonaws.com' };
    expect(chosenProxy(AWS, env)).toBeUndefined();
    expect(
      proxyFailure(fetchFailed({ code: 'ECONNREFUSED', address: '10.0.0.5', port: 3128 }), AWS, env),
    ).toBeUndefined();
    expect(proxyFailure(fetchFailed({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), AWS, env)).toBeUndefined();
    expect(proxyAnswerFailure(502, '<html>Bad Gateway</html>', AWS, env)).toBeUndefined();
    expect(
      proxyFailure(new TypeError('fetch failed'), AWS, { HTTPS_PROXY: 'proxy:3128', NO_PROXY: '*' }),
    ).toBeUndefined();
    expect(
      proxyFailure(fetchFailed({ code: 'ECONNREFUSED', address: '10.0.0.5', port: 3128 }), AWS, {}),
    ).toBeUndefined();
  });

  it("a proxied request that could not connect is the proxy's failure (it is the only connection ctm opened)", () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'localhost,.internal' };
    // A name with two addresses, both refused: Node's AggregateError carries neither address nor port.
    expect(proxyFailure(fetchFailed({ code: 'ECONNREFUSED' }), AWS, env)?.message).toMatch(
      /through the proxy http:\/\/proxy\.corp:3128 \(from HTTPS_PROXY\): nothing accepts connections there/,
    );
    expect(proxyFailure(fetchFailed({ code: 'ENOTFOUND', hostname: 'proxy.corp' }), AWS, env)?.message).toMatch(
      /its host name does not resolve \(ENOTFOUND\)/,
    );
    expect(proxyFailure(fetchFailed({ code: 'EHOSTUNREACH' }), AWS, env)?.message).toMatch(/could not be reached/);
    // A connection that broke once open may be the endpoint's doing (through a CONNECT tunnel): not blamed.
    expect(proxyFailure(fetchFailed({ code: 'ECONNRESET' }), AWS, env)).toBeUndefined();
  });

  it("names undici's own proxy errors, whatever socket or TLS error they wrap", () => {
    const env = { HTTPS_PROXY: 'https://proxy.corp:8443' };
    const wrapped = (code: string, inner: Record<string, unknown>) =>
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('proxy'), { code, cause: Object.assign(new Error('inner'), inner) }),
      });
    expect(
      proxyFailure(wrapped('UND_ERR_PRX_TLS', { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), AWS, env)?.message,
    ).toMatch(
      /through the proxy https:\/\/proxy\.corp:8443 \(from HTTPS_PROXY\): its TLS connection failed \(ERR_TLS_CERT_ALTNAME_INVALID\)/,
    );
    expect(proxyFailure(wrapped('UND_ERR_PRX_CONN', { code: 'UND_ERR_SOCKET' }), AWS, env)?.message).toMatch(
      /it closed the connection \(UND_ERR_SOCKET\)/,
    );
  });

  it("takes Cognito's JSON answers as Cognito's, and only names the proxy for other error answers", () => {
    const env = { HTTP_PROXY: 'http://u:p@127.0.0.1:3128' };
    const url = 'http://127.0.0.1:9229/';
    expect(proxyAnswerFailure(400, '{"__type":"NotAuthorizedException"}', url, env)).toBeUndefined();
    expect(proxyAnswerFailure(200, 'not json', url, env)).toBeUndefined();
    expect(proxyAnswerFailure(403, '<html>Access denied</html>', url, env)?.message).toMatch(
      /answered HTTP 403 through the proxy http:\/\/127\.0\.0\.1:3128 \(from HTTP_PROXY\).*own refusal/,
    );
  });
});
