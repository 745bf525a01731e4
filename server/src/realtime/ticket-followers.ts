import type { TicketStatusView } from '../../../contract/api.js';
import type { RevEvent } from '../../../contract/events.js';
import { lineOf } from '../domain/index.js';
import type { HallQueue } from '../queue/hall-queue.js';
import { ticketStatusView } from '../queue/views.js';
import { ticketRoom, type TicketNamespace } from './socket-types.js';

/**
 * Pushes `ticket:status` to the phones that follow tickets on this server. The ticket an event
 * touches is told at once (above all: "go to counter 3"). Everyone else in the lines the events
 * changed is told at most once per `intervalMs`, and only when what they would see changed;
 * their places come from one sorted pass over each line. Without this, every ticket event in a
 * busy hall sent a status to every phone of the service, each computed with its own scan of
 * the line: messages and CPU grew with the square of the line.
 */
export class TicketFollowers {
  /** What each followed ticket was last told, so an unchanged status is not sent again. */
  private readonly lastSent = new Map<string, string>();
  /** Lines to refresh at the next tick, by hall. */
  private readonly dirty = new Map<string, { queue: HallQueue; services: Set<string> }>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly nsp: TicketNamespace,
    private readonly intervalMs = 1000,
  ) {}

  /** After a batch of events (this server's or another's). */
  onEvents(queue: HallQueue, events: RevEvent[]): void {
    const services = this.dirty.get(queue.hallId)?.services ?? new Set<string>();
    for (const e of events) {
      if ('ticketId' in e) {
        const t = queue.state.tickets.get(e.ticketId);
        if (t) services.add(t.serviceId);
        if (e.type === 'ticket:transferred') services.add(e.fromServiceId);
        this.send(queue, e.ticketId, true);
      } else {
        // A counter opening, pausing or closing changes the estimates of what it covers.
        for (const s of queue.config.counters.get(e.counterId)?.services ?? [])
          services.add(s.serviceId);
      }
    }
    if (services.size === 0) return;
    this.dirty.set(queue.hallId, { queue, services });
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
    this.timer.unref?.();
  }

  /** After a rebuild or a new day: every follower of the hall gets its status afresh. */
  onReset(queue: HallQueue): void {
    this.dirty.delete(queue.hallId);
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
    this.timer = null;
  }

  private flush(): void {
    this.timer = null;
    const rooms = this.nsp.adapter.rooms;
    for (const { queue, services } of this.dirty.values()) {
      for (const serviceId of services) {
        lineOf(queue.state, serviceId).forEach((t, ahead) => {
          if (rooms.has(ticketRoom(t.id))) this.send(queue, t.id, false, ahead);
        });
      }
    }
    this.dirty.clear();
  }

  private send(queue: HallQueue, ticketId: string, always: boolean, ahead?: number): void {
    const t = queue.state.tickets.get(ticketId);
    if (!t || !this.nsp.adapter.rooms.has(ticketRoom(ticketId))) return;
    const view: TicketStatusView = ticketStatusView(t, queue.state, queue.config, ahead);
    const key = `${view.status}|${view.peopleAhead}|${view.estimatedWaitMinutes}|${view.counterNumber}|${view.calledAt}|${view.serviceId}`;
    if (!always && this.lastSent.get(ticketId) === key) return;
    this.lastSent.set(ticketId, key);
    if (t.status !== 'waiting' && t.status !== 'called' && t.status !== 'serving')
      this.lastSent.delete(ticketId);
    this.nsp.local.to(ticketRoom(ticketId)).emit('ticket:status', view);
  }
}
