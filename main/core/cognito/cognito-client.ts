import { CognitoNetworkError, CognitoServiceError } from './cognito-errors.ts';
import type { CognitoTransport } from './transport.ts';
import type { CognitoOperations } from './wire-types.ts';

const DEFAULT_TIMEOUT_MS = 15_000;

/** Cognito's JSON 1.1 protocol over a transport: unsigned user-pool operations, typed answers and errors. */
export class CognitoClient {
  private readonly transport: CognitoTransport;
  private readonly endpoint: string;
  private readonly timeoutMs: number;

  constructor(transport: CognitoTransport, endpoint: string, timeoutMs = DEFAULT_TIMEOUT_MS) {
    this.transport = transport;
    this.endpoint = endpoint;
    this.timeoutMs = timeoutMs;
  }

  /** Calls one operation; throws CognitoServiceError for Cognito's refusals, CognitoNetworkError otherwise. */
  async call<Op extends keyof CognitoOperations>(
    operation: Op,
    request: CognitoOperations[Op]['request'],
  ): Promise<CognitoOperations[Op]['response']> {
    return this.send(operation, request) as Promise<CognitoOperations[Op]['response']>;
  }

  /** Posts one operation's body (headers made by `sign`, for the IAM-signed administrator API) and reads the answer. */
  protected async send(
    operation: string,
    request: object,
    sign?: (url: string, headers: Record<string, string>, body: string) => Promise<Record<string, string>>,
  ): Promise<unknown> {
    const body = JSON.stringify(request);
    const plain = {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
    };
    const headers = sign ? await sign(this.endpoint, plain, body) : plain;
    let answer: { status: number; body: string };
    try {
      answer = await this.transport.post(this.endpoint, headers, body, this.timeoutMs);
    } catch (error) {
      // The proxied transport already said it was the proxy (proxy-failure.ts): that is the message, not the endpoint.
      if (error instanceof CognitoNetworkError) throw error;
      throw new CognitoNetworkError(
        `Could not reach ${this.endpoint} (${describeNetworkFailure(error)}). Check the network and the profile's endpoint.`,
        { cause: error },
      );
    }
    const parsed = parseJson(answer.body);
    if (answer.status >= 200 && answer.status < 300 && parsed !== undefined) return parsed;
    const type = errorType(parsed);
    if (type) throw new CognitoServiceError(type, errorMessage(parsed), answer.status);
    if (answer.status >= 500)
      throw new CognitoServiceError('InternalErrorException', `HTTP ${answer.status}`, answer.status);
    throw new CognitoNetworkError(
      `${this.endpoint} answered HTTP ${answer.status} with something that is not Cognito's JSON. Check the profile's endpoint.`,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function errorType(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const raw = (body as Record<string, unknown>).__type ?? (body as Record<string, unknown>).code;
  if (typeof raw !== 'string' || raw === '') return undefined;
  return raw.slice(raw.lastIndexOf('#') + 1);
}

function errorMessage(body: unknown): string {
  const record = body as Record<string, unknown>;
  const message = record.message ?? record.Message;
  return typeof message === 'string' ? message : '';
}

/** A short reason for a failed request (timed out, ECONNREFUSED...), never its body. */
export function describeNetworkFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : 'unknown error';
}
