import { describe, expect, it } from 'vitest';
import { AnswerReader, MAX_HEAD_BYTES, MalformedAnswerError } from '../../../../main/core/auth-proxy/answer-reader.ts';

/** What a reader reported, as one list of events. */
function reader(): { read: AnswerReader; events: string[] } {
  const events: string[] = [];
  const read = new AnswerReader({
    head: (status, headers) => events.push(`head ${status} ${headers.join('|')}`),
    data: (chunk) => events.push(`data ${chunk.toString('latin1')}`),
    end: (reusable) => events.push(`end ${reusable ? 'reusable' : 'close'}`),
  });
  return { read, events };
}

/** The events for `text` fed at once, and fed one byte at a time (bodies joined: the split does not matter). */
function both(text: string, method = 'GET', close = false): string[] {
  const whole = reader();
  whole.read.expect(method);
  whole.read.feed(Buffer.from(text, 'latin1'));
  if (close) whole.read.closed();
  const bytes = reader();
  bytes.read.expect(method);
  for (const byte of Buffer.from(text, 'latin1')) bytes.read.feed(Buffer.from([byte]));
  if (close) bytes.read.closed();
  const joined = (events: string[]) =>
    events.reduce<string[]>((all, e) => {
      const last = all.at(-1);
      if (e.startsWith('data ') && last?.startsWith('data ')) all[all.length - 1] = last + e.slice(5);
      else all.push(e);
      return all;
    }, []);
  expect(joined(bytes.events)).toEqual(joined(whole.events));
  return joined(whole.events);
}

function refused(text: string, method = 'GET', close = false): MalformedAnswerError {
  const { read, events } = reader();
  read.expect(method);
  try {
    read.feed(Buffer.from(text, 'latin1'));
    if (close) read.closed();
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedAnswerError);
    expect(events.filter((e) => e.startsWith('end'))).toEqual([]);
    return error as MalformedAnswerError;
  }
  throw new Error(`not refused: ${text.slice(0, 80)} (events: ${events.join('; ')})`);
}

describe('AnswerReader: the answers from the target, framed as RFC 9112 §6.3 says', () => {
  it('reads a Content-Length body, and a chunked one with extensions and trailers, however the bytes are split', () => {
    expect(both('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello')).toEqual([
      'head 200 Content-Type|text/plain|Content-Length|5',
      'data hello',
      'end reusable',
    ]);
    expect(
      both(
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\nA\r\n, world!!!\r\n0\r\nX-T: 1\r\n\r\n',
      ),
    ).toEqual(['head 200 Transfer-Encoding|chunked', 'data hello, world!!!', 'end reusable']);
    expect(both('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n')).toEqual([
      'head 200 Transfer-Encoding|gzip, chunked',
      'end reusable',
    ]);
  });

  it('reads no body after HEAD, 204 and 304; skips 100 and 103 before the final answer', () => {
    expect(both('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n', 'HEAD')).toEqual([
      'head 200 Content-Length|10',
      'end reusable',
    ]);
    expect(both('HTTP/1.1 204 No Content\r\n\r\n')).toEqual(['head 204 ', 'end reusable']);
    expect(both('HTTP/1.1 304 Not Modified\r\nETag: "1"\r\n\r\n')).toEqual(['head 304 ETag|"1"', 'end reusable']);
    expect(
      both(
        'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n',
      ),
    ).toEqual(['head 201 Content-Length|0', 'end reusable']);
  });

  it('reads until the close when nothing frames the body, and does not reuse such a connection', () => {
    expect(both('HTTP/1.1 200 OK\r\n\r\nall of it', 'GET', true)).toEqual(['head 200 ', 'data all of it', 'end close']);
    expect(both('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzz', 'GET', true)).toEqual([
      'head 200 Transfer-Encoding|gzip',
      'data zz',
      'end close',
    ]);
  });

  it('reuses a connection only when the target allows it (Connection: close, HTTP/1.0 without keep-alive)', () => {
    expect(both('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n').at(-1)).toBe('end close');
    expect(both('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n').at(-1)).toBe('end close');
    expect(both('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n').at(-1)).toBe('end reusable');
    expect(both('HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok').at(-1)).toBe('end reusable');
  });

  it('reads one answer after another on the same connection', () => {
    const { read, events } = reader();
    read.expect('GET');
    read.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na'));
    read.expect('GET');
    read.feed(Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nb'));
    expect(events).toEqual([
      'head 200 Content-Length|1',
      'data a',
      'end reusable',
      'head 404 Content-Length|1',
      'data b',
      'end reusable',
    ]);
  });

  it('attacker (a hostile or broken target): refuses what could split or smuggle answers, before reporting an end', () => {
    // Response splitting: a second answer nobody asked for behind the first.
    refused('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    refused('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
    refused('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok');
    refused('HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\nok');
    for (const length of ['+2', '-1', '0x2', '', '2 2', '1e3', '9999999999999999'])
      refused(`HTTP/1.1 200 OK\r\nContent-Length: ${length}\r\n\r\nok`);
    refused('HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\nContent-Length: 0\r\n\r\n');
    refused('HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n');
    refused('HTTP/1.1 200 OK\r\nX-A: 1\rContent-Length: 0\r\n\r\n');
    refused('HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n');
    refused('HTTP/1.1 200 OK\r\n: no name\r\n\r\n');
    for (const status of ['HTTP/2 200 OK', 'HTTP/1.1 20 OK', 'ICY 200 OK', 'HTTP/1.1 2000 OK', 'HTTP/1.1 099 X'])
      refused(`${status}\r\nContent-Length: 0\r\n\r\n`);
    refused('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n');
    refused('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n');
    refused('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n12345678901234\r\n');
    refused('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokXX0\r\n\r\n');
    refused(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(MAX_HEAD_BYTES)}`);
    refused(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${'1'.repeat(5000)}`);
    // Cut short by the close: the client must not take a truncated body for a whole one.
    refused('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort', 'GET', true);
    refused('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel', 'GET', true);
  });

  it('attacker: bytes from the target while no request is out are refused', () => {
    const { read } = reader();
    expect(() => read.feed(Buffer.from('HTTP/1.1 200 OK\r\n\r\n'))).toThrow(MalformedAnswerError);
    const idle = reader();
    expect(() => idle.read.closed()).not.toThrow();
  });
});
