import { appendFile, chmod, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import type { Logger } from './logger.ts';
import { redact, redactText } from './redactor.ts';

type Level = 'info' | 'warn' | 'error';

/** Rotate at 1 MB, keeping one older file: enough to diagnose a week, never a growing disk hog. */
const MAX_BYTES = 1024 * 1024;

/** The log file of a config folder: `<configDir>/logs/ctm.log`. */
export function logFilePath(configDir: string): string {
  return join(configDir, 'logs', 'ctm.log');
}

/**
 * A logger appending JSON lines to `<configDir>/logs/ctm.log` (folder 0700, file 0600), each line redacted. Writes are
 * queued and made one at a time off the caller's path, so logging never blocks a refresh; `flush()` waits for them.
 */
export class FileLogger implements Logger {
  readonly path: string;
  private readonly clock: Clock;
  private pending: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private size: number | undefined;

  constructor(configDir: string, clock: Clock = systemClock) {
    this.path = logFilePath(configDir);
    this.clock = clock;
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields?: Record<string, unknown>): void {
    this.write('error', message, fields);
  }

  /** Resolves once every line logged so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private write(level: Level, message: string, fields?: Record<string, unknown>): void {
    const line = {
      at: new Date(this.clock.now()).toISOString(),
      level,
      message: redactText(message),
      ...(fields ? (redact(fields) as Record<string, unknown>) : {}),
    };
    this.pending.push(`${JSON.stringify(line)}\n`);
    if (this.pending.length === 1) this.writing = this.writing.then(() => this.drain());
  }

  private async drain(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    try {
      await mkdir(join(this.path, '..'), { recursive: true, mode: 0o700 });
      this.size ??= await stat(this.path).then(
        (s) => s.size,
        () => 0,
      );
      if (this.size + text.length > MAX_BYTES) {
        await rename(this.path, `${this.path}.1`).catch(() => undefined);
        this.size = 0;
      }
      await appendFile(this.path, text, { mode: 0o600 });
      if (this.size === 0) await chmod(this.path, 0o600).catch(() => undefined);
      this.size += Buffer.byteLength(text);
    } catch {
      // Logging must never take the app down; a full disk or a read-only folder just loses these lines.
    }
  }
}
