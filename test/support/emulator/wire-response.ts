import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { CognitoError } from './cognito-error.ts';

/** Cognito's content type, for requests and answers alike. */
export const amzJson = 'application/x-amz-json-1.1';

/** Sends a JSON answer the way Cognito does. */
export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = amzJson): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
}

/** Sends an error: `{__type, message}` plus the x-amzn-errortype header; unknown errors become HTTP 500. */
export function sendError(res: ServerResponse, error: unknown): void {
  const known =
    error instanceof CognitoError ? error : new CognitoError('InternalErrorException', 'Internal server error', 500);
  if (!(error instanceof CognitoError))
    console.error('[cognito-emulator] internal error:', error instanceof Error ? error.stack : error);
  if (!res.headersSent) res.setHeader('x-amzn-errortype', `${known.type}:`);
  sendJson(res, known.status, { __type: known.type, message: known.message });
}
