import { describe, expect, it } from 'vitest';
import { requestHead, responseHeaders, upstreamHeaders } from '../../../../main/core/auth-proxy/forwarded-headers.ts';

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
      responseHeaders([
        'Set-Cookie',
        'a=1',
        'Connection',
        'close, X-Hop',
        'x-hop',
        '1',
        'Transfer-Encoding',
        'chunked',
        'Keep-Alive',
        'timeout=5',
        'Content-Type',
        'text/plain',
        'set-cookie',
        'b=2',
      ]),
    ).toEqual(['Set-Cookie', 'a=1', 'Content-Type', 'text/plain', 'set-cookie', 'b=2']);
  });

  it('writes the head for the target: request line, kept headers, Host and Bearer; a chunked body is said again', () => {
    expect(requestHead('GET', '/a?b=1', ['Accept', '*/*', 'Host', 'x'], 'api:8080', 't')).toEqual({
      head: 'GET /a?b=1 HTTP/1.1\r\nAccept: */*\r\nhost: api:8080\r\nauthorization: Bearer t\r\n\r\n',
      body: 'none',
    });
    expect(requestHead('POST', '/', ['Content-Length', '5'], 'h', 't')).toEqual({
      head: 'POST / HTTP/1.1\r\nContent-Length: 5\r\nhost: h\r\nauthorization: Bearer t\r\n\r\n',
      body: 'length',
    });
    expect(requestHead('POST', '/', ['Content-Length', '0'], 'h', 't').body).toBe('none');
    expect(requestHead('PUT', '/', ['Transfer-Encoding', 'chunked'], 'h', 't')).toEqual({
      head: 'PUT / HTTP/1.1\r\nhost: h\r\nauthorization: Bearer t\r\ntransfer-encoding: chunked\r\n\r\n',
      body: 'chunked',
    });
  });
});
