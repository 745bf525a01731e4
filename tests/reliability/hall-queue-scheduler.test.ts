import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RevEvent } from '../../contract/events.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { emptyHallState, evolve, type HallState } from '../../server/src/domain/index.js';
import type { HallQueue } from '../../server/src/queue/hall-queue.js';
import { QueueService, type CounterCommand } from '../../server/src/queue/queue-service.js';
import { MemoryJournal, memoryStore } from './memory-store.js';

const HALL = 'cankaya';
/** 10:00 in Istanbul: a whole working day of milliseconds before local midnight. */
const MORNING = Date.UTC(2026, 2, 10, 7, 0, 0);
/** Banko 1–3 all cover the cashier (vezne), so they compete for the same line. */
const COUNTERS = ['banko-1', 'banko-2', 'banko-3'] as const;
const RUNS = Number(process.env.SCHEDULER_RUNS ?? 120);

type Visit = 'no-show' | 'serve';

interface Plan {
  before: number;
  during: number;
  visits: Visit[][];
  /** For the n-th journal append: true makes it fail (a full disk); beyond the list, it succeeds. */
  failures: boolean[];
  /** Microtask turns each started command waits before it runs: lands it inside a flush's settling. */
  ticks: number[];
}

const plan: fc.Arbitrary<Plan> = fc.record({
  before: fc.integer({ min: 0, max: 6 }),
  during: fc.integer({ min: 0, max: 5 }),
  visits: fc.array(fc.array(fc.constantFrom<Visit>('no-show', 'serve'), { maxLength: 4 }), {
    minLength: COUNTERS.length,
    maxLength: COUNTERS.length,
  }),
  failures: fc.array(fc.boolean(), { maxLength: 24 }).map((a) => a.map((f, i) => f && i % 3 === 0)),
  ticks: fc.array(fc.nat(120), { minLength: 1, maxLength: 40 }),
});

/** Lets `n` microtask turns pass. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

function enospc(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

/** The hall state in a comparable form (maps become sorted entry lists). */
function comparable(state: HallState) {
  const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    rev: state.rev,
    day: state.day,
    tickets: sorted(state.tickets),
    counters: sorted(state.counters),
    sequences: sorted(state.sequences),
    waiting: sorted(state.waiting).map(([k, v]) => [k, [...v]]),
  };
}

function replay(events: RevEvent[], day: string): HallState {
  const state = emptyHallState(HALL, day);
  for (const e of events) {
    evolve(state, e);
    state.rev = e.rev;
  }
  return state;
}

/** Every call in the journal: no ticket is ever at two counters, none is called twice. */
function expectNoTicketAtTwoCounters(events: RevEvent[]): void {
  const called = events.filter((e) => e.type === 'ticket:called');
  expect(new Set(called.map((e) => e.ticketId)).size, 'a ticket was called twice').toBe(
    called.length,
  );
  const state = emptyHallState(HALL, '2026-03-10');
  for (const e of events) {
    evolve(state, e);
    const current = [...state.counters.values()]
      .map((c) => c.currentTicketId)
      .filter((id) => id !== null);
    expect(new Set(current).size, `rev ${e.rev}: one ticket at two counters`).toBe(
      current.length,
    );
  }
}

interface Process {
  service: QueueService;
  queue: HallQueue;
  published: RevEvent[];
  resets: number;
}

async function startProcess(store: ReturnType<typeof memoryStore>, now: () => number) {
  const service = new QueueService({
    store,
    now,
    log: () => undefined,
    publicUrl: 'http://127.0.0.1',
    newTicketCode: (() => {
      let n = 0;
      return () => `code-${Math.random().toString(36).slice(2)}-${++n}`;
    })(),
  });
  await service.start();
  const p: Process = { service, queue: service.hall(HALL)!, published: [], resets: 0 };
  service.subscribe({ events: (_q, events) => p.published.push(...events), reset: () => p.resets++ });
  return p;
}

describe('concurrent call-next on the service layer under fc.scheduler', () => {
  it('when counters call next at once while journal flushes finish in any order and some fail, then no ticket goes to two counters and every acknowledgement is durable', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), plan, async (s, p) => {
        runs++;
        let scheduled = false;
        let appends = 0;
        const journal = new MemoryJournal(async (_hall, _day, events) => {
          if (!scheduled) return;
          const fail = p.failures[appends++] ?? false;
          await s.schedule(Promise.resolve(), `fsync rev ${events[0]?.rev}-${events.at(-1)?.rev}`);
          if (fail) throw enospc();
        });
        let clock = MORNING;
        const now = () => (clock += 1000);
        const proc = await startProcess(memoryStore(defaultConfig(), journal), now);
        const { service } = proc;
        const clerk = (i: number) => ({ userId: `clerk-${i}`, mayOverride: false });
        for (const [i, counterId] of COUNTERS.entries())
          expect((await service.counterCommand(counterId, clerk(i), { type: 'open' })).ok).toBe(
            true,
          );
        const issued: Array<{ number: string; code: string }> = [];
        const issue = async () => {
          const r = await service.issue(HALL, { serviceId: 'vezne', priority: null, lang: 'tr' });
          if (r.ok) issued.push({ number: r.value.number, code: r.value.code });
          else expect(r.error.code).toBe('storage-unavailable');
        };
        for (let i = 0; i < p.before; i++) await issue();
        scheduled = true;

        let stepNo = 0;
        const step = <T>(label: string, f: () => Promise<T>) => {
          const wait = p.ticks[stepNo++ % p.ticks.length]!;
          return s.schedule(Promise.resolve(), label).then(() => turns(wait)).then(f);
        };
        const acked: Array<{ counterId: string; ticketId: string; number: string }> = [];
        const refused: string[] = [];
        const command = (i: number, cmd: CounterCommand) =>
          step(`${COUNTERS[i]} ${cmd.type}`, () =>
            service.counterCommand(COUNTERS[i]!, clerk(i), cmd),
          );
        /** A follow-up (no-show, start, complete) is retried until storage takes it. */
        const until = async (i: number, cmd: CounterCommand) => {
          for (let attempt = 0; ; attempt++) {
            const r = await command(i, cmd);
            if (r.ok) return;
            expect(r.error.code, `${cmd.type}: ${r.error.message}`).toBe('storage-unavailable');
            expect(attempt).toBeLessThan(30);
          }
        };
        const counterFlows = COUNTERS.map(async (counterId, i) => {
          for (const visit of p.visits[i]!) {
            const r = await command(i, { type: 'call-next' });
            if (!r.ok) {
              expect(['queue-empty', 'storage-unavailable']).toContain(r.error.code);
              if (r.error.code === 'storage-unavailable') refused.push(counterId);
              continue;
            }
            const t = r.value.ticket!;
            expect(t).toMatchObject({ status: 'called', counterId });
            acked.push({ counterId, ticketId: t.id, number: t.number });
            if (visit === 'no-show') await until(i, { type: 'no-show' });
            else {
              await until(i, { type: 'start' });
              await until(i, { type: 'complete', outcome: 'resolved', note: null });
            }
          }
        });
        const kiosk = Array.from({ length: p.during }, () => step('issue', issue));
        await s.waitFor(Promise.all([...counterFlows, ...kiosk]));
        await s.waitIdle();

        const day = proc.queue.state.day;
        const events = journal.events(HALL, day);
        // The journal is whole: revisions 1, 2, 3, … with no gap and no duplicate.
        expect(events.map((e) => e.rev)).toEqual(events.map((_, i) => i + 1));
        expectNoTicketAtTwoCounters(events);
        // No acknowledged call is shared, and each is the journal's call of that ticket there.
        expect(new Set(acked.map((a) => a.ticketId)).size).toBe(acked.length);
        for (const a of acked) {
          const calls = events.filter((e) => e.type === 'ticket:called' && e.ticketId === a.ticketId);
          expect(calls).toHaveLength(1);
          expect(calls[0]).toMatchObject({ counterId: a.counterId });
        }
        // Every acknowledged ticket is in the journal with its number and code.
        for (const t of issued) {
          const e = events.find((x) => x.type === 'ticket:issued' && x.number === t.number);
          expect(e, `acknowledged ${t.number} is not durable`).toMatchObject({ code: t.code });
        }
        expect(new Set(issued.map((t) => t.number)).size).toBe(issued.length);
        // Memory holds exactly what the journal holds, and only durable events were published.
        expect(comparable(proc.queue.state)).toEqual(comparable(replay(events, day)));
        expect(proc.published).toEqual(events);
      }),
      { numRuns: RUNS },
    );
    console.log(`hall-queue scheduler: ${runs} interleavings (one process)`);
  });

  it('when two server processes share one journal and their counters call next at once, then a lost revision race is decided again and no ticket goes to two counters', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), plan, async (s, p) => {
        runs++;
        let scheduled = false;
        const journal = new MemoryJournal(async (_hall, _day, events) => {
          if (scheduled)
            await s.schedule(Promise.resolve(), `fsync rev ${events[0]?.rev}-${events.at(-1)?.rev}`);
        });
        let clock = MORNING;
        const now = () => (clock += 1000);
        const procs = [
          await startProcess(memoryStore(defaultConfig(), journal.shared('A')), now),
          await startProcess(memoryStore(defaultConfig(), journal.shared('B')), now),
        ];
        // Counter i runs on process i % 2; the kiosk alternates.
        const on = (i: number) => procs[i % 2]!.service;
        const clerk = (i: number) => ({ userId: `clerk-${i}`, mayOverride: false });
        for (const [i, counterId] of COUNTERS.entries()) {
          await procs[0]!.queue.catchUp();
          await procs[1]!.queue.catchUp();
          const r = await on(i).counterCommand(counterId, clerk(i), { type: 'open' });
          expect(r.ok).toBe(true);
        }
        const issued: string[] = [];
        let kioskTurn = 0;
        const issue = async () => {
          const r = await on(kioskTurn++).issue(HALL, {
            serviceId: 'vezne',
            priority: null,
            lang: 'tr',
          });
          expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
          if (r.ok) issued.push(r.value.number);
        };
        for (let i = 0; i < p.before; i++) await issue();
        scheduled = true;

        let stepNo = 0;
        const step = <T>(label: string, f: () => Promise<T>) => {
          const wait = p.ticks[stepNo++ % p.ticks.length]!;
          return s.schedule(Promise.resolve(), label).then(() => turns(wait)).then(f);
        };
        const acked: Array<{ counterId: string; ticketId: string }> = [];
        const command = (i: number, cmd: CounterCommand) =>
          step(`${COUNTERS[i]} ${cmd.type}`, () =>
            on(i).counterCommand(COUNTERS[i]!, clerk(i), cmd),
          );
        const counterFlows = COUNTERS.map(async (counterId, i) => {
          for (const visit of p.visits[i]!) {
            const r = await command(i, { type: 'call-next' });
            if (!r.ok) {
              expect(r.error.code, r.error.message).toBe('queue-empty');
              continue;
            }
            acked.push({ counterId, ticketId: r.value.ticket!.id });
            const follow = visit === 'no-show' ? ['no-show'] : ['start', 'complete'];
            for (const type of follow) {
              const f = await command(
                i,
                type === 'complete'
                  ? { type: 'complete', outcome: 'resolved', note: null }
                  : ({ type } as CounterCommand),
              );
              expect(f.ok, f.ok ? '' : f.error.message).toBe(true);
            }
          }
        });
        const kiosk = Array.from({ length: p.during }, () => step('issue', issue));
        await s.waitFor(Promise.all([...counterFlows, ...kiosk]));
        await s.waitFor(Promise.all(procs.map((x) => x.queue.catchUp())));
        await s.waitIdle();

        const day = procs[0]!.queue.state.day;
        const events = journal.events(HALL, day);
        expect(events.map((e) => e.rev)).toEqual(events.map((_, i) => i + 1));
        expectNoTicketAtTwoCounters(events);
        expect(new Set(acked.map((a) => a.ticketId)).size).toBe(acked.length);
        for (const a of acked) {
          const calls = events.filter((e) => e.type === 'ticket:called' && e.ticketId === a.ticketId);
          expect(calls).toHaveLength(1);
          expect(calls[0]).toMatchObject({ counterId: a.counterId });
        }
        expect(new Set(issued).size).toBe(issued.length);
        for (const x of procs)
          expect(comparable(x.queue.state)).toEqual(comparable(replay(events, day)));
      }),
      { numRuns: RUNS },
    );
    console.log(`hall-queue scheduler: ${runs} interleavings (two processes, one journal)`);
  });
});
