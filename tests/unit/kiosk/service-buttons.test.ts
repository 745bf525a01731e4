import { describe, expect, it } from 'vitest';
import { applySnapshot, EMPTY_HALL } from '../../../kiosk/src/state/live-hall.js';
import { serviceButtons } from '../../../kiosk/src/state/service-buttons.js';
import { queue, snapshot } from './fixtures.js';

const hall = applySnapshot(EMPTY_HALL, snapshot(1, [queue('vezne', 3, 5), queue('ruhsat', 1, 2)]));

describe('service buttons', () => {
  it('when the kiosk can issue, then each open service shows its name, people waiting and estimate', () => {
    const [vezne] = serviceButtons(hall, 'tr', true);

    expect(vezne).toEqual({
      serviceId: 'vezne',
      prefix: 'V',
      name: 'Vezne',
      waiting: '3 kişi bekliyor',
      wait: 'yaklaşık 5 dk',
      note: null,
      disabled: false,
    });
  });

  it('when the language is English, then names and figures are English', () => {
    const [vezne] = serviceButtons(hall, 'en', true);

    expect(vezne).toMatchObject({
      name: 'Cashier',
      waiting: '3 people waiting',
      wait: 'about 5 min',
    });
  });

  it('when a service is closed, then it stays visible, says so and cannot be tapped', () => {
    const [, ruhsat] = serviceButtons(hall, 'tr', true);

    expect(ruhsat).toMatchObject({
      name: 'Ruhsat',
      note: 'Şu anda bu hizmet verilmiyor',
      wait: '',
      disabled: true,
    });
  });

  it('when the kiosk cannot issue, then every button is disabled', () => {
    expect(serviceButtons(hall, 'tr', false).every((b) => b.disabled)).toBe(true);
  });

  it('when a service has no figures yet, then it reads as nobody waiting', () => {
    const bare = { ...hall, queues: {} };

    expect(serviceButtons(bare, 'tr', true)[0]).toMatchObject({
      waiting: 'Sırada kimse yok',
      wait: 'Beklemeden',
    });
  });
});
