import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from './cognito-error.ts';
import type { FaultOutcome } from './fault-controller.ts';
import type { ServerContext } from './http-server.ts';
import { operations } from './operation-table.ts';
import { amzJson, sendError, sendJson } from './wire-response.ts';

const targetPrefix = 'AWSCognitoIdentityProviderService.';

function headerMap(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function parseBody(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text === '' ? '{}' : text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function sendFault(res: ServerResponse, outcome: Exclude<FaultOutcome, { kind: 'reset' }>): void {
  if (outcome.kind === 'throttle') {
    const message = outcome.type === 'TooManyRequestsException' ? 'Rate exceeded' : 'Attempt limit exceeded, please try after some time.';
    return sendError(res, new CognitoError(outcome.type, message));
  }
  const type = outcome.status === 503 ? 'ServiceUnavailableException' : 'InternalErrorException';
  sendError(res, new CognitoError(type, outcome.status === 503 ? 'Service Unavailable' : 'Internal server error', outcome.status));
}

function resetMidResponse(res: ServerResponse, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': amzJson, 'content-length': Buffer.byteLength(text) });
  res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => res.socket?.destroy());
}

/** Answers `POST /`: records the request, applies faults, runs the operation named by X-Amz-Target. */
export async function answerOperation(
  context: ServerContext, req: IncomingMessage, res: ServerResponse, text: string, sleep: (ms: number) => Promise<unknown>,
): Promise<void> {
  const target = req.headers['x-amz-target'];
  const operation = typeof target === 'string' && target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : '';
  const body = parseBody(text);
  context.requests.push({ operation, body: body ?? {}, headers: headerMap(req), at: context.state.clock.now() });
  const delay = context.faults.latencyFor(operation);
  if (delay > 0) await sleep(delay);
  const outcome = context.faults.takeOutcome(operation);
  if (outcome && outcome.kind !== 'reset') return sendFault(res, outcome);
  const handler = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
  if (!handler) {
    return sendError(res, new CognitoError('UnknownOperationException', `Unknown operation ${String(target ?? '')}`));
  }
  if (!(req.headers['content-type'] ?? '').startsWith(amzJson)) {
    return sendError(res, new CognitoError('SerializationException', `Expected Content-Type ${amzJson}`));
  }
  if (!body) return sendError(res, new CognitoError('SerializationException', 'Start of structure or map found where not expected.'));
  try {
    const result = handler(context.state, body);
    if (outcome?.kind === 'reset') return resetMidResponse(res, result);
    sendJson(res, 200, result);
  } catch (error) {
    if (outcome?.kind === 'reset') return resetMidResponse(res, { __type: 'Error' });
    sendError(res, error);
  }
}
