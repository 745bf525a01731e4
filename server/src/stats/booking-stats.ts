import { DEFAULT_HALL_BOOKING, type HallBookingSettings } from '../../../contract/bookings.js';
import type { BookingRevEvent } from '../../../contract/booking-events.js';
import type { BookingStats, PunctualityStats } from '../../../contract/stats.js';
import { bookingStateOf, statusAt, type BookingState } from '../domain/bookings/index.js';
import { durationStats } from './aggregate.js';
import { DurationHistogram } from './duration-histogram.js';
import type { StatsRow } from './record-columns.js';

/**
 * The booking ledger as stats read it (`BookingLedger` in store/store.ts satisfies it), so
 * stats/ does not import store/ (see records-source.ts).
 */
export interface BookingsReader {
  read(hallId: string): Promise<BookingRevEvent[]>;
}

/** A booked visit first called this long after its slot still counts as on time. */
const ON_TIME_MS = 5 * 60_000;

/** Booking counts of the range: what became of the bookings whose slot day is in it. */
export type BookingCounts = Pick<
  BookingStats,
  'made' | 'checkedIn' | 'noShows' | 'cancelled' | 'booked' | 'byChannel'
>;

/**
 * Counts the bookings whose slot falls on a local day `from`–`to` (inclusive), by status at
 * `now` (a no-show derived as the domain does: still booked after the check-in window) and by
 * who made them.
 */
export function bookingCounts(
  state: BookingState,
  range: { from: string; to: string },
  now: number,
  rules: Pick<HallBookingSettings, 'checkInLateMinutes'>,
): BookingCounts {
  const counts: BookingCounts = {
    made: 0,
    checkedIn: 0,
    noShows: 0,
    cancelled: 0,
    booked: 0,
    byChannel: { citizen: 0, staff: 0 },
  };
  for (const b of state.bookings.values()) {
    if (b.day < range.from || b.day > range.to) continue;
    counts.made += 1;
    counts.byChannel[b.madeBy] += 1;
    switch (statusAt(b, now, rules)) {
      case 'checked-in':
        counts.checkedIn += 1;
        break;
      case 'no-show':
        counts.noShows += 1;
        break;
      case 'cancelled':
        counts.cancelled += 1;
        break;
      case 'booked':
        counts.booked += 1;
        break;
    }
  }
  return counts;
}

/** The counts of a hall's ledger (see `bookingCounts`); all zero without a ledger. */
export async function readBookingCounts(
  reader: BookingsReader | undefined,
  hall: { id: string; booking?: HallBookingSettings },
  range: { from: string; to: string },
  now: number,
): Promise<BookingCounts> {
  const events = reader ? await reader.read(hall.id) : [];
  const rules = hall.booking ?? DEFAULT_HALL_BOOKING;
  return bookingCounts(bookingStateOf(hall.id, events), range, now, rules);
}

/**
 * The visit figures of appointments, a record at a time: punctuality (first call − slot) and
 * the waits of booked visitors (first call − max(check-in, slot)) against walk-ins' (first call
 * − issue). Each visit counts once, on its first segment; records before appointments are
 * walk-ins.
 */
export class BookingVisitTotals {
  private readonly punctuality = new DurationHistogram();
  private onTime = 0;
  private readonly bookedWait = new DurationHistogram();
  private readonly walkInWait = new DurationHistogram();

  add(rows: Iterable<StatsRow>): void {
    for (const r of rows) this.addRow(r);
  }

  /** Rows may be one object refilled per record: nothing of `r` is kept. */
  addRow(r: StatsRow): void {
    if (r.segment !== 0 || r.waitMs === null) return;
    if (!r.appointment) {
      this.walkInWait.add(r.waitMs);
      return;
    }
    const late = r.slotCallMs;
    if (late === null || late === undefined) return;
    // A clerk may call a booked visitor by number before the slot: on time, not early.
    const lateMs = Math.max(0, late);
    this.punctuality.add(lateMs);
    if (lateMs <= ON_TIME_MS) this.onTime += 1;
    // first call − max(check-in, slot) = min(first call − check-in, first call − slot)
    this.bookedWait.add(Math.max(0, Math.min(r.waitMs, late)));
  }

  /** Passes `rows` on to another reader, adding each on the way (rows can be read once). */
  *tap(rows: Iterable<StatsRow>): Generator<StatsRow> {
    for (const r of rows) {
      this.addRow(r);
      yield r;
    }
  }

  result(): Pick<BookingStats, 'punctuality' | 'bookedWait' | 'walkInWait'> {
    const punctuality: PunctualityStats = {
      ...durationStats(this.punctuality),
      withinFiveMinutes: this.onTime,
      withinFiveMinutesShare:
        this.punctuality.count === 0
          ? null
          : Math.round((this.onTime / this.punctuality.count) * 10_000) / 10_000,
    };
    return {
      punctuality,
      bookedWait: durationStats(this.bookedWait),
      walkInWait: durationStats(this.walkInWait),
    };
  }
}
