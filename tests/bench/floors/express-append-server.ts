// A second floor of a durable ticket issue, with the framework in it: Express 5 with its JSON
// body parser and JSON reply, a Socket.IO server attached and idle, and per request one line
// appended and fdatasynced, no batching. The gap from the bare floor to this one is what the
// stack costs before any of the product's work (validation, sessions, the queue, the fan-out).
import { mkdtemp, open, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { Server } from 'socket.io';
import { serveParent } from '../child-ipc.js';
import { FsyncTimer } from '../fsync-timer.js';
import type { FloorServerReady } from './durable-append-server.js';

const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-floor-'));
const file = await open(path.join(dir, 'journal.jsonl'), 'a');
const fsync = new FsyncTimer();
let seq = 0;

const app = express();
app.use(express.json({ limit: '4kb' }));
app.post('/api/halls/:hallId/tickets', async (req, res) => {
  const line = `${JSON.stringify({ seq: ++seq, at: Date.now(), hallId: req.params.hallId, body: req.body as unknown })}\n`;
  try {
    await file.write(line);
    await fsync.time(() => file.datasync());
    res.status(201).json({ seq });
  } catch (err) {
    res.status(500).json({ error: (err as Error).message });
  }
});
const server = createServer(app);
const io = new Server(server);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const ready: FloorServerReady = { port: (server.address() as AddressInfo).port };
serveParent(ready, fsync.handlers(), async () => {
  await io.close();
  server.closeAllConnections();
  server.close();
  await file.close();
  await rm(dir, { recursive: true, force: true });
});
