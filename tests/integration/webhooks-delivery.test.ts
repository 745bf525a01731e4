import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WEBHOOK_HEADERS, type WebhookEventType } from '../../contract/webhooks.js';
import { kiosk } from '../support/http.js';
import type { TestServer } from '../support/test-server.js';
import {
  booked,
  bookingServer,
  checkIn,
  MONDAY_9,
  signedIn,
  TUESDAY,
  type Clock,
} from './bookings-support.js';
import {
  addWebhook,
  Receiver,
  testWebhookOptions,
  until,
  type Received,
} from './webhooks-support.js';

const SECOND = 1_000;

/** Personal fields a delivery carries only when the endpoint ticked personal data. */
const PERSONAL_KEYS = ['name', 'phone', 'code', 'note', 'clerkId', 'clerkName', 'priorityGroup'];

describe('webhook deliveries of a real day', () => {
  let server: TestServer;
  let receiver: Receiver;
  const clock: Clock = { at: MONDAY_9 };
  /** Each action a second after the one before, so the two streams' order is the clock's. */
  const tick = () => (clock.at += SECOND);

  beforeEach(async () => {
    clock.at = MONDAY_9;
    server = await bookingServer(clock, { webhooks: testWebhookOptions() });
    receiver = await Receiver.start(() => clock.at);
  });
  afterEach(async () => {
    await server.dispose();
    await receiver.close();
  });

  it('when a day runs through the API, then each endpoint gets its wanted events in order, signed, with stable ids, and personal data only when ticked', async () => {
    const other = await Receiver.start(() => clock.at);
    try {
      await addWebhook(server, receiver, { createdAt: clock.at, personalData: true });
      const wanted: WebhookEventType[] = ['ticket.issued', 'ticket.completed', 'booking.made'];
      await addWebhook(server, other, { createdAt: clock.at, events: wanted });

      tick();
      const ayse = await booked(server, {
        time: '09:00',
        name: 'Ayşe Yılmaz',
        phone: '05321234567',
      });
      tick();
      const mehmet = await booked(server, { time: '09:30', name: 'Mehmet Kaya', phone: null });
      tick();
      const cancel = await request(server.app.app)
        .post(`/api/bookings/${mehmet.code}/cancel`)
        .type('application/json')
        .send({});
      expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
      tick();
      const ticket = await kiosk(server).issue('vezne', { priority: 'elderly' });
      expect(ticket.status).toBe(201);
      const clerk = await signedIn(server, 'clerk');
      const act = async (path: string, body: object = {}) => {
        tick();
        const res = await clerk.agent.post(`/api/counters/banko-1/${path}`).send(body);
        expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
      };
      await act('open');
      await act('call-next');
      await act('start');
      await act('complete', { outcome: 'forwarded', directorateId: 'fen-isleri', note: 'Tapu' });
      tick();
      const rated = await request(server.app.app)
        .post(`/api/tickets/${ticket.body.code}/rating`)
        .send({ rating: 4, comment: 'Hızlıydı' });
      expect(rated.status).toBe(200);
      await act('pause', { reason: 'break' });
      await act('resume');
      await act('close');
      // The next morning Ayşe checks in: her ticket is the first of Tuesday's journal.
      clock.at = Date.parse(`${TUESDAY}T08:50:00+03:00`);
      const arrived = await checkIn(server, ayse.checkInCode);
      expect(arrived.status, JSON.stringify(arrived.body)).toBe(201);

      const day: WebhookEventType[] = [
        'booking.made',
        'booking.made',
        'booking.cancelled',
        'ticket.issued',
        'counter.opened',
        'ticket.called',
        'ticket.started',
        'ticket.completed',
        'ticket.rated',
        'counter.paused',
        'counter.resumed',
        'counter.closed',
        'ticket.issued',
        'booking.checked-in',
      ];
      await until('the whole day', () => receiver.received.length >= day.length);
      await until('the wanted part', () => other.received.length >= 4);
      expect(receiver.types()).toEqual(day);
      expect(other.types()).toEqual(day.filter((t) => wanted.includes(t)));
      // The same event has the same id at both endpoints; ids are the events' places.
      const ids = receiver.ids();
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of other.received) expect(ids).toContain(r.body.id);
      expect(ids[0]).toBe('cankaya.b.1');
      expect(ids[3]).toMatch(/^cankaya\.2026-12-07\.\d+$/);
      expect(ids[12]).toBe('cankaya.2026-12-08.1');
      for (const r of [...receiver.received, ...other.received]) {
        expect(r.verified, r.raw).toBe(true);
        expect(r.headers[WEBHOOK_HEADERS.eventId]).toBe(r.body.id);
        expect(r.headers[WEBHOOK_HEADERS.eventType]).toBe(r.body.type);
        expect(r.headers[WEBHOOK_HEADERS.attempt]).toBe('1');
        expect(r.headers['content-type']).toBe('application/json');
        expect(r.body).toMatchObject({ version: 1, hallId: 'cankaya' });
      }
      // Ticked: names, phone, note and clerk go out; not ticked: none of them, anywhere.
      const find = (rs: Received[], type: string) => rs.filter((r) => r.body.type === type);
      expect(find(receiver.received, 'booking.made')[0]!.body.data).toMatchObject({
        name: 'Ayşe Yılmaz',
        phone: '05321234567',
        serviceId: 'vezne',
        day: TUESDAY,
        time: '09:00',
      });
      expect(find(receiver.received, 'ticket.completed')[0]!.body.data).toMatchObject({
        number: 'V001',
        outcome: 'forwarded',
        directorateId: 'fen-isleri',
        note: 'Tapu',
        clerkId: clerk.user.id,
        priority: true,
        priorityGroup: 'elderly',
      });
      expect(find(receiver.received, 'ticket.called')[0]!.body.data).toMatchObject({
        number: 'V001',
        serviceId: 'vezne',
        counterId: 'banko-1',
      });
      const checkedIn = find(receiver.received, 'booking.checked-in')[0]!.body.data;
      expect(checkedIn).toMatchObject({ serviceId: 'vezne', time: '09:00', ticketNumber: 'V001' });
      for (const r of other.received) {
        expect(Object.keys(r.body.data).filter((k) => PERSONAL_KEYS.includes(k))).toEqual([]);
        for (const secret of ['Ayşe', '05321234567', 'Tapu', clerk.user.username, ayse.code])
          expect(r.raw).not.toContain(secret);
      }
      expect(find(other.received, 'ticket.completed')[0]!.body.data).toMatchObject({
        number: 'V001',
        priority: true,
        outcome: 'forwarded',
      });
    } finally {
      await other.close();
    }
  });
});
