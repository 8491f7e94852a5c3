import { UNTRUSTED_CERTIFICATE } from '../cognito/proxy-failure.ts';
import { MalformedAnswerError } from './answer-reader.ts';
import { ProxyTunnelError } from './target-socket.ts';

/** Why the target failed, as the end of "The target ..." (Node's codes; nothing from the request). */
export function targetFailure(error: Error): string {
  if (error instanceof MalformedAnswerError) return `sent a malformed answer (${error.message})`;
  if (error instanceof ProxyTunnelError) return `could not be reached: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code ?? 'connection failed';
  if (UNTRUSTED_CERTIFICATE.includes(code))
    return `has a TLS certificate this computer does not trust (${code}); nothing was sent to it. A target with a private CA needs it in NODE_EXTRA_CA_CERTS`;
  return `did not answer (${code})`;
}
