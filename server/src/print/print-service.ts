import type { IssuedTicket } from '../../../contract/api.js';
import type { Lang } from '../../../contract/domain.js';
import type { ConfigData, PrinterRecord } from '../config/config-data.js';
import { PrinterAddressPolicy, type HostLookup } from './printer-address-policy.js';
import {
  createTransport,
  DEFAULT_TIMEOUTS,
  systemLookup,
  type TransportTimeouts,
} from './printer-transport.js';
import { testPageLayout, ticketLayout } from './ticket-layout.js';
import type { PrinterTransport } from './transport.js';

/** `no-printer`: the kiosk has no printer (or a `none` one); it shows the ticket on screen. */
export type PrintOutcome = 'printed' | 'failed' | 'no-printer';

export interface PrinterStatus {
  printerId: string;
  /** `null` until the first job since start; `false` from a failure until the next success. */
  online: boolean | null;
  lastError: string | null;
  /** The last successful job. */
  lastPrintAt: number | null;
}

export interface PrintServiceDeps {
  config: () => ConfigData;
  now: () => number;
  log: (msg: string) => void;
  /** The line under the QR code, per ticket language. */
  footer?: Record<Lang, string>;
  timeouts?: TransportTimeouts;
  /** Tests replace the transports; by default the printer record decides. */
  transportFor?: (printer: PrinterRecord) => PrinterTransport;
  /** Called when a printer goes offline or comes back (to alert staff). */
  onStatusChange?: (status: PrinterStatus) => void;
  /** Which addresses may be printed to; by default private networks and /dev/(usb/)lpN only. */
  policy?: PrinterAddressPolicy;
  /** Resolves printer host names (tests answer for names without DNS). */
  lookup?: HostLookup;
}

export const DEFAULT_FOOTER: Record<Lang, string> = {
  tr: 'Sıranızı QR kod ile takip edin.',
  en: 'Track your turn: scan the QR.',
};

const FALLBACK_TIME_ZONE = 'Europe/Istanbul';

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Prints tickets on the kiosk's printer and tracks each printer's health. A failure never
 * throws and is never retried (a job that may have printed must not print twice): the caller
 * shows the ticket on screen, and the printer reads as offline until a job succeeds.
 */
export class PrintService {
  private readonly health = new Map<string, Omit<PrinterStatus, 'printerId'>>();
  /** Jobs for one printer go one after another, never interleaved on the wire or the device. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly transportFor: (printer: PrinterRecord) => PrinterTransport;
  /** What settings accept and transports check again before each job. */
  readonly policy: PrinterAddressPolicy;
  readonly lookup: HostLookup;

  constructor(private readonly deps: PrintServiceDeps) {
    const timeouts = deps.timeouts ?? DEFAULT_TIMEOUTS;
    this.policy = deps.policy ?? new PrinterAddressPolicy();
    this.lookup = deps.lookup ?? systemLookup;
    this.transportFor =
      deps.transportFor ??
      ((printer) => createTransport(printer, timeouts, this.policy, this.lookup));
  }

  /** Prints a freshly issued ticket on the printer linked to the kiosk `deviceId`. */
  async printTicket(deviceId: string, ticket: IssuedTicket): Promise<PrintOutcome> {
    const config = this.deps.config();
    const printerId = config.devices.find((d) => d.id === deviceId)?.printerId ?? null;
    if (printerId === null) return 'no-printer';
    const printer = config.printers.find((p) => p.id === printerId);
    if (!printer) {
      this.deps.log(`print: device ${deviceId} is linked to unknown printer ${printerId}`);
      return 'no-printer';
    }
    if (printer.transport === 'none') return 'no-printer';
    const footer = this.deps.footer ?? DEFAULT_FOOTER;
    const timeZone = this.timeZoneOf(config, printer);
    return this.print(printer, `ticket ${ticket.number}`, () =>
      ticketLayout(ticket, printer, { footer, timeZone }),
    );
  }

  /** Prints a page showing the printer's settings, Turkish letters, a ruler and a QR code. */
  async printTestPage(printerId: string): Promise<PrintOutcome> {
    const config = this.deps.config();
    const printer = config.printers.find((p) => p.id === printerId);
    if (!printer || printer.transport === 'none') return 'no-printer';
    const timeZone = this.timeZoneOf(config, printer);
    return this.print(printer, 'test page', () =>
      testPageLayout(printer, { now: this.deps.now(), timeZone }),
    );
  }

  /** The configured printer, if any. */
  printer(printerId: string): PrinterRecord | undefined {
    return this.deps.config().printers.find((p) => p.id === printerId);
  }

  /** Every configured printer's health (a `none` printer is always `online: null`). */
  status(): PrinterStatus[] {
    return this.deps.config().printers.map((p) => this.statusOf(p.id));
  }

  private statusOf(printerId: string): PrinterStatus {
    const h = this.health.get(printerId);
    return {
      printerId,
      online: h?.online ?? null,
      lastError: h?.lastError ?? null,
      lastPrintAt: h?.lastPrintAt ?? null,
    };
  }

  private timeZoneOf(config: ConfigData, printer: PrinterRecord): string {
    return config.halls.find((h) => h.id === printer.hallId)?.timeZone ?? FALLBACK_TIME_ZONE;
  }

  private async print(
    printer: PrinterRecord,
    what: string,
    layout: () => Uint8Array,
  ): Promise<PrintOutcome> {
    let job: Uint8Array;
    try {
      job = layout();
    } catch (e) {
      // A layout bug says nothing about the printer: report the job, leave the status alone.
      this.deps.log(`print: ${what} for printer ${printer.id} could not be laid out: ${reason(e)}`);
      return 'failed';
    }
    return this.oneAtATime(printer.id, async () => {
      try {
        await this.transportFor(printer).send(job);
      } catch (e) {
        this.deps.log(
          `print: ${what} on printer ${printer.id} (${printer.name}) failed: ${reason(e)}`,
        );
        this.record(printer.id, { online: false, lastError: reason(e) });
        return 'failed';
      }
      if (this.health.get(printer.id)?.online === false) {
        this.deps.log(`print: printer ${printer.id} (${printer.name}) is back online`);
      }
      this.record(printer.id, { online: true, lastError: null, lastPrintAt: this.deps.now() });
      return 'printed';
    });
  }

  private record(printerId: string, change: Partial<Omit<PrinterStatus, 'printerId'>>): void {
    const before = this.statusOf(printerId);
    const after = { ...before, ...change };
    this.health.set(printerId, {
      online: after.online,
      lastError: after.lastError,
      lastPrintAt: after.lastPrintAt,
    });
    if (before.online === after.online || !this.deps.onStatusChange) return;
    try {
      this.deps.onStatusChange(after);
    } catch (e) {
      this.deps.log(`print: status listener failed: ${reason(e)}`);
    }
  }

  private oneAtATime<T>(printerId: string, run: () => Promise<T>): Promise<T> {
    const result = (this.queues.get(printerId) ?? Promise.resolve()).then(run);
    const tail = result.catch(() => undefined);
    this.queues.set(printerId, tail);
    void tail.then(() => {
      if (this.queues.get(printerId) === tail) this.queues.delete(printerId);
    });
    return result;
  }
}
