import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { IssuedTicket } from '../../../contract/api.js';
import type { Lang, WaitEstimate } from '../../../contract/domain.js';
import type { PrinterRecord } from '../config/config-data.js';
import { printableText } from './cp857.js';

/** What the layout needs to know about the printer. */
export type PaperSettings = Pick<PrinterRecord, 'paperWidth' | 'codePage'>;

export interface TicketLayoutOptions {
  /** One short line under the QR code, per language. */
  footer: Record<Lang, string>;
  /** The hall's time zone, for the date and time printed on the ticket. */
  timeZone: string;
}

/** Font A (12×24 dots) columns on 58 mm and 80 mm paper. */
export const COLUMNS = { 58: 32, 80: 48 } as const;
/** The cutter sits above the print head: feed the last line past it before cutting. */
export const FEED_BEFORE_CUT = 4;
const NUMBER_MAX_SIZE = { 58: 4, 80: 6 } as const;
const QR_MODULE_DOTS = { 58: 5, 80: 6 } as const;
/** GS V 0: full cut. Sent raw, because the encoder's own cut() adds a line feed after the cut. */
const FULL_CUT = [0x1d, 0x56, 0x00];

interface TicketLabels {
  ahead: (n: number) => string;
  wait: (min: number | string) => string;
  /** In place of a time: the ticket was issued while no counter serving it was open. */
  noOpenCounter: string;
  /** How the visitor will be called, so nobody waits at a counter for a name to be shouted. */
  callMethod: string;
  /** A booked visitor's ticket, under the number: the slot's time (`14:20`). */
  appointment: (time: string) => string;
}

const LABELS: Record<Lang, TicketLabels> = {
  tr: {
    ahead: (n) => (n === 0 ? 'Önünüzde bekleyen yok' : `Önünüzde ${n} kişi var`),
    wait: (min) => `Tahmini bekleme: ${min} dk`,
    noOpenCounter: 'Şu an açık banko yok',
    callMethod: 'Numaranız ekranda ve anonsla çağrılacak',
    appointment: (time) => `RANDEVU ${time}`,
  },
  en: {
    ahead: (n) =>
      n === 0
        ? 'No one ahead of you'
        : n === 1
          ? '1 person ahead of you'
          : `${n} people ahead of you`,
    wait: (min) => `Estimated wait: ${min} min`,
    noOpenCounter: 'No counter open right now',
    callMethod: 'You will be called on the screen and aloud',
    appointment: (time) => `RANDEVU / APPOINTMENT ${time}`,
  },
};

/** The wait line: a time, or that no counter is open; never "0 min" for a closed hall. */
function waitLine(labels: TicketLabels, estimate: WaitEstimate): string {
  switch (estimate.kind) {
    case 'minutes':
      return labels.wait(estimate.minutes);
    case 'range':
      // A hyphen, not an en dash: every receipt code page has it.
      return labels.wait(`${estimate.min}-${estimate.max}`);
    case 'no-open-counter':
      return labels.noOpenCounter;
  }
}

/**
 * A fresh receipt for this printer: ESC @ (reset), then code page 857 selected with the printer's
 * own number (`ESC t n`, emitted by the encoder before the first text).
 */
export function newReceipt(printer: PaperSettings): ReceiptPrinterEncoder {
  if (!Number.isInteger(printer.codePage) || printer.codePage < 0 || printer.codePage > 255) {
    throw new Error(`code page number ${printer.codePage} is not a byte (ESC t n)`);
  }
  return new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: COLUMNS[printer.paperWidth],
    codepageMapping: { cp857: printer.codePage },
    newline: '\n',
    errors: 'strict',
  })
    .initialize()
    .codepage('cp857');
}

/** `03.03.2025 14:05` in the hall's time zone. */
export function formatIssuedAt(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('tr-TR', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** QR payloads are sent as Latin-1 by the encoder: keep the URL in plain ASCII. */
function qrPayload(url: string): string {
  return /^[\x21-\x7e]+$/.test(url) ? url : new URL(url).href;
}

function feedAndCut(receipt: ReceiptPrinterEncoder): Uint8Array {
  return receipt.newline(FEED_BEFORE_CUT).raw(FULL_CUT).encode();
}

/**
 * The ticket as ESC/POS bytes: hall, service, the number very large (for a booked visitor
 * "RANDEVU 14:20" under it), date and time, people
 * ahead and the estimated wait, how the number will be called, a native QR code (GS ( k) of the status URL, the footer, then
 * at least {@link FEED_BEFORE_CUT} line feeds and a full cut, which is the last command.
 */
export function ticketLayout(
  ticket: IssuedTicket,
  printer: PaperSettings,
  options: TicketLayoutOptions,
): Uint8Array {
  const columns = COLUMNS[printer.paperWidth];
  const upperCase = ticket.lang === 'tr' ? 'tr-TR' : 'en';
  const labels = LABELS[ticket.lang];
  const number = printableText(ticket.number, { upperCase: 'tr-TR' });
  const size = Math.max(
    1,
    Math.min(NUMBER_MAX_SIZE[printer.paperWidth], Math.floor(columns / Math.max(1, number.length))),
  );
  const receipt = newReceipt(printer)
    .align('center')
    .bold(true)
    .line(printableText(ticket.hallName, { upperCase: 'tr-TR' }))
    .bold(false)
    .line(printableText(ticket.serviceName[ticket.lang], { upperCase }))
    .newline()
    .bold(true)
    .size(size, size)
    .line(number)
    .size(1, 1);
  // A booked visitor's ticket names the slot under the number, in bold.
  if (ticket.appointment) receipt.line(printableText(labels.appointment(ticket.appointment.time)));
  receipt
    .bold(false)
    .newline()
    .line(printableText(formatIssuedAt(ticket.issuedAt, options.timeZone)))
    .line(printableText(labels.ahead(ticket.peopleAhead)))
    // No time to promise: the line is a warning, so it stands out in capitals.
    .line(
      printableText(
        waitLine(labels, ticket.estimate),
        ticket.estimate.kind === 'no-open-counter' ? { upperCase } : {},
      ),
    )
    .line(printableText(labels.callMethod))
    .newline()
    .qrcode(qrPayload(ticket.statusUrl), {
      model: 2,
      size: QR_MODULE_DOTS[printer.paperWidth],
      errorlevel: 'm',
    })
    .line(printableText(options.footer[ticket.lang]));
  return feedAndCut(receipt);
}

export interface TestPageOptions {
  now: number;
  timeZone: string;
}

/** A page for checking a printer: its settings, the Turkish letters, a column ruler, a QR code. */
export function testPageLayout(
  printer: PaperSettings & Pick<PrinterRecord, 'id' | 'name'>,
  options: TestPageOptions,
): Uint8Array {
  const columns = COLUMNS[printer.paperWidth];
  const ruler = '1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns);
  const receipt = newReceipt(printer)
    .align('center')
    .bold(true)
    .line('SIRAMATİK')
    .line('TEST SAYFASI / TEST PAGE')
    .bold(false)
    .line(printableText(printer.name))
    .line(`${printer.paperWidth} mm, ${columns} sütun / columns`)
    .line(`CP857: ESC t ${printer.codePage}`)
    .line('ÇĞİÖŞÜ çğıiöşü ÂÎÛ âîû')
    .align('left')
    .line(ruler)
    .align('center')
    .line(formatIssuedAt(options.now, options.timeZone))
    .qrcode(`SIRAMATIK TEST ${encodeURIComponent(printer.id)}`, {
      model: 2,
      size: 4,
      errorlevel: 'm',
    });
  return feedAndCut(receipt);
}
