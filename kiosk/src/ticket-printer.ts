import type { IssuedTicket, PrintOutcome } from '../../contract/api.js';

/** The print step after a ticket is issued. The kiosk shows the ticket on screen whatever happens. */
export interface TicketPrinter {
  print(ticket: IssuedTicket): Promise<PrintOutcome>;
}

/**
 * Prints nothing from the browser: the server prints at issue (ESC/POS to the kiosk's printer,
 * DESIGN.md "Printing") and reports the outcome in the ticket. A kiosk-side printer would
 * implement `TicketPrinter` instead.
 */
export class NoopTicketPrinter implements TicketPrinter {
  print(ticket: IssuedTicket): Promise<PrintOutcome> {
    return Promise.resolve(ticket.print ?? 'no-printer');
  }
}
