import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDevice, addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';

/** Kills per run: a few in `npm test`, 100+ in `npm run test:crash` (CRASH_KILLS=100). */
const KILLS = Number(process.env.CRASH_KILLS ?? 4);
const root = path.resolve(import.meta.dirname, '../..');
const COUNTERS = ['banko-1', 'banko-2', 'banko-3'];

interface Server {
  child: ChildProcess;
  base: string;
}

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'tests/reliability/crash-server.ts')],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      const m = /port=(\d+)/.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

async function post(
  base: string,
  url: string,
  headers: Record<string, string>,
  body: unknown = {},
) {
  const res = await fetch(base + url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as Record<string, never> | null,
  };
}

describe('crash safety: SIGKILL under load', () => {
  let dataDir: string;
  let kioskKey: string;
  const clerks: Array<{ username: string; password: string }> = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-crash-'));
    const store = await openEmbeddedStore(dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    kioskKey = (
      await addDevice(store.config, { kind: 'kiosk', hallId: 'cankaya', name: 'k' }, Date.now())
    ).key;
    for (let i = 0; i < COUNTERS.length; i++) {
      const username = `clerk${i}`;
      const { password } = await addUser(
        store.config,
        { username, role: 'clerk', hallId: 'cankaya' },
        Date.now(),
      );
      clerks.push({ username, password });
    }
    await store.close();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it(`when the server is killed ${KILLS} times mid-load, then no acknowledged ticket is lost, reused or double-served`, async () => {
    /** code → number of every ticket whose issue was acknowledged (201). */
    const acked = new Map<string, string>();
    /** ticket number → the counter an acknowledged call gave it to. */
    const calledAt = new Map<string, string>();
    let tornTails = 0;

    for (let round = 0; round < KILLS; round++) {
      const server = await startServer(dataDir);
      let stderr = '';
      server.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const cookies = await Promise.all(
        clerks.map(async (c) => {
          const res = await fetch(`${server.base}/api/auth/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(c),
          });
          return String(res.headers.get('set-cookie')).split(';')[0]!;
        }),
      );
      await verify(server.base, cookies[0]!);

      let alive = true;
      const issuers = Array.from({ length: 3 }, async () => {
        while (alive) {
          const r = await post(
            server.base,
            '/api/halls/cankaya/tickets',
            { Authorization: `Bearer ${kioskKey}` },
            { serviceId: 'vezne' },
          ).catch(() => null);
          if (r?.status === 201) {
            const b = r.body as unknown as { code: string; number: string };
            expect([...acked.values()], `number ${b.number} handed out twice`).not.toContain(
              b.number,
            );
            acked.set(b.code, b.number);
          }
        }
      });
      const workers = COUNTERS.map(async (counterId, i) => {
        const h = { Cookie: cookies[i]! };
        await post(server.base, `/api/counters/${counterId}/open`, h).catch(() => null);
        while (alive) {
          const r = await post(server.base, `/api/counters/${counterId}/call-next`, h).catch(
            () => null,
          );
          if (r?.status === 200) {
            const n = (r.body as unknown as { ticket: { number: string } }).ticket.number;
            expect(calledAt.has(n), `${n} called twice`).toBe(false);
            calledAt.set(n, counterId);
            await post(server.base, `/api/counters/${counterId}/start`, h).catch(() => null);
            await post(server.base, `/api/counters/${counterId}/complete`, h, {
              outcome: 'resolved',
            }).catch(() => null);
          } else if (
            r?.status === 409 &&
            (r.body as unknown as { error: { code: string } }).error.code === 'counter-busy'
          ) {
            // The previous visit was cut by the kill: finish it.
            await post(server.base, `/api/counters/${counterId}/start`, h).catch(() => null);
            await post(server.base, `/api/counters/${counterId}/complete`, h, {
              outcome: 'resolved',
            }).catch(() => null);
          }
        }
      });
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 400));
      server.child.kill('SIGKILL');
      alive = false;
      await Promise.allSettled([...issuers, ...workers]);
      await new Promise((r) =>
        server.child.exitCode !== null || server.child.signalCode
          ? r(null)
          : server.child.once('exit', r),
      );
      if (/torn last line/.test(stderr)) tornTails += 1;
    }

    const final = await startServer(dataDir);
    try {
      const res = await fetch(`${final.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(clerks[0]),
      });
      await verify(final.base, String(res.headers.get('set-cookie')).split(';')[0]!);
    } finally {
      final.child.kill('SIGKILL');
    }
    expect(acked.size).toBeGreaterThan(KILLS);
    console.log(
      `crash test: ${KILLS} kills, ${acked.size} acknowledged tickets, ${calledAt.size} acknowledged calls, ${tornTails} torn tails seen`,
    );

    /** After a restart: every acknowledged ticket is there with its number; no ticket is at two counters. */
    async function verify(base: string, cookie: string) {
      for (const [code, number] of acked) {
        const r = await fetch(`${base}/api/tickets/${code}`);
        expect(r.status, `acknowledged ${number} lost`).toBe(200);
        const t = (await r.json()) as { number: string; status: string };
        expect(t.number).toBe(number);
        if (calledAt.has(number)) expect(t.status, `${number} was called`).not.toBe('waiting');
      }
      const q = (await (
        await fetch(`${base}/api/halls/cankaya/queue`, { headers: { Cookie: cookie } })
      ).json()) as {
        counters: Array<{ currentTicketId: string | null }>;
        tickets: Array<{ id: string; status: string; counterId: string | null }>;
      };
      const current = q.counters.map((c) => c.currentTicketId).filter((x) => x !== null);
      expect(new Set(current).size).toBe(current.length);
      for (const t of q.tickets.filter((x) => x.status === 'called' || x.status === 'serving')) {
        expect(current.filter((id) => id === t.id)).toHaveLength(1);
      }
    }
  });
});
