import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Counter, Ticket } from '../../../contract/domain.js';
import type { QueueEvent } from '../../../contract/events.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import {
  decide,
  durationsOf,
  emptyHallState,
  evolve,
  hallConfig,
  lineOf,
  peopleAhead,
  pickNext,
  serviceQueues,
  type Command,
  type HallState,
} from '../../../server/src/domain/index.js';

const data = defaultConfig();
const config = hallConfig(data.halls[0]!, data.services, data.counters, data.directorates);
const serviceIds = data.services.map((s) => s.id);
// Few counters and clerks, so random commands often meet the state they need.
const counterIds = ['banko-1', 'banko-3', 'banko-5'];
const clerks = ['c1', 'c2'];

const at = {
  counterId: fc.constantFrom(...counterIds),
  clerkId: fc.constantFrom(...clerks),
  override: fc.boolean(),
};
const number = fc
  .tuple(fc.constantFrom('V', 'R', 'M', 'İ', 'D', 'E'), fc.integer({ min: 1, max: 12 }))
  .map(([p, n]) => `${p}${String(n).padStart(3, '0')}`);
const visit = (type: 'recall' | 'start' | 'no-show' | 'requeue' | 'resume' | 'close') =>
  fc.record({ type: fc.constant(type), ...at });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('issue' as const),
      serviceId: fc.constantFrom(...serviceIds, 'nope'),
      priority: fc.constantFrom(null, null, 'elderly' as const),
      lang: fc.constant('tr' as const),
      code: fc.uuid(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('open' as const), ...at }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('call-next' as const), ...at }) },
  fc.record({ type: fc.constant('call' as const), number, ...at }),
  { weight: 4, arbitrary: visit('start') },
  visit('recall'),
  visit('no-show'),
  visit('requeue'),
  visit('resume'),
  visit('close'),
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('complete' as const),
      outcome: fc.constantFrom('resolved' as const, 'forwarded' as const),
      directorateId: fc.constantFrom(null, 'fen-isleri', 'zabita'),
      note: fc.constantFrom(null, 'not'),
      ...at,
    }),
  },
  fc.record({
    type: fc.constant('pause' as const),
    reason: fc.constantFrom('break' as const, 'system' as const),
    ...at,
  }),
  fc.record({
    type: fc.constant('transfer' as const),
    serviceId: fc.constantFrom(...serviceIds),
    position: fc.constantFrom('front' as const, 'back' as const),
    ...at,
  }),
  fc.record({ type: fc.constant('restore' as const), number, clerkId: fc.constantFrom(...clerks) }),
  fc.record({
    type: fc.constant('cancel' as const),
    ticketId: number.map((n) => `cankaya-2026-11-28-${n}`),
    by: fc.constantFrom('visitor' as const, 'staff' as const),
    clerkId: fc.constant(null),
  }),
);
/** A command and the milliseconds that pass before it. */
const steps = fc.array(fc.tuple(command, fc.integer({ min: 0, max: 3 * 60_000 })), {
  minLength: 20,
  maxLength: 150,
});

function run(list: Array<[Command, number]>): { state: HallState; events: QueueEvent[] } {
  const state = emptyHallState('cankaya', '2026-11-28');
  const events: QueueEvent[] = [];
  let now = Date.UTC(2026, 10, 28, 6, 0);
  for (const [cmd, dt] of list) {
    now += dt;
    const r = decide(state, config, cmd, now);
    if (!r.ok) continue;
    for (const e of r.value) {
      evolve(state, e);
      state.rev += 1;
      events.push(e);
    }
  }
  return { state, events };
}

const plain = (s: HallState) =>
  JSON.parse(
    JSON.stringify({
      ...s,
      tickets: [...s.tickets],
      waiting: [...s.waiting].map(([k, v]) => [k, [...v].sort()]),
      counters: [...s.counters],
      sequences: [...s.sequences],
      recentServiceMs: [...s.recentServiceMs],
      ticketIdByNumber: [...s.ticketIdByNumber],
      ticketIdByCode: [...s.ticketIdByCode],
    }),
  );

describe('domain invariants for any sequence of commands', () => {
  it('when any commands run, then called and serving tickets sit at exactly one counter and counters point back', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const { state } = run(list);
        const current = [...state.counters.values()]
          .map((c) => c.currentTicketId)
          .filter((x) => x !== null);
        expect(new Set(current).size).toBe(current.length);
        for (const t of state.tickets.values()) {
          const atCounter = [...state.counters.values()].filter((c) => c.currentTicketId === t.id);
          if (t.status === 'called' || t.status === 'serving') {
            expect(atCounter).toHaveLength(1);
            expect(atCounter[0]!.id).toBe(t.counterId);
            expect(atCounter[0]!.status).not.toBe('closed');
          } else expect(atCounter).toHaveLength(0);
          const inLine = [...state.waiting.values()].filter((set) => set.has(t.id)).length;
          expect(inLine).toBe(t.status === 'waiting' ? 1 : 0);
          if (t.status === 'waiting') expect(state.waiting.get(t.serviceId)?.has(t.id)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('when any commands run, then each line reports its longest-waiting ticket and ranks match peopleAhead', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const { state } = run(list);
        for (const q of serviceQueues(state, config)) {
          const waiting = [...(state.waiting.get(q.serviceId) ?? [])].map((id) =>
            state.tickets.get(id)!,
          );
          expect(q.oldestQueuedAt).toBe(
            waiting.length ? Math.min(...waiting.map((t) => t.queuedAt)) : null,
          );
          lineOf(state, q.serviceId).forEach((t, i) => expect(peopleAhead(state, t)).toBe(i));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('when the clock steps back now and then, then every waiting visitor is still told their exact place', () => {
    // A server clock set back (NTP, a wrong manual time) lets a later ticket join "before" an
    // earlier one; the shortcut for the last to join must then give way to counting.
    const stepsWithClockSteps = fc.array(
      fc.tuple(command, fc.integer({ min: -5 * 60_000, max: 3 * 60_000 })),
      { minLength: 20, maxLength: 150 },
    );
    fc.assert(
      fc.property(stepsWithClockSteps, (list) => {
        const { state } = run(list);
        for (const serviceId of serviceIds)
          lineOf(state, serviceId).forEach((t, i) => expect(peopleAhead(state, t)).toBe(i));
      }),
      { numRuns: 300 },
    );
  });

  it('when any commands run, even with clock steps, then pickNext calls whom the ordering rules name', () => {
    // The rules as sorts (how DESIGN states them); pickNext finds the same ticket in one pass.
    const byRules = (state: HallState, counter: Counter, now: number): Ticket | undefined => {
      const { hall } = config;
      const candidates = counter.services.flatMap(({ serviceId }) =>
        [...(state.waiting.get(serviceId) ?? [])].map((id) => state.tickets.get(id)!),
      );
      const weight = new Map(counter.services.map((s) => [s.serviceId, s.weight]));
      const earliest = (a: Ticket, b: Ticket) =>
        a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.seq - b.seq;
      const front = candidates.filter((t) => t.front).sort(earliest);
      if (front.length > 0) return front[0];
      const escalated = candidates
        .filter((t) => now - t.queuedAt > hall.escalationMinutes * 60_000)
        .sort(earliest);
      if (escalated.length > 0) return escalated[0];
      const byWeightedWait = (a: Ticket, b: Ticket) =>
        (now - b.queuedAt) * (weight.get(b.serviceId) ?? 1) -
          (now - a.queuedAt) * (weight.get(a.serviceId) ?? 1) || earliest(a, b);
      const priority = candidates.filter((t) => t.priority !== null).sort(byWeightedWait);
      const normal = candidates.filter((t) => t.priority === null).sort(byWeightedWait);
      if (priority.length === 0) return normal[0];
      if (normal.length === 0) return priority[0];
      return state.normalsSincePriority >= hall.priorityRatio ? priority[0] : normal[0];
    };
    // Whole minutes and repeats, so that waits tie and the tie-breaks decide.
    const dt = fc.constantFrom(0, 0, 60_000, 2 * 60_000, 5 * 60_000, 20 * 60_000, -3 * 60_000);
    const weights = fc.array(fc.constantFrom(1, 1, 2, 3), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(command, dt), { minLength: 20, maxLength: 150 }),
        fc.constantFrom(0, 1, 10, 31, 45, -10),
        weights,
        (list, laterMin, w) => {
          const { state } = run(list);
          const now = Date.UTC(2026, 10, 28, 6, 0) + list.reduce((sum, [, d]) => sum + d, 0);
          const at = now + laterMin * 60_000;
          for (const c of config.counters.values()) {
            const counter = { ...c, services: c.services.map((s, i) => ({ ...s, weight: w[i]! })) };
            expect(pickNext(state, config.hall, counter, at)?.id).toBe(
              byRules(state, counter, at)?.id,
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('when any commands run, then a clerk holds at most one counter', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const { state } = run(list);
        const holders = [...state.counters.values()]
          .filter((c) => c.status !== 'closed')
          .map((c) => c.clerkId);
        expect(new Set(holders).size).toBe(holders.length);
      }),
      { numRuns: 300 },
    );
  });

  it('when any commands run, then numbers per service are unique and count up 1, 2, 3 in issue order', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const { events } = run(list);
        const seqs = new Map<string, number[]>();
        for (const e of events)
          if (e.type === 'ticket:issued')
            seqs.set(e.serviceId, [...(seqs.get(e.serviceId) ?? []), e.seq]);
        for (const list of seqs.values()) expect(list).toEqual(list.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('when any commands run, then no duration is negative', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const { state, events } = run(list);
        for (const t of state.tickets.values()) {
          for (const v of Object.values(durationsOf(t)))
            if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
        }
        for (const e of events)
          if (e.type === 'ticket:called') expect(e.idleMs).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('when the events are replayed into an empty state, then the state is the same', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const { state, events } = run(list);
        const replayed = emptyHallState('cankaya', '2026-11-28');
        for (const e of events) {
          evolve(replayed, e);
          replayed.rev += 1;
        }
        expect(plain(replayed)).toEqual(plain(state));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the command generator', () => {
  it('when sequences are drawn, then they reach every ticket status (the properties above are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(steps, (list) => {
        for (const t of run(list).state.tickets.values()) seen.add(t.status);
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual([
      'called',
      'cancelled',
      'done',
      'no-show',
      'serving',
      'waiting',
    ]);
  });
});
