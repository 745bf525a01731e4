import request from 'supertest';
import { expect } from 'vitest';
import { booked, checkIn, signedIn, TUESDAY, type Clock } from '../integration/bookings-support.js';
import { kiosk } from './http.js';
import type { TestServer } from './test-server.js';

/** Tuesday 8 December 2026 at hh:mm in Istanbul (UTC+3). */
export const tuesdayAt = (time: string) => Date.parse(`${TUESDAY}T${time}:00+03:00`);

/**
 * One Tuesday at the Vezne (30-minute slots, check-in 15 min before to 10 min after the slot),
 * played from Monday 09:00 on `clock`, which it leaves at Tuesday 10:45:
 *
 * | booking | made by | slot  | fate                                                        |
 * | A       | citizen | 09:00 | checked in 08:50 (V001), called 09:00: 0 min late, waits 0   |
 * | B       | staff   | 09:30 | checked in 09:25 (V003), called 09:38: 8 min late, waits 8   |
 * | C       | citizen | 10:00 | cancelled by the citizen on Monday                          |
 * | E       | staff   | 10:30 | never checked in: a no-show once 10:40 has passed           |
 * | D       | citizen | 11:00 | still booked at 10:45                                       |
 *
 * Walk-ins: V002 issued 08:55, called 09:02 (7 min); V004 issued 09:26, called 09:28 (2 min,
 * ahead of B, whose slot had not come). Returns the clerk's Tuesday session.
 */
export async function playBookingDay(server: TestServer, clock: Clock) {
  let clerk = (await signedIn(server, 'clerk')).agent;

  // Monday: the bookings for Tuesday.
  const a = await booked(server, { time: '09:00', name: 'Ayşe Yılmaz', phone: '05320000001' });
  const c = await booked(server, { time: '10:00', name: 'Cem Öz', phone: '05320000003' });
  await booked(server, { time: '11:00', name: 'Deniz Ak', phone: '05320000004' });
  // A clerk books for two callers; the reply gives the check-in code to read out.
  const staffCheckIn = new Map<string, string>();
  for (const [time, name] of [
    ['09:30', 'Bora Kaya'],
    ['10:30', 'Emre Şahin'],
  ] as const) {
    const res = await clerk
      .post('/api/halls/cankaya/bookings')
      .send({ serviceId: 'vezne', day: TUESDAY, time, name });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    staffCheckIn.set(name, res.body.checkInCode);
  }
  const cancelled = await request(server.app.app)
    .post(`/api/bookings/${c.code}/cancel`)
    .type('application/json');
  expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);

  // Tuesday.
  const call = async (at: string, number: string) => {
    clock.at = tuesdayAt(at);
    const res = await clerk.post('/api/counters/banko-1/call-next').send({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket.number).toBe(number);
    expect((await clerk.post('/api/counters/banko-1/start').send({})).status).toBe(200);
    expect(
      (await clerk.post('/api/counters/banko-1/complete').send({ outcome: 'resolved' })).status,
    ).toBe(200);
  };
  clock.at = tuesdayAt('08:50');
  expect((await checkIn(server, a.checkInCode)).body.number).toBe('V001');
  clock.at = tuesdayAt('08:55');
  expect((await kiosk(server).issue('vezne')).body.number).toBe('V002');
  clock.at = tuesdayAt('08:59');
  // Sessions signed in on Monday have lapsed overnight.
  clerk = (await signedIn(server, 'clerk')).agent;
  expect((await clerk.post('/api/counters/banko-1/open').send({})).status).toBe(200);
  await call('09:00', 'V001');
  await call('09:02', 'V002');
  clock.at = tuesdayAt('09:25');
  expect((await checkIn(server, staffCheckIn.get('Bora Kaya')!)).body.number).toBe('V003');
  clock.at = tuesdayAt('09:26');
  expect((await kiosk(server).issue('vezne')).body.number).toBe('V004');
  await call('09:28', 'V004');
  await call('09:38', 'V003');
  // Emre's window (10:30 + 10 min) has passed; Deniz's 11:00 is still ahead.
  clock.at = tuesdayAt('10:45');
  return clerk;
}
