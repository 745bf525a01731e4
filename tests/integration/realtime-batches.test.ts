import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayDelta, PublicCall, StaffDelta } from '../../contract/index.js';
import { kiosk, signedIn } from '../support/http.js';
import {
  collect,
  connect,
  next,
  until,
  type DisplayClient,
  type StaffClient,
} from '../support/sockets.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Long enough that a few requests surely fall in one window, even on a loaded machine. */
const LONG_WINDOW_MS = 3_000;

describe('deltas sent in batches', () => {
  let server: TestServer | undefined;
  const sockets: Array<{ close: () => void }> = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server?.dispose();
  });
  const track = <T extends { close: () => void }>(s: T) => (sockets.push(s), s);
  const watchStaff = async (s: TestServer) => {
    const { cookie } = await signedIn(s, 'manager');
    const watcher = track(connect<StaffClient>(s.url, '/manager', { cookie }));
    await next(watcher, 'queue:snapshot');
    return collect<StaffDelta[]>(watcher, 'queue:events');
  };

  it('when several tickets are issued within the window, then staff screens get them as one message, in revision order', async () => {
    server = await startTestServer({ deltaWindowMs: LONG_WINDOW_MS });
    const batches = await watchStaff(server);

    for (const service of ['vezne', 'ruhsat', 'imar-durum']) await kiosk(server).issue(service);
    expect(batches).toEqual([]);

    await until(() => batches.length > 0, 2 * LONG_WINDOW_MS);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((d) => [d.rev, d.event.type, d.ticket?.number])).toEqual([
      [1, 'ticket:issued', 'V001'],
      [2, 'ticket:issued', 'R001'],
      [3, 'ticket:issued', 'İ001'],
    ]);
  });

  it('when a counter calls, then displays get the call at once with what waited before it, and staff screens at the end of the window', async () => {
    server = await startTestServer({ deltaWindowMs: LONG_WINDOW_MS });
    const staff = await watchStaff(server);
    const display = track(
      connect<DisplayClient>(server.url, '/display', { auth: { key: server.displayKey } }),
    );
    await next(display, 'queue:snapshot');
    const heard: string[] = [];
    display.onAny((name: string) => heard.push(name));
    const batches = collect<DisplayDelta[]>(display, 'queue:events');
    const calls = collect<PublicCall>(display, 'ticket:called');

    const { agent } = await signedIn(server, 'clerk');
    await kiosk(server).issue('vezne');
    await agent.post('/api/counters/banko-3/open').send({});
    const started = Date.now();
    await agent.post('/api/counters/banko-3/call-next').send({});
    await until(() => calls.length === 1);

    expect(Date.now() - started).toBeLessThan(LONG_WINDOW_MS);
    expect(heard).toEqual(['queue:events', 'ticket:called']);
    expect(batches.map((b) => b.map((d) => [d.rev, d.type]))).toEqual([
      [
        [1, 'ticket:issued'],
        [2, 'counter:opened'],
        [3, 'ticket:called'],
      ],
    ]);
    expect(calls[0]).toMatchObject({ number: 'V001', counterNumber: 3 });
    expect(staff).toEqual([]);

    await until(() => staff.length > 0, 2 * LONG_WINDOW_MS);
    expect(staff.map((b) => b.map((d) => d.rev))).toEqual([[1, 2, 3]]);
  });

  it('when the window is 0 (several servers), then every batch of events goes out at once on its own', async () => {
    server = await startTestServer({ deltaWindowMs: 0 });
    const batches = await watchStaff(server);

    await kiosk(server).issue('vezne');
    await until(() => batches.length === 1);
    await kiosk(server).issue('vezne');
    await until(() => batches.length === 2);

    expect(batches.map((b) => b.map((d) => d.rev))).toEqual([[1], [2]]);
  });
});
