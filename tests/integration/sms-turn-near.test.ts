import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevEvent } from '../../contract/events.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { localDay } from '../../server/src/domain/index.js';
import { addDays, createNoteRetention } from '../../server/src/retention/note-retention.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import { kiosk, signedIn } from '../support/http.js';
import {
  connect,
  next,
  until,
  type DisplayClient,
  type StaffClient,
  type TicketClient,
} from '../support/sockets.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * The SMS when the turn nears, end to end over HTTP: the hall's setting, the visitor's request
 * by their ticket code, `ticket:turn-near` journalled once when the calls bring them close, the
 * number on no socket and no staff view, and erased from the journal once the day is closed.
 */

const HALL = 'cankaya';
// Sessions are judged by the wall clock too: the test's day is today (Istanbul).
const MORNING = Date.now();
const DAY = localDay(MORNING, 'Europe/Istanbul');
/** One minute past the next midnight in Istanbul (UTC+3 all year). */
const MIDNIGHT = Date.parse(`${addDays(DAY, 1)}T00:01:00+03:00`);
const TYPED = '0532 765 43 21';
const PHONE = '05327654321';
/** The number in any spelling a payload could carry it. */
const LEAKS = [PHONE, '5327654321', '532 765 43 21'];

describe('SMS when the turn nears (HTTP)', () => {
  let server: TestServer;
  let clock = MORNING;
  const sockets: Socket[] = [];
  beforeEach(async () => {
    clock = MORNING;
    server = await startTestServer({ now: () => clock });
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await server.dispose();
  });

  const sms = (code: string) => request(server.app.app).post(`/api/tickets/${code}/sms`);
  const journal = async (): Promise<RevEvent[]> => {
    const text = await readFile(path.join(server.dataDir, 'journal', HALL, `${DAY}.jsonl`), 'utf8');
    return text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RevEvent);
  };

  it('when the hall offers no SMS, or the request lacks consent or a mobile number, then it is refused naming the field', async () => {
    const ticket = await kiosk(server).issue('vezne');
    expect(ticket.body.smsOffered).toBe(false);
    const off = await sms(ticket.body.code).send({ phone: TYPED, consent: true });
    expect([off.status, off.body.error.code]).toEqual([409, 'sms-off']);

    const admin = await signedIn(server, 'admin');
    for (const bad of [0, 21, 2.5]) {
      const res = await admin.agent.patch(`/api/halls/${HALL}`).send({ smsNotifyAhead: bad });
      expect([res.status, res.body.error?.field]).toEqual([400, 'smsNotifyAhead']);
    }
    const on = await admin.agent.patch(`/api/halls/${HALL}`).send({ smsNotifyAhead: 2 });
    expect(on.status).toBe(200);
    expect(on.body.smsNotifyAhead).toBe(2);

    for (const [body, field] of [
      [{ phone: TYPED }, 'consent'],
      [{ phone: TYPED, consent: false }, 'consent'],
      [{ phone: '0312 123 45 67', consent: true }, 'phone'],
      [{ phone: 'not a number', consent: true }, 'phone'],
      [{ consent: true }, 'phone'],
      [{ phone: TYPED, consent: true, name: 'Ayşe' }, 'name'],
    ] as const) {
      const res = await sms(ticket.body.code).send(body);
      expect([res.status, res.body.error?.field], JSON.stringify(body)).toEqual([400, field]);
    }
    const unknown = await sms('AAAAAAAAAAAAAAAAAAAAAA').send({ phone: TYPED, consent: true });
    expect(unknown.status).toBe(404);
    // Nothing was recorded by any refusal.
    expect((await journal()).filter((e) => e.type.startsWith('ticket:sms'))).toEqual([]);
  });

  it('when calls bring the visitor close, then turn-near is journalled once, the number reaches no screen, and it is erased once the day is closed', async () => {
    const admin = await signedIn(server, 'admin');
    expect((await admin.agent.patch(`/api/halls/${HALL}`).send({ smsNotifyAhead: 2 })).status).toBe(
      200,
    );
    const clerk = await signedIn(server, 'clerk');
    const manager = await signedIn(server, 'manager');
    const seen: unknown[] = [];
    const follow = <T extends Socket>(socket: T): T => {
      sockets.push(socket);
      socket.onAny((_event: string, payload: unknown) => seen.push(payload));
      return socket;
    };
    const display = follow(
      connect<DisplayClient>(server.url, '/display', { auth: { key: server.displayKey } }),
    );
    const counter = follow(connect<StaffClient>(server.url, '/counter', { cookie: clerk.cookie }));
    const monitor = follow(
      connect<StaffClient>(server.url, '/manager', { cookie: manager.cookie }),
    );
    await Promise.all([display, counter, monitor].map((s) => next(s, 'queue:snapshot')));

    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push((await kiosk(server).issue('vezne')).body);
    const last = tickets[4]!;
    expect(last.smsOffered).toBe(true);
    const phone = follow(
      connect<TicketClient>(server.url, '/ticket', { auth: { code: last.code } }),
    );
    await next(phone, 'ticket:status');

    const asked = await sms(last.code).send({ phone: TYPED, consent: true });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ smsOffered: true, smsRequested: true, smsSent: false });
    await until(() =>
      seen.some((p) => (p as { smsRequested?: boolean } | null)?.smsRequested === true),
    );

    const act = async (action: string, body: object = {}) => {
      const res = await clerk.agent.post(`/api/counters/banko-3/${action}`).send(body);
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    };
    await act('open');
    const serve = async () => {
      clock += 60_000;
      await act('call-next');
      await act('start');
      await act('complete', { outcome: 'resolved' });
    };
    await serve(); // V001: three ahead of V005
    await serve(); // V002: two ahead — told
    await until(() => seen.some((p) => (p as { smsSent?: boolean } | null)?.smsSent === true));
    await serve();
    await serve();
    const turnNear = (await journal()).filter((e) => e.type === 'ticket:turn-near');
    expect(turnNear).toEqual([
      expect.objectContaining({ type: 'ticket:turn-near', ticketId: last.id, ahead: 2 }),
    ]);
    // The phone page's status says so, and a new request is refused: the SMS goes once.
    const status = await request(server.app.app).get(`/api/tickets/${last.code}`);
    expect(status.body).toMatchObject({ smsRequested: true, smsSent: true });
    expect((await sms(last.code).send({ phone: TYPED, consent: true })).status).toBe(409);
    // Nor can it be withdrawn once on its way; nothing is journalled.
    const events = (await journal()).length;
    const withdraw = await request(server.app.app).delete(`/api/tickets/${last.code}/sms`).send({});
    expect([withdraw.status, withdraw.body.error?.code]).toEqual([409, 'invalid-transition']);
    expect(withdraw.body.error.message).toContain('SMS zaten gönderildi');
    expect((await journal()).length).toBe(events);

    // The number is in the journal for the SMS integration, and nowhere any screen reads.
    expect((await journal()).find((e) => e.type === 'ticket:sms-requested')).toMatchObject({
      phone: PHONE,
      ahead: 2,
    });
    const staffViews = [
      await manager.agent.get(`/api/halls/${HALL}/queue`),
      await clerk.agent.get(`/api/halls/${HALL}/queue`),
      status,
    ];
    for (const res of staffViews) expect(res.status).toBe(200);
    const acks = [
      await counter.timeout(5000).emitWithAck('queue:resync'),
      await monitor.timeout(5000).emitWithAck('queue:resync'),
      await display.timeout(5000).emitWithAck('queue:resync'),
      await phone.timeout(5000).emitWithAck('ticket:refresh'),
    ];
    const everything = JSON.stringify([seen, acks, staffViews.map((r) => r.body)]);
    // The walk saw the request go by (without its number) on the staff sockets.
    expect(everything).toContain('ticket:sms-requested');
    for (const leak of LEAKS) expect(everything).not.toContain(leak);

    // Midnight in Istanbul: the day closes; the next retention pass blanks the number.
    clock = MIDNIGHT;
    await server.app.queues.checkRollover();
    await server.stop();
    const store = await openEmbeddedStore(server.dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    try {
      const [report] = await createNoteRetention({
        config: store.config,
        journal: store.journal,
        summaries: store.summaries,
        now: () => clock,
        log: () => undefined,
      }).run();
      expect(report!.journalPhones).toBe(1);
    } finally {
      await store.close();
    }
    const after = await journal();
    expect(after.find((e) => e.type === 'ticket:sms-requested')).toMatchObject({
      phone: '',
      ahead: 2,
    });
    expect(after.filter((e) => e.type === 'ticket:turn-near')).toHaveLength(1);
    const file = await readFile(path.join(server.dataDir, 'journal', HALL, `${DAY}.jsonl`), 'utf8');
    for (const leak of LEAKS) expect(file).not.toContain(leak);
  });
});
