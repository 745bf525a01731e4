import { describe, expect, it } from 'vitest';
import { modelFromSnapshot } from '../../../counter/src/state/model.js';
import {
  callSuggestions,
  numberPlaceholder,
  waitingLine,
} from '../../../counter/src/state/waiting-line.js';
import { counter, ME, service, snapshot, T0, ticket } from './fixtures.js';

const MIN = 60_000;
const services = [service('vezne', 'V'), service('mali-hizmetler', 'M'), service('ruhsat', 'R')];

describe('waitingLine', () => {
  it('when visitors wait for covered and other services, then only covered waiting ones are listed, front first, then by when they joined, with their group', () => {
    const banko = counter(1, {
      status: 'open',
      services: [
        { serviceId: 'vezne', weight: 1 },
        { serviceId: 'ruhsat', weight: 1 },
      ],
    });
    const model = modelFromSnapshot(
      snapshot({
        services,
        counters: [banko],
        tickets: [
          ticket('V002', { queuedAt: T0 - 2 * MIN }),
          ticket('V008', { id: 't-v8', queuedAt: T0 - 5 * MIN, priority: 'disabled' }),
          ticket('R001', { serviceId: 'ruhsat', queuedAt: T0 - 1 * MIN, front: true }),
          ticket('M001', { serviceId: 'mali-hizmetler', queuedAt: T0 - 9 * MIN }),
          ticket('V001', { status: 'called', queuedAt: T0 - 10 * MIN }),
        ],
      }),
      ME,
      T0,
    );

    const line = waitingLine(model, banko, T0);

    expect(
      line.map((e) => [e.ticket.number, e.ticket.priority, e.service?.id, e.waitedMs]),
    ).toEqual([
      ['R001', null, 'ruhsat', 1 * MIN],
      ['V008', 'disabled', 'vezne', 5 * MIN],
      ['V002', null, 'vezne', 2 * MIN],
    ]);
  });
});

describe('callSuggestions', () => {
  const model = modelFromSnapshot(
    snapshot({
      tickets: ['V001', 'V002', 'V010', 'V011', 'V012'].map((n, i) =>
        ticket(n, { id: `t-${n}`, queuedAt: T0 + i }),
      ),
    }),
    ME,
    T0,
  );
  const line = waitingLine(model, counter(1, { status: 'open' }), T0);

  it.each([
    ['', 3, ['V001', 'V002', 'V010']],
    ['1', 8, ['V001', 'V010', 'V011', 'V012']],
    ['v01', 8, ['V010', 'V011', 'V012']],
    [' v 012 ', 8, ['V012']],
    ['R', 8, []],
  ])(
    'when the clerk has typed %j, then the matching waiting numbers are offered',
    (typed, limit, want) => {
      expect(callSuggestions(line, typed, limit).map((e) => e.ticket.number)).toEqual(want);
    },
  );
});

describe('numberPlaceholder', () => {
  it('when the counter serves only R, then the example number is an R number', () => {
    const banko = counter(1, { services: [{ serviceId: 'ruhsat', weight: 1 }] });
    expect(numberPlaceholder(banko, services)).toBe('R012');
  });

  it('when its first service is not taking tickets, then the next covered one gives the example', () => {
    const banko = counter(1, {
      services: [
        { serviceId: 'vezne', weight: 1 },
        { serviceId: 'mali-hizmetler', weight: 1 },
      ],
    });
    const withInactive = services.map((s) => (s.id === 'vezne' ? { ...s, active: false } : s));
    expect(numberPlaceholder(banko, withInactive)).toBe('M012');
  });

  it('when the counter covers no known service, then there is no example', () => {
    expect(numberPlaceholder(counter(1, { services: [] }), services)).toBe('');
  });
});
