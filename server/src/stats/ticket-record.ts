import type { Lang, Outcome, PriorityGroup } from '../../../contract/domain.js';

/** How a service segment ended; `open` while the ticket is still in the hall today. */
export type SegmentEnd = 'completed' | 'transferred' | 'no-show' | 'cancelled' | 'open';

/** Idle time of a counter before one of its calls of this ticket (from `ticket:called`). */
export interface IdleEntry {
  counterId: string;
  clerkId: string;
  ms: number;
}

/**
 * An estimate a waiting visitor's phone page showed (from `estimates:sampled`), with the wait
 * that followed it.
 */
export interface EstimateSample {
  /** When it was sampled. */
  at: number;
  /** The wait shown, in minutes (a range's most likely value). */
  minutes: number;
  /** First call of the segment − `at`; null while (or if) the ticket was never called. */
  leftMs: number | null;
}

/**
 * One service segment of one ticket, folded from the journal. A ticket that is never
 * transferred has exactly one record (`segment` 0); each transfer ends the current segment
 * (`end: 'transferred'`) and opens the next one in the new service. Every record of a ticket
 * carries the ticket's issue day, hour and weekday in the hall's time zone: that is where it
 * counts, also when the visit ran past local midnight. Times are epoch milliseconds.
 */
export interface TicketRecord {
  hallId: string;
  ticketId: string;
  number: string;
  /** 0 for the service the ticket was issued for, then one more per transfer. */
  segment: number;
  /** True on the ticket's last segment (where the visit ended or still is). */
  last: boolean;
  /** Local day (`YYYY-MM-DD`) of the ticket's issue in the hall's time zone. */
  day: string;
  /** Local hour (0–23) of the ticket's issue. */
  hour: number;
  /** ISO weekday of `day`: 1 Monday … 7 Sunday. */
  weekday: number;
  serviceId: string;
  /** The service's target when the day was folded (later changes do not rewrite history). */
  targetMinutes: number;
  priority: PriorityGroup | null;
  lang: Lang;
  /** The counter and clerk who last held the ticket in this segment; null if it ended waiting. */
  counterId: string | null;
  clerkId: string | null;
  /** The ticket's issue (the same in every segment). */
  issuedAt: number;
  /** When this segment joined its queue: the issue, or the transfer that opened it. */
  queuedAt: number;
  firstCalledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  /** When the segment ended (completed, transferred, no-show, cancelled); null while open. */
  endedAt: number | null;
  /** First call − queuedAt. */
  waitMs: number | null;
  /** Start − last call. */
  walkMs: number | null;
  /** End − start, for segments that ended in `completed` or `transferred`. */
  serviceMs: number | null;
  /** Completion − ticket issue, on the completed segment only. */
  totalMs: number | null;
  end: SegmentEnd;
  outcome: Outcome | null;
  /**
   * The directorate a forwarded visit was handed to. Set on forwarded visits only; null or
   * absent there means unknown (forwarded before directorates were recorded).
   */
  directorateId?: string | null;
  /** The service the visitor was sent on to, when `end` is `transferred`. */
  transferredTo: string | null;
  cancelledBy: 'visitor' | 'staff' | 'day-end' | null;
  /** Calls repeated at the counter in this segment. */
  recalls: number;
  /** Transfers of the whole ticket (the same in each of its segments). */
  transfers: number;
  /** Counter idle time that ended with a call of this ticket in this segment. */
  idle: IdleEntry[];
  /** The visitor's 1–5 rating of the visit (on the segment that was completed). */
  rating: number | null;
  /** The visitor's comment with the rating; blanked after the note retention period. */
  note: string | null;
  /**
   * The wait promised at issue, in minutes (a range's most likely value), on segment 0; null
   * when no time was promised (no open counter) or the ticket predates recorded estimates.
   */
  estimateMinutes?: number | null;
  /** The range promised ("8–12 dk"); both equal `estimateMinutes` for a single number. */
  estimateMin?: number | null;
  estimateMax?: number | null;
  /** The history factor in that promise (see `TicketIssued.estimateFactor`); 1 when none. */
  estimateFactor?: number | null;
  /**
   * The estimates the phone page showed while this segment waited for its first call, in
   * order; absent when none was sampled (also in records folded before samples were taken).
   */
  samples?: EstimateSample[];
  /**
   * A booked visitor's ticket (checked in at the kiosk), on every segment of it. Absent on
   * walk-ins and in records folded before appointments: they read as walk-ins.
   */
  appointment?: boolean;
  /** The booked slot's start (epoch ms) on an appointment's records; absent or null otherwise. */
  slotAt?: number | null;
  /** The booking the ticket was checked in for; for names in an export a manager asked for. */
  bookingId?: string | null;
  /**
   * Punctuality, on an appointment's segment 0: first call − slot in ms (negative when a clerk
   * called it by number before its slot); null while it was never called.
   */
  slotCallMs?: number | null;
}
