import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it: everything a secret could travel in. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the handler answers: a status, a JSON body (or text), optional headers. */
export interface ServerAnswer {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** A plain HTTP server on 127.0.0.1 that records every request and answers as the test says: a fake Cognito or OAuth domain. */
export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  /** What to answer from now on. */
  answer(handler: (request: RecordedRequest) => ServerAnswer | Promise<ServerAnswer>): void;
  /** True when any request carried `secret` anywhere (URL, a header, the body; also URL-encoded or in Basic credentials). */
  sawSecret(secret: string): boolean;
  close(): Promise<void>;
}

/**
 * Starts a recording server. It plays a hostile or moved Cognito (X-Amz-Target JSON calls) or OAuth domain (form
 * posts); which one is up to the handler. Nothing it answers is modelled on AWS: it is the attacker's server.
 */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let handler: (request: RecordedRequest) => ServerAnswer | Promise<ServerAnswer> = () => ({
    status: 404,
    json: { message: 'nothing here' },
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const answer = await handler(request);
      const body = answer.text ?? JSON.stringify(answer.json ?? {});
      res.writeHead(answer.status ?? 200, {
        'content-type': answer.text === undefined ? 'application/x-amz-json-1.1' : 'text/plain',
        ...answer.headers,
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (next) => void (handler = next),
    sawSecret(secret) {
      const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
      return requests.some((r) => {
        const basic = /^Basic\s+(.+)$/i.exec(String(r.headers.authorization ?? ''))?.[1];
        const decoded = basic ? Buffer.from(basic, 'base64').toString('utf8') : '';
        const text = `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}\n${decoded}`;
        return forms.some((form) => text.includes(form));
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
