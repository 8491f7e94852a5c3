import type { CognitoTransport } from '../core/cognito/transport.ts';
import type { SecretStore } from '../core/keychain/secret-store.ts';
import type { Logger } from '../core/logging/logger.ts';
import { redact, redactText } from '../core/logging/redactor.ts';

/** `--debug` may stand anywhere before a `--` (after it, it belongs to the command `ctm exec` runs); it is taken out. */
export function takeDebugFlag(argv: readonly string[]): { argv: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const own = end === -1 ? argv : argv.slice(0, end);
  const rest = end === -1 ? [] : argv.slice(end);
  const kept = own.filter((arg) => arg !== '--debug');
  return { argv: [...kept, ...rest], debug: kept.length !== own.length };
}

/** A logger to stderr for `--debug`: every line and field through the same redactor as the app's log file. */
export function stderrLogger(stderr: NodeJS.WritableStream, now: () => number = Date.now): Logger {
  const started = now();
  const line =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      const extra = fields ? ` ${JSON.stringify(redact(fields))}` : '';
      stderr.write(`ctm debug +${now() - started}ms ${level}: ${redactText(message)}${extra}\n`);
    };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

/** The transport, logging each call's operation, status and time: never a body, a header value or a token. */
export function loggedTransport(
  inner: CognitoTransport,
  logger: Logger,
  now: () => number = Date.now,
): CognitoTransport {
  return {
    async post(url, headers, body, timeoutMs) {
      const operation = (headers['X-Amz-Target'] ?? headers['x-amz-target'] ?? '').split('.').pop() || 'request';
      const started = now();
      logger.info(`Cognito ${operation} -> ${new URL(url).origin}`);
      try {
        const answer = await inner.post(url, headers, body, timeoutMs);
        logger.info(`Cognito ${operation} <- HTTP ${answer.status} in ${now() - started} ms`);
        return answer;
      } catch (error) {
        logger.warn(`Cognito ${operation} failed after ${now() - started} ms`, { error });
        throw error;
      }
    },
  };
}

/** The keychain, logging each call and its time: which entry and whether it was found, never the secret. */
export function loggedSecretStore(inner: SecretStore, logger: Logger, now: () => number = Date.now): SecretStore {
  const timed = async <T>(what: string, call: () => Promise<T>, outcome: (value: T) => string): Promise<T> => {
    const started = now();
    try {
      const value = await call();
      logger.info(`keychain ${what}: ${outcome(value)} in ${now() - started} ms`);
      return value;
    } catch (error) {
      logger.warn(`keychain ${what} failed after ${now() - started} ms`, { error });
      throw error;
    }
  };
  return {
    get: (account) =>
      timed(
        `read ${account}`,
        () => inner.get(account),
        (v) => (v === undefined ? 'none' : 'found'),
      ),
    set: (account, secret) =>
      timed(
        `write ${account}`,
        () => inner.set(account, secret),
        () => 'stored',
      ),
    delete: (account) =>
      timed(
        `delete ${account}`,
        () => inner.delete(account),
        (v) => (v ? 'deleted' : 'none'),
      ),
    all: () =>
      timed(
        'read all',
        () => inner.all(),
        (v) => `${v.size} entries`,
      ),
  };
}
