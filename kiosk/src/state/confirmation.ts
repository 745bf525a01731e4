import type { Lang } from '../../../contract/domain.js';
import type { IssuedTicket, PrintOutcome } from '../../../contract/api.js';
import { t, type Catalogue } from '../i18n.js';
import { formatAhead, formatEstimate, secondsLeft } from './format.js';
import { CONFIRMATION_MS } from './kiosk-flow.js';

/** What the confirmation screen shows after a ticket is issued. */
export interface ConfirmationModel {
  number: string;
  service: string;
  /** "Öncelikli sıra: Hamile", or `null` for a normal ticket. */
  priority: string | null;
  ahead: string;
  wait: string;
  /** The text in the QR code: the phone page of this ticket. */
  qrText: string;
  qrAlt: string;
  printLine: string;
  /** "Numaranız ekranda ve anonsla çağrılacak": how the visitor will be called. */
  callMethod: string;
  returning: string;
  /** Share of the confirmation's time still left, 1 → 0 (the countdown bar). */
  remaining: number;
}

/**
 * The phone page takes its language from `?lang=`: the status view carries no language, so an
 * English ticket's QR asks for English. A Turkish one is the plain status URL.
 */
export function phoneLink(statusUrl: string, lang: Lang): string {
  if (lang === 'tr') return statusUrl;
  const url = new URL(statusUrl);
  url.searchParams.set('lang', lang);
  return url.toString();
}

const PRINT_LINES: Record<PrintOutcome, (text: Catalogue) => string> = {
  printed: (text) => text.printed,
  failed: (text) => text.printFailed,
  'no-printer': (text) => text.noPrinter,
};

export function confirmationModel(
  ticket: IssuedTicket,
  lang: Lang,
  print: PrintOutcome | null,
  deadline: number,
  now: number,
  /** How long the confirmation stays in all (the countdown bar's full width). */
  duration = CONFIRMATION_MS,
): ConfirmationModel {
  const text = t(lang);
  return {
    number: ticket.number,
    service: ticket.serviceName[lang],
    priority: ticket.priority ? text.priorityChosen(text.priorityGroups[ticket.priority]) : null,
    ahead: formatAhead(ticket.peopleAhead, lang),
    wait: formatEstimate(ticket.estimate, lang),
    qrText: phoneLink(ticket.statusUrl, ticket.lang),
    qrAlt: text.qrAlt(ticket.number),
    printLine: print === null ? text.printing : PRINT_LINES[print](text),
    callMethod: text.callMethod,
    returning: text.returning(secondsLeft(deadline, now)),
    remaining: Math.min(1, Math.max(0, (deadline - now) / duration)),
  };
}
