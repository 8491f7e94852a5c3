import { parseArgs } from 'node:util';
import { startEmulator } from './index.ts';

/** `npm run emulator -- --port <n> --seed <file.json> [--host <h>] [--clock-offset-ms <ms>]`: prints one JSON line, runs until a signal. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'clock-offset-ms': { type: 'string', default: '0' },
    },
  });
  if (!values.seed) throw new Error('usage: cli.ts --seed <file.json> [--port <n>] [--host <h>]');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const clockOffsetMs = Number(values['clock-offset-ms']);
  if (!Number.isFinite(clockOffsetMs)) throw new Error(`invalid --clock-offset-ms ${values['clock-offset-ms']}`);
  const emulator = await startEmulator({ seed: values.seed, port, host: values.host, clockOffsetMs });
  process.stdout.write(`${JSON.stringify({ endpoint: emulator.endpoint, pid: process.pid })}\n`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`cognito-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
