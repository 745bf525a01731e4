import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInRefusal } from '../../contract/bookings.js';
import { kiosk } from '../support/http.js';
import type { TestServer } from '../support/test-server.js';
import {
  book,
  booked,
  bookingServer,
  checkIn,
  MONDAY_9,
  signedIn,
  slots,
  TUESDAY,
  type Clock,
} from './bookings-support.js';

/** Tuesday 8 December 2026 at hh:mm in Istanbul (UTC+3). */
const tuesdayAt = (time: string) => Date.parse(`${TUESDAY}T${time}:00+03:00`);

describe('appointment check-in and the last place', () => {
  let server: TestServer;
  const clock: Clock = { at: MONDAY_9 };
  beforeEach(async () => {
    clock.at = MONDAY_9;
    server = await bookingServer(clock);
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('when many ask for the last place of a slot at once, then exactly one gets it and the others 409 slot-full', async () => {
    const n = 12;
    const replies = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        book(server, {
          time: '10:00',
          name: `Yarışan ${i}`,
          phone: `0532000${String(i).padStart(4, '0')}`,
        }),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(n - 1).fill(409)]);
    for (const r of replies.filter((x) => x.status === 409))
      expect(r.body.error.code).toBe('slot-full');
    expect((await slots(server)).body.slots.map((s: { time: string }) => s.time)).not.toContain(
      '10:00',
    );
  });

  it('when checked in too early, too late or twice, then 409 with the reason (too early names the time)', async () => {
    const early = await booked(server, { time: '09:00', phone: '05320000001' });
    const late = await booked(server, { time: '09:30', phone: '05320000002' });
    clock.at = tuesdayAt('08:40');
    const tooEarly = await checkIn(server, early.checkInCode);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.code).toBe('check-in-too-early');
    expect(tooEarly.body.error.message).toContain('08:45');
    clock.at = tuesdayAt('09:41');
    const tooLate = await checkIn(server, late.checkInCode);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error.code).toBe('check-in-too-late');
    const view = await request(server.app.app).get(`/api/bookings/${late.code}`);
    expect(view.body.status).toBe('no-show');
    const unknown = await checkIn(server, '0000000000');
    expect(unknown.status).toBe(404);
  });

  it("when too early or too late, then the 4xx body carries the booking's own service and slot time (and the opening) as typed details; an unknown code carries none", async () => {
    const early = await booked(server, { time: '09:00', phone: '05320000001' });
    const late = await booked(server, { time: '09:30', phone: '05320000002' });
    // Another booking of the same service, for the same day: nothing of it may show.
    await booked(server, { time: '10:00', phone: '05320000003' });
    clock.at = tuesdayAt('08:40');
    const tooEarly = await checkIn(server, early.checkInCode);
    expect(tooEarly.status).toBe(409);
    expect(checkInRefusal.safeParse(tooEarly.body).success, JSON.stringify(tooEarly.body)).toBe(
      true,
    );
    expect(tooEarly.body.error.details).toEqual({
      serviceId: 'vezne',
      slotTime: '09:00',
      opensAt: '08:45',
    });
    clock.at = tuesdayAt('09:41');
    const tooLate = await checkIn(server, late.checkInCode);
    expect(tooLate.status).toBe(409);
    expect(checkInRefusal.safeParse(tooLate.body).success, JSON.stringify(tooLate.body)).toBe(true);
    expect(tooLate.body.error.details).toEqual({ serviceId: 'vezne', slotTime: '09:30' });
    // Asked again (now a no-show), the same answer.
    expect((await checkIn(server, late.checkInCode)).body.error.details).toEqual({
      serviceId: 'vezne',
      slotTime: '09:30',
    });
    const unknown = await checkIn(server, '0000000000');
    expect(unknown.status).toBe(404);
    expect(checkInRefusal.safeParse(unknown.body).success, JSON.stringify(unknown.body)).toBe(true);
    expect(unknown.body.error).not.toHaveProperty('details');
    // The schema refuses a too-late refusal without its details, or with another booking's extra.
    const bare = { error: { code: 'check-in-too-late', message: 'x' } };
    expect(checkInRefusal.safeParse(bare).success).toBe(false);
    const leaky = structuredClone(tooLate.body);
    leaky.error.details.name = 'Ayşe Yılmaz';
    expect(checkInRefusal.safeParse(leaky).success).toBe(false);
  });

  it('when checked in within the window, then the kiosk gets a ticket, the booking shows it, and a second check-in is refused', async () => {
    const b = await booked(server, { time: '09:30' });
    clock.at = tuesdayAt('09:20');
    const res = await checkIn(server, b.checkInCode);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ number: 'V001', serviceId: 'vezne', print: 'no-printer' });
    expect(res.body.code).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const ticket = server.app.queues.hall('cankaya')!.state.tickets.get(res.body.id)!;
    expect(ticket.appointment).toEqual({ bookingId: expect.any(String), slotAt: b.slotAt });
    const view = await request(server.app.app).get(`/api/bookings/${b.code}`);
    expect(view.body).toMatchObject({ status: 'checked-in', ticketNumber: 'V001' });
    const twice = await checkIn(server, b.checkInCode);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('booking-already-checked-in');
  });

  it('when an appointment is checked in, then the counter calls it at its slot, not before, ahead of walk-ins who came earlier', async () => {
    const b = await booked(server, { time: '09:30' });
    clock.at = tuesdayAt('09:20');
    expect((await checkIn(server, b.checkInCode)).body.number).toBe('V001');
    clock.at = tuesdayAt('09:21');
    expect((await kiosk(server).issue('vezne')).body.number).toBe('V002');
    clock.at = tuesdayAt('09:22');
    expect((await kiosk(server).issue('vezne')).body.number).toBe('V003');
    const { agent } = await signedIn(server, 'clerk');
    clock.at = tuesdayAt('09:25');
    await agent.post('/api/counters/banko-1/open').send({});
    const first = await agent.post('/api/counters/banko-1/call-next').send({});
    expect(first.body.ticket.number).toBe('V002');
    await agent.post('/api/counters/banko-1/start').send({});
    await agent.post('/api/counters/banko-1/complete').send({ outcome: 'resolved' });
    clock.at = tuesdayAt('09:30');
    const second = await agent.post('/api/counters/banko-1/call-next').send({});
    expect(second.status).toBe(200);
    expect(second.body.ticket.number).toBe('V001');
  });

  it('when the check-in was not recorded in the ledger, then the reconcile writes it from the ticket', async () => {
    const b = await booked(server, { time: '09:30' });
    clock.at = tuesdayAt('09:20');
    // The ticket alone, as if the server stopped before the ledger record.
    const issued = await server.app.queues.issue('cankaya', {
      serviceId: 'vezne',
      priority: null,
      lang: 'tr',
      appointment: {
        bookingId: [...server.app.bookings.book('cankaya')!.state.bookings.keys()][0]!,
        slotAt: b.slotAt,
      },
    });
    expect(issued.ok).toBe(true);
    expect((await request(server.app.app).get(`/api/bookings/${b.code}`)).body.status).toBe(
      'booked',
    );
    await server.restart();
    const view = await request(server.app.app).get(`/api/bookings/${b.code}`);
    expect(view.body).toMatchObject({ status: 'checked-in', ticketNumber: 'V001' });
    expect(await server.app.bookings.reconcile()).toBe(0);
  });

  it('when booking changes exceed the rate limit, then 429 rate-limited', async () => {
    await server.dispose();
    server = await bookingServer(clock, {
      rateLimits: { loginPerMinute: 1000, issuePerMinute: 10_000, bookingPer10Minutes: 2 },
    });
    expect((await book(server, { time: '09:00' })).status).toBe(201);
    expect((await book(server, { time: '09:30' })).status).toBe(201);
    const third = await book(server, { time: '10:00' });
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('rate-limited');
    expect((await slots(server)).body.slots).toHaveLength(4);
  });
});
