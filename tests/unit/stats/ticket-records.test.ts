import { describe, expect, it } from 'vitest';
import { foldRecords } from '../../../server/src/stats/ticket-records.js';
import type { TicketRecord } from '../../../server/src/stats/ticket-record.js';
import {
  AYSE,
  HALL,
  JournalBuilder,
  local,
  MEHMET,
  mondayJournal,
  RUHSAT,
  SERVICES,
  VEZNE,
} from './stats-fixtures.js';

const byNumber = (records: TicketRecord[], number: string, segment = 0): TicketRecord => {
  const r = records.find((x) => x.number === number && x.segment === segment);
  if (!r) throw new Error(`no record ${number}/${segment}`);
  return r;
};

describe('foldRecords', () => {
  const records = foldRecords(mondayJournal(), HALL, SERVICES);

  it('when a day is folded, then there is one record per ticket and one more per transfer, in issue order', () => {
    expect(records.map((r) => `${r.number}/${r.segment}`)).toEqual([
      'V001/0',
      'V002/0',
      'V002/1',
      'R001/0',
      'V003/0',
      'R002/0',
      'V004/0',
    ]);
  });

  it('when a visit is completed, then its durations are wait, walk, service and total', () => {
    expect(byNumber(records, 'V001')).toEqual({
      hallId: 'cankaya',
      ticketId: 'V001',
      number: 'V001',
      segment: 0,
      last: true,
      day: '2024-05-06',
      hour: 9,
      weekday: 1,
      serviceId: VEZNE,
      targetMinutes: 4,
      priority: null,
      lang: 'tr',
      counterId: 'c1',
      clerkId: AYSE,
      issuedAt: local(9, 0),
      queuedAt: local(9, 0),
      firstCalledAt: local(9, 2),
      lastCalledAt: local(9, 2),
      startedAt: local(9, 2, 30),
      completedAt: local(9, 5, 30),
      endedAt: local(9, 5, 30),
      waitMs: 120_000,
      walkMs: 30_000,
      serviceMs: 180_000,
      totalMs: 330_000,
      end: 'completed',
      outcome: 'resolved',
      transferredTo: null,
      cancelledBy: null,
      recalls: 0,
      transfers: 0,
      idle: [],
      rating: null,
      note: null,
    });
  });

  it('when a visit is transferred, then the first desk is a service of the first service and the second a service of the second', () => {
    const first = byNumber(records, 'V002', 0);
    const second = byNumber(records, 'V002', 1);

    expect(first).toMatchObject({
      serviceId: VEZNE,
      targetMinutes: 4,
      priority: 'elderly',
      last: false,
      end: 'transferred',
      transferredTo: RUHSAT,
      counterId: 'c1',
      clerkId: AYSE,
      waitMs: 300_000,
      walkMs: 60_000, // from the recall at 09:07, not the first call
      serviceMs: 300_000,
      totalMs: null,
      outcome: null,
      recalls: 1,
      transfers: 1,
      idle: [{ counterId: 'c1', clerkId: AYSE, ms: 30_000 }],
    });
    expect(second).toMatchObject({
      segment: 1,
      serviceId: RUHSAT,
      targetMinutes: 6,
      priority: 'elderly',
      last: true,
      day: '2024-05-06',
      issuedAt: local(9, 1),
      queuedAt: local(9, 13),
      counterId: 'c2',
      clerkId: MEHMET,
      waitMs: 60_000, // from the transfer, not from the issue
      walkMs: 20_000,
      serviceMs: 360_000,
      totalMs: 1_160_000, // from the ticket's issue
      end: 'completed',
      outcome: 'forwarded',
      recalls: 0,
      transfers: 1,
      idle: [{ counterId: 'c2', clerkId: MEHMET, ms: 60_000 }],
    });
  });

  it('when a called visitor does not come, then the record is a no-show with a wait and no service', () => {
    expect(byNumber(records, 'R001')).toMatchObject({
      end: 'no-show',
      endedAt: local(9, 12),
      counterId: 'c2',
      clerkId: MEHMET,
      waitMs: 420_000,
      walkMs: null,
      serviceMs: null,
      totalMs: null,
    });
  });

  it('when a waiting visitor cancels, then the record is cancelled, by the visitor, at no counter', () => {
    expect(byNumber(records, 'V003')).toMatchObject({
      end: 'cancelled',
      cancelledBy: 'visitor',
      endedAt: local(9, 9),
      counterId: null,
      clerkId: null,
      waitMs: null,
      serviceMs: null,
    });
  });

  it('when a called visitor is put back in line and called elsewhere, then the wait runs to the first call and the last counter serves', () => {
    expect(byNumber(records, 'R002')).toMatchObject({
      firstCalledAt: local(10, 1),
      lastCalledAt: local(10, 4),
      counterId: 'c1',
      clerkId: AYSE,
      waitMs: 60_000,
      walkMs: 30_000,
      serviceMs: 240_000,
      totalMs: 510_000,
      idle: [
        { counterId: 'c2', clerkId: MEHMET, ms: 15_000 },
        { counterId: 'c1', clerkId: AYSE, ms: 120_000 },
      ],
    });
  });

  it('when a ticket issued at 23:58 is served after local midnight, then it counts on its issue day, at hour 23', () => {
    expect(byNumber(records, 'V004')).toMatchObject({
      day: '2024-05-06',
      hour: 23,
      weekday: 1,
      completedAt: local(0, 3, 0, 1),
      waitMs: 60_000,
      walkMs: 90_000,
      serviceMs: 150_000,
      totalMs: 300_000,
    });
  });

  it('when the hall is in another time zone, then day and hour follow that zone', () => {
    const [utc] = foldRecords(mondayJournal().slice(0, 1), { timeZone: 'UTC' }, SERVICES);

    expect(utc).toMatchObject({ day: '2024-05-06', hour: 6 });
    const [late] = foldRecords(
      new JournalBuilder().issue(local(1, 30), 'V009', VEZNE).events,
      { timeZone: 'UTC' },
      SERVICES,
    );
    expect(late).toMatchObject({ day: '2024-05-05', hour: 22, weekday: 7 });
  });

  it('when a no-show is restored and served, then it is served, with the wait to its first call', () => {
    const j = new JournalBuilder()
      .issue(local(9, 0), 'V001', VEZNE)
      .call(local(9, 1), 'V001', 'c1', AYSE)
      .atCounter(local(9, 3), 'ticket:no-show', 'V001', 'c1', AYSE)
      .add(local(9, 4), { type: 'ticket:restored', ticketId: 'V001', clerkId: AYSE })
      .call(local(9, 5), 'V001', 'c2', MEHMET)
      .atCounter(local(9, 5, 10), 'ticket:started', 'V001', 'c2', MEHMET)
      .complete(local(9, 7, 10), 'V001', 'c2', MEHMET);

    const [r] = foldRecords(j.events, HALL, SERVICES);

    expect(r).toMatchObject({
      end: 'completed',
      counterId: 'c2',
      clerkId: MEHMET,
      waitMs: 60_000,
      walkMs: 10_000,
      serviceMs: 120_000,
    });
  });

  it('when a visit in progress is cut by the day end, then it has no service time', () => {
    const j = new JournalBuilder()
      .issue(local(23, 50), 'V001', VEZNE)
      .call(local(23, 51), 'V001', 'c1', AYSE)
      .atCounter(local(23, 52), 'ticket:started', 'V001', 'c1', AYSE)
      .add(local(0, 0, 30, 1), {
        type: 'ticket:cancelled',
        ticketId: 'V001',
        by: 'day-end',
        clerkId: null,
      });

    const [r] = foldRecords(j.events, HALL, SERVICES);

    expect(r).toMatchObject({
      end: 'cancelled',
      cancelledBy: 'day-end',
      serviceMs: null,
      totalMs: null,
    });
  });

  it('when a ticket is still waiting, then its record is open', () => {
    const [r] = foldRecords(
      new JournalBuilder().issue(local(9, 0), 'V001', VEZNE).events,
      HALL,
      SERVICES,
    );

    expect(r).toMatchObject({ end: 'open', endedAt: null, waitMs: null });
  });

  it('when a service is no longer configured, then its target is the default 4 minutes', () => {
    const [r] = foldRecords(
      new JournalBuilder().issue(local(9, 0), 'X001', 'gone').events,
      HALL,
      SERVICES,
    );

    expect(r?.targetMinutes).toBe(4);
  });
});
