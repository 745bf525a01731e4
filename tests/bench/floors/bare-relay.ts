// The floor of call -> display push: a bare Socket.IO server holding the same clients as the
// product (displays, counters, phones on the same namespaces) that relays one event per
// counter request to the hall's screens, each event its own message. No auth, no state: what
// pushing a call to this many sockets costs on this machine.
//
// With `durable`, it first appends the request as one line to a file and fdatasyncs it, as the
// product journals a call before it announces it: the same floor with the disk in it.
import { mkdtemp, open, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Server } from 'socket.io';
import { childOptions, serveParent } from '../child-ipc.js';
import { FsyncTimer } from '../fsync-timer.js';

export interface RelayOptions {
  durable?: boolean;
}

export interface RelayReady {
  port: number;
}

const { durable = false } = childOptions<RelayOptions>();
// Beside the product's data folders (same file system), so both pay the same fdatasync.
const dir = durable ? await mkdtemp(path.join(tmpdir(), 'siramatik-relay-')) : null;
const file = dir ? await open(path.join(dir, 'journal.jsonl'), 'a') : null;
const fsync = new FsyncTimer();
const seqs = new Map<number, number>();

/** Resolves once the line is durable (at once without `durable`). */
async function record(line: object): Promise<void> {
  if (!file) return;
  await file.write(`${JSON.stringify(line)}\n`);
  await fsync.time(() => file.datasync());
}

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
    const reply = (body: object) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const failed = (err: Error) => {
      res.writeHead(500);
      res.end(err.message);
    };
    if (match[2] === 'call-next') {
      const seq = (seqs.get(counterNumber) ?? 0) + 1;
      seqs.set(counterNumber, seq);
      const call = { number: `C${seq}`, counterNumber, at: Date.now(), recall: false };
      record(call).then(() => {
        io.of('/display').emit('ticket:called', call);
        io.of('/counter').emit('queue:events', [call]);
        reply({ call });
      }, failed);
    } else {
      const event = { type: match[2], counterNumber, at: Date.now() };
      record(event).then(() => {
        io.of('/display').emit('queue:events', [event]);
        io.of('/counter').emit('queue:events', [event]);
        reply({ event });
      }, failed);
    }
  });
});
const io = new Server(server, { serveClient: false });
// Phones connect and stay idle: the floor holds as many sockets as the product does.
for (const nsp of ['/display', '/counter', '/ticket']) io.of(nsp).on('connection', () => undefined);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const ready: RelayReady = { port: (server.address() as AddressInfo).port };
serveParent(ready, fsync.handlers(), async () => {
  io.disconnectSockets(true);
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await file?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
