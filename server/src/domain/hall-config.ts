import type { Counter, Directorate, Hall, Service } from '../../../contract/domain.js';

/**
 * The hall's own history of its estimates: by ISO weekday and local hour (`"1-9"`, Monday
 * 09:00–10:00), the factor the forecast's wait is multiplied by there: the median of the
 * wait that followed ÷ the forecast's promise, over enough past tickets (built by
 * stats/estimate-history.ts). What the forecast cannot see ahead (lunch breaks coming, the
 * arrivals of that hour) shows up in it.
 */
export interface WaitHistory {
  factors: ReadonlyMap<string, number>;
}

/** The slice of configuration one hall's queue logic needs. */
export interface HallConfig {
  hall: Hall;
  services: ReadonlyMap<string, Service>;
  counters: ReadonlyMap<string, Counter>;
  /** Where a forwarded visit may be handed to; retired ones too (history keeps their names). */
  directorates: ReadonlyMap<string, Directorate>;
  /** What the hall's own past says of its wait estimates (see `WaitHistory`); none at first. */
  waitHistory?: WaitHistory;
}

export function hallConfig(
  hall: Hall,
  services: Service[],
  counters: Counter[],
  directorates: Directorate[] = [],
): HallConfig {
  return {
    hall,
    services: new Map(services.filter((s) => s.hallId === hall.id).map((s) => [s.id, s])),
    counters: new Map(counters.filter((c) => c.hallId === hall.id).map((c) => [c.id, c])),
    directorates: new Map(directorates.filter((d) => d.hallId === hall.id).map((d) => [d.id, d])),
  };
}

/** Ticket numbers: the service prefix and the day's sequence, zero-padded to three digits. */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}
