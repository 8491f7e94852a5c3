import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './http-server.ts';
import { sendJson } from './wire-response.ts';

type Command = Record<string, unknown>;

function num(command: Command, key: string): number {
  const value = command[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`"${key}" must be a number`);
  return value;
}

function times(command: Command): number | undefined {
  return command.times === undefined ? undefined : num(command, 'times');
}

function applyFault(context: ServerContext, command: Command): void {
  const faults = context.faults;
  const op = typeof command.op === 'string' ? command.op : '*';
  switch (command.action) {
    case 'latency':
      return faults.latency(op, num(command, 'ms'));
    case 'fail': {
      const status = num(command, 'status');
      if (status !== 500 && status !== 503) throw new TypeError('"status" must be 500 or 503');
      return faults.fail(op, { status, times: times(command) });
    }
    case 'throttle': {
      const type = command.type ?? 'TooManyRequestsException';
      if (type !== 'TooManyRequestsException' && type !== 'LimitExceededException')
        throw new TypeError('unknown throttle "type"');
      return faults.throttle(op, { type, times: times(command) });
    }
    case 'resetConnection':
      return faults.resetConnection(op, { times: times(command) });
    case 'lambdaFailure':
      return faults.lambdaFailure(op, {
        trigger: typeof command.trigger === 'string' ? command.trigger : undefined,
        times: times(command),
      });
    case 'unknownOperation': {
      const style = command.style ?? 'aws';
      if (style !== 'aws' && style !== 'cognito-local') throw new TypeError('"style" must be "aws" or "cognito-local"');
      return faults.unknownOperation(op, { style, times: times(command) });
    }
    case 'down':
      return faults.down(num(command, 'ms'));
    case 'clear':
      return faults.clear();
    default:
      throw new TypeError(`unknown fault action ${String(command.action)}`);
  }
}

function run(context: ServerContext, method: string, path: string, url: URL, command: Command): unknown {
  if (method === 'POST' && path === '/__emulator/faults') {
    applyFault(context, command);
    return { ok: true };
  }
  if (method === 'POST' && path === '/__emulator/clock') {
    context.state.clock.advance(num(command, 'advanceMs'));
    return { now: context.state.clock.now() };
  }
  if (method === 'GET' && path === '/__emulator/clock') return { now: context.state.clock.now() };
  if (method === 'GET' && path === '/__emulator/outbox') {
    return { codes: context.state.outbox.get(url.searchParams.get('username') ?? '') ?? [] };
  }
  if (method === 'POST' && path === '/__emulator/revoke-all') {
    context.revokeAllFor(String(command.username));
    return { ok: true };
  }
  return undefined;
}

/** Answers the test-control endpoints under /__emulator/ (faults, clock, outbox), untouched by faults. */
export function answerControl(
  context: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  text: string,
): void {
  try {
    const command: unknown = text === '' ? {} : JSON.parse(text);
    if (typeof command !== 'object' || command === null || Array.isArray(command))
      throw new TypeError('expected a JSON object');
    const url = new URL(req.url ?? '/', 'http://emulator');
    const result = run(context, req.method ?? 'GET', path, url, command as Command);
    if (result === undefined)
      return sendJson(res, 404, { error: `No control route ${req.method ?? ''} ${path}` }, 'application/json');
    sendJson(res, 200, result, 'application/json');
  } catch (error) {
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) }, 'application/json');
  }
}
