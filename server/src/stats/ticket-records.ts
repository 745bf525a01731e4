import type { Hall, Service } from '../../../contract/domain.js';
import type { RevEvent } from '../../../contract/events.js';
import { localDay, localHour } from '../domain/index.js';
import type { TicketRecord } from './ticket-record.js';

/** Samples of one ticket closer than this are one round taken by two server processes. */
const SAMPLE_ROUND_MS = 60_000;

/** The target of a service that is no longer configured (DESIGN: default 4 minutes). */
export const DEFAULT_TARGET_MINUTES = 4;

/**
 * Folds one hall-day's journal into per-ticket records, one per service segment.
 *
 * Transfers: a transfer ends a segment and opens the next one in the new service, keeping the
 * ticket. The time spent at the first desk is a service of the first service (its service time
 * runs from start to the transfer) and the second desk's time is a service of the second. So
 * the mean service time is the mean time one service took at a desk: the transferred part is
 * neither dropped (which would hide the visits that could not be finished at one desk) nor
 * merged into the next service (which would charge one service for two). Each segment's wait
 * runs from joining that service's queue (issue, or transfer) to its first call there; the
 * total runs from the ticket's issue to its completion and sits on the completed segment only.
 *
 * Day of a ticket: every segment counts on the local day, hour and weekday of the ticket's
 * issue in the hall's time zone — a ticket issued at 23:58 and served at 00:03 belongs to the
 * day it was issued, like its journal file and its number.
 */
export function foldRecords(
  events: readonly RevEvent[],
  hall: Pick<Hall, 'timeZone'>,
  services: ReadonlyMap<string, Pick<Service, 'targetMinutes'>>,
): TicketRecord[] {
  const segmentsOf = new Map<string, TicketRecord[]>();
  const current = new Map<string, TicketRecord>();
  const targetOf = (serviceId: string) =>
    services.get(serviceId)?.targetMinutes ?? DEFAULT_TARGET_MINUTES;

  for (const e of events) {
    if (e.type === 'ticket:issued') {
      const day = localDay(e.at, hall.timeZone);
      const r = openSegment({
        hallId: e.hallId,
        ticketId: e.ticketId,
        number: e.number,
        segment: 0,
        day,
        hour: localHour(e.at, hall.timeZone),
        weekday: isoWeekday(day),
        serviceId: e.serviceId,
        targetMinutes: targetOf(e.serviceId),
        priority: e.priority,
        lang: e.lang,
        issuedAt: e.at,
        queuedAt: e.at,
      });
      if (e.appointment) {
        r.appointment = true;
        r.slotAt = e.appointment.slotAt;
        r.bookingId = e.appointment.bookingId;
      }
      if (e.estimate && e.estimate.kind !== 'no-open-counter') {
        r.estimateMinutes = e.estimate.minutes;
        r.estimateMin = e.estimate.kind === 'range' ? e.estimate.min : e.estimate.minutes;
        r.estimateMax = e.estimate.kind === 'range' ? e.estimate.max : e.estimate.minutes;
        if (e.estimateFactor !== undefined) r.estimateFactor = e.estimateFactor;
      }
      segmentsOf.set(e.ticketId, [r]);
      current.set(e.ticketId, r);
      continue;
    }
    if (e.type === 'estimates:sampled') {
      for (const [ticketId, estimate] of Object.entries(e.estimates)) {
        const r = current.get(ticketId);
        // Only before the segment's first call: after a no-show is restored, "the wait that
        // followed" has no first call left to end it. No time shown, nothing to measure.
        if (!r || r.firstCalledAt !== null || estimate.kind === 'no-open-counter') continue;
        const last = r.samples?.at(-1);
        // Two server processes may both sample a round: keep one sample per round.
        if (last && e.at - last.at < SAMPLE_ROUND_MS) continue;
        (r.samples ??= []).push({ at: e.at, minutes: estimate.minutes, leftMs: null });
      }
      continue;
    }
    if (!('ticketId' in e)) continue;
    const r = current.get(e.ticketId);
    if (!r) continue; // a ticket of another day's journal: not this fold's business
    switch (e.type) {
      case 'ticket:called':
        r.firstCalledAt ??= e.at;
        r.lastCalledAt = e.at;
        r.counterId = e.counterId;
        r.clerkId = e.clerkId;
        if (e.idleMs > 0) r.idle.push({ counterId: e.counterId, clerkId: e.clerkId, ms: e.idleMs });
        break;
      case 'ticket:recalled':
        r.recalls += 1;
        r.lastCalledAt = e.at;
        break;
      case 'ticket:started':
        r.startedAt = e.at;
        break;
      case 'ticket:completed':
        r.completedAt = e.at;
        endSegment(r, 'completed', e.at);
        r.outcome = e.outcome;
        // Only when recorded: a visit forwarded before directorates has none (unknown).
        if (e.outcome === 'forwarded' && e.directorateId) r.directorateId = e.directorateId;
        break;
      case 'ticket:no-show':
        endSegment(r, 'no-show', e.at);
        break;
      case 'ticket:restored':
      case 'ticket:requeued':
        // Back in line in the same service: the segment goes on, nobody holds the ticket.
        r.end = 'open';
        r.endedAt = null;
        r.counterId = null;
        r.clerkId = null;
        break;
      case 'ticket:rated':
        // Rated after the visit: the completed segment is the current one.
        r.rating = e.rating;
        r.note = e.note;
        break;
      case 'ticket:cancelled':
        endSegment(r, 'cancelled', e.at);
        r.cancelledBy = e.by;
        break;
      case 'ticket:transferred': {
        endSegment(r, 'transferred', e.at);
        r.transferredTo = e.toServiceId;
        // openSegment resets everything but the start fields, so the old segment can seed it.
        const next = openSegment({
          ...r,
          segment: r.segment + 1,
          serviceId: e.toServiceId,
          targetMinutes: targetOf(e.toServiceId),
          queuedAt: e.at,
        });
        segmentsOf.get(e.ticketId)!.push(next);
        current.set(e.ticketId, next);
        break;
      }
      case 'ticket:sms-requested':
      case 'ticket:sms-withdrawn':
      case 'ticket:turn-near':
        // The SMS when the turn nears is for the visitor, not a fact of the visit: no column.
        break;
    }
  }

  const out: TicketRecord[] = [];
  for (const segments of segmentsOf.values()) {
    segments.forEach((r, i) => {
      r.last = i === segments.length - 1;
      r.transfers = segments.length - 1;
      finishDurations(r);
      out.push(r);
    });
  }
  return out;
}

type SegmentStart = Pick<
  TicketRecord,
  | 'hallId'
  | 'ticketId'
  | 'number'
  | 'segment'
  | 'day'
  | 'hour'
  | 'weekday'
  | 'serviceId'
  | 'targetMinutes'
  | 'priority'
  | 'lang'
  | 'issuedAt'
  | 'queuedAt'
>;

function openSegment(segment: SegmentStart): TicketRecord {
  // The estimate was promised for the first segment only: a transfer does not inherit it.
  const {
    estimateMinutes: _minutes,
    estimateMin: _min,
    estimateMax: _max,
    estimateFactor: _factor,
    samples: _samples,
    ...start
  } = segment as TicketRecord;
  return {
    ...start,
    last: true,
    counterId: null,
    clerkId: null,
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    completedAt: null,
    endedAt: null,
    waitMs: null,
    walkMs: null,
    serviceMs: null,
    totalMs: null,
    end: 'open',
    outcome: null,
    transferredTo: null,
    cancelledBy: null,
    recalls: 0,
    transfers: 0,
    idle: [],
    rating: null,
    note: null,
  };
}

function endSegment(r: TicketRecord, end: TicketRecord['end'], at: number): void {
  r.end = end;
  r.endedAt = at;
}

const span = (from: number | null, to: number | null): number | null =>
  from === null || to === null ? null : Math.max(0, to - from);

function finishDurations(r: TicketRecord): void {
  r.waitMs = span(r.queuedAt, r.firstCalledAt);
  r.walkMs = span(r.lastCalledAt, r.startedAt);
  // A visit cut by a cancel (day end) has no service time: nobody finished it.
  r.serviceMs =
    r.end === 'completed' || r.end === 'transferred' ? span(r.startedAt, r.endedAt) : null;
  r.totalMs = r.end === 'completed' ? span(r.issuedAt, r.completedAt) : null;
  for (const s of r.samples ?? []) s.leftMs = span(s.at, r.firstCalledAt);
  // Punctuality is the visit's: measured on the first segment, where the booked visitor waited.
  if (r.appointment && r.slotAt != null && r.segment === 0) {
    r.slotCallMs = r.firstCalledAt === null ? null : r.firstCalledAt - r.slotAt;
  }
}

/** ISO weekday (1 Monday … 7 Sunday) of a calendar day `YYYY-MM-DD`. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
