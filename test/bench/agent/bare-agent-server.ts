// The anchor of the agent flood bench: a bare node:net server on a Unix socket with the token agent's limits (its
// connection cap, request size and one deadline per connection: main/core/agent/token-agent.ts) that answers every
// request line with a fixed reply of the agent's size and does nothing else (no bundle, no keychain, no file, no crypto).
// What it holds under a flood is Node's own share; what the agent holds above it is the agent's.
// The limits come as arguments (the bench reads them from the agent's modules), so this process loads node:net alone.
// Run (compiled to .cjs by the bench): node bare-agent-server.cjs SOCKET REPLY_BYTES MAX_CONNECTIONS DEADLINE_MS MAX_REQUEST_BYTES
// (prints "listening" when ready).
import { createServer } from 'node:net';

const [socketPath = '', replyBytes, maxConnections, deadlineMs, maxRequestBytes] = process.argv.slice(2).map(String);
const filler = Math.max(0, Number(replyBytes) - '{"v":1,"ok":true,"pad":""}\n'.length);
const reply = `{"v":1,"ok":true,"pad":"${'x'.repeat(filler)}"}\n`;

const server = createServer((socket) => {
  const deadline = setTimeout(() => socket.destroy(), Number(deadlineMs));
  socket.on('close', () => clearTimeout(deadline));
  socket.on('error', () => socket.destroy());
  socket.setEncoding('utf8');
  let received = '';
  const onData = (chunk: string): void => {
    received += chunk;
    const end = received.indexOf('\n');
    if ((end < 0 ? received.length : end) > Number(maxRequestBytes)) return void socket.destroy();
    if (end < 0) return;
    socket.off('data', onData);
    socket.end(reply);
  };
  socket.on('data', onData);
});
server.maxConnections = Number(maxConnections);
server.listen(socketPath, () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
