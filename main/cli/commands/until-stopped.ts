import { EXIT } from '../exit-codes.ts';

/** Waits for Ctrl-C (exit 130), SIGTERM or SIGHUP (exit 0): how a foreground server of `ctm` ends. */
export async function untilStopped(): Promise<number> {
  const handlers: [NodeJS.Signals, number][] = [
    ['SIGINT', EXIT.interrupted],
    ['SIGTERM', EXIT.ok],
    ['SIGHUP', EXIT.ok],
  ];
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const listeners = handlers.map(([signal, code]) => [signal, () => finish(code)] as const);
  for (const [signal, listener] of listeners) process.once(signal, listener);
  const code = await finished;
  for (const [signal, listener] of listeners) process.off(signal, listener);
  return code;
}
