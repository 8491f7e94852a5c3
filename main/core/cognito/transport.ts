/** One HTTP exchange with a Cognito endpoint: the seam tests and benchmarks can observe. */
export interface CognitoTransport {
  post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; body: string }>;
}

/** The real transport: Node's fetch, with a timeout per request. */
export const fetchTransport: CognitoTransport = {
  async post(url, headers, body, timeoutMs) {
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: await response.text() };
  },
};
