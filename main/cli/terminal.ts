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

/** Ctrl-C at a prompt: `ctm` stops there, writes nothing more and exits 130, as a shell reports an interrupted command. */
export class PromptInterruptedError extends Error {
  override readonly name: string = 'PromptInterruptedError';
  constructor() {
    super('interrupted');
  }
}

/** How a prompt is asked: hidden (`secret`), and the flag that gives its answer in a script (named when there is no terminal). */
export interface AskOptions {
  secret?: boolean;
  flag?: string;
}

/** "X is needed, but stdin is not a terminal: pass it with" the flag that gives it. */
function noTerminal(what: string, flag: string | undefined): BadInputError {
  const how = flag ? `pass it with ${flag}` : 'run the command in a terminal';
  return new BadInputError(
    `${what.replace(/[:?]?\s*(\[[^\]]*\])?\s*$/, '')} is needed, but stdin is not a terminal: ${how}.`,
  );
}

/** Asks a question on the terminal; with `secret`, what is typed is not echoed. Ctrl-C rejects with PromptInterruptedError. */
export async function ask(terminal: Terminal, question: string, options: AskOptions = {}): Promise<string> {
  if (!canPrompt(terminal)) throw noTerminal(question, options.flag);
  terminal.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({
    input: terminal.stdin,
    output: options.secret ? muted : terminal.stderr,
    terminal: true,
  });
  let interrupted = false;
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      // In raw mode Ctrl-C is a key, not a signal: without this, readline would just pause and ctm would hang or exit 0.
      rl.once('SIGINT', () => {
        interrupted = true;
        reject(new PromptInterruptedError());
      });
      rl.once('close', () => reject(new BadInputError(`${question.replace(/:\s*$/, '')}: no answer (end of input).`)));
    });
  } finally {
    rl.close();
    if (options.secret || interrupted) terminal.stderr.write('\n');
  }
}

/**
 * Asks for one of `choices` as a numbered menu; the number or the name (any case) is accepted, anything else is
 * asked again. `label` says what a choice means to a person.
 */
export async function choose(
  terminal: Terminal,
  title: string,
  choices: readonly string[],
  label: (choice: string) => string = (c) => c,
  flag?: string,
): Promise<string> {
  if (!canPrompt(terminal))
    throw noTerminal(`A choice (${title.replace(/^Choose /, '').toLowerCase()}: ${choices.join(', ')})`, flag);
  terminal.stderr.write(`${title}:\n${choices.map((c, i) => `  ${i + 1}) ${label(c)}`).join('\n')}\n`);
  for (;;) {
    const typed = (await ask(terminal, `Choose 1-${choices.length}: `)).trim();
    const byNumber = /^\d+$/.test(typed) ? choices[Number(typed) - 1] : undefined;
    const byName = choices.find((c) => c.toLowerCase() === typed.toLowerCase());
    const chosen = byNumber ?? byName;
    if (chosen !== undefined) return chosen;
    terminal.stderr.write(`"${typed}" is not one of the choices.\n`);
  }
}

/** Reads all of stdin as lines (for --password-stdin and friends). */
export async function readStdinLines(terminal: Terminal): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of terminal.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}
