import { describe, expect, it } from 'vitest';
import { responseHeaders } from '../../../../main/core/auth-proxy/auth-proxy.ts';
import { upstreamHeaders } from '../../../../main/core/auth-proxy/forwarded-headers.ts';

describe('forwarded headers', () => {
  it('replace Host and Authorization, drop hop-by-hop headers and those Connection names, keep the rest', () => {
    const sent = upstreamHeaders(
      {
        host: '127.0.0.1:1',
        authorization: 'Bearer stale',
        connection: 'keep-alive, x-private',
        'x-private': '1',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        'proxy-authorization': 'Basic x',
        expect: '100-continue',
        accept: 'application/json',
        cookie: 'a=b',
      },
      'api.example.com',
      'fresh',
    );
    expect(sent).toEqual({
      host: 'api.example.com',
      authorization: 'Bearer fresh',
      accept: 'application/json',
      cookie: 'a=b',
    });
  });

  it('keeps repeated response headers and drops hop-by-hop ones', () => {
    expect(
      responseHeaders({
        'set-cookie': ['a=1', 'b=2'],
        connection: 'close, X-Hop',
        'x-hop': '1',
        'transfer-encoding': 'chunked',
        'keep-alive': 'timeout=5',
        'content-type': 'text/plain',
      }),
    ).toEqual({ 'set-cookie': ['a=1', 'b=2'], 'content-type': 'text/plain' });
  });
});
