import { CtmError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import { readEndpointSettings } from './endpoint-settings.ts';
import { otherAccountOnPort } from './port-holder.ts';
import { startTokenEndpoint, type TokenEndpointParts } from './token-endpoint.ts';
import type { RunningTokenEndpoint } from './token-endpoint-server.ts';

/**
 * The endpoint a token agent serves beside its socket, or why it serves none (one line for a person); `otherAccount`
 * when another local account holds the port: a warning to show, not just a reason to log.
 */
export type AgentEndpoint = { running: RunningTokenEndpoint } | { off: string; portTaken?: true; otherAccount?: true };

/**
 * Starts the token endpoint for a token agent (the app's or `ctm agent`'s) at the port of `endpoint.json`. It can
 * never fail the agent: a taken port, a broken settings file or port 0 (off) is a reason, returned for the log.
 */
export async function startAgentEndpoint(core: TokenEndpointParts, configDir: string): Promise<AgentEndpoint> {
  let port = 0;
  try {
    const settings = await readEndpointSettings(configDir);
    port = settings.port;
    if (settings.port === 0) return { off: 'The token endpoint is off (port 0 in endpoint.json).' };
    const allowedOrigins = async () => (await readEndpointSettings(configDir)).allowedOrigins;
    return { running: await startTokenEndpoint(core, { port: settings.port, allowedOrigins }) };
  } catch (error) {
    if (error instanceof CtmError) return { off: `No token endpoint: ${error.message}` };
    const code = (error as NodeJS.ErrnoException).code;
    const holder = code === 'EADDRINUSE' ? await otherAccountOnPort(port) : undefined;
    if (holder !== undefined)
      return {
        off: `No token endpoint: port ${port} on 127.0.0.1 is held by another local account, ${holder}. API clients set to use http://127.0.0.1:${port}/oauth2/token would send it their client secrets: choose another port with: ctm endpoint settings --port N, then rotate the secrets they hold (ctm endpoint credentials NAME --rotate).`,
        portTaken: true,
        otherAccount: true,
      };
    if (code === 'EADDRINUSE')
      return {
        off: 'No token endpoint: its port is taken (a ctm agent may serve it there; otherwise choose another port with: ctm endpoint settings --port N).',
        portTaken: true,
      };
    return { off: `No token endpoint: ${code ?? 'it could not start'}.` };
  }
}

/** A port held by another agent (a `ctm agent` the app deferred to) may be freed later: the app tries again this often. */
const RETRY_MS = 60_000;

/**
 * The desktop app's endpoint: started beside its token agent, logged when off, closed when the app quits. When its
 * port is taken (a `ctm agent` serves it there), the app tries again every minute, so it takes over when that stops.
 */
export function startAppEndpoint(
  core: TokenEndpointParts,
  configDir: string,
  logger: Logger,
  retryMs = RETRY_MS,
): { close(): Promise<void> } {
  let running: RunningTokenEndpoint | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let lastReason = '';
  const attempt = async (): Promise<void> => {
    const endpoint = await startAgentEndpoint(core, configDir);
    if ('running' in endpoint) {
      if (closed) return void (await endpoint.running.close());
      running = endpoint.running;
      if (retry) clearInterval(retry);
      return logger.info(`The app serves the token endpoint on ${running.tokenUrl}.`);
    }
    if (endpoint.off !== lastReason && endpoint.otherAccount) logger.warn(endpoint.off);
    else if (endpoint.off !== lastReason) logger.info(endpoint.off);
    lastReason = endpoint.off;
    if (endpoint.portTaken && !retry && !closed) {
      retry = setInterval(() => void attempt().catch(() => undefined), retryMs);
      retry.unref();
    }
  };
  const started = attempt().catch(() => undefined);
  return {
    close: async () => {
      closed = true;
      if (retry) clearInterval(retry);
      await started;
      await running?.close();
    },
  };
}
