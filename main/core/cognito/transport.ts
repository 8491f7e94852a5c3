import { rememberWireSecrets } from '../logging/wire-secrets.ts';

/** One HTTP exchange with a Cognito endpoint: the seam tests and benchmarks can observe. */
export interface CognitoTransport {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
  ): Promise<{ status: number; body: string }>;
}

/** A fetch-like function: Node's global fetch, undici's, or Electron's `net.fetch` (which follows the system proxy). */
export type FetchFunction = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

/** A transport over a fetch function, with a timeout per request. */
export function fetchTransportWith(fetchFunction: FetchFunction): CognitoTransport {
  return {
    async post(url, headers, body, timeoutMs) {
      rememberWireSecrets(headers, body);
      const response = await fetchFunction(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const answer = await response.text();
      // Every secret of the exchange, by value, for the redactor (security, issue 19): logs and errors never show them.
      rememberWireSecrets({}, '', answer);
      return { status: response.status, body: answer };
    },
  };
}

/** The real transport: Node's fetch, through the proxy the environment names (see proxy-transport.ts). */
export const fetchTransport: CognitoTransport = {
  async post(url, headers, body, timeoutMs) {
    const { proxiedTransport } = await import('./proxy-transport.ts');
    return (proxiedTransport(process.env) ?? directTransport).post(url, headers, body, timeoutMs);
  },
};

const directTransport = fetchTransportWith(fetch);
