// Synthetic history in the embedded store's own file formats: `config.json` through the store,
// `journal/<hall>/<day>.jsonl` (one RevEvent per line) and `days/<hall>/<day>.json` (a version 3
// DaySummary written by the embedded store, its records folded from the same events by the
// product's `foldRecords` and encoded by `daySummaryOf`, as the hall queue does at day close).
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PriorityGroup } from '../../contract/domain.js';
import type { QueueEvent, RevEvent } from '../../contract/events.js';
import { hashPassword } from '../../server/src/auth/secrets.js';
import { addDevice } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { localDay } from '../../server/src/domain/index.js';
import { daySummaryOf } from '../../server/src/stats/day-summary.js';
import type { TicketRecord } from '../../server/src/stats/ticket-record.js';
import { foldRecords } from '../../server/src/stats/ticket-records.js';
import { DaySummaryFiles } from '../../server/src/store/embedded/day-summary-files.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';

export interface HistoryOptions {
  dataDir: string;
  /** Closed days before today, each with a day summary. */
  days: number;
  ticketsPerDay: number;
  /** Also the journals of the closed days (stats never read them; startup lists them). */
  journals: boolean;
  /** Also a journal for today up to `now` (a restart in the middle of a day). */
  today: boolean;
  now: number;
}

export interface HistoryWritten {
  tickets: number;
  events: number;
  bytes: number;
}

const MINUTE = 60_000;
const HALL_ZONE_OFFSET = '+03:00'; // Europe/Istanbul, without daylight saving since 2016.

/** A small seeded generator (mulberry32), so every run writes the same history. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dayBefore(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

const config = defaultConfig();
const hall = config.halls[0]!;
const services = new Map(config.services.map((s) => [s.id, s]));
const clerkOf = (counterId: string) => `clerk-${counterId}`;
// The cashier takes a third of the visits (reference/cankaya-welcome-desk.json).
const SERVICE_MIX = [
  'vezne',
  'vezne',
  'vezne',
  'vezne',
  'ruhsat',
  'mali-hizmetler',
  'imar-durum',
  'dilekce',
  'dilekce',
  'imar-evrak',
  'ruhsat',
  'mali-hizmetler',
];
const PRIORITY: PriorityGroup[] = ['elderly', 'disabled', 'pregnant', 'veteran'];

/**
 * One hall-day, simulated: tickets arrive evenly through opening hours, each goes to the
 * covering counter that frees up first, is called, walks over, is served (about 4 minutes
 * at a normal day's volume) and completed; a few are no-shows or leave while waiting.
 * Events after `cutoff` are left out (today's journal at restart time).
 */
function simulateDay(day: string, tickets: number, rnd: () => number, cutoff: number): RevEvent[] {
  const dayStart = Date.parse(`${day}T00:00:00${HALL_ZONE_OFFSET}`);
  const open = dayStart + 8.5 * 60 * MINUTE;
  const close = dayStart + 17 * 60 * MINUTE;
  const counters = config.counters;
  // A busier day than six counters can serve at four minutes gets shorter visits.
  const serviceMean = Math.min(4 * MINUTE, (0.8 * counters.length * (close - open)) / tickets);
  const freeAt = new Map(counters.map((c) => [c.id, open]));
  const covering = new Map(
    config.services.map((s) => [
      s.id,
      counters.filter((c) => c.services.some((cs) => cs.serviceId === s.id)),
    ]),
  );
  const seqs = new Map<string, number>();
  const events: QueueEvent[] = counters.map((c) => ({
    type: 'counter:opened',
    hallId: hall.id,
    at: open - 5 * MINUTE,
    counterId: c.id,
    clerkId: clerkOf(c.id),
  }));
  let lastEnd = open;
  for (let i = 0; i < tickets; i++) {
    const issuedAt = Math.round(open + ((close - open) * (i + rnd())) / tickets);
    const serviceId = SERVICE_MIX[Math.floor(rnd() * SERVICE_MIX.length)]!;
    const service = config.services.find((s) => s.id === serviceId)!;
    const seq = (seqs.get(serviceId) ?? 0) + 1;
    seqs.set(serviceId, seq);
    const number = `${service.prefix}${String(seq).padStart(3, '0')}`;
    const ticketId = `${hall.id}-${day}-${number}`;
    const base = { hallId: hall.id, ticketId };
    events.push({
      ...base,
      type: 'ticket:issued',
      at: issuedAt,
      code: `${Math.floor(rnd() * 2 ** 52).toString(36)}${Math.floor(rnd() * 2 ** 52).toString(36)}`,
      serviceId,
      seq,
      number,
      priority: rnd() < 0.12 ? PRIORITY[Math.floor(rnd() * PRIORITY.length)]! : null,
      lang: rnd() < 0.05 ? 'en' : 'tr',
    });
    const counter = covering
      .get(serviceId)!
      .reduce((a, b) => (freeAt.get(b.id)! < freeAt.get(a.id)! ? b : a));
    const who = { ...base, counterId: counter.id, clerkId: clerkOf(counter.id) };
    const calledAt = Math.max(issuedAt, freeAt.get(counter.id)!) + Math.round(rnd() * 20_000);
    const fate = rnd();
    if (fate < 0.01 && calledAt - issuedAt > 5 * MINUTE) {
      events.push({
        ...base,
        type: 'ticket:cancelled',
        at: issuedAt + 5 * MINUTE,
        by: 'visitor',
        clerkId: null,
      });
      continue;
    }
    const idleMs = Math.max(0, issuedAt - freeAt.get(counter.id)!);
    events.push({ ...who, type: 'ticket:called', at: calledAt, idleMs });
    let end: number;
    if (fate < 0.04) {
      end = calledAt + 2 * MINUTE;
      events.push({ ...who, type: 'ticket:no-show', at: end });
    } else {
      const startedAt = calledAt + 30_000 + Math.round(rnd() * 60_000);
      const serviceMs = Math.min(
        5 * serviceMean,
        Math.max(20_000, -Math.log(1 - rnd()) * serviceMean),
      );
      end = Math.round(startedAt + serviceMs);
      events.push({ ...who, type: 'ticket:started', at: startedAt });
      events.push({
        ...who,
        type: 'ticket:completed',
        at: end,
        outcome: rnd() < 0.98 ? 'resolved' : 'forwarded',
        note: null,
      });
    }
    freeAt.set(counter.id, end);
    lastEnd = Math.max(lastEnd, end);
  }
  for (const c of counters) {
    events.push({
      type: 'counter:closed',
      hallId: hall.id,
      at: lastEnd + MINUTE,
      counterId: c.id,
      clerkId: clerkOf(c.id),
    });
  }
  // Stable sort: a ticket's events were pushed in order and never share a time.
  return events
    .filter((e) => e.at <= cutoff)
    .sort((a, b) => a.at - b.at)
    .map((e, i) => ({ ...e, rev: i + 1 }) as RevEvent);
}

interface SimulatedDay {
  day: string;
  events: RevEvent[];
  records: TicketRecord[];
}

/** Days simulated and folded one by one; a multiple of 7, so weekdays line up. */
const TEMPLATE_DAYS = 14;

function simulateAndFold(day: string, tickets: number, rnd: () => number): SimulatedDay {
  const events = simulateDay(day, tickets, rnd, Number.POSITIVE_INFINITY);
  return { day, events, records: foldRecords(events, hall, services) };
}

const shift = (at: number | null, ms: number) => (at === null ? null : at + ms);

/**
 * A simulated day moved to `day` (whole days, so local hours and weekdays stay): folding every
 * day of a million tickets would take minutes and tell the bench nothing new.
 */
function moveDay(from: SimulatedDay, day: string): SimulatedDay {
  const ms = Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from.day}T00:00:00Z`);
  const id = (ticketId: string) => ticketId.replace(from.day, day);
  return {
    day,
    events: from.events.map((e) =>
      'ticketId' in e ? { ...e, at: e.at + ms, ticketId: id(e.ticketId) } : { ...e, at: e.at + ms },
    ),
    records: from.records.map((r) => ({
      ...r,
      ticketId: id(r.ticketId),
      day,
      issuedAt: r.issuedAt + ms,
      queuedAt: r.queuedAt + ms,
      firstCalledAt: shift(r.firstCalledAt, ms),
      lastCalledAt: shift(r.lastCalledAt, ms),
      startedAt: shift(r.startedAt, ms),
      completedAt: shift(r.completedAt, ms),
      endedAt: shift(r.endedAt, ms),
    })),
  };
}

/** The configuration of an installed hall: defaults, a clerk per counter, a kiosk and a display. */
async function writeConfig(dataDir: string, now: number): Promise<void> {
  const store = await openEmbeddedStore(dataDir, {
    log: () => undefined,
    initialConfig: defaultConfig,
  });
  try {
    const passwordHash = await hashPassword('bench-history-password');
    await store.config.update((d) => {
      for (const c of d.counters) {
        const id = clerkOf(c.id);
        d.users.push({
          id,
          username: id,
          displayName: id,
          role: 'clerk',
          hallId: hall.id,
          passwordHash,
          active: true,
          createdAt: now,
        });
      }
      d.users.push({
        id: 'admin',
        username: 'admin',
        displayName: 'Yönetici',
        role: 'admin',
        hallId: hall.id,
        passwordHash,
        active: true,
        createdAt: now,
      });
    });
    await addDevice(store.config, { kind: 'kiosk', hallId: hall.id, name: 'Kiosk 1' }, now);
    await addDevice(
      store.config,
      { kind: 'display', hallId: hall.id, name: 'Salon ekranı 1' },
      now,
    );
  } finally {
    await store.close();
  }
}

/** Writes a data folder with `days` closed days of history (and today's journal so far). */
export async function writeHistory(opts: HistoryOptions): Promise<HistoryWritten> {
  await writeConfig(opts.dataDir, opts.now);
  const journalDir = path.join(opts.dataDir, 'journal', hall.id);
  const daysDir = path.join(opts.dataDir, 'days', hall.id);
  const summaries = new DaySummaryFiles(path.join(opts.dataDir, 'days'));
  await mkdir(journalDir, { recursive: true });
  await mkdir(daysDir, { recursive: true });
  const today = localDay(opts.now, hall.timeZone);
  const rnd = random(20_240_101);
  const written: HistoryWritten = { tickets: 0, events: 0, bytes: 0 };
  const writeJournal = async (day: string, events: RevEvent[]) => {
    const text = events.map((e) => `${JSON.stringify(e)}\n`).join('');
    await writeFile(path.join(journalDir, `${day}.jsonl`), text);
    written.events += events.length;
    written.bytes += Buffer.byteLength(text);
  };
  const templates = new Map<number, SimulatedDay>();
  for (let n = opts.days; n >= 1; n--) {
    const day = dayBefore(today, n);
    // Two weeks are simulated; later days repeat the same weekday's day, moved in time.
    const template = templates.get(n % TEMPLATE_DAYS);
    const { events, records } = template
      ? moveDay(template, day)
      : simulateAndFold(day, opts.ticketsPerDay, rnd);
    if (!template) templates.set(n % TEMPLATE_DAYS, { day, events, records });
    if (opts.journals) await writeJournal(day, events);
    const closedAt = Date.parse(`${dayBefore(day, -1)}T00:00:05${HALL_ZONE_OFFSET}`);
    await summaries.write(
      daySummaryOf({ hallId: hall.id, day, closedAt, lastRev: events.length }, records),
    );
    written.tickets += opts.ticketsPerDay;
    written.bytes += (await stat(path.join(daysDir, `${day}.json`))).size;
  }
  if (opts.today) {
    const events = simulateDay(today, opts.ticketsPerDay, rnd, opts.now - MINUTE);
    if (events.length > 0) await writeJournal(today, events);
  }
  return written;
}
