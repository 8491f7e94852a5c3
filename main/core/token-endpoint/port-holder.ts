import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { currentUid, describeAccount } from '../agent/local-account.ts';
import { CtmError } from '../errors.ts';

/**
 * The local addresses whose listener receives connections to 127.0.0.1, as Linux prints them in /proc/net/tcp and
 * tcp6 (each 32-bit word in the host's byte order): 127.0.0.1 and 0.0.0.0, and IPv6's :: (dual-stack) and the
 * IPv4-mapped forms of both.
 */
function loopbackAddresses(littleEndian: boolean): Set<string> {
  const word = (be: string): string => (littleEndian ? (be.match(/../g) ?? []).reverse().join('') : be);
  const zero = '00000000';
  const mapped = word('0000FFFF');
  return new Set([
    word('7F000001'),
    zero,
    zero.repeat(4),
    `${zero}${zero}${mapped}${word('7F000001')}`,
    `${zero}${zero}${mapped}${zero}`,
  ]);
}

const LISTEN = '0A';

/**
 * The uids of the accounts listening on a TCP `port` that 127.0.0.1 reaches, from the text of /proc/net/tcp and
 * /proc/net/tcp6 (columns: sl, local address:port, remote, state, queues, timers, retransmits, uid, ...).
 */
export function listenerUids(procNetTcp: string, port: number, littleEndian = endianness() === 'LE'): number[] {
  const addresses = loopbackAddresses(littleEndian);
  const uids: number[] = [];
  for (const line of procNetTcp.split('\n')) {
    const columns = line.trim().split(/\s+/);
    const [address, hexPort] = (columns[1] ?? '').split(':');
    if (columns[3] !== LISTEN || hexPort === undefined || parseInt(hexPort, 16) !== port) continue;
    if (addresses.has((address ?? '').toUpperCase()) && columns[7] !== undefined) uids.push(Number(columns[7]));
  }
  return uids;
}

/** The port is another account's: whatever an API client sends to it (a client secret) goes to that account. */
export class PortHeldByOtherAccountError extends CtmError {
  override readonly name: string = 'PortHeldByOtherAccountError';
  constructor(port: number, holder: string, profileName = 'NAME') {
    super(
      'network',
      `Port ${port} on 127.0.0.1 is held by another local account, ${holder}: the token URL there would hand your ` +
        `client secret to it, so none is shown. Choose another port with: ctm endpoint settings --port N (then ` +
        `restart the token agent), and give tools that already hold this profile's secret a new one: ` +
        `ctm endpoint credentials ${profileName} --rotate`,
    );
  }
}

/**
 * Another local account listening where the endpoint's clients connect (a neighbour squatting the port before the
 * agent starts), as a person reads it; undefined when the port is free, ours, or the platform does not say (no /proc:
 * macOS and Windows, where `ctm endpoint credentials` can only say that nothing of ours answers).
 */
export async function otherAccountOnPort(port: number): Promise<string | undefined> {
  const uid = currentUid();
  if (uid === undefined) return undefined;
  const tables = await Promise.all(
    ['/proc/net/tcp', '/proc/net/tcp6'].map((file) => readFile(file, 'utf8').catch(() => '')),
  );
  const other = listenerUids(tables.join('\n'), port).find((holder) => holder !== uid);
  return other === undefined ? undefined : describeAccount(other);
}
