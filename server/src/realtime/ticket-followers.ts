import type { TicketStatusView } from '../../../contract/api.js';
import type { RevEvent } from '../../../contract/events.js';
import { lineOf } from '../domain/index.js';
import type { HallQueue } from '../queue/hall-queue.js';
import { ticketStatusView } from '../queue/views.js';
import { ticketRoom, type TicketNamespace } from './socket-types.js';

/** Followers this close to the front of their line are refreshed at every sweep. */
const NEAR_PLACES = 10;
/** Followers further back are refreshed at one sweep in this many, in turn. */
const FAR_EVERY = 5;

interface SweepJob {
  queue: HallQueue;
  serviceId: string;
  sweep: number;
  /** The next place in the line to look at. */
  from: number;
}

/**
 * Pushes `ticket:status` to the phones that follow tickets on this server. The ticket an event
 * touches is told at once (above all: "go to counter 3"). The rest of the lines the events
 * changed are refreshed by a sweep every `intervalMs`, and told only when what they would see
 * changed: the first `NEAR_PLACES` of a line at every sweep, those further back (for whom one
 * place more or less changes little) at one sweep in `FAR_EVERY`, a fifth of them each time.
 * A line stays in the sweeps until everyone in it has had a turn since its last change.
 *
 * A sweep goes out `sliceSize` followers at a time, with the server's other work (a call on
 * its way to the displays) let in between. Each slice ranks its line afresh, so every status
 * is computed from the state it is sent in. Sent at once, 2,000 phones held every call for
 * 40–60 ms; each computed with its own scan of the line, CPU grew with the square of the line.
 */
export class TicketFollowers {
  /** What each followed ticket was last told, so an unchanged status is not sent again. */
  private readonly lastSent = new Map<string, string>();
  /** Lines to sweep, by hall: how many sweeps each still needs. */
  private readonly dirty = new Map<string, { queue: HallQueue; services: Map<string, number> }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sweeps = 0;
  private jobs: SweepJob[] = [];
  private slicing: ReturnType<typeof setImmediate> | null = null;

  constructor(
    private readonly nsp: TicketNamespace,
    private readonly intervalMs = 1000,
    private readonly sliceSize = 16,
  ) {}

  /** After a batch of events (this server's or another's). */
  onEvents(queue: HallQueue, events: RevEvent[]): void {
    const services = this.dirty.get(queue.hallId)?.services ?? new Map<string, number>();
    const touch = (serviceId: string) => services.set(serviceId, FAR_EVERY);
    for (const e of events) {
      if ('ticketId' in e) {
        const t = queue.state.tickets.get(e.ticketId);
        if (t) touch(t.serviceId);
        if (e.type === 'ticket:transferred') touch(e.fromServiceId);
        this.send(queue, e.ticketId, true);
      } else if ('counterId' in e) {
        // A counter opening, pausing or closing changes the estimates of what it covers.
        for (const s of queue.config.counters.get(e.counterId)?.services ?? []) touch(s.serviceId);
      }
    }
    if (services.size === 0) return;
    this.dirty.set(queue.hallId, { queue, services });
    this.schedule();
  }

  /** After a rebuild or a new day: every follower of the hall gets its status afresh. */
  onReset(queue: HallQueue): void {
    this.dirty.delete(queue.hallId);
    this.jobs = this.jobs.filter((job) => job.queue.hallId !== queue.hallId);
    for (const socket of this.nsp.sockets.values()) {
      if (socket.data.hallId !== queue.hallId) continue;
      const id = socket.data.ticketId!;
      this.lastSent.delete(id);
      const t = queue.state.tickets.get(id);
      // A ticket gone from the rebuilt state (a new day) is no longer valid.
      if (t) socket.emit('ticket:status', ticketStatusView(t, queue.state, queue.config));
      else socket.disconnect(true);
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.slicing) clearImmediate(this.slicing);
    this.timer = null;
    this.slicing = null;
    this.jobs = [];
    this.dirty.clear();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.sweep(), this.intervalMs);
    this.timer.unref?.();
  }

  private sweep(): void {
    this.timer = null;
    const sweep = ++this.sweeps;
    for (const [hallId, { queue, services }] of this.dirty) {
      for (const [serviceId, left] of services) {
        this.jobs.push({ queue, serviceId, sweep, from: 0 });
        if (left > 1) services.set(serviceId, left - 1);
        else services.delete(serviceId);
      }
      if (services.size === 0) this.dirty.delete(hallId);
    }
    if (this.dirty.size > 0) this.schedule();
    this.slicing ??= setImmediate(() => this.sendSlice());
  }

  private sendSlice(): void {
    this.slicing = null;
    const rooms = this.nsp.adapter.rooms;
    let budget = this.sliceSize;
    while (budget > 0 && this.jobs.length > 0) {
      const job = this.jobs[0]!;
      const line = lineOf(job.queue.state, job.serviceId);
      for (; job.from < line.length && budget > 0; job.from++) {
        const t = line[job.from]!;
        if (!rooms.has(ticketRoom(t.id))) continue;
        if (job.from >= NEAR_PLACES && (turnOf(t.id) + job.sweep) % FAR_EVERY !== 0) continue;
        this.send(job.queue, t.id, false, job.from);
        budget--;
      }
      if (job.from >= line.length) this.jobs.shift();
    }
    if (this.jobs.length > 0) this.slicing = setImmediate(() => this.sendSlice());
  }

  private send(queue: HallQueue, ticketId: string, always: boolean, ahead?: number): void {
    const t = queue.state.tickets.get(ticketId);
    if (!t || !this.nsp.adapter.rooms.has(ticketRoom(ticketId))) return;
    const view: TicketStatusView = ticketStatusView(t, queue.state, queue.config, ahead);
    const key = `${view.status}|${view.peopleAhead}|${JSON.stringify(view.estimate)}|${view.counterNumber}|${view.calledAt}|${view.serviceId}`;
    if (!always && this.lastSent.get(ticketId) === key) return;
    this.lastSent.set(ticketId, key);
    if (t.status !== 'waiting' && t.status !== 'called' && t.status !== 'serving')
      this.lastSent.delete(ticketId);
    this.nsp.local.to(ticketRoom(ticketId)).emit('ticket:status', view);
  }
}

/** A ticket's fixed turn among the sweeps (0 … FAR_EVERY − 1), from its id. */
function turnOf(ticketId: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < ticketId.length; i++) h = Math.imul(h ^ ticketId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % FAR_EVERY;
}
