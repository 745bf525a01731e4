import { describe, expect, it } from 'vitest';
import { confirmationModel, phoneLink } from '../../../kiosk/src/state/confirmation.js';
import { CONFIRMATION_MS } from '../../../kiosk/src/state/kiosk-flow.js';
import { issuedTicket, T0 } from './fixtures.js';

const deadline = T0 + CONFIRMATION_MS;

describe('confirmation', () => {
  it('when a normal ticket is issued in Turkish, then number, service, people ahead, estimate and QR link show', () => {
    const m = confirmationModel(issuedTicket(), 'tr', null, deadline, T0);

    expect(m).toEqual({
      number: 'V012',
      service: 'Vezne',
      priority: null,
      ahead: 'Önünüzde 3 kişi var',
      wait: 'yaklaşık 5 dk',
      qrText: 'http://192.168.1.10:3000/t/abcdefghijklmnopqrstuv',
      qrAlt: 'V012 numaralı biletin durum sayfası için QR kod',
      printLine: 'Biletiniz yazdırılıyor…',
      callMethod: 'Numaranız ekranda ve anonsla çağrılacak',
      returning: '25 saniye sonra ana ekrana dönülecek',
      remaining: 1,
    });
  });

  it('when a priority ticket is issued in English, then the group shows and the QR asks for English', () => {
    const ticket = issuedTicket({ priority: 'veteran', lang: 'en', peopleAhead: 0 });

    const m = confirmationModel(ticket, 'en', 'printed', deadline, T0 + 4_000);

    expect(m).toMatchObject({
      service: 'Cashier',
      priority: 'Priority queue: Veteran or martyr’s relative',
      ahead: 'You are next',
      qrText: 'http://192.168.1.10:3000/t/abcdefghijklmnopqrstuv?lang=en',
      printLine: 'Your ticket has been printed, please take it.',
      callMethod: 'Your number will be shown on the screen and announced',
      returning: 'Returning to the start screen in 21 s',
      remaining: 0.84,
    });
  });

  it('when printing failed, then the visitor is told to note the number or scan the code', () => {
    expect(confirmationModel(issuedTicket(), 'tr', 'failed', deadline, T0).printLine).toBe(
      'Bilet yazdırılamadı. Numaranızı not alın veya QR kodu okutun.',
    );
  });

  it('when the kiosk has no printer, then the visitor is told to note the number or scan the code', () => {
    expect(confirmationModel(issuedTicket(), 'tr', 'no-printer', deadline, T0).printLine).toBe(
      'Numaranızı not alın veya QR kodu telefonunuzla okutun.',
    );
    expect(confirmationModel(issuedTicket(), 'en', 'no-printer', deadline, T0).printLine).toBe(
      'Note your number or scan the QR code with your phone.',
    );
  });

  it('when the ticket is Turkish, then the phone link is the status URL as it is', () => {
    expect(phoneLink('https://sira.example/t/abc', 'tr')).toBe('https://sira.example/t/abc');
    expect(phoneLink('https://sira.example/t/abc', 'en')).toBe(
      'https://sira.example/t/abc?lang=en',
    );
  });
});

describe('confirmation time', () => {
  it('when the confirmation shows, then an elderly visitor has at least 20 s before it goes', () => {
    expect(CONFIRMATION_MS).toBeGreaterThanOrEqual(20_000);
    const m = confirmationModel(issuedTicket(), 'tr', null, deadline, T0 + 5_000);
    expect(m.returning).toBe('20 saniye sonra ana ekrana dönülecek');
    expect(m.remaining).toBeCloseTo(0.8);
  });

  it('when the time is up, then the countdown stands at zero, never below', () => {
    const m = confirmationModel(issuedTicket(), 'en', null, deadline, deadline + 3_000);
    expect(m.remaining).toBe(0);
    expect(m.returning).toBe('Returning to the start screen in 0 s');
  });
});
