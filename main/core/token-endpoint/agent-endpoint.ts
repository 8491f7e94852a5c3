import type { Core } from '../core.ts';
import { CtmError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import { readEndpointSettings } from './endpoint-settings.ts';
import { startTokenEndpoint } from './token-endpoint.ts';
import type { RunningTokenEndpoint } from './token-endpoint-server.ts';

/** The endpoint a token agent serves beside its socket, or why it serves none (one line for a person). */
export type AgentEndpoint = { running: RunningTokenEndpoint } | { off: string };

/**
 * Starts the token endpoint for a token agent (the app's or `ctm agent`'s) at the port of `endpoint.json`. It can
 * never fail the agent: a taken port, a broken settings file or port 0 (off) is a reason, returned for the log.
 */
export async function startAgentEndpoint(core: Core, configDir: string): Promise<AgentEndpoint> {
  try {
    const settings = await readEndpointSettings(configDir);
    if (settings.port === 0) return { off: 'The token endpoint is off (port 0 in endpoint.json).' };
    const allowedOrigins = async () => (await readEndpointSettings(configDir)).allowedOrigins;
    return { running: await startTokenEndpoint(core, core.endpointSecrets, { port: settings.port, allowedOrigins }) };
  } catch (error) {
    if (error instanceof CtmError) return { off: `No token endpoint: ${error.message}` };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') return { off: 'No token endpoint: its port is taken (a ctm agent may serve it there; otherwise choose another port with: ctm endpoint settings --port N).' };
    return { off: `No token endpoint: ${code ?? 'it could not start'}.` };
  }
}

/** The desktop app's endpoint: started beside its token agent, logged when off, closed when the app quits. */
export function startAppEndpoint(core: Core, configDir: string, logger: Logger): { close(): Promise<void> } {
  const started = startAgentEndpoint(core, configDir).then((endpoint) => {
    if ('off' in endpoint) logger.info(endpoint.off);
    else logger.info(`The app serves the token endpoint on ${endpoint.running.tokenUrl}.`);
    return 'running' in endpoint ? endpoint.running : undefined;
  });
  return { close: async () => (await started)?.close() };
}
