import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BookingRevEvent } from '../../../contract/booking-events.js';
import {
  bookingConfig,
  bookingStateOf,
  decideBooking,
  decideCheckIn,
  emptyBookingState,
  foldBooking,
  statusAt,
  type BookingCommand,
  type BookingState,
} from '../../../server/src/domain/bookings/index.js';

const MINUTE = 60_000;
const HALL = 'cankaya';
const PER_SLOT = 2;
const spans = [{ from: '09:00', to: '10:10' }]; // three 20-minute slots and a remainder
const hours = { mon: spans, tue: spans, wed: spans, thu: spans, fri: spans, sat: [], sun: [] };
const config = bookingConfig(
  {
    id: HALL,
    timeZone: 'Europe/Istanbul',
    booking: {
      checkInEarlyMinutes: 15,
      checkInLateMinutes: 10,
      horizonDays: 3,
      leadMinutes: 30,
      maxPerContact: 2,
      closedDays: [],
      retentionDays: 1,
    },
  },
  ['vezne', 'ruhsat'].map((id) => ({
    id,
    hallId: HALL,
    name: { tr: id, en: id },
    targetMinutes: 5,
    active: true,
    booking: { enabled: true, hours, slotMinutes: 20, perSlot: PER_SLOT },
  })),
);
const START = Date.parse('2026-12-07T07:00:00+03:00'); // a Monday

/** A step: a command (ids of existing bookings picked by index) and the minutes before it. */
type Step =
  | { kind: 'make'; cmd: Omit<Extract<BookingCommand, { type: 'make' }>, 'bookingId' | 'code'> }
  | { kind: 'move'; pick: number; day: string; time: string }
  | { kind: 'cancel'; pick: number }
  | { kind: 'check-in'; pick: number }
  | { kind: 'erase' };

// Mostly valid requests on few slots, so slots fill, contacts reach their limit and the
// refusals are met too; few check-in codes, so draws collide.
const day = fc.constantFrom('2026-12-07', '2026-12-08', '2026-12-08', '2026-12-09', '2026-12-12');
const time = fc.constantFrom('09:00', '09:00', '09:20', '09:40', '10:00');
const make: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('make' as const),
  cmd: fc.record({
    type: fc.constant('make' as const),
    serviceId: fc.constantFrom('vezne', 'vezne', 'vezne', 'ruhsat', 'nope'),
    day,
    time,
    name: fc.constantFrom('Ayşe Yılmaz', 'Mehmet Demir', 'Ali Kaya', ' x '),
    phone: fc.constantFrom(
      null,
      null,
      null,
      '0532 111 22 33',
      '05321112233',
      '0555 444 55 66',
      '0544 777 88 99',
      '0212 1',
    ),
    lang: fc.constant('tr' as const),
    madeBy: fc.constantFrom('citizen' as const, 'citizen' as const, 'staff' as const),
    addressHash: fc.constantFrom(null, 'a'.repeat(64), 'a'.repeat(64), 'b'.repeat(64)),
    checkInCode: fc.integer({ min: 1, max: 12 }).map((n) => String(n).padStart(10, '0')),
  }),
});
const pick = fc.nat({ max: 50 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: make },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), pick, day, time }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('check-in' as const), pick }) },
  fc.record({ kind: fc.constant('erase' as const) }),
);
// Mostly minutes between commands, now and then hours: a run spans a day or two of slots.
const minutes = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 10 }) },
  fc.integer({ min: 0, max: 240 }),
);
const steps = fc.array(fc.tuple(step, minutes), {
  minLength: 10,
  maxLength: 120,
});

interface Run {
  state: BookingState;
  events: BookingRevEvent[];
  /** After every accepted decision: the state's check, run by the caller. */
  now: number;
}

function run(list: Array<[Step, number]>, check: (state: BookingState, now: number) => void): Run {
  const state = emptyBookingState(HALL);
  const events: BookingRevEvent[] = [];
  let now = START;
  let drawn = 0;
  for (const [s, dt] of list) {
    now += dt * MINUTE;
    const ids = [...state.bookings.keys()];
    const picked = (i: number) => ids[i % Math.max(1, ids.length)] ?? 'none';
    let command: BookingCommand;
    switch (s.kind) {
      case 'make':
        drawn += 1;
        command = { ...s.cmd, bookingId: `b${drawn}`, code: `code-${drawn}-0123456789abcdef` };
        break;
      case 'move':
        command = { type: 'move', bookingId: picked(s.pick), day: s.day, time: s.time };
        break;
      case 'cancel':
        command = { type: 'cancel', bookingId: picked(s.pick), by: 'citizen' };
        break;
      case 'check-in': {
        // As the shell does: the kiosk's code finds the booking, the window is checked, the
        // ticket is issued, then the ledger records it.
        const b = state.bookings.get(
          state.byCheckInCode.get(state.bookings.get(picked(s.pick))?.checkInCode ?? '') ?? '',
        );
        const allowed = decideCheckIn(
          b && { ...b, status: statusAt(b, now, config.rules) },
          now,
          config.rules,
          config.timeZone,
        );
        if (!allowed.ok || !b) continue;
        command = {
          type: 'checked-in',
          bookingId: b.id,
          ticketId: `t-${b.id}`,
          ticketNumber: 'V001',
        };
        break;
      }
      case 'erase':
        command = { type: 'erase' };
        break;
    }
    const r = decideBooking(state, config, command, now);
    if (!r.ok) continue;
    for (const e of r.value) {
      const stored = JSON.parse(JSON.stringify({ ...e, rev: state.rev + 1 })) as BookingRevEvent;
      foldBooking(state, stored);
      events.push(stored);
    }
    check(state, now);
  }
  return { state, events, now };
}

const plain = (s: BookingState) => ({
  ...s,
  bookings: [...s.bookings].sort(),
  byCode: [...s.byCode].sort(),
  byCheckInCode: [...s.byCheckInCode].sort(),
  taken: [...s.taken].sort(),
});

// Hundreds of runs of up to 120 decisions each: seconds on a busy machine, not the default 5.
describe('booking invariants for any sequence of commands', { timeout: 60_000 }, () => {
  it('when any commands run, then no slot ever holds more than perSlot live bookings, and the places count matches the bookings', () => {
    fc.assert(
      fc.property(steps, (list) => {
        run(list, (state) => {
          const live = new Map<string, number>();
          for (const b of state.bookings.values()) {
            if (b.status === 'cancelled') continue;
            const key = `${b.serviceId}@${b.slotAt}`;
            live.set(key, (live.get(key) ?? 0) + 1);
          }
          for (const n of live.values()) expect(n).toBeLessThanOrEqual(PER_SLOT);
          expect([...state.taken].sort()).toEqual([...live].sort());
        });
      }),
      { numRuns: 200 },
    );
  });

  it('when any commands run, then folding the stored events from scratch gives the state the decisions saw', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const { state, events } = run(list, () => {});
        expect(plain(bookingStateOf(HALL, events))).toEqual(plain(state));
        expect(state.rev).toBe(events.length);
      }),
      { numRuns: 200 },
    );
  });

  it('when any commands run, then check-in codes are unique among open bookings and each finds its booking', () => {
    fc.assert(
      fc.property(steps, (list) => {
        run(list, (state, now) => {
          const open = [...state.bookings.values()].filter(
            (b) => statusAt(b, now, config.rules) === 'booked',
          );
          const codes = open.map((b) => b.checkInCode);
          expect(new Set(codes).size).toBe(codes.length);
          for (const b of open) expect(state.byCheckInCode.get(b.checkInCode)).toBe(b.id);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('when any commands run, then no phone or citizen address holds more than maxPerContact future bookings', () => {
    fc.assert(
      fc.property(steps, (list) => {
        run(list, (state, now) => {
          const held = new Map<string, number>();
          for (const b of state.bookings.values()) {
            if (b.status !== 'booked' || b.slotAt < now) continue;
            const keys = [
              b.phone && `phone:${b.phone}`,
              b.madeBy === 'citizen' && b.addressHash && `addr:${b.addressHash}`,
            ];
            for (const k of keys) if (k) held.set(k, (held.get(k) ?? 0) + 1);
          }
          for (const n of held.values()) expect(n).toBeLessThanOrEqual(config.rules.maxPerContact);
        });
      }),
      { numRuns: 200 },
    );
  });
});
