import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import * as z from 'zod/mini';
import { safeParse, type $ZodType } from 'zod/v4/core';
import {
  displaySnapshotReply,
  staffSnapshotReply,
  ticketStatusReply,
} from '../../contract/reply-schemas.js';
import { displayPayloads, staffPayloads, ticketPayloads } from '../../contract/socket-schemas.js';
import { kiosk, signedIn } from '../support/http.js';
import {
  connect,
  next,
  until,
  type DisplayClient,
  type StaffClient,
  type TicketClient,
} from '../support/sockets.js';
import { serverPerTest } from '../support/server-per-test.js';
import type { TestServer } from '../support/test-server.js';

/** An `Ack<T>` as the wire carries it, strict like the payloads. */
function ackOf(data: $ZodType) {
  return z.strictObject({ ok: z.literal(true), data });
}

/** Every event a socket receives, in order, with its first argument. */
function recordAll(socket: Socket): { event: string; payload: unknown }[] {
  const seen: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

describe('Socket payload schemas', () => {
  let server: TestServer;
  const track = serverPerTest({ set: (s) => (server = s), get: () => server });

  it('when a real day runs, then every payload each namespace receives matches its strict schema', async () => {
    const clerk = await signedIn(server, 'clerk');
    const manager = await signedIn(server, 'manager');
    const display = track(
      connect<DisplayClient>(server.url, '/display', { auth: { key: server.displayKey } }),
    );
    const counter = track(connect<StaffClient>(server.url, '/counter', { cookie: clerk.cookie }));
    const managerSocket = track(
      connect<StaffClient>(server.url, '/manager', { cookie: manager.cookie }),
    );
    const received = {
      display: recordAll(display),
      counter: recordAll(counter),
      manager: recordAll(managerSocket),
    };
    await Promise.all([
      next(display, 'queue:snapshot'),
      next(counter, 'queue:snapshot'),
      next(managerSocket, 'queue:snapshot'),
    ]);

    const first = await kiosk(server).issue('vezne');
    await kiosk(server).issue('vezne');
    await kiosk(server).issue('vezne');
    const phone = track(
      connect<TicketClient>(server.url, '/ticket', { auth: { code: first.body.code } }),
    );
    const phoneReceived = recordAll(phone);
    await next(phone, 'ticket:status');

    const act = async (path: string, body: object = {}) => {
      const res = await clerk.agent.post(`/api/counters/banko-3/${path}`).send(body);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    };
    await act('open');
    await act('call-next'); // V001, followed by the phone
    await act('recall');
    await act('start');
    await act('complete', { outcome: 'resolved' });
    await act('call-next'); // V002
    await act('no-show');
    await act('restore', { number: 'V002' });
    await act('call-next'); // V002 again, at the front
    await act('start');
    await act('transfer', { serviceId: 'dilekce', position: 'front' });
    await act('call-next'); // V002 at dilekce
    await act('requeue');
    await act('pause', { reason: 'break' });
    await act('resume');
    await act('close');
    // The last change (counter:closed) reached every staff socket and the display.
    const closed = (log: { event: string; payload: unknown }[]) =>
      log
        .filter((e) => e.event === 'queue:events')
        .flatMap((e) => e.payload as { type?: string; event?: { type: string } }[])
        .some((d) => (d.type ?? d.event?.type) === 'counter:closed');
    await until(() => [received.display, received.counter, received.manager].every(closed));
    await until(() =>
      phoneReceived.some((e) => (e.payload as { status?: string }).status === 'done'),
    );

    const acks = {
      display: await display.timeout(5000).emitWithAck('queue:resync'),
      counter: await counter.timeout(5000).emitWithAck('queue:resync'),
      manager: await managerSocket.timeout(5000).emitWithAck('queue:resync'),
      phone: await phone.timeout(5000).emitWithAck('ticket:refresh'),
    };

    const problems: string[] = [];
    const check = (where: string, schema: $ZodType | undefined, payload: unknown) => {
      if (!schema) return problems.push(`${where}: no schema for this event`);
      const result = safeParse(schema, payload);
      if (!result.success) {
        problems.push(`${where}: ${JSON.stringify(result.error.issues)}`);
      }
    };
    const schemaOf = (table: Record<string, $ZodType>, event: string) =>
      Object.hasOwn(table, event) ? table[event] : undefined;
    received.display.forEach((e, i) =>
      check(`/display #${i} ${e.event}`, schemaOf(displayPayloads, e.event), e.payload),
    );
    for (const nsp of ['counter', 'manager'] as const) {
      received[nsp].forEach((e, i) =>
        check(`/${nsp} #${i} ${e.event}`, schemaOf(staffPayloads, e.event), e.payload),
      );
    }
    phoneReceived.forEach((e, i) =>
      check(`/ticket #${i} ${e.event}`, schemaOf(ticketPayloads, e.event), e.payload),
    );
    check('/display queue:resync ack', ackOf(displaySnapshotReply), acks.display);
    check('/counter queue:resync ack', ackOf(staffSnapshotReply), acks.counter);
    check('/manager queue:resync ack', ackOf(staffSnapshotReply), acks.manager);
    check('/ticket ticket:refresh ack', ackOf(ticketStatusReply), acks.phone);
    expect(problems).toEqual([]);

    // The walk is not empty: every server→client event with a payload was seen and checked.
    const names = (log: { event: string }[]) => [...new Set(log.map((e) => e.event))].sort();
    expect(names(received.display)).toEqual(['queue:events', 'queue:snapshot', 'ticket:called']);
    expect(names(received.counter)).toEqual(['queue:events', 'queue:snapshot']);
    expect(names(received.manager)).toEqual(['queue:events', 'queue:snapshot']);
    expect(names(phoneReceived)).toEqual(['ticket:status']);
    const staffTypes = new Set(
      received.manager
        .filter((e) => e.event === 'queue:events')
        .flatMap((e) => (e.payload as { event: { type: string } }[]).map((d) => d.event.type)),
    );
    expect([...staffTypes].sort()).toEqual([
      'counter:closed',
      'counter:opened',
      'counter:paused',
      'counter:resumed',
      'ticket:called',
      'ticket:completed',
      'ticket:issued',
      'ticket:no-show',
      'ticket:recalled',
      'ticket:requeued',
      'ticket:restored',
      'ticket:started',
      'ticket:transferred',
    ]);
  });
});
