import type { BookingRetentionReport, BookingService } from './booking-service.js';

export type { BookingRetentionReport };

/**
 * Erases the names and phone numbers of bookings `retentionDays` after their slot (KVKK): the
 * stored `booking:made` events are blanked first, then `bookings:erased` is appended (so a pass
 * that stops between the two is simply done again by the next one; blanking twice blanks
 * nothing more). Runs at start and hourly; passes never overlap.
 */
export function createBookingRetention(deps: {
  bookings: BookingService;
  log: (msg: string) => void;
}): { run: () => Promise<BookingRetentionReport[]> } {
  let running: Promise<BookingRetentionReport[]> | null = null;
  const pass = async (): Promise<BookingRetentionReport[]> => {
    const reports: BookingRetentionReport[] = [];
    for (const book of deps.bookings.halls()) {
      const report = await deps.bookings.eraseExpired(book.hallId);
      if (report.erased > 0)
        deps.log(
          `booking retention: hall ${book.hallId}: erased names and phone numbers of ${report.erased} bookings`,
        );
      reports.push(report);
    }
    return reports;
  };
  return {
    run: () => (running ??= pass().finally(() => (running = null))),
  };
}
