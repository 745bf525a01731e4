import { describe, expect, it } from 'vitest';
import { NoopTicketPrinter } from '../../../kiosk/src/ticket-printer.js';
import { issuedTicket } from './fixtures.js';

describe('no-op ticket printer', () => {
  it.each(['printed', 'failed', 'no-printer'] as const)(
    'when the server reports %s for the ticket, then the kiosk reports the same',
    async (outcome) => {
      await expect(new NoopTicketPrinter().print(issuedTicket({ print: outcome }))).resolves.toBe(
        outcome,
      );
    },
  );
});
