import type { StaffTicket } from '../../../contract/domain.js';
import type { CounterModel } from './model.js';

const MINUTE = 60_000;

/** A visitor this counter marked absent who may still be put back at the front of the line. */
export interface RestorableNoShow {
  ticket: StaffTicket;
  /** When the clerk marked the visitor absent (server time). */
  markedAt: number;
  /** Until when the server accepts the restore (the hall's grace window). */
  until: number;
}

/**
 * The visitors this counter marked absent within the hall's grace window
 * (`noShowGraceMinutes`), the most recent first: one who comes back late can be put at the
 * front of their line. The server checks the window again when asked.
 */
export function restorableNoShows(
  model: CounterModel,
  counterId: string,
  now: number,
): RestorableNoShow[] {
  const grace = model.hall.noShowGraceMinutes * MINUTE;
  const out: RestorableNoShow[] = [];
  for (const ticket of model.tickets.values()) {
    if (ticket.status !== 'no-show' || ticket.counterId !== counterId) continue;
    if (ticket.endedAt === null || now - ticket.endedAt > grace) continue;
    out.push({ ticket, markedAt: ticket.endedAt, until: ticket.endedAt + grace });
  }
  return out.sort((a, b) => b.markedAt - a.markedAt);
}
