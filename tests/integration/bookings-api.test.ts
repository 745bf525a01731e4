import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  book,
  booked,
  bookingServer,
  MINUTE,
  MONDAY_9,
  signedIn,
  slots,
  TUESDAY,
  VEZNE_BOOKING,
  type Clock,
} from './bookings-support.js';
import type { TestServer } from '../support/test-server.js';
import { createBookingRetention } from '../../server/src/bookings/booking-retention.js';

describe('appointments over REST', () => {
  let server: TestServer;
  const clock: Clock = { at: MONDAY_9 };
  beforeEach(async () => {
    clock.at = MONDAY_9;
    server = await bookingServer(clock);
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('when services, days and slots are asked, then they show the real free capacity', async () => {
    const services = await request(server.app.app).get('/api/halls/cankaya/booking/services');
    expect(services.body).toEqual([
      {
        serviceId: 'vezne',
        name: { tr: 'Vezne', en: 'Cashier' },
        slotMinutes: 30,
        retentionDays: 30,
      },
    ]);
    const before = await slots(server);
    expect(before.status).toBe(200);
    expect(before.body.slots.map((s: { time: string }) => s.time)).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
    ]);
    await booked(server, { time: '10:00' });
    const after = await slots(server);
    expect(after.body.slots.map((s: { time: string }) => s.time)).not.toContain('10:00');
    expect(after.body.slots).toHaveLength(5);
    const days = await request(server.app.app)
      .get('/api/halls/cankaya/booking/days')
      .query({ serviceId: 'vezne' });
    expect(days.status).toBe(200);
    const byDay = new Map(days.body.days.map((d: { day: string }) => [d.day, d]));
    expect(byDay.get(TUESDAY)).toMatchObject({ free: 5, closed: null });
    expect(byDay.get('2026-12-09')).toMatchObject({ closed: 'closed-day', free: 0 });
    expect(byDay.get('2026-12-12')).toMatchObject({ weekday: 'sat', closed: 'no-hours' });
  });

  it("when an admin sets the hall's retention to 60 days, then the bookable services carry 60 (the booking page's privacy note), the other hall keeps its own", async () => {
    const { agent } = await signedIn(server, 'admin');
    const set = await agent.put('/api/halls/cankaya/booking-settings').send({
      checkInEarlyMinutes: 15,
      checkInLateMinutes: 10,
      horizonDays: 30,
      leadMinutes: 30,
      maxPerContact: 3,
      closedDays: [],
      retentionDays: 60,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const services = await request(server.app.app).get('/api/halls/cankaya/booking/services');
    expect(services.status).toBe(200);
    expect(services.body.map((s: { retentionDays: number }) => s.retentionDays)).toEqual([60]);
    const other = await request(server.app.app).get('/api/halls/kizilay/booking/services');
    expect(other.body.map((s: { retentionDays: number }) => s.retentionDays)).toEqual([30]);
  });

  it('when a citizen books, then the view has both codes, and it can be read, moved and cancelled by its code', async () => {
    const res = await book(server, { time: '09:30', phone: '0532 123 45 67', lang: 'en' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      hallId: 'cankaya',
      serviceId: 'vezne',
      day: TUESDAY,
      time: '09:30',
      name: 'Ayşe Yılmaz',
      phone: '05321234567',
      status: 'booked',
      changeable: true,
      lang: 'en',
    });
    expect(res.body.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(res.body.checkInCode).toMatch(/^\d{10}$/);
    expect(res.body.url).toBe(`/randevu/${res.body.code}`);
    expect(res.body.checkInUntil - res.body.checkInFrom).toBe(25 * MINUTE);

    const got = await request(server.app.app).get(`/api/bookings/${res.body.code}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);

    const moved = await request(server.app.app)
      .post(`/api/bookings/${res.body.code}/move`)
      .type('application/json')
      .send({ day: TUESDAY, time: '11:00' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ time: '11:00', status: 'booked' });
    const free = (await slots(server)).body.slots.map((s: { time: string }) => s.time);
    expect(free).toContain('09:30');
    expect(free).not.toContain('11:00');

    const cancelled = await request(server.app.app)
      .post(`/api/bookings/${res.body.code}/cancel`)
      .type('application/json');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', changeable: false });
    expect((await slots(server)).body.slots).toHaveLength(6);
    const again = await request(server.app.app)
      .post(`/api/bookings/${res.body.code}/cancel`)
      .type('application/json');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('booking-not-changeable');
  });

  it('when staff list the day, then they see names and status but never phones or codes, and only their hall', async () => {
    const mine = await booked(server, { time: '09:00', phone: '05321234567' });
    const other = await book(server, { serviceId: 'kizilay-vezne', time: '09:00' }, 'kizilay');
    expect(other.status).toBe(201);
    const { agent } = await signedIn(server, 'clerk');
    const list = await agent.get('/api/halls/cankaya/bookings').query({ day: TUESDAY });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      name: 'Ayşe Yılmaz',
      status: 'booked',
      madeBy: 'citizen',
    });
    const text = JSON.stringify(list.body);
    for (const secret of [mine.code, mine.checkInCode, '05321234567', other.body.code])
      expect(text).not.toContain(secret);
    const theirs = await agent.get('/api/halls/kizilay/bookings').query({ day: TUESDAY });
    expect(theirs.status).toBe(403);
    // A kiosk code of another hall is unknown here.
    const wrongHall = await request(server.app.app)
      .post('/api/halls/cankaya/check-in')
      .set('Authorization', `Bearer ${server.kioskKey}`)
      .send({ checkInCode: other.body.checkInCode });
    expect(wrongHall.status).toBe(404);
    expect(wrongHall.body.error.code).toBe('booking-not-found');
  });

  it('when a clerk books for a caller, then it is a staff booking, exempt from the address rule', async () => {
    const { agent } = await signedIn(server, 'clerk');
    for (const time of ['09:00', '09:30', '10:00', '10:30']) {
      const res = await agent
        .post('/api/halls/cankaya/bookings')
        .send({ serviceId: 'vezne', day: TUESDAY, time, name: `Arayan ${time}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const list = await agent.get('/api/halls/cankaya/bookings').query({ day: TUESDAY });
    expect(list.body.map((b: { madeBy: string }) => b.madeBy)).toEqual([
      'staff',
      'staff',
      'staff',
      'staff',
    ]);
    const kiosk = await request(server.app.app)
      .post('/api/halls/cankaya/bookings')
      .set('Authorization', `Bearer ${server.kioskKey}`)
      .send({ serviceId: 'vezne', day: TUESDAY, time: '11:00', name: 'Kiosk' });
    expect(kiosk.status).toBe(403);
  });

  it.each([
    [{ time: '9:00' }, 'time'],
    [{ time: '09:00', name: 'A' }, 'name'],
    [{ time: '09:00', name: 'Ayşe\u202eYılmaz' }, 'name'],
    [{ time: '09:00', name: 'Ayşe\u0000 Yılmaz' }, 'name'],
    [{ time: '09:00', phone: '0312 123 45 67' }, 'phone'],
    [{ time: '09:00', day: '2026-13-01' }, 'day'],
    [{ time: '09:00', extra: true }, 'extra'],
    [{ time: '09:00', lang: 'de' }, 'lang'],
  ])(
    'when a booking has bad input %j, then 400 names the field and nothing is booked',
    async (body, field) => {
      const res = await book(server, body);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect((await slots(server)).body.slots).toHaveLength(6);
    },
  );

  it.each([
    ['the past', { day: '2026-12-04', time: '09:00' }, 'day'],
    ['beyond the horizon', { day: '2027-01-29', time: '09:00' }, 'day'],
    ['a national holiday', { day: '2027-01-01', time: '09:00' }, 'day'],
    ["the hall's closed day", { day: '2026-12-09', time: '09:00' }, 'day'],
    ['a day without hours', { day: '2026-12-12', time: '09:00' }, 'day'],
    ['outside the hours', { time: '12:00' }, 'time'],
    ['not a slot start', { time: '09:10' }, 'time'],
    ['within the lead time', { day: '2026-12-07', time: '09:00' }, 'time'],
  ])('when one books %s, then 400 booking-closed names the field', async (_what, body, field) => {
    const res = await book(server, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'booking-closed', field });
  });

  it('when one phone number or one address holds the most future bookings, then the next is 429 booking-limit', async () => {
    for (const time of ['09:00', '09:30', '10:00'])
      await booked(server, { time, phone: '05321234567' });
    const byPhone = await book(server, { time: '10:30', phone: '+90 532 123 45 67' });
    expect(byPhone.status).toBe(429);
    expect(byPhone.body.error).toMatchObject({ code: 'booking-limit', field: 'phone' });
    // The same address (all these requests come from 127.0.0.1), another phone: the address rule.
    const byAddress = await book(server, { time: '10:30', phone: '05329876543' });
    expect(byAddress.status).toBe(429);
    expect(byAddress.body.error.code).toBe('booking-limit');
    expect((await slots(server)).body.slots).toHaveLength(3);
  });

  it('when settings are bad, then 400 names the field; good settings are audited and take effect', async () => {
    const { agent } = await signedIn(server, 'admin');
    const overlap = await agent.put('/api/services/vezne/booking').send({
      ...VEZNE_BOOKING,
      hours: {
        ...VEZNE_BOOKING.hours,
        mon: [
          { from: '09:00', to: '12:00' },
          { from: '11:00', to: '13:00' },
        ],
      },
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.field).toBe('hours.mon');
    const badHall = await agent.put('/api/halls/cankaya/booking-settings').send({
      checkInEarlyMinutes: 15,
      checkInLateMinutes: 10,
      horizonDays: 365,
      leadMinutes: 30,
      maxPerContact: 3,
      closedDays: [],
      retentionDays: 30,
    });
    expect(badHall.status).toBe(400);
    expect(badHall.body.error.field).toBe('horizonDays');
    const ok = await agent
      .put('/api/services/vezne/booking')
      .send({ ...VEZNE_BOOKING, perSlot: 2 });
    expect(ok.status).toBe(200);
    const hall = await agent.put('/api/halls/cankaya/booking-settings').send({
      checkInEarlyMinutes: 15,
      checkInLateMinutes: 10,
      horizonDays: 30,
      leadMinutes: 30,
      maxPerContact: 3,
      closedDays: [TUESDAY],
      retentionDays: 30,
    });
    expect(hall.status).toBe(200);
    const closed = await book(server, { time: '09:00' });
    expect(closed.body.error).toMatchObject({ code: 'booking-closed', field: 'day' });
    const wed = (await slots(server, '2026-12-10')).body.slots;
    expect(wed[0]).toMatchObject({ time: '09:00', free: 2 });
    const audit = server.app.configStore.read().audit.map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['service.booking', 'hall.booking']));
    const clerk = await signedIn(server, 'clerk');
    const refused = await clerk.agent.put('/api/services/vezne/booking').send(VEZNE_BOOKING);
    expect(refused.status).toBe(403);
  });

  it('when the app restarts on the same folder, then the booking is still there', async () => {
    const b = await booked(server, { time: '09:00' });
    await server.restart();
    const got = await request(server.app.app).get(`/api/bookings/${b.code}`);
    expect(got.status).toBe(200);
    expect(got.body.time).toBe('09:00');
    expect((await slots(server)).body.slots).toHaveLength(5);
  });

  it('when the retention period has passed, then names and phones are erased from the view and the ledger file', async () => {
    const b = await booked(server, { time: '09:00', phone: '05321234567' });
    clock.at = b.slotAt + 31 * 24 * 60 * MINUTE;
    const retention = createBookingRetention({ bookings: server.app.bookings, log: () => {} });
    const reports = await retention.run();
    expect(reports.find((r) => r.hallId === 'cankaya')).toEqual({
      hallId: 'cankaya',
      erased: 1,
      blanked: 1,
    });
    const got = await request(server.app.app).get(`/api/bookings/${b.code}`);
    expect(got.body).toMatchObject({ name: '', phone: null, status: 'no-show' });
    const { readFile } = await import('node:fs/promises');
    const ledger = await readFile(`${server.dataDir}/bookings/cankaya.jsonl`, 'utf8');
    expect(ledger).not.toContain('Ayşe');
    expect(ledger).not.toContain('05321234567');
    expect(ledger).toContain('bookings:erased');
  });
});
