import type { Lang, PriorityGroup } from '../../../contract/domain.js';
import type { RevEvent } from '../../../contract/events.js';
import {
  closeDayEvents,
  decide,
  emptyHallState,
  evolve,
  type Command,
  type HallConfig,
  type HallState,
} from '../domain/index.js';

const MIN = 60_000;

/** Share of visitors per service, from the published 2016 figures (reference/cankaya-welcome-desk.json). */
export const SERVICE_MIX: Record<string, number> = {
  vezne: 0.313,
  ruhsat: 0.175,
  'mali-hizmetler': 0.15,
  'imar-durum': 0.145,
  dilekce: 0.092,
  'imar-evrak': 0.125,
};

/** Relative arrivals per opening hour 08:00–17:00: a morning and an after-lunch peak. */
const HOURLY = [0.6, 1.2, 1.5, 1.4, 0.8, 0.9, 1.3, 1.2, 0.7];

/** Seeded random numbers, so a demo folder is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const exponential = (rand: () => number, mean: number) => -Math.log(1 - rand()) * mean;

function pick<T extends string>(rand: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as Array<[T, number]>;
  let r = rand() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((r -= w) <= 0) return k;
  return entries[0]![0];
}

/**
 * Where forwarded visits go: the published figures name Fen İşleri, Zabıta and Veteriner
 * İşleri first (reference/cankaya-iletisim-merkezi-haberi.txt), so they take most; the other
 * active directorates share the rest.
 */
const LEADING_DIRECTORATES: Record<string, number> = {
  'fen-isleri': 0.32,
  zabita: 0.2,
  'veteriner-isleri': 0.13,
};

export function directorateMix(config: HallConfig): Record<string, number> {
  const active = [...config.directorates.values()].filter((d) => d.active).map((d) => d.id);
  const others = active.filter((id) => !(id in LEADING_DIRECTORATES));
  const rest = 1 - Object.values(LEADING_DIRECTORATES).reduce((a, b) => a + b, 0);
  return Object.fromEntries(
    active.map((id) => [id, LEADING_DIRECTORATES[id] ?? rest / Math.max(1, others.length)]),
  );
}

interface Desk {
  counterId: string;
  clerkId: string;
  /** What the clerk does next, and when. */
  next: { at: number; action: 'call' | 'start' | 'complete' | 'no-show' | 'pause' | 'resume' };
  lunchAt: number;
}

/**
 * One realistic day at the Welcome Desk, driven through the real domain rules: Poisson-like
 * arrivals by hour, the published service mix, walk times, service times around 4 minutes
 * (a gamma-like spread), 98% resolved, a few no-shows, transfers and priority visitors,
 * lunch breaks, a few short pauses for paperwork, and the day closed at the end.
 */
export function simulateDay(
  config: HallConfig,
  day: string,
  opensAt: number,
  clerkIds: string[],
  visitors: number,
  rand: () => number,
): RevEvent[] {
  const state: HallState = emptyHallState(config.hall.id, day);
  const events: RevEvent[] = [];
  const directorates = directorateMix(config);
  const run = (command: Command, at: number): boolean => {
    // A server's clock gives whole milliseconds (PostgreSQL keeps them as bigint).
    const r = decide(state, config, command, Math.round(at));
    if (!r.ok) return false;
    for (const e of r.value) {
      evolve(state, e);
      state.rev += 1;
      events.push({ ...e, rev: state.rev } as RevEvent);
    }
    return true;
  };

  const total = HOURLY.reduce((a, b) => a + b, 0);
  const arrivals: number[] = [];
  HOURLY.forEach((weight, hour) => {
    const n = Math.round((visitors * weight) / total);
    for (let i = 0; i < n; i++) arrivals.push(opensAt + hour * 60 * MIN + rand() * 60 * MIN);
  });
  arrivals.sort((a, b) => a - b);

  const counters = [...config.counters.values()].sort((a, b) => a.number - b.number);
  const desks: Desk[] = counters.slice(0, clerkIds.length).map((c, i) => {
    const start = opensAt + rand() * 5 * MIN;
    run({ type: 'open', counterId: c.id, clerkId: clerkIds[i]! }, start);
    return {
      counterId: c.id,
      clerkId: clerkIds[i]!,
      next: { at: start, action: 'call' },
      lunchAt: opensAt + (3.5 + (i % 3) * 0.5) * 60 * MIN,
    };
  });
  const closesAt = opensAt + HOURLY.length * 60 * MIN;
  let a = 0;
  for (let now = opensAt; now <= closesAt + 60 * MIN; now += 10_000) {
    while (a < arrivals.length && arrivals[a]! <= now && arrivals[a]! <= closesAt) {
      const priority: PriorityGroup | null =
        rand() < 0.08 ? pick(rand, { elderly: 6, disabled: 2, pregnant: 1, veteran: 1 }) : null;
      const lang: Lang = rand() < 0.03 ? 'en' : 'tr';
      const code = `demo${day.replaceAll('-', '')}${a}x${Math.floor(rand() * 1e9)}`;
      run(
        { type: 'issue', serviceId: pick(rand, SERVICE_MIX), priority, lang, code },
        arrivals[a]!,
      );
      a += 1;
    }
    for (const d of desks) {
      if (d.next.at > now) continue;
      const by = { counterId: d.counterId, clerkId: d.clerkId };
      const current = state.counters.get(d.counterId)?.currentTicketId;
      const ticket = current ? state.tickets.get(current) : undefined;
      switch (d.next.action) {
        case 'call':
          if (
            now >= d.lunchAt &&
            d.lunchAt > 0 &&
            run({ type: 'pause', reason: 'break', ...by }, now)
          ) {
            d.next = { at: now + (20 + rand() * 10) * MIN, action: 'resume' };
            d.lunchAt = 0;
          } else if (run({ type: 'call-next', ...by }, now)) {
            d.next =
              rand() < 0.03
                ? { at: now + 2 * MIN, action: 'no-show' }
                : { at: now + (10 + rand() * 30) * 1000, action: 'start' };
          } else d.next = { at: now + 10_000, action: 'call' };
          break;
        case 'start':
          run({ type: 'start', ...by }, now);
          // Service time: gamma(k=2) around the 4-minute mean, at least 40 s.
          d.next = {
            at: now + Math.max(40_000, exponential(rand, 2 * MIN) + exponential(rand, 2 * MIN)),
            action: 'complete',
          };
          break;
        case 'complete':
          if (ticket && ticket.transfers === 0 && rand() < 0.02) {
            const to = pick(rand, SERVICE_MIX);
            if (to !== ticket.serviceId)
              run({ type: 'transfer', serviceId: to, position: 'back', ...by }, now);
          }
          if (rand() < 0.98 || Object.keys(directorates).length === 0)
            run({ type: 'complete', outcome: 'resolved', note: null, ...by }, now);
          else
            run(
              {
                type: 'complete',
                outcome: 'forwarded',
                directorateId: pick(rand, directorates),
                note: null,
                ...by,
              },
              now,
            );
          // Now and then a clerk stops for paperwork before the next call (a few a day).
          d.next = { at: now + rand() * 10_000, action: rand() < 0.015 ? 'pause' : 'call' };
          break;
        case 'no-show':
          if (rand() < 0.5) run({ type: 'recall', ...by }, now - MIN);
          run({ type: 'no-show', ...by }, now);
          d.next = { at: now, action: 'call' };
          break;
        case 'resume':
          run({ type: 'resume', ...by }, now);
          d.next = { at: now, action: 'call' };
          break;
        case 'pause':
          d.next = run({ type: 'pause', reason: 'paperwork', ...by }, now)
            ? { at: now + (3 + rand() * 7) * MIN, action: 'resume' }
            : { at: now, action: 'call' };
          break;
      }
    }
  }
  const end = closesAt + 60 * MIN;
  for (const d of desks) run({ type: 'close', counterId: d.counterId, clerkId: d.clerkId }, end);
  for (const e of closeDayEvents(state, end)) {
    evolve(state, e);
    state.rev += 1;
    events.push({ ...e, rev: state.rev } as RevEvent);
  }
  return events;
}
