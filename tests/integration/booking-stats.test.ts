import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../contract/settings.js';
import { parseCsv } from '../support/csv.js';
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

/** Tuesday 8 December 2026 at hh:mm in Istanbul (UTC+3). */
const tuesdayAt = (time: string) => Date.parse(`${TUESDAY}T${time}:00+03:00`);
const MINUTES = 60;
const RANGE = { from: TUESDAY, to: TUESDAY };

/**
 * One Tuesday at the Vezne (30-minute slots, check-in 15 min before to 10 min after the slot):
 *
 * | booking | made by | slot  | fate                                                        |
 * | A       | citizen | 09:00 | checked in 08:50 (V001), called 09:00: 0 min late, waits 0   |
 * | B       | staff   | 09:30 | checked in 09:25 (V003), called 09:38: 8 min late, waits 8   |
 * | C       | citizen | 10:00 | cancelled by the citizen on Monday                          |
 * | E       | staff   | 10:30 | never checked in: a no-show once 10:40 has passed           |
 * | D       | citizen | 11:00 | still booked at 10:45                                       |
 *
 * Walk-ins: V002 issued 08:55, called 09:02 (7 min); V004 issued 09:26, called 09:28 (2 min,
 * ahead of B, whose slot had not come).
 */
describe('appointment statistics and exports, end to end', () => {
  let server: TestServer;
  const clock: Clock = { at: MONDAY_9 };
  let manager: Awaited<ReturnType<typeof signedIn>>['agent'];
  let clerk: Awaited<ReturnType<typeof signedIn>>['agent'];

  const exportCsv = (names?: 'true') =>
    manager.get('/api/exports/tickets.csv').query(names ? { ...RANGE, names } : RANGE);
  const namesAudits = async () => {
    const res = await manager.get('/api/audit');
    expect(res.status).toBe(200);
    return (res.body as AuditEntryView[]).filter((e) => e.action === 'export.booking-names');
  };
  /** The CSV's rows as header → value, by ticket number. */
  const rowsOf = (text: string) => {
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
    const byNumber = new Map<string, Record<string, string>>();
    for (const r of rows) {
      const row = Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']));
      byNumber.set(row['Sıra No']!, row);
    }
    return { header: header!, byNumber };
  };

  beforeAll(async () => {
    clock.at = MONDAY_9;
    server = await bookingServer(clock);
    clerk = (await signedIn(server, 'clerk')).agent;

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
    manager = (await signedIn(server, 'manager')).agent;
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when a manager asks for the day, then the bookings block equals the hand count', async () => {
    const res = await manager.get('/api/stats').query(RANGE);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.bookings).toEqual({
      made: 5,
      checkedIn: 2,
      noShows: 1,
      cancelled: 1,
      booked: 1,
      byChannel: { citizen: 3, staff: 2 },
      // Called 0 and 8 minutes after the slot: mean and median 4 min, p90 0 + 0.9 × 8 min.
      punctuality: {
        count: 2,
        meanSeconds: 4 * MINUTES,
        medianSeconds: 4 * MINUTES,
        p90Seconds: 7.2 * MINUTES,
        withinFiveMinutes: 1,
        withinFiveMinutesShare: 0.5,
      },
      // First call − max(check-in, slot): 09:00 − 09:00 and 09:38 − 09:30.
      bookedWait: {
        count: 2,
        meanSeconds: 4 * MINUTES,
        medianSeconds: 4 * MINUTES,
        p90Seconds: 7.2 * MINUTES,
      },
      // First call − issue: 7 and 2 minutes; p90 2 + 0.9 × 5 min.
      walkInWait: {
        count: 2,
        meanSeconds: 4.5 * MINUTES,
        medianSeconds: 4.5 * MINUTES,
        p90Seconds: 6.5 * MINUTES,
      },
    });
  });

  it('when exported without names, then the booked rows carry slot and lateness, there is no name column and no audit entry', async () => {
    const res = await exportCsv();
    expect(res.status).toBe(200);
    const { header, byNumber } = rowsOf(res.text);
    expect(header).toEqual(
      expect.arrayContaining(['Randevu', 'Randevu saati', 'Randevuya göre çağrılma (dk)']),
    );
    expect(header).not.toContain('Randevu adı');
    const cols = (n: string) => {
      const r = byNumber.get(n)!;
      return [r['Randevu'], r['Randevu saati'], r['Randevuya göre çağrılma (dk)']];
    };
    expect(cols('V001')).toEqual(['Evet', '09:00', '0.00']);
    expect(cols('V003')).toEqual(['Evet', '09:30', '8.00']);
    expect(cols('V002')).toEqual(['Hayır', '', '']);
    expect(cols('V004')).toEqual(['Hayır', '', '']);
    expect(await namesAudits()).toEqual([]);
  });

  it('when a manager exports with names=true, then "Randevu adı" carries the names and the audit log has one entry', async () => {
    const res = await exportCsv('true');
    expect(res.status).toBe(200);
    const { header, byNumber } = rowsOf(res.text);
    expect(header.at(-1)).toBe('Randevu adı');
    expect(byNumber.get('V001')!['Randevu adı']).toBe('Ayşe Yılmaz');
    expect(byNumber.get('V003')!['Randevu adı']).toBe('Bora Kaya');
    expect(byNumber.get('V002')!['Randevu adı']).toBe('');
    expect(byNumber.get('V004')!['Randevu adı']).toBe('');
    const audits = await namesAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetId: 'cankaya', at: tuesdayAt('10:45') });
    expect(audits[0]!.detail).toContain(`${TUESDAY} – ${TUESDAY} (CSV)`);
  });

  it('when a clerk asks for names=true, then it is refused and nothing is audited', async () => {
    const before = (await namesAudits()).length;
    const res = await clerk.get('/api/exports/tickets.csv').query({ ...RANGE, names: 'true' });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('Ayşe');
    expect((await namesAudits()).length).toBe(before);
  });
});
