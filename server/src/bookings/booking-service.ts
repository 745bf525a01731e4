import type { IssuedTicket } from '../../../contract/api.js';
import type { BookingChannel, BookingView } from '../../../contract/bookings.js';
import type { Lang } from '../../../contract/domain.js';
import type { ConfigData } from '../config/config-data.js';
import { fail, localDay, ok, type Result } from '../domain/index.js';
import {
  bookableDays,
  bookingConfig,
  bookingOf,
  decideCheckIn,
  freeSlots,
  type BookingConfig,
  type BookingDaysReply,
  type BookingSlotsReply,
} from '../domain/bookings/index.js';
import type { QueueService } from '../queue/queue-service.js';
import type { BookingLedger, ConfigStore } from '../store/store.js';
import {
  bookableServiceViews,
  bookingViewOf,
  staffBookingRow,
  type BookableServiceView,
  type StaffBookingRow,
} from './booking-views.js';
import { HallBookings } from './hall-bookings.js';

export interface BookingServiceDeps {
  ledger: BookingLedger;
  config: ConfigStore;
  queues: Pick<QueueService, 'issue' | 'hall'>;
  now: () => number;
  log: (msg: string) => void;
  /** Random draws (the shell's; the domain is pure). */
  newBookingId: () => string;
  newCode: () => string;
  newCheckInCode: () => string;
  /** SHA-256 of a requesting address with the install's salt. */
  hashAddress: (address: string) => string;
}

export interface MakeBooking {
  serviceId: string;
  day: string;
  time: string;
  name: string;
  phone: string | null;
  lang: Lang;
  madeBy: BookingChannel;
  /** The requesting address (hashed here; a clerk's is not kept: staff are exempt). */
  address: string;
}

/** What one pass erased, per hall. */
export interface BookingRetentionReport {
  hallId: string;
  /** Bookings whose name and phone number were erased by this pass. */
  erased: number;
  /** `booking:made` events blanked in the stored ledger. */
  blanked: number;
}

/**
 * Every hall's bookings: one `HallBookings` each, and what the routes ask of them. Check-in
 * issues the appointment's ticket through the hall queue, then records it in the ledger.
 */
export class BookingService {
  private readonly books = new Map<string, HallBookings>();
  private cache: { data: ConfigData; halls: Map<string, BookingConfig> } | null = null;

  constructor(private readonly deps: BookingServiceDeps) {}

  async start(): Promise<void> {
    for (const { id } of this.deps.config.read().halls) {
      const book = new HallBookings({
        hallId: id,
        ledger: this.deps.ledger,
        config: () => this.configOf(id),
        now: this.deps.now,
        log: this.deps.log,
      });
      await book.load();
      this.books.set(id, book);
    }
  }

  stop(): void {
    for (const book of this.books.values()) book.stop();
  }

  halls(): IterableIterator<HallBookings> {
    return this.books.values();
  }

  book(hallId: string): HallBookings | undefined {
    return this.books.get(hallId);
  }

  /** The hall's booking rules as configured now. */
  configOf(hallId: string): BookingConfig | undefined {
    const data = this.deps.config.read();
    if (this.cache?.data !== data) {
      const halls = new Map(data.halls.map((h) => [h.id, bookingConfig(h, data.services)]));
      this.cache = { data, halls };
    }
    return this.cache.halls.get(hallId);
  }

  services(hallId: string): Result<BookableServiceView[]> {
    const config = this.configOf(hallId);
    if (!config) return fail('hall-not-found', `No hall ${hallId}.`, 'hallId');
    return ok(bookableServiceViews(config));
  }

  days(hallId: string, serviceId: string): Result<BookingDaysReply> {
    const found = this.hallOf(hallId);
    if (!found.ok) return found;
    const { book, config } = found.value;
    return bookableDays(book.state, config, serviceId, this.deps.now());
  }

  slots(hallId: string, serviceId: string, day: string): Result<BookingSlotsReply> {
    const found = this.hallOf(hallId);
    if (!found.ok) return found;
    const { book, config } = found.value;
    return freeSlots(book.state, config, serviceId, day, this.deps.now());
  }

  async make(hallId: string, req: MakeBooking): Promise<Result<BookingView>> {
    const book = this.books.get(hallId);
    if (!book) return fail('hall-not-found', `No hall ${hallId}.`, 'hallId');
    const bookingId = this.deps.newBookingId();
    const addressHash = req.madeBy === 'citizen' ? this.deps.hashAddress(req.address) : null;
    const done = await book.execute(() => ({
      type: 'make',
      bookingId,
      serviceId: req.serviceId,
      day: req.day,
      time: req.time,
      name: req.name,
      phone: req.phone,
      lang: req.lang,
      madeBy: req.madeBy,
      addressHash,
      code: this.deps.newCode(),
      checkInCode: this.deps.newCheckInCode(),
    }));
    if (!done.ok) return done;
    return this.viewById(book, bookingId);
  }

  /** A booking's own page, by its secret code (any hall; nothing tells which halls exist). */
  async view(code: string): Promise<Result<BookingView>> {
    const found = await this.byCode(code);
    if (!found) return notFound();
    return this.viewById(found.book, found.bookingId);
  }

  async cancel(code: string, by: BookingChannel): Promise<Result<BookingView>> {
    const found = await this.byCode(code);
    if (!found) return notFound();
    const { book, bookingId } = found;
    const done = await book.execute(() => ({ type: 'cancel', bookingId, by }));
    if (!done.ok) return done;
    return this.viewById(book, bookingId);
  }

  async move(code: string, day: string, time: string): Promise<Result<BookingView>> {
    const found = await this.byCode(code);
    if (!found) return notFound();
    const { book, bookingId } = found;
    const done = await book.execute(() => ({ type: 'move', bookingId, day, time }));
    if (!done.ok) return done;
    return this.viewById(book, bookingId);
  }

  /** A day's bookings of a hall for staff (today unless `day`), in slot order. */
  staffList(hallId: string, day?: string): Result<StaffBookingRow[]> {
    const found = this.hallOf(hallId);
    if (!found.ok) return found;
    const { book, config } = found.value;
    const now = this.deps.now();
    const wanted = day ?? localDay(now, config.timeZone);
    const rows: StaffBookingRow[] = [];
    for (const b of book.state.bookings.values()) {
      if (b.day !== wanted) continue;
      rows.push(staffBookingRow(bookingOf(book.state, b.id, now, config.rules)!));
    }
    return ok(rows.sort((a, b) => a.slotAt - b.slotAt || a.id.localeCompare(b.id)));
  }

  /**
   * Checks a booking in at the kiosk: within its window the hall queue issues a ticket marked
   * as an appointment (durable; the hall-day state refuses the same booking twice, across
   * servers too), then the ledger records it. If that record fails, the reconcile writes it
   * from the journal later: the visitor has their ticket either way.
   */
  async checkIn(hallId: string, checkInCode: string, lang?: Lang): Promise<Result<IssuedTicket>> {
    const found = this.hallOf(hallId);
    if (!found.ok) return found;
    const { book, config } = found.value;
    if (!this.deps.ledger.watch && !this.deps.ledger.exclusive) await book.refresh();
    const now = this.deps.now();
    const id = book.state.byCheckInCode.get(checkInCode);
    const booking = id === undefined ? undefined : bookingOf(book.state, id, now, config.rules);
    const allowed = decideCheckIn(booking, now, config.rules, config.timeZone);
    if (!allowed.ok) return allowed;
    const b = allowed.value;
    const issued = await this.deps.queues.issue(hallId, {
      serviceId: b.serviceId,
      priority: null,
      lang: lang ?? b.lang,
      appointment: { bookingId: b.id, slotAt: b.slotAt },
    });
    if (!issued.ok) return issued;
    await this.recordCheckIn(book, b.id, issued.value.id, issued.value.number);
    return issued;
  }

  /**
   * Writes `booking:checked-in` for every appointment ticket of today whose booking lacks it
   * (a server that stopped between the ticket and the ledger record). At start and now and then.
   */
  async reconcile(): Promise<number> {
    let written = 0;
    for (const book of this.books.values()) {
      const queue = this.deps.queues.hall(book.hallId);
      if (!queue) continue;
      if (!this.deps.ledger.watch && !this.deps.ledger.exclusive) await book.refresh();
      for (const t of queue.state.tickets.values()) {
        const bookingId = t.appointment?.bookingId;
        if (!bookingId) continue;
        const b = book.state.bookings.get(bookingId);
        if (!b || b.status === 'checked-in') continue;
        if (await this.recordCheckIn(book, bookingId, t.id, t.number)) written += 1;
      }
    }
    return written;
  }

  /** Erases the bookings of a hall past its retention period (see booking-retention.ts). */
  async eraseExpired(hallId: string): Promise<BookingRetentionReport> {
    const report: BookingRetentionReport = { hallId, erased: 0, blanked: 0 };
    const book = this.books.get(hallId);
    if (!book) return report;
    const done = await book.execute(
      () => ({ type: 'erase' }),
      async (events) => {
        const ids = events.flatMap((e) => (e.type === 'bookings:erased' ? e.bookingIds : []));
        report.blanked = ids.length > 0 ? await this.deps.ledger.erase(hallId, ids) : 0;
      },
    );
    if (!done.ok) {
      this.deps.log(`booking retention: hall ${hallId} failed: ${done.error.message}`);
      return report;
    }
    for (const e of done.value)
      if (e.type === 'bookings:erased') report.erased += e.bookingIds.length;
    return report;
  }

  private async recordCheckIn(
    book: HallBookings,
    bookingId: string,
    ticketId: string,
    ticketNumber: string,
  ): Promise<boolean> {
    const done = await book.execute(() => ({
      type: 'checked-in',
      bookingId,
      ticketId,
      ticketNumber,
    }));
    if (!done.ok)
      this.deps.log(
        `bookings of ${book.hallId}: check-in of ${bookingId} not recorded (${done.error.message}); the reconcile retries`,
      );
    return done.ok && done.value.length > 0;
  }

  private hallOf(hallId: string): Result<{ book: HallBookings; config: BookingConfig }> {
    const book = this.books.get(hallId);
    const config = this.configOf(hallId);
    if (!book || !config) return fail('hall-not-found', `No hall ${hallId}.`, 'hallId');
    return ok({ book, config });
  }

  /**
   * The booking a page code names. A code not found may have been booked on another server a
   * moment ago (its notice still on the way): the ledgers are read again once before saying no.
   */
  private async byCode(
    code: string,
  ): Promise<{ book: HallBookings; bookingId: string } | undefined> {
    const look = () => {
      for (const book of this.books.values()) {
        const bookingId = book.state.byCode.get(code);
        if (bookingId !== undefined) return { book, bookingId };
      }
      return undefined;
    };
    const found = look();
    if (found || !this.deps.ledger.watch) return found;
    await Promise.all([...this.books.values()].map((b) => b.refresh()));
    return look();
  }

  private viewById(book: HallBookings, bookingId: string): Result<BookingView> {
    const config = this.configOf(book.hallId);
    const now = this.deps.now();
    const b = config && bookingOf(book.state, bookingId, now, config.rules);
    if (!config || !b) return notFound();
    return ok(bookingViewOf(b, this.deps.config.read(), config, now));
  }
}

function notFound(): Result<never> {
  return fail('booking-not-found', 'No appointment has this code.');
}
