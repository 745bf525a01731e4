import type { PrinterRecord } from '../config/config-data.js';

// What every printer transport is, apart from the factory that picks one (printer-transport.ts),
// so the transports implement it without importing the factory that imports them.

/** How one print job reaches a printer. */
export interface PrinterTransport {
  readonly kind: PrinterRecord['transport'];
  /**
   * Sends one whole job. Resolves once the printer has taken every byte; rejects with a short
   * reason on any failure or when a time limit passes. Never retries: a job that may have
   * reached the printer must not be sent twice.
   */
  send(job: Uint8Array): Promise<void>;
}
