import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../contract/events.js';
import {
  closeDayEvents,
  decide,
  evolve,
  type Command,
  type HallState,
} from '../../../server/src/domain/index.js';
import {
  at,
  comparable,
  DAY,
  EVRAK,
  HALL_ID,
  makeConfig,
  must,
  newDay,
  NIKAH,
  OPENING,
  replay,
  RUHSAT,
  ticketByNumber,
  VEZNE,
} from './fixtures.js';

describe('replay', () => {
  it('when an empty journal is replayed, then the state equals a fresh day', () => {
    expect(comparable(replay([]))).toEqual(comparable(newDay()));
  });

  it("when a day's journal is folded into a fresh state, then it equals the live state", () => {
    const live = newDay();
    const config = makeConfig();
    const journal: QueueEvent[] = [];
    const step = (command: Command, now: number) =>
      journal.push(...must(live, config, command, now));
    const c1 = { counterId: 'c1', clerkId: 'ayse' };
    const c3 = { counterId: 'c3', clerkId: 'mehmet' };
    step({ type: 'open', ...c1 }, at(0));
    step({ type: 'open', ...c3 }, at(0));
    step({ type: 'issue', serviceId: VEZNE, priority: null, lang: 'tr', code: 'a' }, at(1));
    step({ type: 'issue', serviceId: VEZNE, priority: 'elderly', lang: 'en', code: 'b' }, at(2));
    step({ type: 'issue', serviceId: RUHSAT, priority: null, lang: 'tr', code: 'c' }, at(3));
    step({ type: 'issue', serviceId: VEZNE, priority: null, lang: 'tr', code: 'd' }, at(3));
    step({ type: 'call-next', ...c1 }, at(4));
    step({ type: 'recall', ...c1 }, at(5));
    step({ type: 'start', ...c1 }, at(6));
    step({ type: 'transfer', ...c1, serviceId: RUHSAT, position: 'front' }, at(8));
    step({ type: 'call-next', ...c3 }, at(9));
    step({ type: 'no-show', ...c3 }, at(11));
    step({ type: 'restore', number: 'v002', clerkId: 'mehmet' }, at(12));
    step({ type: 'call-next', ...c3 }, at(13));
    step({ type: 'start', ...c3 }, at(14));
    step(
      {
        type: 'complete',
        ...c3,
        outcome: 'forwarded',
        directorateId: 'imar-ve-sehircilik',
        note: 'İmar',
      },
      at(20),
    );
    step({ type: 'call-next', ...c1 }, at(21));
    step({ type: 'requeue', ...c1 }, at(22));
    step({ type: 'pause', ...c1, reason: 'paperwork' }, at(23));
    step({ type: 'resume', ...c1 }, at(30));
    step(
      { type: 'cancel', ticketId: ticketByNumber(live, 'V003').id, by: 'visitor', clerkId: null },
      at(31),
    );
    step({ type: 'close', ...c3 }, at(32));
    const dayEnd = closeDayEvents(live, Date.UTC(2024, 4, 6, 21));
    for (const event of dayEnd) evolve(live, event);
    journal.push(...dayEnd);

    const replayed = replay(journal);

    expect(comparable(replayed)).toEqual(comparable(live));
    expect(replayed.recentServiceMs.get(VEZNE)).toEqual([2 * 60_000]);
    expect(replayed.recentServiceMs.get(RUHSAT)).toEqual([6 * 60_000]);
  });

  it('when a journal is replayed twice into separate states, then both states are equal', () => {
    const live = newDay();
    const config = makeConfig();
    const journal: QueueEvent[] = [];
    for (const serviceId of [VEZNE, RUHSAT, VEZNE]) {
      journal.push(
        ...must(
          live,
          config,
          {
            type: 'issue',
            serviceId,
            priority: null,
            lang: 'tr',
            code: serviceId + journal.length,
          },
          at(journal.length),
        ),
      );
    }

    expect(comparable(replay(journal))).toEqual(comparable(replay(journal)));
  });
});

// ---------------------------------------------------------------------------------------------
// Property: any sequence of commands, accepted or refused, leaves a state that (1) replaying the
// accepted events rebuilds exactly, (2) decide never touched, and (3) keeps the hall's invariants.

const clerks = ['ayse', 'mehmet', 'zeynep', 'ali', 'mudur'] as const;
const counters = ['c1', 'c2', 'c3', 'c4', 'c404'] as const;
const services = [VEZNE, RUHSAT, EVRAK, NIKAH, 'kayip'] as const;
const numbers = ['V001', 'V002', 'V003', 'v004', 'R001', 'R002', 'E001', 'X001'] as const;

/** Mostly each clerk at their own counter, so visits get far; sometimes anyone anywhere. */
const byClerk = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(['c1', 'ayse'], ['c2', 'mehmet'], ['c3', 'zeynep'], ['c4', 'ali'])
      .map(([counterId, clerkId]) => ({ counterId: counterId!, clerkId: clerkId! })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      counterId: fc.constantFrom(...counters),
      clerkId: fc.constantFrom(...clerks),
      override: fc.boolean(),
    }),
  },
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('issue' as const),
      serviceId: fc.constantFrom(...services),
      priority: fc.constantFrom(null, null, 'elderly' as const, 'disabled' as const),
      lang: fc.constantFrom('tr' as const, 'en' as const),
      code: fc.string({ minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 2, arbitrary: byClerk.map((b) => ({ type: 'open' as const, ...b })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(byClerk, fc.constantFrom('break' as const, 'paperwork' as const, 'system' as const))
      .map(([b, reason]) => ({ type: 'pause' as const, ...b, reason })),
  },
  { weight: 1, arbitrary: byClerk.map((b) => ({ type: 'resume' as const, ...b })) },
  { weight: 1, arbitrary: byClerk.map((b) => ({ type: 'close' as const, ...b })) },
  { weight: 4, arbitrary: byClerk.map((b) => ({ type: 'call-next' as const, ...b })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(byClerk, fc.constantFrom(...numbers))
      .map(([b, number]) => ({ type: 'call' as const, ...b, number })),
  },
  { weight: 1, arbitrary: byClerk.map((b) => ({ type: 'recall' as const, ...b })) },
  { weight: 3, arbitrary: byClerk.map((b) => ({ type: 'start' as const, ...b })) },
  {
    weight: 3,
    arbitrary: byClerk.map((b) => ({
      type: 'complete' as const,
      ...b,
      outcome: 'resolved' as const,
      note: null,
    })),
  },
  { weight: 1, arbitrary: byClerk.map((b) => ({ type: 'no-show' as const, ...b })) },
  { weight: 1, arbitrary: byClerk.map((b) => ({ type: 'requeue' as const, ...b })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        byClerk,
        fc.constantFrom(...services),
        fc.constantFrom('front' as const, 'back' as const),
      )
      .map(([b, serviceId, position]) => ({
        type: 'transfer' as const,
        ...b,
        serviceId,
        position,
      })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('V001', 'v002', 'R001', 'E001'), fc.constantFrom(...clerks))
      .map(([number, clerkId]) => ({ type: 'restore' as const, number, clerkId })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...numbers), fc.constantFrom('visitor' as const, 'staff' as const))
      .map(([number, by]) => ({
        type: 'cancel' as const,
        ticketId: `${HALL_ID}-${DAY}-${number}`,
        by,
        clerkId: by === 'staff' ? 'ayse' : null,
      })),
  },
);

/** Seconds between commands: mostly short, sometimes past the grace and escalation limits. */
const stepArb = fc.record({
  afterSeconds: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2400 }) },
  ),
  command: commandArb,
});

/** Everything that must hold between any two commands. */
function invariantViolations(state: HallState): string[] {
  const out: string[] = [];
  for (const [serviceId, ids] of state.waiting) {
    for (const id of ids) {
      const t = state.tickets.get(id);
      if (t?.status !== 'waiting' || t.serviceId !== serviceId)
        out.push(`${id} listed as waiting in ${serviceId}`);
    }
  }
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting' && !state.waiting.get(t.serviceId)?.has(t.id))
      out.push(`${t.number} waits outside its line`);
    if (t.status === 'waiting' && t.endedAt !== null) out.push(`${t.number} waits but has ended`);
    if (
      (t.status === 'done' || t.status === 'no-show' || t.status === 'cancelled') &&
      t.endedAt === null
    ) {
      out.push(`${t.number} is ${t.status} without endedAt`);
    }
    if (t.status === 'called' || t.status === 'serving') {
      const c = t.counterId === null ? undefined : state.counters.get(t.counterId);
      if (c?.currentTicketId !== t.id)
        out.push(`${t.number} is ${t.status} but not at its counter`);
    }
    if (t.status === 'serving' && t.startedAt === null)
      out.push(`${t.number} serving without startedAt`);
    if (t.status === 'done' && (t.startedAt === null || t.completedAt === null))
      out.push(`${t.number} done without times`);
    if (t.firstCalledAt !== null && t.lastCalledAt !== null && t.firstCalledAt > t.lastCalledAt) {
      out.push(`${t.number} first call after last call`);
    }
    if (state.ticketIdByNumber.get(t.number) !== t.id)
      out.push(`${t.number} not found by its number`);
  }
  if (state.ticketIdByNumber.size !== state.tickets.size) out.push('a number was handed out twice');
  const holders = new Map<string, string>();
  for (const c of state.counters.values()) {
    if (c.currentTicketId !== null) {
      const t = state.tickets.get(c.currentTicketId);
      if (t?.counterId !== c.id || (t.status !== 'called' && t.status !== 'serving')) {
        out.push(`${c.id} holds ${c.currentTicketId} which is not called or served there`);
      }
      if (c.status !== 'open') out.push(`${c.id} is ${c.status} with a visitor`);
    }
    if (c.status === 'closed' && c.clerkId !== null)
      out.push(`${c.id} closed but held by ${c.clerkId}`);
    if (c.status !== 'closed') {
      if (c.clerkId === null) out.push(`${c.id} is ${c.status} but held by nobody`);
      else if (holders.has(c.clerkId))
        out.push(`${c.clerkId} holds ${holders.get(c.clerkId)} and ${c.id}`);
      else holders.set(c.clerkId, c.id);
    }
    const free = c.status === 'open' && c.currentTicketId === null;
    if (free !== (c.freeSince !== null))
      out.push(`${c.id} freeSince ${c.freeSince} but free is ${free}`);
    if ((c.status === 'paused') !== (c.pauseReason !== null))
      out.push(`${c.id} pause reason out of step`);
  }
  // Sequences start at 1 and have no gaps, so together they count every ticket once.
  const numbered = [...state.sequences.values()].reduce((sum, seq) => sum + seq, 0);
  if (numbered !== state.tickets.size)
    out.push(`${numbered} numbers for ${state.tickets.size} tickets`);
  return out;
}

describe('replay property', () => {
  // 300 runs snapshot the state around every decide: ~2 s alone, far more on a loaded machine.
  it('when any sequence of commands is run, then decide leaves the state alone, invariants hold and replay rebuilds it', () => {
    const config = makeConfig({ hall: { escalationMinutes: 20, noShowGraceMinutes: 5 } });
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 150, size: 'max' }), (steps) => {
        const state = newDay();
        const journal: QueueEvent[] = [];
        let now = OPENING;
        for (const { afterSeconds, command } of steps) {
          now += afterSeconds * 1000;
          const before = comparable(state);
          const result = decide(state, config, command, now);
          expect(comparable(state)).toEqual(before);
          if (!result.ok) continue;
          for (const event of result.value) {
            evolve(state, event);
            journal.push(event);
          }
          expect(invariantViolations(state), `after ${command.type}`).toEqual([]);
        }
        for (const event of closeDayEvents(state, now + 1)) {
          evolve(state, event);
          journal.push(event);
        }
        expect(invariantViolations(state), 'after day end').toEqual([]);
        for (const t of state.tickets.values())
          expect(['done', 'no-show', 'cancelled']).toContain(t.status);

        expect(comparable(replay(journal))).toEqual(comparable(state));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('when any sequence of issues runs, then each service numbers 1, 2, 3, … without gaps or repeats', () => {
    const config = makeConfig();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(VEZNE, RUHSAT, EVRAK), { maxLength: 40 }), (order) => {
        const state = newDay();
        const seen = new Map<string, string[]>();
        order.forEach((serviceId, i) => {
          const [event] = must(
            state,
            config,
            { type: 'issue', serviceId, priority: null, lang: 'tr', code: `k${i}` },
            at(i),
          );
          if (event?.type === 'ticket:issued')
            seen.set(serviceId, [...(seen.get(serviceId) ?? []), event.number]);
        });
        for (const [serviceId, issued] of seen) {
          const prefix = config.services.get(serviceId)!.prefix;
          expect(issued).toEqual(
            issued.map((_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`),
          );
        }
      }),
    );
  });
});
