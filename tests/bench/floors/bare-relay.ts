// The floor of call -> display push: a bare Socket.IO server holding the same clients as the
// product (displays, counters, phones on the same namespaces) that relays one event per
// counter request to the hall's screens, each event its own message. No auth, no state, no journal: what pushing a call
// to this many sockets costs on this machine.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serveParent } from '../child-ipc.js';

export interface RelayReady {
  port: number;
}

const seqs = new Map<number, number>();

const server = createServer((req, res) => {
  // POST /api/counters/banko-<n>/<action>: the same requests the product's counters send.
  const match = /^\/api\/counters\/banko-(\d+)\/([a-z-]+)$/.exec(req.url ?? '');
  req.resume();
  req.on('end', () => {
    if (req.method !== 'POST' || !match) {
      res.writeHead(404);
      res.end();
      return;
    }
    const counterNumber = Number(match[1]);
    if (match[2] === 'call-next') {
      const seq = (seqs.get(counterNumber) ?? 0) + 1;
      seqs.set(counterNumber, seq);
      const call = { number: `C${seq}`, counterNumber, at: Date.now(), recall: false };
      io.of('/display').emit('ticket:called', call);
      io.of('/counter').emit('queue:events', [call]);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ call }));
    } else {
      const event = { type: match[2], counterNumber, at: Date.now() };
      io.of('/display').emit('queue:events', [event]);
      io.of('/counter').emit('queue:events', [event]);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ event }));
    }
  });
});
const io = new Server(server, { serveClient: false });
// Phones connect and stay idle: the floor holds as many sockets as the product does.
for (const nsp of ['/display', '/counter', '/ticket']) io.of(nsp).on('connection', () => undefined);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const ready: RelayReady = { port: (server.address() as AddressInfo).port };
serveParent(ready, {}, async () => {
  io.disconnectSockets(true);
  await new Promise<void>((resolve) => io.close(() => resolve()));
});
