import type { CounterCommandResult, IssuedTicket } from '../../../contract/api.js';
import type { Appointment, Lang, PriorityGroup, Ticket } from '../../../contract/domain.js';
import { clerkLabel } from '../../../contract/clerk-label.js';
import type { RevEvent } from '../../../contract/events.js';
import type { ConfigData } from '../config/config-data.js';
import { directoratesOf } from '../config/directorates.js';
import {
  fail,
  hallConfig,
  ok,
  type Command,
  type HallConfig,
  type Result,
  type WaitHistory,
} from '../domain/index.js';
import type { Store } from '../store/store.js';
import { HallQueue } from './hall-queue.js';
import { staffTicket } from './staff-privacy.js';
import { counterView, issuedTicket } from './views.js';

export interface QueueServiceDeps {
  store: Store;
  now: () => number;
  log: (msg: string) => void;
  /** Base URL printed in QR codes and returned as the ticket's status URL. */
  publicUrl: string;
  /** Draws an unguessable ticket status code. */
  newTicketCode: () => string;
}

export type QueueListener = {
  /** Events this server journalled: it publishes them to every client. */
  events: (queue: HallQueue, events: RevEvent[]) => void;
  reset: (queue: HallQueue) => void;
  /** Events another server journalled and published; the state already includes them. */
  remote?: (queue: HallQueue, events: RevEvent[]) => void;
};

/** Who is acting at a counter: the clerk, or a manager overriding. */
export interface CounterActor {
  userId: string;
  mayOverride: boolean;
}

type CounterCommandBody =
  | {
      type:
        | 'open'
        | 'pause'
        | 'resume'
        | 'close'
        | 'call-next'
        | 'recall'
        | 'start'
        | 'no-show'
        | 'requeue';
    }
  | Extract<Command, { type: 'pause' }>
  | Extract<Command, { type: 'call' }>
  | Extract<Command, { type: 'complete' }>
  | Extract<Command, { type: 'transfer' }>
  | { type: 'restore'; number: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CounterCommand = DistributiveOmit<
  CounterCommandBody,
  'counterId' | 'clerkId' | 'override'
>;

/** All halls' queues, and the lookups the shells need. */
export class QueueService {
  private readonly queues = new Map<string, HallQueue>();
  private readonly listeners: QueueListener[] = [];
  private configCache: { data: ConfigData; halls: Map<string, HallConfig> } | null = null;
  /** Per hall, what its own history says of its wait estimates (learnt by the stats). */
  private readonly waitHistories = new Map<string, WaitHistory>();

  constructor(private readonly deps: QueueServiceDeps) {}

  async start(): Promise<void> {
    for (const hall of this.deps.store.config.read().halls) {
      const queue = new HallQueue({
        hallId: hall.id,
        config: () => this.hallConfig(hall.id)!,
        journal: this.deps.store.journal,
        summaries: this.deps.store.summaries,
        now: this.deps.now,
        log: this.deps.log,
        onEvents: (q, events) => this.listeners.forEach((l) => l.events(q, events)),
        onReset: (q) => this.listeners.forEach((l) => l.reset(q)),
        onRemoteEvents: (q, events) => this.listeners.forEach((l) => l.remote?.(q, events)),
      });
      await queue.load();
      this.queues.set(hall.id, queue);
    }
  }

  subscribe(listener: QueueListener): void {
    this.listeners.push(listener);
  }

  /** After a settings change: every client of the hall gets a fresh snapshot. */
  configChanged(hallId: string): void {
    const queue = this.queues.get(hallId);
    if (queue) this.listeners.forEach((l) => l.reset(queue));
  }

  /**
   * Closes days whose local midnight has passed (run by a timer, and before each command), and
   * samples the estimates the phone pages show every few minutes (`HallQueue.sampleEstimates`).
   */
  async checkRollover(): Promise<void> {
    for (const q of this.queues.values()) {
      await q.checkRollover();
      await q.sampleEstimates();
    }
  }

  hallConfig(hallId: string): HallConfig | undefined {
    const data = this.deps.store.config.read();
    if (this.configCache?.data !== data) {
      const halls = new Map(
        data.halls.map((h) => [
          h.id,
          withWaitHistory(
            hallConfig(h, data.services, data.counters, directoratesOf(data, h.id)),
            this.waitHistories.get(h.id),
          ),
        ]),
      );
      this.configCache = { data, halls };
    }
    return this.configCache.halls.get(hallId);
  }

  /** The hall's estimate history as last learnt; estimates use it from the next change on. */
  setWaitHistory(hallId: string, history: WaitHistory): void {
    this.waitHistories.set(hallId, history);
    this.configCache = null;
  }

  halls(): IterableIterator<HallQueue> {
    return this.queues.values();
  }

  hall(hallId: string): HallQueue | undefined {
    return this.queues.get(hallId);
  }

  hallOfCounter(counterId: string): HallQueue | undefined {
    const counter = this.deps.store.config.read().counters.find((c) => c.id === counterId);
    return counter ? this.queues.get(counter.hallId) : undefined;
  }

  /** The ticket behind a status code (today's tickets of every hall). */
  ticketByCode(code: string): { queue: HallQueue; ticket: Ticket } | undefined {
    for (const queue of this.queues.values()) {
      const id = queue.state.ticketIdByCode.get(code);
      const ticket = id === undefined ? undefined : queue.state.tickets.get(id);
      if (ticket) return { queue, ticket };
    }
    return undefined;
  }

  /**
   * How staff screens (live monitor, counter choice) name a clerk: `Ayşe Yılmaz (ayse)`, since
   * two clerks may share a display name but never a user name.
   */
  clerkName = (userId: string): string | null => {
    const user = this.deps.store.config.read().users.find((u) => u.id === userId);
    return user ? clerkLabel(user.displayName, user.username) : null;
  };

  /** A clerk's display name alone (stats and exports put the user name in its own field). */
  clerkDisplayName = (userId: string): string | null =>
    this.deps.store.config.read().users.find((u) => u.id === userId)?.displayName ?? null;

  statusUrl(code: string): string {
    return `${this.deps.publicUrl.replace(/\/$/, '')}/t/${code}`;
  }

  async issue(
    hallId: string,
    req: {
      serviceId: string;
      priority: PriorityGroup | null;
      lang: Lang;
      /** A booked visitor checking in (refused if the booking was checked in already). */
      appointment?: Appointment;
    },
  ): Promise<Result<IssuedTicket>> {
    const queue = this.queues.get(hallId);
    if (!queue) return fail('hall-not-found', `No hall ${hallId}.`, 'hallId');
    const code = this.deps.newTicketCode();
    const done = await queue.execute({ type: 'issue', ...req, code });
    if (!done.ok) return done;
    const ticket = done.value.ticket!;
    const url = this.statusUrl(ticket.code);
    const ahead = done.value.peopleAhead ?? undefined;
    return ok(issuedTicket(ticket, queue.state, queue.config, url, ahead));
  }

  async counterCommand(
    counterId: string,
    actor: CounterActor,
    command: CounterCommand,
  ): Promise<Result<CounterCommandResult>> {
    const queue = this.hallOfCounter(counterId);
    if (!queue) return fail('counter-not-found', `No counter ${counterId}.`, 'counterId');
    const holder = queue.state.counters.get(counterId)?.clerkId;
    const override =
      actor.mayOverride && holder !== undefined && holder !== null && holder !== actor.userId;
    const full: Command =
      command.type === 'restore'
        ? { type: 'restore', number: command.number, clerkId: actor.userId }
        : ({
            ...command,
            counterId,
            clerkId: actor.userId,
            override,
          } as Command);
    if (command.type === 'restore') {
      // Restoring needs no counter, but a clerk may only do it from the counter they hold.
      if (holder !== actor.userId && !actor.mayOverride)
        return fail('forbidden', 'Open this counter first.');
    }
    const done = await queue.execute(full);
    if (!done.ok) return done;
    const counter = counterView(queue.state, queue.config, this.clerkName, counterId)!;
    // As on the counter screens: no phone code, and only the clerk's own note.
    const t = done.value.ticket;
    return ok({ counter, ticket: t && staffTicket(t, { userId: actor.userId, allNotes: false }) });
  }

  async rateByVisitor(code: string, rating: number, note: string | null): Promise<Result<Ticket>> {
    const found = this.ticketByCode(code);
    if (!found) return fail('ticket-not-found', 'No such ticket today.');
    const done = await found.queue.execute({
      type: 'rate',
      ticketId: found.ticket.id,
      rating,
      note,
    });
    if (!done.ok) return done;
    return ok(done.value.ticket!);
  }

  /** The visitor asks for (`phone`) or withdraws (`null`) the SMS when their turn nears. */
  async smsByVisitor(code: string, phone: string | null): Promise<Result<Ticket>> {
    const found = this.ticketByCode(code);
    if (!found) return fail('ticket-not-found', 'No such ticket today.');
    const ticketId = found.ticket.id;
    const done = await found.queue.execute(
      phone === null
        ? { type: 'withdraw-sms', ticketId }
        : { type: 'request-sms', ticketId, phone },
    );
    if (!done.ok) return done;
    return ok(found.ticket);
  }

  async cancelByVisitor(code: string): Promise<Result<Ticket>> {
    const found = this.ticketByCode(code);
    if (!found) return fail('ticket-not-found', 'No such ticket today.');
    const done = await found.queue.execute({
      type: 'cancel',
      ticketId: found.ticket.id,
      by: 'visitor',
      clerkId: null,
    });
    if (!done.ok) return done;
    return ok(done.value.ticket!);
  }
}

function withWaitHistory(config: HallConfig, waitHistory: WaitHistory | undefined): HallConfig {
  return waitHistory ? { ...config, waitHistory } : config;
}
