import { createRequire } from 'node:module';
import { EnvHttpProxyAgent, type Dispatcher } from 'undici';

// undici's internal symbols (lib/core/symbols.js): the three agents EnvHttpProxyAgent chooses among, and a ProxyAgent's
// proxy URL. Read here so a test can ask undici itself which one a request would use, without any connection.
const symbols = createRequire(import.meta.url)('undici/lib/core/symbols.js') as Record<string, symbol>;
const AGENTS = ['kNoProxyAgent', 'kHttpProxyAgent', 'kHttpsProxyAgent'].map((name) => symbols[name] as symbol);
const PROXY = symbols.kProxy as symbol;
const VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'] as const;

/**
 * The proxy URL undici's EnvHttpProxyAgent sends a request to `url` through under `env` (its href), or 'direct'. The
 * agent reads process.env itself, so the variables are set for the call and put back after; nothing is sent (each
 * agent's dispatch is replaced by one that only records that it was chosen).
 */
export function undiciProxyChoice(url: string, env: Partial<Record<(typeof VARIABLES)[number], string>>): string {
  const saved = VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of VARIABLES) {
    if (env[name] === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = env[name];
  }
  try {
    const agent = new EnvHttpProxyAgent() as unknown as Record<symbol, Dispatcher & Record<symbol, { uri: string }>>;
    let chosen = '';
    for (const slot of AGENTS) {
      const inner = agent[slot];
      if (!inner) continue;
      inner.dispatch = () => {
        chosen = inner[PROXY]?.uri ?? 'direct';
        return true;
      };
    }
    (agent as unknown as Dispatcher).dispatch({ origin: url, path: '/', method: 'GET' }, {});
    return chosen;
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}
