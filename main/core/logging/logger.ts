/** Where the app writes what it does; every message and field goes through the redactor first. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that drops everything (the CLI, unit tests). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
