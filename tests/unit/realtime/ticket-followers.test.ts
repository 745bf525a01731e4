import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketStatusView } from '../../../contract/api.js';
import type { QueueEvent, RevEvent } from '../../../contract/events.js';
import type { HallQueue } from '../../../server/src/queue/hall-queue.js';
import type { TicketNamespace } from '../../../server/src/realtime/socket-types.js';
import { TicketFollowers } from '../../../server/src/realtime/ticket-followers.js';
import { HALL_ID, VEZNE, at, issue, makeConfig, must, newDay, open } from '../domain/fixtures.js';

/** A /ticket namespace where every ticket has one phone; records what each phone is sent. */
function phones(ticketIds: string[]) {
  const sent: Array<{ ticketId: string; view: TicketStatusView }> = [];
  const rooms = new Map(ticketIds.map((id) => [`ticket:${id}`, new Set([`socket-${id}`])]));
  const nsp = {
    adapter: { rooms },
    sockets: new Map(),
    local: {
      to: (room: string) => ({
        emit: (_event: string, view: TicketStatusView) =>
          sent.push({ ticketId: room.slice('ticket:'.length), view }),
      }),
    },
  };
  return { sent, nsp: nsp as unknown as TicketNamespace };
}

/** A hall with `waiting` vezne tickets and counter c2 open; every ticket followed by a phone. */
function hallWithLine(waiting: number) {
  const state = newDay();
  const config = makeConfig();
  const tickets = Array.from({ length: waiting }, (_, i) => issue(state, config, VEZNE, at(1, i)));
  open(state, config, 'c2', 'u2', at(2));
  const queue = { hallId: HALL_ID, state, config } as unknown as HallQueue;
  let rev = 0;
  const numbered = (events: QueueEvent[]): RevEvent[] => events.map((e) => ({ ...e, rev: ++rev }));
  const callNext = () =>
    numbered(must(state, config, { type: 'call-next', counterId: 'c2', clerkId: 'u2' }, at(3)));
  return { queue, tickets, callNext };
}

/**
 * Runs the sweep due in a second, then its slices: each is a (fake) immediate, which runs as
 * the clock moves on; 30 ms is room for 30 slices, far from the next sweep.
 */
function nextSweep(): void {
  vi.advanceTimersByTime(1000);
  for (let i = 0; i < 30; i++) vi.advanceTimersByTime(1);
}

describe('TicketFollowers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('when a visitor is called, then their phone is told at once and the others at the next sweep', () => {
    const { queue, tickets, callNext } = hallWithLine(5);
    const { sent, nsp } = phones(tickets.map((t) => t.id));
    const followers = new TicketFollowers(nsp, 1000);

    followers.onEvents(queue, callNext());
    expect(sent.map((s) => [s.ticketId, s.view.status])).toEqual([[tickets[0]!.id, 'called']]);

    nextSweep();
    const after = sent.slice(1).map((s) => [s.ticketId, s.view.peopleAhead]);
    expect(after).toEqual(tickets.slice(1).map((t, i) => [t.id, i]));
    followers.stop();
  });

  it('when the line is long, then the first ten places are refreshed at every sweep and everyone further back once in five sweeps, and the sweeps then stop', () => {
    const { queue, tickets, callNext } = hallWithLine(61);
    const { sent, nsp } = phones(tickets.map((t) => t.id));
    const followers = new TicketFollowers(nsp, 1000, 7);
    followers.onEvents(queue, callNext());
    sent.length = 0;

    const sweeps: string[][] = [];
    for (let i = 0; i < 6; i++) {
      nextSweep();
      sweeps.push(sent.splice(0).map((s) => s.ticketId));
    }

    const line = tickets.slice(1).map((t) => t.id);
    const near = line.slice(0, 10);
    const far = line.slice(10);
    // The first sweep tells everyone near; later sweeps find nothing new to tell them.
    expect(sweeps[0]!.filter((id) => near.includes(id))).toEqual(near);
    for (const s of sweeps.slice(1)) expect(s.filter((id) => near.includes(id))).toEqual([]);
    // Each far follower has exactly one turn in the five sweeps, about a fifth per sweep.
    const farTold = sweeps.slice(0, 5).flatMap((s) => s.filter((id) => far.includes(id)));
    expect([...farTold].sort()).toEqual([...far].sort());
    for (const s of sweeps.slice(0, 5))
      expect(s.filter((id) => far.includes(id)).length).toBeLessThan(far.length / 2);
    // Nothing changed since: no sixth sweep, no timer left.
    expect(sweeps[5]).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
