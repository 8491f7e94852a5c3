import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { connect as connectTls, TLSSocket } from 'node:tls';
import { chosenProxy, type ChosenProxy } from '../cognito/proxy-failure.ts';
import { proxyRoute, type ProxyRoute } from '../cognito/proxy-route.ts';

/** A connection silent this long (no answer, no next piece of it) is given up (as undici's default). */
const timeout = 300_000;
/** A proxy's answer to CONNECT longer than this is refused. */
const MAX_CONNECT_ANSWER_BYTES = 16 * 1024;

/** The proxy named by HTTP(S)_PROXY could not open a tunnel to the target: said without its user or password. */
export class ProxyTunnelError extends Error {
  override readonly name: string = 'ProxyTunnelError';
}

/** The proxy the target is reached through: the variable and its value, and how to name it (no credentials). */
export interface ProxyVia {
  route: ProxyRoute;
  named: ChosenProxy;
  /** `Basic ...` from the user and password in the proxy's URL (sent to the proxy only), if it has them. */
  authorization: string | undefined;
}

/** The proxy requests to `target` go through, as the rest of ctm decides it (proxy-route.ts), or undefined: direct. */
export function proxyVia(target: URL, env: NodeJS.ProcessEnv): ProxyVia | undefined {
  const route = proxyRoute(target.href, env);
  const named = chosenProxy(target.href, env);
  if (!route || !named) return undefined;
  let authorization: string | undefined;
  try {
    const { username, password } = new URL(route.value);
    if (username || password)
      authorization = `Basic ${Buffer.from(`${decodeURIComponent(username)}:${decodeURIComponent(password)}`).toString('base64')}`;
  } catch {
    // Not a URL: said when a connection is tried (proxySocket).
  }
  return { route, named, authorization };
}

/** How a message names the proxy: its address and the variable, never the user or password. */
function proxyName(via: ProxyVia): string {
  // chosenProxy gives no address for a variable that is no http(s) or SOCKS URL.
  return via.named.address
    ? `the proxy ${via.named.address} (from ${via.route.variable})`
    : `the proxy in ${via.route.variable}`;
}

/**
 * A plain connection to the proxy itself (TCP, or TLS for an https:// proxy): an http:// target's requests go to it in
 * absolute form (`GET http://host/path`), as undici sends them; https:// targets and upgrades go through tunnel().
 */
export function proxySocket(via: ProxyVia): Socket {
  let proxy: URL;
  try {
    proxy = new URL(via.route.value);
  } catch {
    throw new ProxyTunnelError(`${via.route.variable} is not a proxy URL such as http://proxy:3128`);
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:')
    throw new ProxyTunnelError(`${proxyName(via)} is neither http:// nor https://`);
  const host = proxy.hostname.replace(/^\[|\]$/g, '');
  const port = Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);
  const socket =
    proxy.protocol === 'https:'
      ? connectTls({ host, port, timeout, servername: isIP(host) ? '' : host })
      : connectTcp({ host, port, timeout });
  socket.on('timeout', () => socket.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
  return socket;
}

/** A connection to the proxy itself, once it is open: an http:// target's requests go to it in absolute form. */
export function forwardSocket(via: ProxyVia): Promise<Socket> {
  return new Promise((resolve, reject) => {
    let socket: Socket;
    try {
      socket = proxySocket(via);
    } catch (error) {
      return reject(error as Error);
    }
    const opened = socket instanceof TLSSocket ? 'secureConnect' : 'connect';
    const onError = (error: NodeJS.ErrnoException): void =>
      reject(new ProxyTunnelError(`${proxyName(via)} could not be reached (${error.code ?? error.message})`));
    socket.once('error', onError);
    socket.once(opened, () => {
      socket.off('error', onError);
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

/** What a proxy's refusal (its status to CONNECT, or to a request sent through it) means, in words. */
export function proxyRefusal(via: ProxyVia, status: string | undefined, authority: string): ProxyTunnelError {
  const why =
    // 407 (RFC 9110 §15.5.8); tinyproxy 1.11 answers wrong credentials with 401 instead, which to CONNECT can only be its own.
    status === '407' || (status === '401' && via.authorization)
      ? via.authorization
        ? `refused the user and password it was given (HTTP ${status})`
        : 'asks for a user and password (HTTP 407): give them as http://USER:PASSWORD@host:port'
      : status
        ? `refused to open a tunnel to ${authority} (HTTP ${status})`
        : 'answered CONNECT with something that is not HTTP';
  return new ProxyTunnelError(`${proxyName(via)} ${why}`);
}

/**
 * What direct TCP connections read into, one shared buffer (Node's `onread`): no Readable stream machinery and no
 * 64 KiB allocation per read. The bytes are copied out and emitted as 'data' before the next read can overwrite them.
 */
const readBuffer = Buffer.allocUnsafe(64 * 1024);

/** A direct TCP connection whose reads go through readBuffer; to its users it is a socket like any other. */
function directSocket(host: string, port: number): Socket {
  const onread = {
    buffer: readBuffer,
    // Buffer.from(a Buffer) copies: what is emitted is the reader's own. True: go on reading (a pause() in a 'data'
    // handler still stops it).
    callback: (size: number): boolean => {
      socket.emit('data', Buffer.from(readBuffer.subarray(0, size)));
      return true;
    },
  };
  const socket = connectTcp({ host, port, timeout, onread });
  return socket;
}

/**
 * A socket to the target, ready for HTTP/1.1: TCP, or TLS for https (Node's CA list, NODE_EXTRA_CA_CERTS), directly or,
 * when `via` names a proxy (HTTP(S)_PROXY, not bypassed by NO_PROXY), through a CONNECT tunnel (as undici's
 * EnvHttpProxyAgent reaches https:// origins; upgrades take it for http:// ones too). A socket silent too long while in
 * use is destroyed.
 */
export async function targetSocket(target: URL, via: ProxyVia | undefined): Promise<Socket> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
  const raw = via
    ? await tunnel(via, `${target.hostname}:${port}`)
    : target.protocol === 'https:'
      ? connectTcp({ host, port, timeout })
      : directSocket(host, port);
  const socket =
    target.protocol === 'https:'
      ? connectTls({ socket: raw, host, servername: isIP(host) ? '' : host, ALPNProtocols: ['http/1.1'] })
      : raw;
  raw.on('timeout', () => socket.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
  socket.setNoDelay(true);
  return socket;
}

/** Opens a CONNECT tunnel to `authority` through the proxy: the raw socket once the proxy answered 200. */
function tunnel(via: ProxyVia, authority: string): Promise<Socket> {
  let raw: Socket;
  try {
    raw = proxySocket(via);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  const credentials = via.authorization ? `Proxy-Authorization: ${via.authorization}\r\n` : '';
  raw.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${credentials}\r\n`);
  return new Promise((resolve, reject) => {
    let answer = Buffer.alloc(0);
    const fail = (refusal: ProxyTunnelError): void => {
      done();
      raw.destroy();
      reject(refusal);
    };
    const failed = (why: string): void => fail(new ProxyTunnelError(`${proxyName(via)} ${why}`));
    const onData = (chunk: Buffer): void => {
      answer = Buffer.concat([answer, chunk]);
      const end = answer.indexOf('\r\n\r\n');
      if (end < 0) {
        if (answer.length > MAX_CONNECT_ANSWER_BYTES) fail(proxyRefusal(via, undefined, authority));
        return;
      }
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer.toString('latin1', 0, end))?.[1];
      if (status !== '200') return fail(proxyRefusal(via, status, authority));
      done();
      raw.pause();
      if (answer.length > end + 4) raw.unshift(answer.subarray(end + 4));
      resolve(raw);
    };
    const onError = (error: NodeJS.ErrnoException): void =>
      failed(`could not be reached (${error.code ?? error.message})`);
    const onClose = (): void => failed('closed the connection before answering CONNECT');
    const onTimeout = (): void => failed('did not answer CONNECT');
    const done = (): void => {
      raw.off('data', onData);
      raw.off('error', onError);
      raw.off('close', onClose);
      raw.off('timeout', onTimeout);
    };
    raw.on('data', onData);
    raw.on('error', onError);
    raw.on('close', onClose);
    raw.on('timeout', onTimeout);
  });
}
