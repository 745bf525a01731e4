import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeRecords,
  encodeRecords,
  statsRows,
} from '../../../server/src/stats/record-columns.js';
import type { TicketRecord } from '../../../server/src/stats/ticket-record.js';
import { foldRecords } from '../../../server/src/stats/ticket-records.js';
import { HALL, mondayJournal, SERVICES, tuesdayJournal } from './stats-fixtures.js';

const id = fc.constantFrom('vezne', 'ruhsat', 'ctr-1', 'ctr-2', 'ayşe', 'İsmail', '');
const instant = fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 });
const duration = fc.option(fc.nat(86_400_000));

/** Any record the codec may meet, within the types (not only what a fold produces). */
const record: fc.Arbitrary<TicketRecord> = fc.record({
  hallId: fc.constantFrom('cankaya', 'kizilay'),
  ticketId: fc.string(),
  number: fc.string({ maxLength: 5 }),
  segment: fc.nat(5),
  last: fc.boolean(),
  day: fc.constantFrom('2024-05-06', '2024-05-07'),
  hour: fc.nat(23),
  weekday: fc.integer({ min: 1, max: 7 }),
  serviceId: id,
  targetMinutes: fc.integer({ min: 1, max: 120 }),
  priority: fc.constantFrom(null, 'elderly', 'disabled', 'pregnant', 'veteran'),
  lang: fc.constantFrom('tr', 'en'),
  counterId: fc.option(id),
  clerkId: fc.option(id),
  issuedAt: instant,
  queuedAt: instant,
  firstCalledAt: fc.option(instant),
  lastCalledAt: fc.option(instant),
  startedAt: fc.option(instant),
  completedAt: fc.option(instant),
  endedAt: fc.option(instant),
  waitMs: duration,
  walkMs: duration,
  serviceMs: duration,
  totalMs: duration,
  end: fc.constantFrom('completed', 'transferred', 'no-show', 'cancelled', 'open'),
  outcome: fc.constantFrom(null, 'resolved', 'forwarded'),
  transferredTo: fc.option(id),
  cancelledBy: fc.constantFrom(null, 'visitor', 'staff', 'day-end'),
  recalls: fc.nat(9),
  transfers: fc.nat(5),
  idle: fc.array(fc.record({ counterId: id, clerkId: id, ms: fc.nat(3_600_000) }), {
    maxLength: 3,
  }),
  rating: fc.option(fc.integer({ min: 1, max: 5 })),
  note: fc.option(fc.string()),
});

describe('records by column', () => {
  it('when any records are encoded, stored as JSON and decoded, then the same records come back', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const stored = JSON.parse(JSON.stringify(encodeRecords(records))) as ReturnType<
          typeof encodeRecords
        >;
        expect(decodeRecords(stored)).toEqual(records);
      }),
    );
  });

  it('when a folded day is encoded, then its stats rows read the same as its records', () => {
    const records = foldRecords([...mondayJournal()], HALL, SERVICES);
    const rows = [...statsRows(encodeRecords(records))].length;
    const seen: unknown[] = [];
    for (const r of statsRows(encodeRecords(records)))
      seen.push({ service: r.serviceId, end: r.end, wait: r.waitMs, idle: [...r.idle] });

    expect(rows).toBe(records.length);
    expect(seen).toEqual(
      records.map((r) => ({ service: r.serviceId, end: r.end, wait: r.waitMs, idle: r.idle })),
    );
  });

  it('when every record holds one value in a field, then the column is that value alone', () => {
    const records = foldRecords(tuesdayJournal(), HALL, SERVICES);
    const columns = encodeRecords([...records, ...records]);

    expect(columns.stats.columns.day).toBe(0);
    expect(columns.stats.strings[0]).toBe(records[0]!.day);
    expect(columns.detail.columns.transferredTo).toBeNull();
    expect(decodeRecords(columns)).toEqual([...records, ...records]);
  });

  it('when a day has no records, then it encodes and decodes to none', () => {
    expect(decodeRecords(encodeRecords([]))).toEqual([]);
  });
});
