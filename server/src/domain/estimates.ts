import type {
  Appointment,
  PriorityGroup,
  PublicServiceQueue,
  Service,
  Ticket,
  WaitEstimate,
} from '../../../contract/domain.js';
import type { HallConfig } from './hall-config.js';
import { localHour } from './local-day.js';
import { peopleAhead } from './ordering.js';
import { bookedSlot, type HallState } from './state.js';

const MINUTE = 60_000;
/** From call to the desk, as the demo days and the counters' timers show it. */
const WALK_MS = 30_000;
/** A visit past its mean still has this share of the mean ahead of it (service times spread). */
const RESIDUE = 0.3;
/** A usual pause by reason; a paused counter is expected back when it has run out. */
const PAUSE_MS: Record<string, number> = { break: 30 * MINUTE, paperwork: 5 * MINUTE };
const OTHER_PAUSE_MS = 10 * MINUTE;
/** A longer line is estimated by the quick formula: the forecast replays every call ahead. */
const MAX_FORECAST_LINE = 300;
/** The spread of service times before a service has its own (a gamma of shape 2). */
const SEED_CV = 0.7;
/**
 * What the replay cannot see (priority visitors still to come, pauses ahead, no-shows), as a
 * share of the wait: on the demo days, with it, about two waits in three fall within the
 * range shown (one standard deviation), as a range promises.
 */
const MODEL_CV = 0.25;
/** Below this half-width (minutes) one number is honest; from it on a range is shown. */
const RANGE_FROM = 2;
/** A wait shorter than this (minutes) is told as one number: "2–7 dk" would only confuse. */
const RANGE_FROM_WAIT = 5;

/** Waits shorter than this (minutes) are not scaled: "no wait" and 1 minute stay as they are. */
export const HISTORY_FROM_MINUTES = 2;

/** `"weekday-hour"` of an instant of a hall-day, the key of `WaitHistory`. */
export function historyKey(day: string, at: number, timeZone: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay() || 7;
  return `${weekday}-${localHour(at, timeZone)}`;
}

/** Mean of the recent service times of a service, seeded with its target. */
export function meanServiceMs(state: HallState, service: Service): number {
  const recent = state.recentServiceMs.get(service.id) ?? [];
  const seed = service.targetMinutes * MINUTE;
  // The target counts as one observation, so a single fast visit cannot zero the estimate.
  return recent.reduce((sum, ms) => sum + ms, seed) / (recent.length + 1);
}

/** Spread (coefficient of variation) of the recent service times, seeded like the mean. */
function serviceCv(state: HallState, service: Service, mean: number): number {
  const recent = state.recentServiceMs.get(service.id) ?? [];
  if (recent.length < 5) return SEED_CV;
  const variance = recent.reduce((s, ms) => s + (ms - mean) ** 2, 0) / recent.length;
  return Math.sqrt(variance) / mean;
}

/** Counters open now (not paused or closed) that cover a service. */
export function openCountersFor(state: HallState, config: HallConfig, serviceId: string): number {
  let n = 0;
  for (const counter of config.counters.values()) {
    if (state.counters.get(counter.id)?.status !== 'open') continue;
    if (counter.services.some((s) => s.serviceId === serviceId)) n += 1;
  }
  return n;
}

/** One ticket in the forecast; a probe is a visitor who would join now (never served). */
interface Place {
  id: string;
  serviceId: string;
  priority: boolean;
  front: boolean;
  queuedAt: number;
  issuedAt: number;
  seq: number;
  probe: boolean;
  /** A booked visitor's slot until their first call (`bookedSlot`); null for walk-ins. */
  slot: number | null;
}

/** When a ticket is expected to be called, and how uncertain that is (ms, one sd). */
interface Call {
  at: number;
  sd: number;
}

interface Forecast {
  ref: number;
  /** Waiting tickets by id; probes by `probeKey`. Missing: the line was too long to replay. */
  calls: Map<string, Call> | null;
}

const probeKey = (serviceId: string, priority: boolean) =>
  `probe:${serviceId}:${priority ? 'p' : 'n'}`;

/** The probe of a booked visitor checking in now (see `joinForecast`). */
const BOOKED_PROBE = 'probe:booked';

/**
 * Replays the hall's calling rules (`pickNext`) forward from `ref` over the tickets waiting
 * now: every open counter frees up after its call in progress (walk and the service's mean),
 * a paused one after its usual pause, and each free counter calls the ticket the rules pick:
 * front placements, escalation past the limit, the priority interleave, the counter's weights.
 * Probes (one normal and one priority visitor per service, joining at `ref`) are called like
 * the others but take no desk time, so they measure the wait without changing anyone's.
 */
function forecast(
  state: HallState,
  config: HallConfig,
  ref: number,
  booked?: { serviceId: string; slot: number },
): Forecast {
  const pool = new Map<string, Place[]>();
  let size = 0;
  for (const service of config.services.values()) {
    const line: Place[] = [];
    for (const id of state.waiting.get(service.id) ?? []) {
      const t = state.tickets.get(id);
      if (t) line.push(placeOf(t));
    }
    size += line.length;
    for (const priority of [false, true]) {
      const id = probeKey(service.id, priority);
      line.push({ ...PROBE, id, serviceId: service.id, priority, queuedAt: ref, issuedAt: ref });
    }
    if (booked?.serviceId === service.id)
      line.push({
        ...PROBE,
        id: BOOKED_PROBE,
        serviceId: service.id,
        priority: false,
        queuedAt: ref,
        issuedAt: ref,
        slot: booked.slot,
      });
    pool.set(service.id, line);
  }
  if (size > MAX_FORECAST_LINE) return { ref, calls: null };

  const desks = desksAt(state, config, ref);
  const calls = new Map<string, Call>();
  const limit = config.hall.escalationMinutes * MINUTE;
  const ratio = config.hall.priorityRatio;
  let normals = state.normalsSincePriority;
  let varianceMs2 = 0;
  while (desks.length > 0) {
    let d = desks[0]!;
    for (const x of desks) if (x.freeAt < d.freeAt) d = x;
    const t = d.freeAt;
    const picked = pick(pool, d.weights, t, limit, normals >= ratio);
    if (!picked) {
      // Nobody to call now: the desk waits for the next booked slot it covers, if any.
      const slot = nextSlot(pool, d.weights, t);
      if (slot === null) desks.splice(desks.indexOf(d), 1);
      else d.freeAt = slot;
      continue;
    }
    const line = pool.get(picked.serviceId)!;
    line.splice(line.indexOf(picked), 1);
    const spread = varianceMs2 / Math.max(1, desks.length) + (MODEL_CV * (t - ref)) ** 2;
    calls.set(picked.id, { at: t, sd: Math.sqrt(spread) });
    if (picked.probe) continue;
    if (picked.slot === null) normals = picked.priority ? 0 : normals + 1;
    const service = config.services.get(picked.serviceId);
    const mean = service ? meanServiceMs(state, service) : 4 * MINUTE;
    const cv = service ? serviceCv(state, service, mean) : SEED_CV;
    // Each visit adds its own spread; desks working side by side share it out.
    varianceMs2 += (cv * mean) ** 2 / Math.max(1, desks.length);
    d.freeAt = t + WALK_MS + mean;
  }
  return { ref, calls };
}

const PROBE: Omit<Place, 'id' | 'serviceId' | 'priority' | 'queuedAt' | 'issuedAt'> = {
  front: false,
  seq: Number.POSITIVE_INFINITY,
  probe: true,
  slot: null,
};

/** The earliest booked slot after `now` among a desk's services, or null. */
function nextSlot(pool: Map<string, Place[]>, weights: Map<string, number>, now: number) {
  let next: number | null = null;
  for (const serviceId of weights.keys())
    for (const t of pool.get(serviceId) ?? [])
      if (t.slot !== null && t.slot > now && (next === null || t.slot < next)) next = t.slot;
  return next;
}

function placeOf(t: Ticket): Place {
  return {
    id: t.id,
    serviceId: t.serviceId,
    priority: t.priority !== null,
    front: t.front,
    queuedAt: t.queuedAt,
    issuedAt: t.issuedAt,
    seq: t.seq,
    probe: false,
    slot: bookedSlot(t),
  };
}

interface Desk {
  freeAt: number;
  weights: Map<string, number>;
}

/** Open and paused counters, with when each is next free to call. */
function desksAt(state: HallState, config: HallConfig, ref: number): Desk[] {
  const desks: Desk[] = [];
  for (const counter of config.counters.values()) {
    const c = state.counters.get(counter.id);
    if (!c || c.status === 'closed') continue;
    let freeAt = ref;
    if (c.status === 'paused') {
      const usual = PAUSE_MS[c.pauseReason ?? ''] ?? OTHER_PAUSE_MS;
      const since = state.pausedAt.get(c.id) ?? ref;
      // A pause already past its usual length is expected to end soon, not now.
      freeAt = Math.max(since + usual, ref + usual * RESIDUE);
    }
    const current = c.currentTicketId ? state.tickets.get(c.currentTicketId) : undefined;
    const service = current ? config.services.get(current.serviceId) : undefined;
    if (current && service && c.status === 'open') {
      const mean = meanServiceMs(state, service);
      if (current.status === 'called') {
        const walked = ref - (current.lastCalledAt ?? ref);
        freeAt = ref + Math.max(0, WALK_MS - walked) + mean;
      } else if (current.status === 'serving') {
        const done = ref - (current.startedAt ?? ref);
        freeAt = ref + Math.max(mean - done, mean * RESIDUE);
      }
    }
    desks.push({ freeAt, weights: new Map(counter.services.map((s) => [s.serviceId, s.weight])) });
  }
  return desks;
}

/** `pickNext` over the forecast's places (kept in step with it; see ordering.ts). */
function pick(
  pool: Map<string, Place[]>,
  weights: Map<string, number>,
  now: number,
  limit: number,
  priorityTurn: boolean,
): Place | undefined {
  let front: Place | undefined;
  let escalated: Place | undefined;
  let due: Place | undefined;
  let priority: Place | undefined;
  let priorityW = 0;
  let normal: Place | undefined;
  let normalW = 0;
  for (const [serviceId, weight] of weights) {
    for (const t of pool.get(serviceId) ?? []) {
      if (t.slot !== null && t.slot > now) continue;
      if (t.front) {
        if (!front || earliest(t, front) < 0) front = t;
      } else if (now - waitsFrom(t) > limit) {
        if (!escalated || (waitsFrom(t) - waitsFrom(escalated) || earliest(t, escalated)) < 0)
          escalated = t;
      }
      if (t.slot !== null) {
        if (!due || (t.slot - due.slot! || earliest(t, due)) < 0) due = t;
        continue;
      }
      const w = (now - t.queuedAt) * weight;
      if (t.priority) {
        if (!priority || w > priorityW || (w === priorityW && earliest(t, priority) < 0)) {
          priority = t;
          priorityW = w;
        }
      } else if (!normal || w > normalW || (w === normalW && earliest(t, normal) < 0)) {
        normal = t;
        normalW = w;
      }
    }
  }
  if (front) return front;
  if (escalated) return escalated;
  if (due) return due;
  if (!priority) return normal;
  if (!normal) return priority;
  return priorityTurn ? priority : normal;
}

function waitsFrom(t: Place): number {
  return t.slot === null ? t.queuedAt : Math.max(t.queuedAt, t.slot);
}

function earliest(a: Place, b: Place): number {
  return a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.seq - b.seq;
}

/**
 * One forecast per state and reference time: every screen of a change shares it. The key
 * holds the revision and what a change moves (callers that fold events without numbering
 * them, like tests and the demo days, still never read a stale forecast).
 */
const forecasts = new WeakMap<HallState, { key: string; config: HallConfig; f: Forecast }>();

function stateKey(state: HallState, ref: number): string {
  let waiting = 0;
  for (const line of state.waiting.values()) waiting += line.size;
  let desks = '';
  for (const c of state.counters.values()) desks += `${c.status}${c.currentTicketId ?? ''};`;
  return `${state.rev}|${state.clock}|${ref}|${state.tickets.size}|${waiting}|${state.normalsSincePriority}|${state.recentServiceMs.size}|${desks}`;
}

function forecastOf(state: HallState, config: HallConfig, ref: number): Forecast {
  const key = stateKey(state, ref);
  const hit = forecasts.get(state);
  if (hit && hit.key === key && hit.config === config) return hit.f;
  const f = forecast(state, config, ref);
  forecasts.set(state, { key, config, f });
  return f;
}

/** The estimate of a forecast call, or the quick formula when there is no forecast. */
function estimateOf(
  state: HallState,
  config: HallConfig,
  found: Call | undefined,
  ref: number,
): WaitEstimate | undefined {
  if (!found) return undefined;
  const call = withHistory(state, config, found, ref);
  const wait = call.at - ref;
  if (wait <= 0) return { kind: 'minutes', minutes: 0 };
  const minutes = Math.max(1, Math.round(wait / MINUTE));
  const half = call.sd / MINUTE;
  if (half < RANGE_FROM || wait < RANGE_FROM_WAIT * MINUTE) return { kind: 'minutes', minutes };
  const min = Math.max(1, Math.round((wait - call.sd) / MINUTE));
  const max = Math.max(min + 1, Math.round((wait + call.sd) / MINUTE));
  return { kind: 'range', minutes: Math.min(max, Math.max(min, minutes)), min, max };
}

/** A forecast call scaled by the hall's history for this weekday and hour, if it has one. */
/** The history factor a forecast call is scaled by (1: none for this weekday-hour, or short). */
function historyFactor(state: HallState, config: HallConfig, call: Call, ref: number): number {
  const factors = config.waitHistory?.factors;
  if (!factors || call.at - ref < HISTORY_FROM_MINUTES * MINUTE) return 1;
  return factors.get(historyKey(state.day, ref, config.hall.timeZone)) ?? 1;
}

function withHistory(state: HallState, config: HallConfig, call: Call, ref: number): Call {
  const factor = historyFactor(state, config, call, ref);
  if (factor === 1) return call;
  return { at: ref + (call.at - ref) * factor, sd: call.sd * factor };
}

/** The first estimator: people ahead ÷ open counters × mean service time. */
export function quickEstimate(
  state: HallState,
  config: HallConfig,
  service: Service,
  ahead: number,
): WaitEstimate {
  const counters = openCountersFor(state, config, service.id);
  if (counters === 0) return { kind: 'no-open-counter' };
  if (ahead <= 0) return { kind: 'minutes', minutes: 0 };
  const minutes = ((ahead / counters) * meanServiceMs(state, service)) / MINUTE;
  return { kind: 'minutes', minutes: Math.max(1, Math.round(minutes)) };
}

/**
 * What a visitor with `ahead` people in front of them is told by the quick formula. With no
 * covering counter open (closed or paused: neither is calling) there is no honest time, not
 * even "no wait" for the first in line, so the estimate says so.
 */
export function waitEstimate(
  state: HallState,
  config: HallConfig,
  service: Service,
  ahead: number,
): WaitEstimate {
  return quickEstimate(state, config, service, ahead);
}

/**
 * The wait of a ticket waiting now, as of the latest event (`state.clock`): its call in the
 * forecast of the line, or the quick formula when the line is too long to replay. A booked
 * visitor is never told a time before their slot.
 */
export function ticketEstimate(
  state: HallState,
  config: HallConfig,
  ticket: Ticket,
  ahead: number | (() => number),
): WaitEstimate {
  const service = config.services.get(ticket.serviceId);
  if (!service) return { kind: 'no-open-counter' };
  if (openCountersFor(state, config, service.id) === 0) return { kind: 'no-open-counter' };
  const f = forecastOf(state, config, state.clock);
  const estimate =
    estimateOf(state, config, f.calls?.get(ticket.id), f.ref) ??
    quickEstimate(state, config, service, typeof ahead === 'number' ? ahead : ahead());
  const slot = bookedSlot(ticket);
  return slot === null ? estimate : notBefore(estimate, slot, state.clock);
}

/**
 * An estimate moved up to at least the minutes until `slot` (a booked visitor's forecast call
 * is never before it, but the hall's history factor or the quick formula may say sooner).
 */
export function notBefore(estimate: WaitEstimate, slot: number, now: number): WaitEstimate {
  if (estimate.kind === 'no-open-counter' || slot <= now) return estimate;
  const until = Math.ceil((slot - now) / MINUTE);
  if (estimate.kind === 'minutes' || estimate.max <= until)
    return { kind: 'minutes', minutes: Math.max(until, estimate.minutes) };
  // A range keeps what it says of lateness; its early end stops at the slot.
  const min = Math.max(until, estimate.min);
  return { kind: 'range', minutes: Math.max(min, estimate.minutes), min, max: estimate.max };
}

/**
 * People ahead of a waiting visitor as the phone page and the kiosk tell it (`peopleAhead`).
 * A walk-in has ahead of them every booked visitor of the service checked in with a slot no
 * later than the walk-in's expected call (now + their current estimate): those are called
 * first. A service with no booked visitor still to come needs no estimate for it.
 */
export function peopleAheadOf(state: HallState, config: HallConfig, ticket: Ticket): number {
  if (bookedSlot(ticket) !== null || !hasBookedLater(state, ticket.serviceId))
    return peopleAhead(state, ticket);
  const estimate = ticketEstimate(state, config, ticket, () => peopleAhead(state, ticket));
  const minutes = estimate.kind === 'no-open-counter' ? 0 : estimate.minutes;
  return peopleAhead(state, ticket, state.clock + minutes * MINUTE);
}

/** Whether a service has a booked visitor waiting whose slot is after the latest event. */
export function hasBookedLater(state: HallState, serviceId: string): boolean {
  return bookedCount(state, serviceId, (slot) => slot > state.clock) > 0;
}

/** Booked visitors of a service waiting for their first call whose slot passes `test`. */
function bookedCount(state: HallState, serviceId: string, test: (slot: number) => boolean): number {
  let n = 0;
  for (const id of state.booked.get(serviceId) ?? []) {
    const t = state.tickets.get(id);
    const slot = t ? bookedSlot(t) : null;
    if (slot !== null && test(slot)) n += 1;
  }
  return n;
}

/**
 * The estimate of every ticket waiting now, as its phone page shows it (`ticketEstimate` on the
 * same state: one shared forecast; the place in line is counted only for the quick formula).
 */
export function waitingEstimates(
  state: HallState,
  config: HallConfig,
): Record<string, WaitEstimate> {
  const out: Record<string, WaitEstimate> = {};
  for (const line of state.waiting.values()) {
    for (const id of line) {
      const t = state.tickets.get(id);
      if (t) out[id] = ticketEstimate(state, config, t, () => peopleAheadOf(state, config, t));
    }
  }
  return out;
}

/**
 * What a visitor joining the line of `service` at `now` would be told (the kiosk's button,
 * and the figure recorded with the ticket it issues).
 */
export function joinEstimate(
  state: HallState,
  config: HallConfig,
  service: Service,
  priority: PriorityGroup | null,
  now: number,
): WaitEstimate {
  return joinForecast(state, config, service, priority, now).estimate;
}

/**
 * `joinEstimate`, with the history factor it carries (1 when none): recorded with the
 * ticket, so the history is always learnt against the forecast alone. For a booked visitor
 * checking in (`appointment`), their own call: by their slot, never before it (a forecast of
 * its own, with them in it; check-ins are few).
 */
export function joinForecast(
  state: HallState,
  config: HallConfig,
  service: Service,
  priority: PriorityGroup | null,
  now: number,
  appointment?: Appointment,
): { estimate: WaitEstimate; factor: number } {
  if (openCountersFor(state, config, service.id) === 0)
    return { estimate: { kind: 'no-open-counter' }, factor: 1 };
  const f = appointment
    ? forecast(state, config, now, { serviceId: service.id, slot: appointment.slotAt })
    : forecastOf(state, config, now);
  const call = f.calls?.get(appointment ? BOOKED_PROBE : probeKey(service.id, priority !== null));
  const estimate = estimateOf(state, config, call, f.ref);
  const slotted = (e: WaitEstimate) => (appointment ? notBefore(e, appointment.slotAt, now) : e);
  if (!call || !estimate) {
    // Joining now: every walk-in waiting is ahead, and the booked visitors due by now.
    const ahead = appointment
      ? 0
      : (state.waiting.get(service.id)?.size ?? 0) -
        bookedCount(state, service.id, (slot) => slot > now);
    return { estimate: slotted(quickEstimate(state, config, service, ahead)), factor: 1 };
  }
  return { estimate: slotted(estimate), factor: historyFactor(state, config, call, f.ref) };
}

/**
 * The hall refuses a new ticket for the service: none of its counters is open, and the hall
 * is set to refuse then (`whenNoCounterOpen: 'refuse'`).
 */
export function refusesTickets(state: HallState, config: HallConfig, serviceId: string): boolean {
  return (
    config.hall.whenNoCounterOpen === 'refuse' && openCountersFor(state, config, serviceId) === 0
  );
}

/**
 * Waiting count, longest wait and estimate for every service of the hall, for staff and
 * visitors alike: with no covering counter open the estimate says so for both.
 */
export function serviceQueues(state: HallState, config: HallConfig): PublicServiceQueue[] {
  const out: PublicServiceQueue[] = [];
  for (const service of config.services.values()) {
    const ids = state.waiting.get(service.id) ?? new Set<string>();
    const counters = openCountersFor(state, config, service.id);
    // Tickets join the set as they join the line (issue, requeue, restore, transfer all at
    // "now"), so the first one has waited longest: no scan of the whole line per event.
    const first = ids.values().next();
    const oldest = first.done ? null : (state.tickets.get(first.value)?.queuedAt ?? null);
    out.push({
      serviceId: service.id,
      waiting: ids.size,
      oldestQueuedAt: oldest,
      estimate: joinEstimate(state, config, service, null, state.clock),
      refusesTickets: counters === 0 && config.hall.whenNoCounterOpen === 'refuse',
    });
  }
  return out;
}
