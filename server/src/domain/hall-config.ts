import type { Counter, Hall, Service } from '../../../contract/domain.js';

/** The slice of configuration one hall's queue logic needs. */
export interface HallConfig {
  hall: Hall;
  services: ReadonlyMap<string, Service>;
  counters: ReadonlyMap<string, Counter>;
}

export function hallConfig(hall: Hall, services: Service[], counters: Counter[]): HallConfig {
  return {
    hall,
    services: new Map(services.filter((s) => s.hallId === hall.id).map((s) => [s.id, s])),
    counters: new Map(counters.filter((c) => c.hallId === hall.id).map((c) => [c.id, c])),
  };
}

/** Ticket numbers: the service prefix and the day's sequence, zero-padded to three digits. */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}
