/**
 * The statistics report (`GET /api/stats`). Durations are seconds; shares are fractions 0–1 and
 * null when there is nothing to divide.
 */

/** Every grouping `GET /api/stats` accepts. */
export const GROUP_BY = [
  'day',
  'hour',
  'weekday',
  'weekday-hour',
  'service',
  'counter',
  'clerk',
  'none',
] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** The longest range one statistics request may cover: a year and a bit, for year-on-year reports. */
export const MAX_RANGE_DAYS = 400;

/**
 * The CSV export's `dialect`: `rfc4180` (the default) has `,` between fields and `.` decimals,
 * for tools; `excel-tr` has `;` and `,` decimals and `GG.AA.YYYY` dates, as Excel in Turkish
 * opens it in columns.
 */
export const CSV_DIALECTS = ['rfc4180', 'excel-tr'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

export interface DurationStats {
  /** Visits measured. */
  count: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface ServiceTimeStats extends DurationStats {
  /** Visits whose service time was at most their service's target. */
  withinTarget: number;
  withinTargetShare: number | null;
}

export interface GroupStats {
  /**
   * `YYYY-MM-DD` (day), `00`–`23` (hour), `1`–`7` Monday–Sunday (weekday), `1-09` weekday and
   * hour (weekday-hour, for a heat map), a service, counter
   * or clerk id, `all` (none); null for visits that never reached a counter (by counter, clerk).
   */
  key: string | null;
  /**
   * Turkish label: service or counter name, weekday name, hour range; a clerk as
   * `Ayşe Yılmaz (ayse)` (see `clerkLabel`), as two clerks may share a name, never a user name.
   */
  label: string;
  /** Tickets issued (their first segment). */
  issued: number;
  /** Visits completed at a counter. */
  served: number;
  noShows: number;
  cancelled: number;
  /** Visits sent on to another service (counted in the service they left). */
  transferred: number;
  /** Queue wait of each segment: first call − joining the queue. */
  wait: DurationStats;
  /** Service time of each visit at a desk (completed or transferred): end − start. */
  serviceTime: ServiceTimeStats;
  resolved: number;
  forwarded: number;
  /** Of the served visits, the share resolved at the desk (the published ~98%). */
  resolvedShare: number | null;
  forwardedShare: number | null;
  /** Time counters stood free while someone they could serve was waiting. */
  idleSeconds: number;
  ratings: number;
  meanRating: number | null;
}

/**
 * Forwarded visits of one directorate in the range. `directorateId` is null for visits
 * forwarded before the directorate was recorded (old journals): "Müdürlük belirtilmemiş".
 */
export interface DirectorateStats {
  directorateId: string | null;
  /** The directorate's Turkish name (a retired directorate keeps its name). */
  name: string;
  /** Its English name, when the admin gave one. */
  nameEn: string | null;
  /** Visits completed as forwarded to it. */
  count: number;
  /** Its share of all forwarded visits in the range (0–1), null when none was forwarded. */
  share: number | null;
}

/** Punctuality of booked visits: first call − slot (a call before the slot counts as 0). */
export interface PunctualityStats extends DurationStats {
  /** Booked visits first called at most 5 minutes after their slot. */
  withinFiveMinutes: number;
  withinFiveMinutesShare: number | null;
}

/**
 * Appointments in the range. Booking counts come from the booking ledger, by the slot's local
 * day; visit figures (punctuality, waits) from the visits of the range.
 */
export interface BookingStats {
  /** Bookings whose slot falls on a day of the range, whatever became of them. */
  made: number;
  checkedIn: number;
  /** Still booked after the check-in window closed (slot + checkInLateMinutes). */
  noShows: number;
  cancelled: number;
  /** Still booked and the check-in window not over yet. */
  booked: number;
  /** Bookings made by citizens (booking page) and by staff. */
  byChannel: { citizen: number; staff: number };
  punctuality: PunctualityStats;
  /** Booked visitors' wait: first call − max(check-in, slot). */
  bookedWait: DurationStats;
  /** Walk-in visitors' wait: first call − issue (first segment). */
  walkInWait: DurationStats;
}

export interface StatsReport {
  hallId: string;
  timeZone: string;
  from: string;
  to: string;
  groupBy: GroupBy;
  /** In key order; empty when `groupBy` is `none`. */
  groups: GroupStats[];
  total: GroupStats;
  /** Forwarded visits by directorate over the whole range, most forwarded first. */
  byDirectorate: DirectorateStats[];
  /** Appointments of the range (this server always sends it; absent in older reports). */
  bookings?: BookingStats;
}
