// The floor of a durable ticket issue: a bare node:http server that, per request, reads the
// body, appends one line to a file and fdatasyncs it before replying. No framework, no
// validation, no batching: what "durable over HTTP" costs on this machine and disk.
import { mkdtemp, open, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveParent } from '../child-ipc.js';
import { FsyncTimer } from '../fsync-timer.js';

export interface FloorServerReady {
  port: number;
}

// Beside the product's data folders (same file system), so both pay the same fdatasync.
const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-floor-'));
const file = await open(path.join(dir, 'journal.jsonl'), 'a');
const fsync = new FsyncTimer();
let seq = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const line = `${JSON.stringify({ seq: ++seq, at: Date.now(), body: Buffer.concat(chunks).toString('utf8') })}\n`;
    void file
      .write(line)
      .then(() => fsync.time(() => file.datasync()))
      .then(
        () => {
          res.writeHead(201, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ seq }));
        },
        (err: Error) => {
          res.writeHead(500);
          res.end(err.message);
        },
      );
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const ready: FloorServerReady = { port: (server.address() as AddressInfo).port };
serveParent(ready, fsync.handlers(), async () => {
  server.closeAllConnections();
  server.close();
  await file.close();
  await rm(dir, { recursive: true, force: true });
});
