import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IssuedTicket } from '../../../contract/api.js';
import {
  COLUMNS,
  testPageLayout,
  ticketLayout,
  type TicketLayoutOptions,
} from '../../../server/src/print/ticket-layout.js';
import { decodeEscPos, feedsBeforeCut, type EscPosCommand } from '../../support/escpos-decoder.js';

// 2025-03-03 11:05 UTC is 14:05 in Istanbul (UTC+3 all year).
const ISSUED_AT = Date.UTC(2025, 2, 3, 11, 5);
const STATUS_URL = 'http://192.168.1.10:3000/t/AbCdEfGhIjKlMnOpQrStUv';

function ticket(over: Partial<IssuedTicket> = {}): IssuedTicket {
  return {
    id: 't1',
    number: 'İ012',
    serviceId: 'imar-durum',
    serviceName: { tr: 'İmar Durum Bilgisi', en: 'Zoning status information' },
    hallName: 'Çankaya Belediyesi',
    priority: null,
    lang: 'tr',
    issuedAt: ISSUED_AT,
    peopleAhead: 3,
    estimate: { kind: 'minutes', minutes: 12 },
    code: 'AbCdEfGhIjKlMnOpQrStUv',
    statusUrl: STATUS_URL,
    print: 'no-printer',
    appointment: null,
    smsOffered: false,
    ...over,
  };
}

function options(over: Partial<TicketLayoutOptions> = {}): TicketLayoutOptions {
  return {
    footer: { tr: 'Sıranızı telefonunuzdan izleyin.', en: 'Follow your turn on your phone.' },
    timeZone: 'Europe/Istanbul',
    ...over,
  };
}

const kinds = (commands: EscPosCommand[]) => commands.map((c) => c.kind);
const printed = (lines: string[]) => lines.map((l) => l.trim()).filter((l) => l !== '');

describe('ticketLayout', () => {
  it.each([
    [58, ['Numaranız ekranda ve anonsla', 'çağrılacak']],
    [80, ['Numaranız ekranda ve anonsla çağrılacak']],
  ] as const)(
    'when a Turkish ticket is laid out on %i mm paper, then the decoded job reads back exactly',
    (paperWidth, callMethod) => {
      const job = decodeEscPos(ticketLayout(ticket(), { paperWidth, codePage: 13 }, options()), {
        cp857Number: 13,
      });

      expect(job.commands[0]).toEqual({ kind: 'reset' });
      const codePages = job.commands.filter((c) => c.kind === 'code-page');
      expect(codePages).toEqual([{ kind: 'code-page', n: 13 }]);
      // Centring pads with spaces (0x20 in every code page); CP857 comes before any letter.
      const firstLetter = job.commands.findIndex((c) => c.kind === 'text' && c.text.trim() !== '');
      expect(kinds(job.commands).indexOf('code-page')).toBeLessThan(firstLetter);
      expect(printed(job.lines)).toEqual([
        'ÇANKAYA BELEDİYESİ',
        'İMAR DURUM BİLGİSİ',
        'İ012',
        '03.03.2025 14:05',
        'Önünüzde 3 kişi var',
        'Tahmini bekleme: 12 dk',
        ...callMethod,
        'Sıranızı telefonunuzdan izleyin.',
      ]);
      expect(job.qrPayloads).toEqual([STATUS_URL]);
      expect(feedsBeforeCut(job.commands)).toBeGreaterThanOrEqual(4);
      expect(job.commands.at(-1)).toEqual({ kind: 'cut', partial: false });
      for (const line of job.lines) expect(line.length).toBeLessThanOrEqual(COLUMNS[paperWidth]);
    },
  );

  it.each([
    [58, 4],
    [80, 6],
  ] as const)(
    'when laid out on %i mm paper, then the number is printed %i times as large',
    (paperWidth, size) => {
      const job = decodeEscPos(ticketLayout(ticket(), { paperWidth, codePage: 13 }, options()), {
        cp857Number: 13,
      });
      const i = job.commands.findIndex((c) => c.kind === 'text' && c.text === 'İ012');
      const sizeBefore = job.commands.slice(0, i).findLast((c) => c.kind === 'size');
      expect(sizeBefore).toEqual({ kind: 'size', width: size, height: size });
    },
  );

  it('when the ticket is in English, then the service, labels and footer are English', () => {
    const bytes = ticketLayout(
      ticket({ lang: 'en', peopleAhead: 1, estimate: { kind: 'minutes', minutes: 4 } }),
      { paperWidth: 80, codePage: 13 },
      options(),
    );
    const job = decodeEscPos(bytes, { cp857Number: 13 });
    expect(printed(job.lines)).toEqual([
      'ÇANKAYA BELEDİYESİ',
      'ZONING STATUS INFORMATION',
      'İ012',
      '03.03.2025 14:05',
      '1 person ahead of you',
      'Estimated wait: 4 min',
      'You will be called on the screen and aloud',
      'Follow your turn on your phone.',
    ]);
  });

  it('when a Turkish ticket is printed, then the call-method line is sent as CP857 bytes (ı 8D, ç 87, ğ A7)', () => {
    const bytes = ticketLayout(ticket(), { paperWidth: 80, codePage: 13 }, options());
    // "Numaranız ekranda ve anonsla çağrılacak", byte by byte in code page 857.
    const expected = [
      ...[0x4e, 0x75, 0x6d, 0x61, 0x72, 0x61, 0x6e, 0x8d, 0x7a], // Numaranız
      0x20,
      ...[0x65, 0x6b, 0x72, 0x61, 0x6e, 0x64, 0x61], // ekranda
      0x20,
      ...[0x76, 0x65], // ve
      0x20,
      ...[0x61, 0x6e, 0x6f, 0x6e, 0x73, 0x6c, 0x61], // anonsla
      0x20,
      ...[0x87, 0x61, 0xa7, 0x72, 0x8d, 0x6c, 0x61, 0x63, 0x61, 0x6b], // çağrılacak
      0x0a,
    ];
    const at = Buffer.from(bytes).indexOf(Buffer.from(expected));
    expect(at).toBeGreaterThan(0);
    // It comes after the wait line and before the QR code (GS ( k).
    expect(Buffer.from(bytes).indexOf(Buffer.from('Tahmini bekleme'))).toBeLessThan(at);
    expect(Buffer.from(bytes).indexOf(Buffer.from([0x1d, 0x28, 0x6b]))).toBeGreaterThan(at);
  });

  it.each([
    [58, 'tr', 'RANDEVU 14:20'],
    [80, 'tr', 'RANDEVU 14:20'],
    [58, 'en', 'RANDEVU / APPOINTMENT 14:20'],
  ] as const)(
    'when a booked visitor checks in (%i mm, %s), then "%s" is printed under the number',
    (paperWidth, lang, line) => {
      const booked = ticket({
        lang,
        appointment: { slotAt: ISSUED_AT + 15 * 60_000, time: '14:20' },
      });
      const job = decodeEscPos(ticketLayout(booked, { paperWidth, codePage: 13 }, options()), {
        cp857Number: 13,
      });

      const lines = printed(job.lines);
      expect(lines.slice(2, 5)).toEqual(['İ012', line, '03.03.2025 14:05']);
      for (const l of job.lines) expect(l.length).toBeLessThanOrEqual(COLUMNS[paperWidth]);
    },
  );

  it('when a booked visitor checks in, then the slot line is plain ASCII bytes in bold, after the number', () => {
    const bytes = Buffer.from(
      ticketLayout(
        ticket({ appointment: { slotAt: ISSUED_AT, time: '14:20' } }),
        { paperWidth: 80, codePage: 13 },
        options(),
      ),
    );
    // "RANDEVU 14:20", byte by byte: nothing in it needs the code page.
    const expected = [0x52, 0x41, 0x4e, 0x44, 0x45, 0x56, 0x55, 0x20, 0x31, 0x34, 0x3a, 0x32, 0x30];
    const at = bytes.indexOf(Buffer.from(expected));
    expect(at).toBeGreaterThan(0);
    // In bold: ESC E 1 right before it, ESC E 0 right after it (the encoder closes each line).
    expect([...bytes.subarray(at - 3, at)]).toEqual([0x1b, 0x45, 0x01]);
    expect([...bytes.subarray(at + expected.length, at + expected.length + 3)]).toEqual([
      0x1b, 0x45, 0x00,
    ]);
    // The number (İ is 0x98 in CP857) comes before it, the date after it.
    expect(bytes.indexOf(Buffer.from([0x98, 0x30, 0x31, 0x32]))).toBeLessThan(at);
    expect(bytes.indexOf(Buffer.from('03.03.2025'))).toBeGreaterThan(at);
  });

  it('when a walk-in is printed, then there is no slot line', () => {
    const bytes = Buffer.from(ticketLayout(ticket(), { paperWidth: 80, codePage: 13 }, options()));
    expect(bytes.indexOf(Buffer.from('RANDEVU'))).toBe(-1);
  });

  it('when nobody is ahead, then the ticket says so in Turkish', () => {
    const job = decodeEscPos(
      ticketLayout(ticket({ peopleAhead: 0 }), { paperWidth: 58, codePage: 13 }, options()),
      { cp857Number: 13 },
    );
    expect(printed(job.lines)).toContain('Önünüzde bekleyen yok');
  });

  it.each([
    ['tr', 0, ['Önünüzde bekleyen yok', 'ŞU AN AÇIK BANKO YOK']],
    ['tr', 4, ['Önünüzde 4 kişi var', 'ŞU AN AÇIK BANKO YOK']],
    ['en', 0, ['No one ahead of you', 'NO COUNTER OPEN RIGHT NOW']],
  ] as const)(
    'when a %s ticket is issued with %i ahead and no counter serving it is open, then it prints that instead of a time',
    (lang, peopleAhead, lines) => {
      const bytes = ticketLayout(
        ticket({ lang, peopleAhead, estimate: { kind: 'no-open-counter' } }),
        { paperWidth: 58, codePage: 13 },
        options(),
      );
      const text = printed(decodeEscPos(bytes, { cp857Number: 13 }).lines);

      expect(text.slice(4, 6)).toEqual(lines);
      expect(text.join('\n')).not.toMatch(/dk|min|bekleme:|wait:/i);
    },
  );

  it('when the printer uses another number for CP857, then ESC t carries that number', () => {
    const bytes = ticketLayout(ticket(), { paperWidth: 80, codePage: 61 }, options());
    const job = decodeEscPos(bytes, { cp857Number: 61 });
    expect(job.commands.filter((c) => c.kind === 'code-page')).toEqual([
      { kind: 'code-page', n: 61 },
    ]);
    expect(() => decodeEscPos(bytes, { cp857Number: 13 })).toThrow(/without CP857 selected/);
  });

  it('when the code page number is not a byte, then the layout refuses it', () => {
    expect(() => ticketLayout(ticket(), { paperWidth: 80, codePage: 300 }, options())).toThrow(
      /not a byte/,
    );
  });

  it('when the texts are hostile (dashes, quotes, emoji, ESC), then no "?" is ever printed', () => {
    const hostile = 'İmar — “Ruhsat” ‘x’ … € ₺ 😀👍🏽🇹🇷 \x1b@\x1dV0 Паспорт\u200b ½ ﬁ';
    const bytes = ticketLayout(
      ticket({ hallName: hostile, serviceName: { tr: hostile, en: hostile } }),
      { paperWidth: 58, codePage: 13 },
      options({ footer: { tr: hostile, en: hostile } }),
    );
    const job = decodeEscPos(bytes, { cp857Number: 13 });
    expect(job.lines.join('\n')).not.toContain('?');
    // The footer keeps its case (the hall and service names are upper-cased), and wraps.
    expect(printed(job.lines).join(' ')).toContain(
      'İmar - "Ruhsat" \'x\' ... EUR TL @ V0 _______ 1/2 fi',
    );
  });

  it('when any text at all is printed, then the job decodes strictly and has no "?"', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }).filter((s) => !s.includes('?')),
        fc.constantFrom('tr' as const, 'en' as const),
        fc.constantFrom(58 as const, 80 as const),
        (text, lang, paperWidth) => {
          const bytes = ticketLayout(
            ticket({ lang, hallName: text, serviceName: { tr: text, en: text } }),
            { paperWidth, codePage: 13 },
            options({ footer: { tr: text, en: text } }),
          );
          const job = decodeEscPos(bytes, { cp857Number: 13 });
          expect(job.lines.join('')).not.toContain('?');
          expect(job.qrPayloads).toEqual([STATUS_URL]);
          expect(job.commands.at(-1)?.kind).toBe('cut');
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe('testPageLayout', () => {
  it.each([58, 80] as const)(
    'when a test page is laid out for %i mm, then it shows the settings',
    (paperWidth) => {
      const bytes = testPageLayout(
        { id: 'giris', name: 'Giriş yazıcısı', paperWidth, codePage: 13 },
        { now: ISSUED_AT, timeZone: 'Europe/Istanbul' },
      );
      const job = decodeEscPos(bytes, { cp857Number: 13 });
      const lines = printed(job.lines);
      expect(lines).toContain('Giriş yazıcısı');
      expect(lines).toContain('CP857: ESC t 13');
      expect(lines).toContain('ÇĞİÖŞÜ çğıiöşü ÂÎÛ âîû');
      expect(lines).toContain('03.03.2025 14:05');
      expect(
        lines.some((l) => l.length === COLUMNS[paperWidth] && l.startsWith('1234567890')),
      ).toBe(true);
      expect(job.qrPayloads).toEqual(['SIRAMATIK TEST giris']);
      expect(feedsBeforeCut(job.commands)).toBeGreaterThanOrEqual(4);
      expect(job.commands.at(-1)?.kind).toBe('cut');
    },
  );
});
