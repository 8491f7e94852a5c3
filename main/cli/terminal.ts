import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { BadInputError } from '../core/errors.ts';

/** Where `ctm` reads and writes: the process's streams, replaceable in tests. */
export interface Terminal {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** True when a person can answer prompts. */
export function canPrompt(terminal: Terminal): boolean {
  return Boolean(terminal.stdin.isTTY);
}

/** Asks a question on the terminal; with `secret`, what is typed is not echoed. */
export async function ask(terminal: Terminal, question: string, options: { secret?: boolean } = {}): Promise<string> {
  if (!canPrompt(terminal)) throw new BadInputError(`${question.replace(/:\s*$/, '')} is needed, but stdin is not a terminal; pass it with a flag (see --help).`);
  terminal.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: terminal.stdin, output: options.secret ? muted : terminal.stderr, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.once('line', resolve));
  } finally {
    rl.close();
    if (options.secret) terminal.stderr.write('\n');
  }
}

/** Reads all of stdin as lines (for --password-stdin and friends). */
export async function readStdinLines(terminal: Terminal): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of terminal.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}
