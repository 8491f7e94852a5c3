import { writeSync } from 'node:fs';

/** Where text can be written: process.stdout and process.stderr are ones, and so is a SyncOutput. */
export interface TextSink {
  write(text: string): unknown;
  /** True for a terminal; read only when needed. */
  readonly isTTY?: boolean;
}

/**
 * A file descriptor written to at once with writeSync, for the cached `ctm token`: creating process.stdout costs a
 * pipe or TTY stream (a few ms of start-up), and nothing is left to flush before exit. A full non-blocking pipe
 * (EAGAIN) is waited for; a reader that went away (EPIPE, `ctm token | head -c 20`) ends the writing quietly.
 */
export function syncOutput(fd: number): TextSink {
  return {
    write(text: string): boolean {
      const bytes = Buffer.from(text);
      for (let offset = 0; offset < bytes.length;) {
        try {
          offset += writeSync(fd, bytes, offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') return false;
          if (code !== 'EAGAIN') throw error;
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        }
      }
      return true;
    },
    get isTTY(): boolean {
      return process.getBuiltinModule('node:tty').isatty(fd);
    },
  };
}
