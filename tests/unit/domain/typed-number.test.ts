import { describe, expect, it } from 'vitest';
import { at, makeConfig, makeCounter, makeService, must, newDay, run } from './fixtures.js';

const config = makeConfig({
  services: [makeService('imar', 'İ'), makeService('vezne', 'V')],
  counters: [makeCounter('c1', 1, ['imar', 'vezne'])],
});

function hallWithTickets() {
  const state = newDay();
  must(
    state,
    config,
    { type: 'issue', serviceId: 'imar', priority: null, lang: 'tr', code: 'a' },
    at(0),
  );
  must(
    state,
    config,
    { type: 'issue', serviceId: 'vezne', priority: null, lang: 'tr', code: 'b' },
    at(0),
  );
  must(state, config, { type: 'open', counterId: 'c1', clerkId: 'k' }, at(1));
  return state;
}

describe('calling a number as a clerk types it', () => {
  it.each([['İ001'], ['i001'], ['I001'], [' i001 '], ['ı001'.replace('ı', 'I')]])(
    'when the clerk types %j for İ001, then İ001 is called',
    (typed) => {
      const state = hallWithTickets();
      const r = run(
        state,
        config,
        { type: 'call', number: typed, counterId: 'c1', clerkId: 'k' },
        at(2),
      );
      expect(r.ok && r.events[0]!.type).toBe('ticket:called');
      expect(
        state.tickets.get([...state.ticketIdByNumber.entries()].find(([n]) => n === 'İ001')![1])!
          .status,
      ).toBe('called');
    },
  );

  it.each([['v001'], ['V001']])('when the clerk types %j, then V001 is called', (typed) => {
    const state = hallWithTickets();
    const r = run(
      state,
      config,
      { type: 'call', number: typed, counterId: 'c1', clerkId: 'k' },
      at(2),
    );
    expect(r.ok).toBe(true);
  });

  it('when the clerk types a number nobody has, then ticket-not-found', () => {
    const state = hallWithTickets();
    const r = run(
      state,
      config,
      { type: 'call', number: 'I009', counterId: 'c1', clerkId: 'k' },
      at(2),
    );
    expect(!r.ok && r.error.code).toBe('ticket-not-found');
  });
});
