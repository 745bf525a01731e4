import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WEBHOOK_HEADERS } from '../../contract/webhooks.js';
import { addDevice } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import { Receiver, until } from '../integration/webhooks-support.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<void>;
}

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'tests/reliability/webhook-crash-server.ts')],
    { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      const m = /port=(\d+)/.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}`, exited });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

describe('webhooks across a SIGKILL', () => {
  let dataDir: string;
  let receiver: Receiver;
  let kioskKey = '';
  const servers: Server[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-webhook-crash-'));
    receiver = await Receiver.start();
    const store = await openEmbeddedStore(dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    kioskKey = (await addDevice(store.config, { kind: 'kiosk', hallId: 'cankaya', name: 'K' }, 0))
      .key;
    await store.config.update((d) => {
      d.webhooks = [
        {
          id: 'sms-saglayici',
          hallId: 'cankaya',
          name: 'SMS',
          url: receiver.url,
          events: ['ticket.issued'],
          personalData: false,
          active: true,
          secret: receiver.secret,
          createdAt: Date.now() - 1_000,
        },
      ];
    });
    await store.close();
  });
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.child.kill('SIGKILL');
      await s.exited;
    }
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const issue = async (server: Server) => {
    const res = await fetch(`${server.base}/api/halls/cankaya/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskKey}` },
      body: JSON.stringify({ serviceId: 'vezne' }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { number: string }).number;
  };

  it('when the server is killed mid-delivery, then after the restart the event is sent again with the same id, and nothing is lost', async () => {
    const first = await startServer(dataDir);
    servers.push(first);
    receiver.answers = ['hang'];
    const v001 = await issue(first);
    await until('the delivery in flight', () => receiver.received.length === 1);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await startServer(dataDir);
    servers.push(second);
    await until('the resend', () => receiver.received.length === 2, 15_000);
    const v002 = await issue(second);
    await until('the next event', () => receiver.received.length === 3, 15_000);
    await new Promise((r) => setTimeout(r, 500));

    const [sent, resent, next] = receiver.received;
    expect([v001, v002]).toEqual(['V001', 'V002']);
    expect(receiver.received.map((r) => r.body.data.number)).toEqual(['V001', 'V001', 'V002']);
    expect(resent!.body.id).toBe(sent!.body.id);
    expect(resent!.raw).toBe(sent!.raw);
    expect(next!.body.id).not.toBe(sent!.body.id);
    for (const r of receiver.received) {
      expect(r.verified).toBe(true);
      expect(r.headers[WEBHOOK_HEADERS.attempt]).toBe('1');
    }
  });
});
