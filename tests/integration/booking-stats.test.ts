import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../contract/settings.js';
import { parseCsv } from '../support/csv.js';
import { playBookingDay, tuesdayAt } from '../support/booking-day.js';
import type { TestServer } from '../support/test-server.js';
import { bookingServer, MONDAY_9, signedIn, TUESDAY, type Clock } from './bookings-support.js';

const MINUTES = 60;
const RANGE = { from: TUESDAY, to: TUESDAY };

/** The day of tests/support/booking-day.ts (five bookings, two walk-ins), ending at 10:45. */
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
    clerk = await playBookingDay(server, clock);
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
