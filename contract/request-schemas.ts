import * as z from 'zod/mini';
import type {
  CounterStatus,
  Lang,
  Outcome,
  PauseReason,
  PriorityGroup,
  TicketStatus,
} from './domain.js';

/**
 * The value lists of the domain's string unions (the types are in `domain.ts`; each list is
 * checked against its type here and, for completeness, by `tests/unit/contract/`) and the
 * request pieces several endpoints share. Written with `zod/mini`: pages import them.
 */
export const LANGS = ['tr', 'en'] as const satisfies readonly Lang[];
export const PRIORITY_GROUPS = [
  'elderly',
  'disabled',
  'pregnant',
  'veteran',
] as const satisfies readonly PriorityGroup[];
export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no-show',
  'cancelled',
] as const satisfies readonly TicketStatus[];
export const OUTCOMES = ['resolved', 'forwarded'] as const satisfies readonly Outcome[];
export const COUNTER_STATUSES = [
  'closed',
  'open',
  'paused',
] as const satisfies readonly CounterStatus[];
export const PAUSE_REASONS = [
  'break',
  'paperwork',
  'system',
] as const satisfies readonly PauseReason[];
/** Where a transferred visitor joins the other service's line. */
export const TRANSFER_POSITIONS = ['front', 'back'] as const;

/** Ids in config: lower-case slugs or uuids. */
export const id = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'expected an id'));
/** A ticket number as printed (`V012`, `İ004`); case-insensitive. */
export const ticketNumber = z
  .string()
  .check(
    z.trim(),
    z.regex(/^[A-Za-zÇĞİÖŞÜçğıöşü]{1,2}\d{3,5}$/u, 'expected a ticket number such as V012'),
  );
/** An unguessable ticket status code (base64url, 128 bits). */
export const ticketCode = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'expected a ticket code'));
export const lang = z.enum(LANGS);
export const priorityGroup = z.enum(PRIORITY_GROUPS);
export const outcome = z.enum(OUTCOMES);
export const pauseReason = z.enum(PAUSE_REASONS);

/** True when `s` is a real calendar date written as `YYYY-MM-DD`. */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
/** A local calendar day in a query, `YYYY-MM-DD`. */
export const calendarDay = z
  .string()
  .check(z.refine(isCalendarDay, 'expected a real date written YYYY-MM-DD'));

export const hallParams = z.strictObject({ hallId: id });
export const counterParams = z.strictObject({ counterId: id });
export const codeParams = z.strictObject({ code: ticketCode });

/** `POST /api/halls/:hallId/tickets`: the kiosk (or staff for a visitor) issues a ticket. */
export const issueTicketBody = z.strictObject({
  serviceId: id,
  priority: z.optional(z.nullable(priorityGroup)),
  lang: z.optional(lang),
});

/** `POST /api/auth/login`. */
export const loginBody = z.strictObject({
  username: z.string().check(z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
