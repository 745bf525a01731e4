import { describe, expect, it } from 'vitest';
import { coveredQueueLines } from '../../../counter/src/state/queue-lines.js';
import { counter, service, T0, waitMinutes } from './fixtures.js';

describe('coveredQueueLines', () => {
  const services = [service('vezne', 'V'), service('mali-hizmetler', 'M'), service('ruhsat', 'R')];
  const banko = counter(1, {
    services: [
      { serviceId: 'mali-hizmetler', weight: 1 },
      { serviceId: 'vezne', weight: 1 },
    ],
  });

  it('when people wait, then each covered service shows its count and longest wait', () => {
    const queues = [
      { serviceId: 'vezne', waiting: 3, oldestQueuedAt: T0 - 90_000, estimate: waitMinutes(6) },
      { serviceId: 'ruhsat', waiting: 9, oldestQueuedAt: T0 - 1, estimate: waitMinutes(9) },
    ];

    const lines = coveredQueueLines(banko, services, queues, T0);

    expect(lines.map((l) => [l.service.id, l.waiting, l.longestWaitMs])).toEqual([
      ['mali-hizmetler', 0, null],
      ['vezne', 3, 90_000],
    ]);
  });

  it('when the server clock is slightly behind the issue time, then the wait is not negative', () => {
    const queues = [
      { serviceId: 'vezne', waiting: 1, oldestQueuedAt: T0 + 500, estimate: waitMinutes(4) },
    ];

    const [, vezne] = coveredQueueLines(banko, services, queues, T0);

    expect(vezne?.longestWaitMs).toBe(0);
  });
});
