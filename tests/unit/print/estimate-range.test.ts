import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../../contract/api.js';
import type { WaitEstimate } from '../../../contract/domain.js';
import { waitText } from '../../../display/src/state/board.js';
import { estimateText } from '../../../manager/src/i18n.js';
import { formatEstimate } from '../../../kiosk/src/state/format.js';
import { ticketLayout } from '../../../server/src/print/ticket-layout.js';
import { decodeEscPos } from '../../support/escpos-decoder.js';

const range: WaitEstimate = { kind: 'range', minutes: 10, min: 8, max: 12 };

function printedLines(estimate: WaitEstimate, lang: 'tr' | 'en'): string[] {
  const ticket: IssuedTicket = {
    id: 't1',
    number: 'V012',
    serviceId: 'vezne',
    serviceName: { tr: 'Vezne', en: 'Cashier' },
    hallName: 'Çankaya Belediyesi',
    priority: null,
    lang,
    issuedAt: Date.UTC(2025, 2, 3, 11, 5),
    peopleAhead: 6,
    estimate,
    code: 'AbCdEfGhIjKlMnOpQrStUv',
    statusUrl: 'http://192.168.1.10:3000/t/AbCdEfGhIjKlMnOpQrStUv',
    print: 'no-printer',
    appointment: null,
    smsOffered: false,
  };
  const bytes = ticketLayout(
    ticket,
    { paperWidth: 80, codePage: 13 },
    { footer: { tr: '', en: '' }, timeZone: 'Europe/Istanbul' },
  );
  return decodeEscPos(bytes, { cp857Number: 13 }).lines.map((l) => l.trim());
}

describe('an uncertain estimate shows as a range wherever estimates show', () => {
  it('when the kiosk and the phone page show it, then it reads "8–12 dk" / "8–12 min"', () => {
    expect(formatEstimate(range, 'tr')).toBe('8–12 dk');
    expect(formatEstimate(range, 'en')).toBe('8–12 min');
    expect(formatEstimate({ kind: 'minutes', minutes: 10 }, 'tr')).toBe('yaklaşık 10 dk');
  });

  it('when the lobby display shows it, then both languages carry the range', () => {
    expect(waitText(range)).toEqual({ tr: '8–12 dk', en: '8–12 min' });
  });

  it("when the manager's service table shows it, then it reads as the range too", () => {
    expect(estimateText('tr', { waiting: 6, estimate: range })).toBe('8–12 dk');
    expect(estimateText('en', { waiting: 6, estimate: range })).toBe('8–12 min');
  });

  it('when the ticket is printed, then the wait line carries the range with a plain hyphen', () => {
    expect(printedLines(range, 'tr')).toContain('Tahmini bekleme: 8-12 dk');
    expect(printedLines(range, 'en')).toContain('Estimated wait: 8-12 min');
  });
});
