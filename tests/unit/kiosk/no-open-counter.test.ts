import { describe, expect, it } from 'vitest';
import { confirmationModel } from '../../../kiosk/src/state/confirmation.js';
import { errorMessage } from '../../../kiosk/src/state/errors.js';
import { CONFIRMATION_MS } from '../../../kiosk/src/state/kiosk-flow.js';
import { applySnapshot, EMPTY_HALL } from '../../../kiosk/src/state/live-hall.js';
import { phoneStatusModel } from '../../../kiosk/src/state/phone-status.js';
import { serviceButtons } from '../../../kiosk/src/state/service-buttons.js';
import { issuedTicket, queue, snapshot, statusView, T0 } from './fixtures.js';

const NO_COUNTER = { kind: 'no-open-counter' } as const;

describe('the kiosk when no counter serving a service is open', () => {
  it('when the hall still issues tickets, then the button can be tapped and says no counter is open instead of a time', () => {
    const hall = applySnapshot(EMPTY_HALL, snapshot(1, [queue('vezne', 0, null)]));

    expect(serviceButtons(hall, 'tr', true)[0]).toMatchObject({
      waiting: 'Sırada kimse yok',
      wait: 'Şu an açık banko yok',
      note: null,
      disabled: false,
    });
    expect(serviceButtons(hall, 'en', true)[0]).toMatchObject({
      wait: 'No counter open right now',
    });
  });

  it('when the hall refuses tickets then, then the button is disabled and says why', () => {
    const hall = applySnapshot(EMPTY_HALL, snapshot(1, [queue('vezne', 2, null, true)]));

    expect(serviceButtons(hall, 'tr', true)[0]).toMatchObject({
      note: 'Şu an açık banko yok · Sıra verilmiyor',
      disabled: true,
    });
    expect(serviceButtons(hall, 'en', true)[0]).toMatchObject({
      note: 'No counter open right now · No tickets',
      disabled: true,
    });
  });

  it('when the ticket is first in line with no counter open, then the confirmation never promises no wait', () => {
    const ticket = issuedTicket({ peopleAhead: 0, estimate: NO_COUNTER });

    const m = confirmationModel(ticket, 'tr', 'printed', T0 + CONFIRMATION_MS, T0);

    expect([m.ahead, m.wait]).toEqual(['Sıradaki sizsiniz', 'Şu an açık banko yok']);
  });

  it('when the phone page shows a waiting ticket with no counter open, then it says so, not a time', () => {
    const m = phoneStatusModel(statusView({ peopleAhead: 0, estimate: NO_COUNTER }), 'tr');

    expect(m).toMatchObject({ headline: 'Sıradaki sizsiniz', wait: 'Şu an açık banko yok' });
  });

  it('when the server refuses the ticket with no-open-counter, then the visitor reads why', () => {
    expect(errorMessage('no-open-counter', 'tr')).toBe(
      'Bu hizmete şu an açık banko yok, sıra verilmiyor. Lütfen daha sonra deneyin.',
    );
  });
});
