import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsCredentials } from './aws-credentials.ts';

/** A running container credentials endpoint: what to put in the child's environment, and how to stop it. */
export interface ContainerCredentialsServer {
  /** AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN. */
  env: Record<string, string>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The container credentials endpoint the AWS CLI and SDKs read (AWS_CONTAINER_CREDENTIALS_FULL_URI, "Container
 * credential provider" in the SDKs reference guide), as aws-vault's `--ec2-server`/`--ecs-server` serves it: on
 * 127.0.0.1 only, on a random port, each request must carry the random AWS_CONTAINER_AUTHORIZATION_TOKEN (only the
 * child's environment has it) and a Host of that loopback address (a web page cannot rebind a name onto it). Every
 * answer comes from `credentials()`, which renews them, so a long-running process is never handed expired ones.
 */
export async function startContainerCredentialsServer(
  credentials: () => Promise<AwsCredentials>,
): Promise<ContainerCredentialsServer> {
  const token = randomBytes(32).toString('base64url');
  let hostHeader = '';
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.headers.host !== hostHeader)
      return send(res, 403, { message: 'Wrong Host: this endpoint answers 127.0.0.1 only.' });
    if (!sameSecret(req.headers.authorization, token))
      return send(res, 403, { message: 'Missing or wrong authorization token.' });
    if (req.method !== 'GET') return send(res, 405, { message: 'Only GET.' });
    try {
      const c = await credentials();
      send(res, 200, {
        AccessKeyId: c.accessKeyId,
        SecretAccessKey: c.secretAccessKey,
        Token: c.sessionToken,
        Expiration: new Date(c.expiresAt).toISOString(),
      });
    } catch (error) {
      // The reason a person can act on (sign in again, the network); never a token.
      send(res, 500, { message: error instanceof Error ? error.message : 'Could not get credentials.' });
    }
  };
  const server: Server = createServer((req, res) => void answer(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hostHeader = `127.0.0.1:${port}`;
  return {
    env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://${hostHeader}/`, AWS_CONTAINER_AUTHORIZATION_TOKEN: token },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
