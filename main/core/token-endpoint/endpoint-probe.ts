/**
 * True when a token endpoint of ours answers at `tokenUrl`: a request without credentials gets our invalid_client.
 * Lets `ctm endpoint credentials` say when nothing serves the URL it prints (no agent, or the port is someone else's).
 */
export async function endpointAnswers(tokenUrl: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { error?: unknown };
    return (
      response.status === 401 &&
      body.error === 'invalid_client' &&
      response.headers.get('www-authenticate')?.includes('ctm token endpoint') === true
    );
  } catch {
    return false;
  }
}
