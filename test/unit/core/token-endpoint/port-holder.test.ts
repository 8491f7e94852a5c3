import { describe, expect, it } from 'vitest';
import { listenerUids } from '../../../../main/core/token-endpoint/port-holder.ts';

const HEAD = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
/** A /proc/net/tcp(6) line: address as Linux prints it, port in hex, state, uid. */
const line = (address: string, port: number, state: string, uid: number): string =>
  `   0: ${address}:${port.toString(16).toUpperCase().padStart(4, '0')} 00000000:0000 ${state} 00000000:00000000 00:00000000 00000000 ${uid}        0 12345 1 0000000000000000 100 0 0 10 0`;

describe('listenerUids: who listens where 127.0.0.1 connects (from /proc/net/tcp and tcp6)', () => {
  it('finds listeners on 127.0.0.1, 0.0.0.0, :: and the IPv4-mapped forms, on that port only, in LISTEN only', () => {
    const table = [
      HEAD,
      line('0100007F', 28600, '0A', 998), // 127.0.0.1, little-endian words
      line('00000000', 28600, '0A', 997), // 0.0.0.0
      line('00000000000000000000000000000000', 28600, '0A', 996), // ::
      line('0000000000000000FFFF00000100007F', 28600, '0A', 995), // ::ffff:127.0.0.1
      line('0100007F', 28601, '0A', 994), // another port
      line('0100007F', 28600, '01', 993), // an established connection, not a listener
      line('0200007F', 28600, '0A', 992), // 127.0.0.2: 127.0.0.1 does not reach it
      line('00000000000000000000000001000000', 28600, '0A', 991), // ::1
    ].join('\n');
    expect(listenerUids(table, 28600, true)).toEqual([998, 997, 996, 995]);
  });

  it('reads the words of big-endian hosts, and finds nothing in an empty table', () => {
    expect(listenerUids([HEAD, line('7F000001', 28600, '0A', 1000)].join('\n'), 28600, false)).toEqual([1000]);
    expect(listenerUids([HEAD, line('0100007F', 28600, '0A', 1000)].join('\n'), 28600, false)).toEqual([]);
    expect(listenerUids('', 28600)).toEqual([]);
  });
});
