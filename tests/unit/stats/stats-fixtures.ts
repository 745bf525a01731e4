import type { Hall, Service } from '../../../contract/domain.js';
import type { QueueEvent, RevEvent } from '../../../contract/events.js';

export const HALL_ID = 'cankaya';
export const VEZNE = 'vezne';
export const RUHSAT = 'ruhsat';
export const AYSE = 'ayse';
export const MEHMET = 'mehmet';

export const HALL: Pick<Hall, 'timeZone'> = { timeZone: 'Europe/Istanbul' };

export const SERVICES = new Map<string, Pick<Service, 'targetMinutes'>>([
  [VEZNE, { targetMinutes: 4 }],
  [RUHSAT, { targetMinutes: 6 }],
]);

/** A local wall-clock time in Istanbul (UTC+3, no DST) on 2024-05-06 (a Monday) + `dayOffset`. */
export function local(hh: number, mm: number, ss = 0, dayOffset = 0): number {
  return Date.UTC(2024, 4, 6 + dayOffset, hh - 3, mm, ss);
}

type Without<T> = T extends unknown ? Omit<T, 'hallId' | 'at' | 'rev'> : never;

/** A journal written by hand: events numbered in the order they are added. */
export class JournalBuilder {
  readonly events: RevEvent[] = [];

  add(at: number, event: Without<QueueEvent>): this {
    this.events.push({ ...event, hallId: HALL_ID, at, rev: this.events.length + 1 } as RevEvent);
    return this;
  }

  issue(at: number, number: string, serviceId: string, priority: 'elderly' | null = null): this {
    return this.add(at, {
      type: 'ticket:issued',
      ticketId: number,
      code: `code-${number}`,
      serviceId,
      seq: Number(number.slice(1)),
      number,
      priority,
      lang: 'tr',
    });
  }

  call(at: number, ticketId: string, counterId: string, clerkId: string, idleMs = 0): this {
    return this.add(at, { type: 'ticket:called', ticketId, counterId, clerkId, idleMs });
  }

  atCounter(
    at: number,
    type: 'ticket:recalled' | 'ticket:started' | 'ticket:no-show' | 'ticket:requeued',
    ticketId: string,
    counterId: string,
    clerkId: string,
  ): this {
    return this.add(at, { type, ticketId, counterId, clerkId });
  }

  complete(
    at: number,
    ticketId: string,
    counterId: string,
    clerkId: string,
    outcome: 'resolved' | 'forwarded' = 'resolved',
  ): this {
    return this.add(at, {
      type: 'ticket:completed',
      ticketId,
      counterId,
      clerkId,
      outcome,
      note: null,
    });
  }
}

/**
 * Monday 2024-05-06 in Istanbul, worked out by hand (seconds):
 *
 * | ticket | service → | counter/clerk | wait | walk | service | total | end |
 * |---|---|---|---|---|---|---|---|
 * | V001 | vezne | c1 ayse | 120 | 30 | 180 | 330 | completed resolved |
 * | V002 (elderly) seg 0 | vezne | c1 ayse (idle 30) | 300 | 60 (recalled) | 300 | – | transferred |
 * | V002 seg 1 | ruhsat | c2 mehmet (idle 60) | 60 | 20 | 360 | 1160 | completed forwarded |
 * | R001 | ruhsat | c2 mehmet | 420 | – | – | – | no-show |
 * | V003 | vezne | – | – | – | – | – | cancelled by visitor |
 * | R002 | ruhsat | requeued by mehmet (idle 15), served c1 ayse (idle 120) | 60 | 30 | 240 | 510 | completed resolved |
 * | V004 | vezne, issued 23:58, done 00:03 next day | c1 ayse | 60 | 90 | 150 | 300 | completed resolved |
 */
export function mondayJournal(): RevEvent[] {
  const j = new JournalBuilder();
  j.issue(local(9, 0), 'V001', VEZNE)
    .issue(local(9, 1), 'V002', VEZNE, 'elderly')
    .call(local(9, 2), 'V001', 'c1', AYSE)
    .atCounter(local(9, 2, 30), 'ticket:started', 'V001', 'c1', AYSE)
    .issue(local(9, 3), 'R001', RUHSAT)
    .issue(local(9, 4), 'V003', VEZNE)
    .complete(local(9, 5, 30), 'V001', 'c1', AYSE)
    .call(local(9, 6), 'V002', 'c1', AYSE, 30_000)
    .atCounter(local(9, 7), 'ticket:recalled', 'V002', 'c1', AYSE)
    .atCounter(local(9, 8), 'ticket:started', 'V002', 'c1', AYSE)
    .add(local(9, 9), { type: 'ticket:cancelled', ticketId: 'V003', by: 'visitor', clerkId: null })
    .call(local(9, 10), 'R001', 'c2', MEHMET)
    .atCounter(local(9, 12), 'ticket:no-show', 'R001', 'c2', MEHMET)
    .add(local(9, 13), {
      type: 'ticket:transferred',
      ticketId: 'V002',
      counterId: 'c1',
      clerkId: AYSE,
      fromServiceId: VEZNE,
      toServiceId: RUHSAT,
      position: 'front',
    })
    .call(local(9, 14), 'V002', 'c2', MEHMET, 60_000)
    .atCounter(local(9, 14, 20), 'ticket:started', 'V002', 'c2', MEHMET)
    .complete(local(9, 20, 20), 'V002', 'c2', MEHMET, 'forwarded')
    .issue(local(10, 0), 'R002', RUHSAT)
    .call(local(10, 1), 'R002', 'c2', MEHMET, 15_000)
    .atCounter(local(10, 2), 'ticket:requeued', 'R002', 'c2', MEHMET)
    .call(local(10, 4), 'R002', 'c1', AYSE, 120_000)
    .atCounter(local(10, 4, 30), 'ticket:started', 'R002', 'c1', AYSE)
    .complete(local(10, 8, 30), 'R002', 'c1', AYSE)
    .issue(local(23, 58), 'V004', VEZNE)
    .call(local(23, 59), 'V004', 'c1', AYSE)
    .atCounter(local(0, 0, 30, 1), 'ticket:started', 'V004', 'c1', AYSE)
    .complete(local(0, 3, 0, 1), 'V004', 'c1', AYSE);
  return j.events;
}

/** Tuesday 2024-05-07: one vezne visit, wait 60, service 180. */
export function tuesdayJournal(): RevEvent[] {
  return new JournalBuilder()
    .issue(local(9, 0, 0, 1), 'V001', VEZNE)
    .call(local(9, 1, 0, 1), 'V001', 'c1', AYSE)
    .atCounter(local(9, 1, 0, 1), 'ticket:started', 'V001', 'c1', AYSE)
    .complete(local(9, 4, 0, 1), 'V001', 'c1', AYSE).events;
}
