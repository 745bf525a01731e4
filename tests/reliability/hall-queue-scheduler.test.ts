import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RevEvent } from '../../contract/events.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { emptyHallState, evolve, type HallState } from '../../server/src/domain/index.js';
import type { HallQueue } from '../../server/src/queue/hall-queue.js';
import { QueueService, type CounterCommand } from '../../server/src/queue/queue-service.js';
import { MemoryJournal, MemorySummaries, memoryStore } from './memory-store.js';

const HALL = 'cankaya';
/** 10:00 in Istanbul: a whole working day of milliseconds before local midnight. */
const MORNING = Date.UTC(2026, 2, 10, 7, 0, 0);
/** 23:59 on 10 March in Istanbul (UTC+3), and half a minute into 11 March. */
const EVENING = Date.UTC(2026, 2, 10, 20, 59, 0);
const AFTER_MIDNIGHT = Date.UTC(2026, 2, 10, 21, 0, 30);
/** Banko 1–3 all cover the cashier (vezne), so they compete for the same line. */
const COUNTERS = ['banko-1', 'banko-2', 'banko-3'] as const;
const RUNS = Number(process.env.SCHEDULER_RUNS ?? 250);

type Visit = 'no-show' | 'serve';

interface Plan {
  before: number;
  during: number;
  visits: Visit[][];
  /** For the n-th journal append: true makes it fail (a full disk); beyond the list, it succeeds. */
  failures: boolean[];
  /**
   * How each command starts: on its own turn of the scheduler, or riding on the next journal
   * flush to settle, so that it lands inside the microtask turns in which the command loop
   * takes in that flush's outcome. Then it waits `ticks` microtask turns before it runs.
   */
  rides: boolean[];
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
  rides: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
  ticks: fc.array(fc.nat(4), { minLength: 1, maxLength: 40 }),
});

/** Lets `n` microtask turns pass. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

/**
 * Lets the scheduler run until `work` settles. Everything here is in memory, so when no task is
 * scheduled and `work` has not settled after many microtask turns, a command hangs: it was
 * neither acknowledged nor refused.
 */
async function drive<T>(s: fc.Scheduler, work: Promise<T>): Promise<T> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (;;) {
    await turns(300);
    if (settled) return work;
    if (s.count() === 0) throw new Error('a command hung: never acknowledged nor refused');
    await s.waitNext(1);
  }
}

/** Starts commands and settles journal flushes when the scheduler (and the plan) say so. */
class Pacer {
  private riders: Array<() => void> = [];
  private flushes = 0;
  private steps = 0;
  /** Called as the n-th command is asked to start (a test moves its clock here). */
  onStep: (n: number) => void = () => undefined;
  constructor(
    private readonly s: fc.Scheduler,
    private readonly p: Plan,
  ) {}

  /** Runs `f` as one command start. */
  step<T>(label: string, f: () => Promise<T>): Promise<T> {
    const n = this.steps++;
    this.onStep(n);
    const wait = this.p.ticks[n % this.p.ticks.length]!;
    if (this.flushes > 0 && this.p.rides[n % this.p.rides.length]) {
      return new Promise<void>((resolve) => this.riders.push(resolve))
        .then(() => turns(wait))
        .then(f);
    }
    return this.s
      .schedule(Promise.resolve(), label)
      .then(() => turns(wait))
      .then(f);
  }

  /** One journal flush: durable (or failed) when the scheduler picks it; riders start then. */
  async flush(label: string): Promise<void> {
    this.flushes++;
    try {
      await this.s.schedule(Promise.resolve(), label);
    } finally {
      this.flushes--;
      this.riders.splice(0).forEach((start) => start());
    }
  }
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
    normalsSincePriority: state.normalsSincePriority,
    recentServiceMs: sorted(state.recentServiceMs),
    ticketIdByNumber: sorted(state.ticketIdByNumber),
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
    expect(new Set(current).size, `rev ${e.rev}: one ticket at two counters`).toBe(current.length);
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
  service.subscribe({
    events: (_q, events) => p.published.push(...events),
    reset: () => p.resets++,
  });
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
        const pacer = new Pacer(s, p);
        const journal = new MemoryJournal(async (_hall, _day, events) => {
          if (!scheduled) return;
          const fail = p.failures[appends++] ?? false;
          await pacer.flush(`fsync rev ${events[0]?.rev}-${events.at(-1)?.rev}`);
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

        const step = <T>(label: string, f: () => Promise<T>) => pacer.step(label, f);
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
        await drive(s, Promise.all([...counterFlows, ...kiosk]));
        await s.waitIdle();

        const day = proc.queue.state.day;
        const events = journal.events(HALL, day);
        // The journal is whole: revisions 1, 2, 3, … with no gap and no duplicate.
        expect(events.map((e) => e.rev)).toEqual(events.map((_, i) => i + 1));
        expectNoTicketAtTwoCounters(events);
        // No acknowledged call is shared, and each is the journal's call of that ticket there.
        expect(new Set(acked.map((a) => a.ticketId)).size).toBe(acked.length);
        for (const a of acked) {
          const calls = events.filter(
            (e) => e.type === 'ticket:called' && e.ticketId === a.ticketId,
          );
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
    let refusedAfterRaces = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), plan, async (s, p) => {
        runs++;
        let scheduled = false;
        const pacer = new Pacer(s, p);
        const journal = new MemoryJournal(async (_hall, _day, events) => {
          if (scheduled) await pacer.flush(`fsync rev ${events[0]?.rev}-${events.at(-1)?.rev}`);
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
        /**
         * A command that loses the revision race to the other server MAX_CONFLICT_RETRIES times
         * in a row is refused (503, nothing stored): allowed, and counted.
         */
        const lostRaces = (code: string) => {
          expect(code).toBe('storage-unavailable');
          refusedAfterRaces++;
        };
        const issue = async () => {
          const r = await on(kioskTurn++).issue(HALL, {
            serviceId: 'vezne',
            priority: null,
            lang: 'tr',
          });
          if (r.ok) issued.push(r.value.number);
          else lostRaces(r.error.code);
        };
        for (let i = 0; i < p.before; i++) await issue();
        scheduled = true;

        const step = <T>(label: string, f: () => Promise<T>) => pacer.step(label, f);
        const acked: Array<{ counterId: string; ticketId: string }> = [];
        const command = (i: number, cmd: CounterCommand) =>
          step(`${COUNTERS[i]} ${cmd.type}`, () =>
            on(i).counterCommand(COUNTERS[i]!, clerk(i), cmd),
          );
        const counterFlows = COUNTERS.map(async (counterId, i) => {
          for (const visit of p.visits[i]!) {
            const r = await command(i, { type: 'call-next' });
            if (!r.ok) {
              if (r.error.code !== 'queue-empty') lostRaces(r.error.code);
              continue;
            }
            acked.push({ counterId, ticketId: r.value.ticket!.id });
            const follow = visit === 'no-show' ? ['no-show'] : ['start', 'complete'];
            for (const type of follow) {
              const cmd = (
                type === 'complete' ? { type, outcome: 'resolved', note: null } : { type }
              ) as CounterCommand;
              for (let attempt = 0; ; attempt++) {
                const f = await command(i, cmd);
                if (f.ok) break;
                lostRaces(f.error.code);
                expect(attempt).toBeLessThan(10);
              }
            }
          }
        });
        const kiosk = Array.from({ length: p.during }, () => step('issue', issue));
        await drive(s, Promise.all([...counterFlows, ...kiosk]));
        await drive(s, Promise.all(procs.map((x) => x.queue.catchUp())));
        await s.waitIdle();

        const day = procs[0]!.queue.state.day;
        const events = journal.events(HALL, day);
        expect(events.map((e) => e.rev)).toEqual(events.map((_, i) => i + 1));
        expectNoTicketAtTwoCounters(events);
        expect(new Set(acked.map((a) => a.ticketId)).size).toBe(acked.length);
        for (const a of acked) {
          const calls = events.filter(
            (e) => e.type === 'ticket:called' && e.ticketId === a.ticketId,
          );
          expect(calls).toHaveLength(1);
          expect(calls[0]).toMatchObject({ counterId: a.counterId });
        }
        expect(new Set(issued).size).toBe(issued.length);
        for (const x of procs)
          expect(comparable(x.queue.state)).toEqual(comparable(replay(events, day)));
      }),
      { numRuns: RUNS },
    );
    console.log(
      `hall-queue scheduler: ${runs} interleavings (two processes, one journal); ${refusedAfterRaces} commands refused after losing 20 revision races in a row`,
    );
  });

  it('when local midnight passes while counters call next and flushes finish in any order or fail, then each command lands on one day, both journals are whole and the closed day is summarised once', async () => {
    let runs = 0;
    const midnight = fc.record({ plan, at: fc.nat(30) });
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), midnight, async (s, { plan: p, at }) => {
        runs++;
        let scheduled = false;
        let appends = 0;
        const pacer = new Pacer(s, p);
        const journal = new MemoryJournal(async (_hall, _day, events) => {
          if (!scheduled) return;
          const fail = p.failures[appends++] ?? false;
          await pacer.flush(`fsync rev ${events[0]?.rev}-${events.at(-1)?.rev}`);
          if (fail) throw enospc();
        });
        const summaries = new MemorySummaries();
        let clock = EVENING;
        pacer.onStep = (n) => {
          if (n === at) clock = AFTER_MIDNIGHT;
        };
        const proc = await startProcess(
          memoryStore(defaultConfig(), journal, summaries),
          () => clock,
        );
        const { service } = proc;
        const clerk = (i: number) => ({ userId: `clerk-${i}`, mayOverride: false });
        for (const [i, counterId] of COUNTERS.entries())
          await service.counterCommand(counterId, clerk(i), { type: 'open' });
        for (let i = 0; i < p.before; i++)
          await service.issue(HALL, { serviceId: 'vezne', priority: null, lang: 'tr' });
        scheduled = true;

        /** A refusal, or a throw from a rollover the full disk stopped (HTTP answers 503). */
        const attempt = async <T>(label: string, f: () => Promise<T>) => {
          try {
            return await pacer.step(label, f);
          } catch (err) {
            expect((err as { code?: string }).code).toBe('ENOSPC');
            return null;
          }
        };
        const acked: Array<{ counterId: string; ticketId: string }> = [];
        const counterFlows = COUNTERS.map(async (counterId, i) => {
          for (const visit of p.visits[i]!) {
            const r = await attempt(`${counterId} call-next`, () =>
              service.counterCommand(counterId, clerk(i), { type: 'call-next' }),
            );
            if (!r?.ok) continue;
            acked.push({ counterId, ticketId: r.value.ticket!.id });
            for (const type of visit === 'no-show' ? ['no-show'] : ['start', 'complete']) {
              const cmd = (
                type === 'complete' ? { type, outcome: 'resolved', note: null } : { type }
              ) as CounterCommand;
              await attempt(`${counterId} ${type}`, () =>
                service.counterCommand(counterId, clerk(i), cmd),
              );
            }
          }
        });
        const kiosk = Array.from({ length: p.during }, () =>
          attempt('issue', () =>
            service.issue(HALL, { serviceId: 'vezne', priority: null, lang: 'tr' }),
          ),
        );
        await drive(s, Promise.all([...counterFlows, ...kiosk]));
        clock = AFTER_MIDNIGHT;
        // The timer's check, retried while the disk is still refusing the day-end.
        for (let i = 0; i < 30; i++) {
          const ok = await drive(
            s,
            proc.queue.checkRollover().then(
              () => true,
              () => false,
            ),
          );
          if (ok) break;
        }
        await s.waitIdle();

        const oldDay = journal.events(HALL, '2026-03-10');
        const newDay = journal.events(HALL, '2026-03-11');
        for (const events of [oldDay, newDay]) {
          expect(events.map((e) => e.rev)).toEqual(events.map((_, i) => i + 1));
          expectNoTicketAtTwoCounters(events);
        }
        expect(new Set(acked.map((a) => a.ticketId)).size).toBe(acked.length);
        for (const a of acked) {
          const calls = [...oldDay, ...newDay].filter(
            (e) => e.type === 'ticket:called' && e.ticketId === a.ticketId,
          );
          expect(calls).toHaveLength(1);
          expect(calls[0]).toMatchObject({ counterId: a.counterId });
        }
        // The old day: closed once, nothing left open, its summary matching its journal.
        const closed = replay(oldDay, '2026-03-10');
        for (const t of closed.tickets.values())
          expect(['done', 'no-show', 'cancelled']).toContain(t.status);
        expect([...closed.counters.values()].every((c) => c.status === 'closed')).toBe(true);
        expect(summaries.written.map((x) => x.day)).toEqual(['2026-03-10']);
        expect(summaries.written[0]!.lastRev).toBe(oldDay.at(-1)?.rev ?? 0);
        // Memory is the new day exactly as journalled.
        expect(proc.queue.state.day).toBe('2026-03-11');
        expect(comparable(proc.queue.state)).toEqual(comparable(replay(newDay, '2026-03-11')));
        // New-day numbers start again at V001, with no gap.
        const numbers = newDay.flatMap((e) => (e.type === 'ticket:issued' ? [e.number] : []));
        expect(numbers).toEqual(numbers.map((_, i) => `V${String(i + 1).padStart(3, '0')}`));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
    console.log(`hall-queue scheduler: ${runs} interleavings across local midnight`);
  });
});
