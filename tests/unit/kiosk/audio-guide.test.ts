import { describe, expect, it } from 'vitest';
import {
  audioOptions,
  moveIndex,
  optionSpeech,
  screenSpeech,
  spokenWait,
  ticketSpeech,
} from '../../../kiosk/src/state/audio-guide.js';
import {
  ASSISTED_CONFIRMATION_MS,
  ASSISTED_IDLE_MS,
  CONFIRMATION_MS,
  confirmationDeadline,
  IDLE_MS,
  idleMs,
  idleResets,
  kioskFlow,
  START,
  type KioskFlow,
} from '../../../kiosk/src/state/kiosk-flow.js';
import type { ServiceButton } from '../../../kiosk/src/state/service-buttons.js';
import { issuedTicket, T0 } from './fixtures.js';

function button(over: Partial<ServiceButton>): ServiceButton {
  return {
    serviceId: 'vezne',
    prefix: 'V',
    name: 'Vezne',
    waiting: '3 kişi bekliyor',
    wait: 'yaklaşık 5 dk',
    note: null,
    disabled: false,
    ...over,
  };
}

const BUTTONS = [
  button({}),
  button({ serviceId: 'ruhsat', prefix: 'R', name: 'Ruhsat', disabled: true }),
  button({
    serviceId: 'imar',
    prefix: 'İ',
    name: 'İmar',
    waiting: 'Sırada kimse yok',
    wait: 'Beklemeden',
  }),
];

const flow = (over: Partial<KioskFlow>): KioskFlow => ({ ...START, ...over });

describe('audio guide', () => {
  it('when the start screen is read, then the services that can be taken come first with their line and wait in words, then priority, language and leaving the guide', () => {
    const options = audioOptions(flow({ audio: true }), BUTTONS);

    expect(options.map((o) => o.choice)).toEqual([
      { kind: 'service', serviceId: 'vezne' },
      { kind: 'service', serviceId: 'imar' },
      { kind: 'priority-path' },
      { kind: 'lang', lang: 'en' },
      { kind: 'exit' },
    ]);
    expect(screenSpeech(flow({ audio: true }), options)).toBe(
      'İşleminizi seçin. 5 seçenekten 1. Vezne. 3 kişi bekliyor, yaklaşık 5 dakika.',
    );
    expect(optionSpeech(options, 1, 'tr')).toBe(
      '5 seçenekten 2. İmar. Sırada kimse yok, Beklemeden.',
    );
  });

  it('when the priority question and the services after it are read, then the groups, back and the chosen group are said', () => {
    const priority = flow({ audio: true, view: 'priority' });
    const options = audioOptions(priority, BUTTONS);
    expect(options.map((o) => o.label)).toEqual([
      '65 yaş ve üstü',
      'Engelli',
      'Hamile',
      'Gazi ve şehit yakını',
      'Geri',
      'English',
      'Sesli yardımı kapat',
    ]);
    const services = flow({ audio: true, view: 'services', priority: 'pregnant' });
    expect(screenSpeech(services, audioOptions(services, BUTTONS))).toMatch(
      /^Öncelikli sıra: Hamile\. Şimdi işleminizi seçin\. 5 seçenekten 1\. Vezne\./,
    );
  });

  it('when a ticket is issued, then its number is spelt as the display calls it, with the place, the wait and how it will be called', () => {
    const speech = ticketSpeech(
      issuedTicket({ number: 'Ş012', peopleAhead: 2, estimate: { kind: 'minutes', minutes: 7 } }),
      'tr',
    );
    expect(speech).toBe(
      'Biletiniz alındı. Sıra numaranız: şe sıfır bir iki. Vezne. Önünüzde 2 kişi var. Tahmini bekleme: yaklaşık 7 dakika. ' +
        'Numaranız ekranda ve anonsla çağrılacak. ' +
        'Bitirmek için sağ alt köşeye dokunun. Numaranızı tekrar dinlemek için sol alt köşeye dokunun.',
    );
    expect(ticketSpeech(issuedTicket({ number: 'V007', lang: 'en' }), 'en')).toContain(
      'Your number is V 0 0 7. Cashier.',
    );
  });

  it('when previous or next is touched at either end, then the guide goes round; repeat stays', () => {
    expect(moveIndex(0, 5, 'previous')).toBe(4);
    expect(moveIndex(4, 5, 'next')).toBe(0);
    expect(moveIndex(2, 5, 'repeat')).toBe(2);
    expect(moveIndex(7, 5, 'repeat')).toBe(4);
    expect(moveIndex(0, 0, 'next')).toBe(0);
  });

  it('when a wait is said, then "dk" and "min" become words', () => {
    expect(spokenWait('yaklaşık 8–12 dk', 'tr')).toBe('yaklaşık 8–12 dakika');
    expect(spokenWait('about 4 min', 'en')).toBe('about 4 minutes');
    expect(spokenWait('Şu an açık banko yok', 'tr')).toBe('Şu an açık banko yok');
  });
});

describe('assisted kiosk flow', () => {
  it('when large text or the audio guide is on, then it survives language, priority and back, and the ticket ends it', () => {
    let f = kioskFlow(START, { type: 'large-text', on: true });
    f = kioskFlow(f, { type: 'audio', on: true });
    f = kioskFlow(f, { type: 'lang', lang: 'en' });
    f = kioskFlow(f, { type: 'priority-path' });
    f = kioskFlow(f, { type: 'back' });
    expect([f.largeText, f.audio]).toEqual([true, true]);

    f = kioskFlow(f, { type: 'issue-start' });
    f = kioskFlow(f, { type: 'issue-ok', ticket: issuedTicket(), at: T0 });
    expect(f.view).toBe('confirmation');
    expect([f.largeText, f.audio]).toEqual([true, true]);
    f = kioskFlow(f, { type: 'ok-tap', at: T0 + 5_000 });
    expect(f).toBe(START);
    expect([f.largeText, f.audio]).toEqual([false, false]);
  });

  it('when the visitor asked for help, then the kiosk waits two minutes before starting over and shows the ticket a minute', () => {
    const plain = flow({});
    const large = flow({ largeText: true });
    expect(idleMs(plain)).toBe(IDLE_MS);
    expect(idleMs(large)).toBe(ASSISTED_IDLE_MS);
    expect(idleMs(flow({ audio: true }))).toBe(ASSISTED_IDLE_MS);
    // A start screen left with large text on still goes back to normal for the next visitor.
    expect(idleResets(large)).toBe(true);
    expect(idleResets(plain)).toBe(false);

    const shown = (over: Partial<KioskFlow>) =>
      flow({ view: 'confirmation', ticket: issuedTicket(), shownAt: T0, ...over });
    expect(confirmationDeadline(shown({}))).toBe(T0 + CONFIRMATION_MS);
    expect(confirmationDeadline(shown({ audio: true }))).toBe(T0 + ASSISTED_CONFIRMATION_MS);
    expect(
      kioskFlow(shown({ audio: true }), { type: 'confirmation-timeout', at: T0 + 30_000 }).view,
    ).toBe('confirmation');
  });
});
