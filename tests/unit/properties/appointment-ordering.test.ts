import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../contract/domain.js';
import type { QueueEvent } from '../../../contract/events.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import {
  bookedSlot,
  compareInLine,
  decide,
  emptyHallState,
  evolve,
  hallConfig,
  peopleAhead,
  waitsFrom,
  type Command,
} from '../../../server/src/domain/index.js';

/*
 * Random days of walk-ins and booked visitors (checked in up to 20 minutes before or after
 * their slot, some twice) at a few counters, with every clerk command, checked after each
 * call-next against the ordering rules of the appointments design.
 */

const data = defaultConfig();
const config = hallConfig(data.halls[0]!, data.services, data.counters, data.directorates);
const LIMIT = config.hall.escalationMinutes * 60_000;
// Two services only, so booked visitors and walk-ins often share a line.
const serviceIds = data.services.slice(0, 2).map((s) => s.id);
const counterIds = ['banko-1', 'banko-3', 'banko-5'];
const clerks = ['c1', 'c2'];
const MINUTE = 60_000;

const at = {
  counterId: fc.constantFrom(...counterIds),
  clerkId: fc.constantFrom(...clerks),
  override: fc.boolean(),
};
const number = fc
  .tuple(fc.constantFrom(...data.services.slice(0, 2).map((s) => s.prefix)), fc.nat(15))
  .map(([p, n]) => `${p}${String(n + 1).padStart(3, '0')}`);
const visit = (type: 'start' | 'no-show' | 'requeue' | 'resume') =>
  fc.record({ type: fc.constant(type), ...at });

/** A check-in: the slot is given relative to the time it runs (minutes). */
interface CheckIn {
  serviceId: string;
  code: string;
  bookingId: string;
  slotIn: number;
}
/** A command or a check-in, and the milliseconds that pass before it. */
type Step = { dt: number } & ({ cmd: Command } | { checkIn: CheckIn });

const checkIn: fc.Arbitrary<CheckIn> = fc.record({
  serviceId: fc.constantFrom(...serviceIds),
  code: fc.uuid(),
  // A few booking ids, so the same booking sometimes checks in twice.
  bookingId: fc.constantFrom('b1', 'b2', 'b3', 'b4', 'b5', 'b6'),
  slotIn: fc.integer({ min: -10, max: 20 }),
});
const command = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('issue' as const),
      serviceId: fc.constantFrom(...serviceIds),
      priority: fc.constantFrom(null, null, 'elderly' as const),
      lang: fc.constant('tr' as const),
      code: fc.uuid(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('open' as const), ...at }) },
  { weight: 5, arbitrary: fc.record({ type: fc.constant('call-next' as const), ...at }) },
  fc.record({ type: fc.constant('call' as const), number, ...at }),
  { weight: 4, arbitrary: visit('start') },
  visit('no-show'),
  visit('requeue'),
  visit('resume'),
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('complete' as const),
      outcome: fc.constant('resolved' as const),
      directorateId: fc.constant(null),
      note: fc.constant(null),
      ...at,
    }),
  },
  fc.record({
    type: fc.constant('pause' as const),
    reason: fc.constant('paperwork' as const),
    ...at,
  }),
  fc.record({
    type: fc.constant('transfer' as const),
    serviceId: fc.constantFrom(...serviceIds),
    position: fc.constantFrom('front' as const, 'back' as const),
    ...at,
  }),
  fc.record({ type: fc.constant('restore' as const), number, clerkId: fc.constantFrom(...clerks) }),
);
const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ checkIn, dt: fc.integer({ min: 0, max: 4 * MINUTE }) }) },
    {
      weight: 7,
      arbitrary: fc.record({ cmd: command, dt: fc.integer({ min: 0, max: 4 * MINUTE }) }),
    },
  ),
  { minLength: 30, maxLength: 200 },
);

/** What each call-next saw: the line just before it, and whom it called. */
interface CallSeen {
  now: number;
  counterId: string;
  picked: Ticket;
  line: Ticket[];
}

function run(list: Step[]) {
  const state = emptyHallState('cankaya', '2026-11-28');
  const events: QueueEvent[] = [];
  const calls: CallSeen[] = [];
  let now = Date.UTC(2026, 10, 28, 6, 0);
  for (const step of list) {
    now += step.dt;
    const cmd: Command =
      'cmd' in step
        ? step.cmd
        : {
            type: 'issue',
            serviceId: step.checkIn.serviceId,
            priority: null,
            lang: 'tr',
            code: step.checkIn.code,
            appointment: {
              bookingId: step.checkIn.bookingId,
              slotAt: now + step.checkIn.slotIn * MINUTE,
            },
          };
    const line = [...state.waiting.values()].flatMap((ids) =>
      [...ids].map((id) => ({ ...state.tickets.get(id)! })),
    );
    const r = decide(state, config, cmd, now);
    if (!r.ok) continue;
    for (const e of r.value) {
      if (cmd.type === 'call-next' && e.type === 'ticket:called') {
        const picked = line.find((t) => t.id === e.ticketId);
        expect(picked, 'call-next picked a ticket that was not waiting').toBeDefined();
        calls.push({ now, counterId: cmd.counterId, picked: picked!, line });
      }
      evolve(state, e);
      state.rev += 1;
      events.push(e);
    }
  }
  return { state, events, calls };
}

const covers = (counterId: string, serviceId: string) =>
  config.counters.get(counterId)!.services.some((s) => s.serviceId === serviceId);

describe('appointments in the hall queue, for any day of commands', () => {
  it('when call-next picks a booked visitor, then their slot has come', () => {
    fc.assert(
      fc.property(steps, (list) => {
        for (const { now, picked } of run(list).calls) {
          const slot = bookedSlot(picked);
          if (slot !== null) expect(slot).toBeLessThanOrEqual(now);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('when call-next picks a ticket not escalated, then no ticket it could call waits past the limit', () => {
    fc.assert(
      fc.property(steps, (list) => {
        for (const { now, counterId, picked, line } of run(list).calls) {
          if (picked.front || now - waitsFrom(picked) > LIMIT) continue;
          const starved = line.filter(
            (t) =>
              covers(counterId, t.serviceId) &&
              !t.front &&
              now - waitsFrom(t) > LIMIT &&
              (bookedSlot(t) ?? now) <= now,
          );
          expect(starved.map((t) => t.number)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('when tickets are called, then none is called while called elsewhere, and a booking checks in once', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const { state, events } = run(list);
        const holding = new Map<string, string>();
        const replayed = emptyHallState('cankaya', '2026-11-28');
        for (const e of events) {
          if (e.type === 'ticket:called') {
            expect(replayed.tickets.get(e.ticketId)?.status).toBe('waiting');
            expect(holding.has(e.ticketId)).toBe(false);
            holding.set(e.ticketId, e.counterId);
          } else if ('ticketId' in e) holding.delete(e.ticketId);
          evolve(replayed, e);
        }
        const bookings = events.flatMap((e) =>
          e.type === 'ticket:issued' && e.appointment ? [e.appointment.bookingId] : [],
        );
        expect(new Set(bookings).size).toBe(bookings.length);
        expect([...replayed.checkedIn].sort()).toEqual([...state.checkedIn].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('when booked visitors wait, then people ahead of a walk-in is the walk-ins before them and the booked visitors due', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 0, max: 40 }), (list, horizon) => {
        const { state } = run(list);
        const dueBy = state.clock + horizon * MINUTE;
        for (const [serviceId, ids] of state.waiting) {
          const line = [...ids].map((id) => state.tickets.get(id)!);
          for (const t of line) {
            if (bookedSlot(t) !== null) continue;
            const walkInsBefore = line.filter(
              (o) => o.id !== t.id && bookedSlot(o) === null && compareInLine(o, t) < 0,
            ).length;
            const due = line.filter((o) => (bookedSlot(o) ?? Infinity) <= dueBy).length;
            expect(peopleAhead(state, t, dueBy), `${serviceId} ${t.number}`).toBe(
              walkInsBefore + due,
            );
          }
        }
        // The booked set is exactly the waiting tickets with a slot still to be called by.
        for (const [serviceId, ids] of state.waiting) {
          const booked = [...ids].filter((id) => bookedSlot(state.tickets.get(id)!) !== null);
          expect([...(state.booked.get(serviceId) ?? [])].sort()).toEqual(booked.sort());
        }
      }),
      { numRuns: 150 },
    );
  });
});
