// The flood a runaway script (or a hostile process of the same account) can send the token agent's socket: many
// requests, many connections held open, requests far past the size limit. Counts what the server answered.
import { createConnection } from 'node:net';

/** How a flood phase went, as the client saw it: requests answered, and connections the server closed unanswered. */
export interface FloodTally {
  answered: number;
  refused: number;
}

/** One request on a connection of its own, as `ctm token` sends it; resolves with the reply's length (0: none). */
export function ask(socketPath: string, line: string | Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    let got = 0;
    let ended = false;
    socket.on('data', (chunk: Buffer) => {
      got += chunk.length;
      ended ||= chunk.includes(10);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(ended ? got : 0));
    socket.write(line, () => undefined);
  });
}

/** Runs `total` calls of `one`, `inFlight` at a time, and tallies those that got an answer. */
async function pooled(total: number, inFlight: number, one: () => Promise<boolean>): Promise<FloodTally> {
  const tally: FloodTally = { answered: 0, refused: 0 };
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < total) {
      started += 1;
      if (await one()) tally.answered += 1;
      else tally.refused += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return tally;
}

/** `total` well-formed requests, `inFlight` at a time (more than the agent's connection cap), each on a new connection. */
export function requestFlood(socketPath: string, line: string, total: number, inFlight: number): Promise<FloodTally> {
  return pooled(total, inFlight, async () => (await ask(socketPath, line)) > 0);
}

/** `total` requests of `bytes` each with no line end (past any request's size), `inFlight` at a time. */
export function oversizedFlood(
  socketPath: string,
  total: number,
  bytes: number,
  inFlight: number,
): Promise<FloodTally> {
  const body = Buffer.alloc(bytes, 'x');
  return pooled(total, inFlight, async () => (await ask(socketPath, body)) > 0);
}

/**
 * `count` connections opened at once, each sending one byte of a request it never finishes, held for `holdMs`, then
 * closed by the client: `answered` counts those the server still held, `refused` those it had closed.
 */
export async function connectionFlood(socketPath: string, count: number, holdMs: number): Promise<FloodTally> {
  const sockets = Array.from({ length: count }, () => {
    const socket = createConnection(socketPath);
    socket.on('error', () => undefined);
    socket.write('{', () => undefined);
    return socket;
  });
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  const held = sockets.filter((s) => !s.destroyed && s.readyState === 'open').length;
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((resolve) => (s.destroyed ? resolve() : (s.once('close', () => resolve()), s.destroy()))),
    ),
  );
  return { answered: held, refused: count - held };
}
