// AWS's own libraries for the administrator sign-in: the standard credential chain (environment, shared config and
// credentials files, SSO cache, credential_process, container and instance roles) and the SigV4 signer. Bundled on its
// own into out/main/aws-sdk.cjs (build/bundle.ts) and loaded only by the administrator sign-in.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { SignatureV4 } from '@smithy/signature-v4';

type Bytes = string | ArrayBuffer | ArrayBufferView;
function bytes(data: Bytes): string | Buffer {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}

/** Node's SHA-256 / HMAC-SHA-256 in the shape SignatureV4 takes. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: Bytes) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Bytes): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }
  reset(): void {
    /* one digest per instance */
  }
}

/** A signer of JSON requests for one service and region, with credentials from the standard chain (or one AWS profile). */
export function jsonRequestSigner(options: {
  service: string;
  region: string;
  awsProfile?: string | undefined;
}): (url: string, headers: Record<string, string>, body: string) => Promise<Record<string, string>> {
  const credentials = fromNodeProviderChain(options.awsProfile ? { profile: options.awsProfile } : {});
  const signer = new SignatureV4({ service: options.service, region: options.region, credentials, sha256: NodeSha256 });
  return async (url, headers, body) => {
    const target = new URL(url);
    const signed = await signer.sign({
      method: 'POST',
      protocol: target.protocol,
      hostname: target.hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path: target.pathname,
      query: {},
      headers: { ...headers, host: target.host },
      body,
    });
    const result: Record<string, string> = {};
    for (const [name, value] of Object.entries(signed.headers))
      if (name.toLowerCase() !== 'host') result[name] = String(value);
    return result;
  };
}
