import { describe, expect, it } from 'vitest';
import { responseHeaders, upstreamHeaders } from '../../../../main/core/auth-proxy/forwarded-headers.ts';

describe('forwarded headers', () => {
  it('replace Host and Authorization (any case), drop hop-by-hop headers and those Connection names, keep the rest', () => {
    const sent = upstreamHeaders(
      [
        'Host',
        '127.0.0.1:1',
        'AUTHORIZATION',
        'Bearer stale',
        'Connection',
        'keep-alive, X-Private',
        'x-private',
        '1',
        'Keep-Alive',
        'timeout=5',
        'Transfer-Encoding',
        'chunked',
        'Proxy-Authorization',
        'Basic x',
        'Expect',
        '100-continue',
        'Accept',
        'application/json',
        'Cookie',
        'a=b',
      ],
      'api.example.com',
      'fresh',
    );
    expect(sent).toEqual([
      'Accept',
      'application/json',
      'Cookie',
      'a=b',
      'host',
      'api.example.com',
      'authorization',
      'Bearer fresh',
    ]);
  });

  it('keep repeated request headers as the client sent them, in order', () => {
    expect(upstreamHeaders(['X-Tag', 'a', 'accept', '*/*', 'x-tag', 'b'], 'h', 't')).toEqual([
      'X-Tag',
      'a',
      'accept',
      '*/*',
      'x-tag',
      'b',
      'host',
      'h',
      'authorization',
      'Bearer t',
    ]);
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
