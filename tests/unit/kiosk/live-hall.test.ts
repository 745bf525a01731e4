import { describe, expect, it } from 'vitest';
import type { ServiceView } from '../../../contract/api.js';
import {
  applyDelta,
  applySnapshot,
  EMPTY_HALL,
  fromServiceViews,
} from '../../../kiosk/src/state/live-hall.js';
import { delta, queue, snapshot } from './fixtures.js';

const atRev5 = applySnapshot(EMPTY_HALL, snapshot(5, [queue('vezne', 2, 4)]));

describe('live hall', () => {
  it('when the REST list arrives, then services and figures are known but no revision yet', () => {
    const views: ServiceView[] = [
      {
        id: 'vezne',
        hallId: 'cankaya',
        prefix: 'V',
        name: { tr: 'Vezne', en: 'Cashier' },
        targetMinutes: 4,
        active: true,
        waiting: 4,
        oldestQueuedAt: 1,
        estimate: { kind: 'minutes', minutes: 8 },
        refusesTickets: false,
      },
    ];

    const hall = fromServiceViews(EMPTY_HALL, views);

    expect(hall.rev).toBeNull();
    expect(hall.services).toEqual([
      { id: 'vezne', prefix: 'V', name: { tr: 'Vezne', en: 'Cashier' }, active: true },
    ]);
    expect(hall.queues.vezne).toEqual({
      waiting: 4,
      estimate: { kind: 'minutes', minutes: 8 },
      refusesTickets: false,
    });
  });

  it('when a snapshot arrives, then it replaces everything, also a newer revision', () => {
    const later = applyDelta(atRev5, delta(6, [queue('vezne', 3, 6)]));

    const hall = applySnapshot(later, snapshot(2, [queue('vezne', 0, 0)]));

    expect(hall.rev).toBe(2);
    expect(hall.hallName).toBe('Çankaya Belediyesi Hoş Geldiniz Masası');
    expect(hall.queues.vezne).toEqual({
      waiting: 0,
      estimate: { kind: 'minutes', minutes: 0 },
      refusesTickets: false,
    });
    expect(hall.services.map((s) => s.active)).toEqual([true, false]);
  });

  it('when the next delta arrives, then its figures apply and the revision moves on', () => {
    const hall = applyDelta(atRev5, delta(6, [queue('vezne', 3, 6)]));

    expect(hall.rev).toBe(6);
    expect(hall.queues.vezne).toEqual({
      waiting: 3,
      estimate: { kind: 'minutes', minutes: 6 },
      refusesTickets: false,
    });
  });
});
