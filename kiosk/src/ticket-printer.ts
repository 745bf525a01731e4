import type { IssuedTicket } from '../../contract/api.js';
import type { PrintOutcome } from './state/kiosk-flow.js';

/** Puts an issued ticket on paper. The kiosk shows the ticket on screen whatever happens. */
export interface TicketPrinter {
  print(ticket: IssuedTicket): Promise<PrintOutcome>;
}

/**
 * Stand-in until printing lands (ESC/POS from the server, see DESIGN.md "Printing"): reports
 * success so the confirmation reads as it will with a printer.
 */
export class NoopTicketPrinter implements TicketPrinter {
  print(_ticket: IssuedTicket): Promise<PrintOutcome> {
    return Promise.resolve('printed');
  }
}
