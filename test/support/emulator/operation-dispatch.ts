import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from './cognito-error.ts';
import type { FaultOutcome, UnknownOperationStyle } from './fault-controller.ts';
import type { ServerContext } from './http-server.ts';
import type { SignedParts } from './aws/sigv4.ts';
import { services, type OperationHandler } from './operation-table.ts';
import { amzJson, sendError, sendJson } from './wire-response.ts';

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
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a server without the operation answers. AWS's JSON 1.1 services: HTTP 400
 * `{"__type":"com.amazon.coral.service#UnknownOperationException"}` (as reported in aws/aws-sdk-net#1536 and
 * aws/aws-sdk-go#3689); cognito-local 3.x: HTTP 500 `CognitoLocal#Unsupported` (lib/server/server.js).
 */
export function sendUnknownOperation(
  res: ServerResponse,
  operation: string,
  style: UnknownOperationStyle = 'aws',
): void {
  if (style === 'cognito-local') {
    const message = `Cognito Local unsupported feature: Unsupported x-amz-target header "${operation}"`;
    return sendJson(res, 500, { __type: 'CognitoLocal#Unsupported', message }, 'application/json; charset=utf-8');
  }
  res.setHeader(
    'x-amzn-errortype',
    'UnknownOperationException:http://internal.amazon.com/coral/com.amazon.coral.service/',
  );
  sendJson(res, 400, { __type: 'com.amazon.coral.service#UnknownOperationException' });
}

function sendFault(res: ServerResponse, outcome: Exclude<FaultOutcome, { kind: 'reset' }>, operation: string): void {
  if (outcome.kind === 'unknown') return sendUnknownOperation(res, operation, outcome.style);
  if (outcome.kind === 'lambda') {
    // API_InitiateAuth / API_GetTokensFromRefreshToken: UnexpectedLambdaException, "an unexpected exception with Lambda".
    return sendError(
      res,
      new CognitoError('UnexpectedLambdaException', `${outcome.trigger} failed with error Injected Lambda failure.`),
    );
  }
  if (outcome.kind === 'throttle') {
    const message =
      outcome.type === 'TooManyRequestsException'
        ? 'Rate exceeded'
        : 'Attempt limit exceeded, please try after some time.';
    return sendError(res, new CognitoError(outcome.type, message));
  }
  const type = outcome.status === 503 ? 'ServiceUnavailableException' : 'InternalErrorException';
  sendError(
    res,
    new CognitoError(type, outcome.status === 503 ? 'Service Unavailable' : 'Internal server error', outcome.status),
  );
}

function resetMidResponse(res: ServerResponse, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': amzJson, 'content-length': Buffer.byteLength(text) });
  res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => res.socket?.destroy());
}

/** Answers `POST /`: records the request, applies faults, runs the operation named by X-Amz-Target. */
export async function answerOperation(
  context: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  text: string,
  sleep: (ms: number) => Promise<unknown>,
): Promise<void> {
  const target = req.headers['x-amz-target'];
  const service = typeof target === 'string' ? services.find((s) => target.startsWith(s.prefix)) : undefined;
  const operation = service && typeof target === 'string' ? target.slice(service.prefix.length) : '';
  const body = parseBody(text);
  const headers = headerMap(req);
  context.requests.push({ operation, body: body ?? {}, headers, at: context.state.clock.now() });
  const delay = context.faults.latencyFor(operation);
  if (delay > 0) await sleep(delay);
  const outcome = context.faults.takeOutcome(operation);
  if (outcome && outcome.kind !== 'reset') return sendFault(res, outcome, operation);
  const handler: OperationHandler | undefined =
    service && Object.hasOwn(service.operations, operation) ? service.operations[operation] : undefined;
  if (!handler) return sendUnknownOperation(res, operation);
  if (!(req.headers['content-type'] ?? '').startsWith(amzJson)) {
    return sendError(res, new CognitoError('SerializationException', `Expected Content-Type ${amzJson}`));
  }
  if (!body)
    return sendError(
      res,
      new CognitoError('SerializationException', 'Start of structure or map found where not expected.'),
    );
  try {
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    const request: SignedParts = { method: req.method ?? 'POST', path, query, headers, body: text };
    const result = handler(context.state, body, request);
    if (outcome?.kind === 'reset') return resetMidResponse(res, result);
    sendJson(res, 200, result);
  } catch (error) {
    if (outcome?.kind === 'reset') return resetMidResponse(res, { __type: 'Error' });
    sendError(res, error);
  }
}
