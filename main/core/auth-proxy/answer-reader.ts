/** What the reader tells about the answer to the request it was told of (RFC 9112). */
export interface AnswerEvents {
  /** The final head (1xx interim heads are skipped): status and the header list as sent, `[name, value, ...]`. */
  head(status: number, headers: string[]): void;
  /** A piece of the body, decoded from chunks when the answer was chunked. */
  data(chunk: Buffer): void;
  /** The answer is complete; `reusable`: the connection may carry another request. */
  end(reusable: boolean): void;
}

/** The target's bytes broke HTTP/1.1's framing: the connection cannot be trusted for anything after them. */
export class MalformedAnswerError extends Error {
  override readonly name = 'MalformedAnswerError';
  readonly code = 'malformed answer';
}

/** A head (status line and headers) longer than this is refused: nothing legitimate comes close. */
export const MAX_HEAD_BYTES = 64 * 1024;
/** A chunk-size line (size and extensions) longer than this is refused. */
const MAX_CHUNK_LINE_BYTES = 4096;
const HEAD_END = Buffer.from('\r\n\r\n');
const LINE_END = Buffer.from('\r\n');

type State = 'idle' | 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close';

/**
 * Reads the target's answers from its connection's bytes, one per request sent, as RFC 9112 §6.3 frames them: no body
 * after HEAD, 1xx, 204 and 304; chunked when Transfer-Encoding ends in chunked; Content-Length bytes; otherwise until
 * the connection closes. Anything ambiguous (Transfer-Encoding with Content-Length, differing or malformed lengths,
 * obsolete line folding, bare line feeds, bytes nobody asked for) throws MalformedAnswerError: the caller closes the
 * connection, so no later answer can be misread from it (response splitting).
 */
export class AnswerReader {
  private readonly events: AnswerEvents;
  private state: State = 'idle';
  private headOnly = false;
  private reusable = true;
  private remaining = 0;
  private pending: Buffer | undefined;
  private ended = false;
  /** Some byte of the current answer has arrived. */
  started = false;

  constructor(events: AnswerEvents) {
    this.events = events;
  }

  /** A request went out: its answer comes next. `method` decides whether it has a body (not after HEAD). */
  expect(method: string): void {
    if (this.state !== 'idle') throw new Error('AnswerReader: a request was sent before the last answer ended');
    this.state = 'head';
    this.headOnly = method === 'HEAD';
    this.reusable = true;
    this.started = false;
  }

  /** Bytes from the connection. Throws MalformedAnswerError on anything HTTP/1.1 does not allow. */
  feed(bytes: Buffer): void {
    let chunk = bytes;
    if (this.pending) {
      chunk = Buffer.concat([this.pending, bytes]);
      this.pending = undefined;
    }
    let at = 0;
    this.ended = false;
    while (at < chunk.length) {
      switch (this.state) {
        case 'idle':
          throw new MalformedAnswerError('the target sent bytes nobody asked for');
        case 'head': {
          this.started = true;
          const end = chunk.indexOf(HEAD_END, at);
          if (end < 0) return this.keep(chunk, at, MAX_HEAD_BYTES, 'an answer head too large');
          if (end - at > MAX_HEAD_BYTES) throw new MalformedAnswerError('an answer head too large');
          this.onHead(chunk.toString('latin1', at, end));
          at = end + 4;
          break;
        }
        case 'length': {
          const take = Math.min(this.remaining, chunk.length - at);
          this.remaining -= take;
          this.events.data(chunk.subarray(at, at + take));
          at += take;
          if (this.remaining === 0) this.finish();
          break;
        }
        case 'until-close':
          this.events.data(at === 0 ? chunk : chunk.subarray(at));
          at = chunk.length;
          break;
        case 'chunk-size': {
          const end = chunk.indexOf(LINE_END, at);
          if (end < 0) return this.keep(chunk, at, MAX_CHUNK_LINE_BYTES, 'a chunk-size line too long');
          if (end - at > MAX_CHUNK_LINE_BYTES) throw new MalformedAnswerError('a chunk-size line too long');
          this.remaining = chunkSize(chunk.toString('latin1', at, end));
          this.state = this.remaining === 0 ? 'trailers' : 'chunk-data';
          at = end + 2;
          break;
        }
        case 'chunk-data': {
          const take = Math.min(this.remaining, chunk.length - at);
          this.remaining -= take;
          this.events.data(chunk.subarray(at, at + take));
          at += take;
          if (this.remaining === 0) this.state = 'chunk-end';
          break;
        }
        case 'chunk-end': {
          if (chunk.length - at < 2) return this.keep(chunk, at, 2, '');
          if (chunk[at] !== 13 || chunk[at + 1] !== 10) throw new MalformedAnswerError('a chunk not ended by CRLF');
          this.state = 'chunk-size';
          at += 2;
          break;
        }
        case 'trailers': {
          // Trailer fields are dropped (they are not forwarded); the section ends with an empty line.
          const end = chunk.indexOf(LINE_END, at);
          if (end < 0) return this.keep(chunk, at, MAX_HEAD_BYTES, 'trailers too large');
          const empty = end === at;
          at = end + 2;
          if (empty) this.finish();
          break;
        }
      }
    }
    this.announceEnd();
  }

  /** The connection closed: ends an answer that lasts until the close; an answer cut short throws. */
  closed(): void {
    if (this.state === 'until-close') {
      this.finish();
      return this.announceEnd();
    }
    if (this.state !== 'idle') throw new MalformedAnswerError('the connection closed before the answer was complete');
  }

  /** Waiting for a request, or in the middle of an answer. */
  get busy(): boolean {
    return this.state !== 'idle';
  }

  private keep(chunk: Buffer, at: number, limit: number, what: string): void {
    if (chunk.length - at > limit) throw new MalformedAnswerError(what);
    this.pending = Buffer.from(chunk.subarray(at));
  }

  /** The answer ended: told once every byte of this read was checked (bytes after an answer are refused first). */
  private finish(): void {
    this.state = 'idle';
    this.ended = true;
  }

  private announceEnd(): void {
    if (!this.ended) return;
    this.ended = false;
    this.events.end(this.reusable);
  }

  private onHead(text: string): void {
    const lines = text.split('\r\n');
    const status = statusOf(lines[0] ?? '');
    const http10 = (lines[0] ?? '').charCodeAt(7) === 48;
    const headers: string[] = [];
    let length: number | undefined;
    let coding: string | undefined;
    let connection = '';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      // A bare CR or LF (lines were split at CRLF): a line break some parsers see and others do not.
      if (line.includes('\n') || line.includes('\r'))
        throw new MalformedAnswerError('a bare line feed or carriage return in the head');
      const colon = line.indexOf(':');
      if (colon <= 0 || line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9)
        throw new MalformedAnswerError('a header line without a name, or folded');
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).trim();
      if (name.charCodeAt(colon - 1) === 32 || name.charCodeAt(colon - 1) === 9)
        throw new MalformedAnswerError('white space before a colon');
      headers.push(name, value);
      const size = name.length;
      if (size !== 14 && size !== 17 && size !== 10) continue;
      const lower = name.toLowerCase();
      if (lower === 'content-length') length = contentLength(value, length);
      else if (lower === 'transfer-encoding') coding = coding === undefined ? value : `${coding}, ${value}`;
      else if (lower === 'connection') connection += `,${value.toLowerCase()}`;
    }
    if (status < 200) {
      // 1xx interim answers (100 Continue, 103 Early Hints) precede the final one; 101 only answers an upgrade.
      if (status === 101) throw new MalformedAnswerError('101 Switching Protocols to a request without Upgrade');
      return;
    }
    this.reusable =
      connection === ''
        ? !http10
        : http10
          ? /(^|,)\s*keep-alive\s*(,|$)/.test(connection)
          : !/(^|,)\s*close\s*(,|$)/.test(connection);
    // The framing is decided (and an ambiguous one refused) before the head is passed on.
    const bodiless = this.headOnly || status === 204 || status === 304;
    if (coding !== undefined && length !== undefined)
      throw new MalformedAnswerError('both Transfer-Encoding and Content-Length');
    if (bodiless || length === 0) this.finish();
    else if (coding !== undefined && /(^|,)\s*chunked\s*$/i.test(coding)) this.state = 'chunk-size';
    else if (length !== undefined) {
      this.remaining = length;
      this.state = 'length';
    } else {
      this.state = 'until-close';
      this.reusable = false;
    }
    this.events.head(status, headers);
  }
}

function statusOf(line: string): number {
  // HTTP/1.x SSS[ reason]
  const code = Number(line.slice(9, 12));
  if (
    !line.startsWith('HTTP/1.') ||
    (line.charCodeAt(7) !== 48 && line.charCodeAt(7) !== 49) ||
    line.charCodeAt(8) !== 32 ||
    !/^\d{3}$/.test(line.slice(9, 12)) ||
    (line.length > 12 && line.charCodeAt(12) !== 32) ||
    line.includes('\n') ||
    line.includes('\r') ||
    code < 100
  )
    throw new MalformedAnswerError('a malformed status line');
  return code;
}

function contentLength(value: string, before: number | undefined): number {
  // "Content-Length: 5, 5" and repeated equal fields are one length (RFC 9110 §8.6); anything else is refused.
  let length: number | undefined = before;
  for (const part of value.split(',')) {
    const digits = part.trim();
    if (!/^\d{1,15}$/.test(digits)) throw new MalformedAnswerError('a malformed Content-Length');
    const n = Number(digits);
    if (length !== undefined && length !== n) throw new MalformedAnswerError('differing Content-Length values');
    length = n;
  }
  return length as number;
}

function chunkSize(line: string): number {
  const semicolon = line.indexOf(';');
  const size = (semicolon < 0 ? line : line.slice(0, semicolon)).trimEnd();
  if (!/^[0-9a-fA-F]{1,13}$/.test(size)) throw new MalformedAnswerError('a malformed chunk size');
  return Number.parseInt(size, 16);
}
