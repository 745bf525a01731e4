import { describe, expect, it } from 'vitest';
import {
  codeFromPath,
  notifyState,
  phoneLang,
  phoneStatusModel,
  shouldAlert,
} from '../../../kiosk/src/state/phone-status.js';
import { statusView, T0 } from './fixtures.js';

const called = statusView({
  status: 'called',
  counterNumber: 3,
  calledAt: T0 + 60_000,
  peopleAhead: 0,
});

describe('phone status', () => {
  it('when the ticket waits, then the page shows people ahead and the estimate, and the visitor may leave', () => {
    expect(phoneStatusModel(statusView(), 'tr')).toEqual({
      number: 'V012',
      service: 'Vezne',
      hallName: 'Çankaya Belediyesi Hoş Geldiniz Masası',
      tone: 'waiting',
      headline: 'Önünüzde 3 kişi var',
      wait: 'yaklaşık 5 dk',
      title: null,
      canLeave: true,
    });
  });

  it('when the ticket is called, then the page says which counter to go to', () => {
    expect(phoneStatusModel(called, 'tr')).toMatchObject({
      tone: 'called',
      title: 'Sıranız geldi!',
      headline: '3 numaralı bankoya gelin',
      wait: null,
    });
    expect(phoneStatusModel(called, 'en').headline).toBe('Please go to counter 3');
  });

  it.each([
    ['serving', 'serving', '3 numaralı bankoda hizmet alıyorsunuz'],
    ['done', 'finished', 'İşleminiz tamamlandı. Teşekkür ederiz.'],
    ['cancelled', 'finished', 'Sıradan çıktınız. Bu numara artık geçerli değil.'],
    ['no-show', 'finished', 'Çağrıldınız ancak bankoya gelmediniz. Lütfen danışmaya başvurun.'],
  ] as const)(
    'when the ticket is %s, then the tone is %s and it reads %j, with no leaving',
    (status, tone, headline) => {
      const m = phoneStatusModel(statusView({ status, counterNumber: 3 }), 'tr');

      expect(m).toMatchObject({ tone, headline, canLeave: false, wait: null });
    },
  );

  it('when the status goes from waiting to called, then the visitor is alerted', () => {
    expect(shouldAlert(statusView(), called)).toBe(true);
  });

  it('when the clerk calls again, then the visitor is alerted again; a repeat of the same call, not', () => {
    expect(shouldAlert(called, { ...called, calledAt: T0 + 120_000 })).toBe(true);
    expect(shouldAlert(called, { ...called })).toBe(false);
  });

  it('when the page opens on a ticket already called, then it does not alert: the visitor is looking', () => {
    expect(shouldAlert(null, called)).toBe(false);
  });

  it('when the ticket is not called, then there is no alert', () => {
    expect(shouldAlert(statusView(), statusView({ peopleAhead: 1 }))).toBe(false);
  });

  it.each([
    ['/t/abcdefghijklmnopqrstuv', 'abcdefghijklmnopqrstuv'],
    ['/t/abcdefghijklmnopqrstuv/', 'abcdefghijklmnopqrstuv'],
    ['/t/short', null],
    ['/t/', null],
    ['/t/..%2F..', null],
  ])('when the path is %s, then the code is %s', (path, code) => {
    expect(codeFromPath(path)).toBe(code);
  });

  it.each([
    [null, null, null, 'tr'],
    [null, 'en', null, 'en'],
    ['tr', 'en', null, 'tr'],
    ['en', null, null, 'en'],
    ['de', 'fr', null, 'tr'],
    [null, null, 'en', 'en'],
    [null, 'tr', 'en', 'tr'],
    ['tr', null, 'en', 'tr'],
  ] as const)(
    'when the chosen language is %s, the link asks %s and the ticket was taken in %s, then the page is in %s',
    (chosen, query, ticket, lang) => {
      expect(phoneLang(chosen, query, ticket)).toBe(lang);
    },
  );

  it.each([
    [null, 'unsupported'],
    ['default', 'ask'],
    ['granted', 'granted'],
    ['denied', 'denied'],
  ] as const)('when notification permission is %s, then the button state is %s', (p, s) => {
    expect(notifyState(p)).toBe(s);
  });
});
