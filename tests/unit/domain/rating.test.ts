import { describe, expect, it } from 'vitest';
import { at, errorCode, makeConfig, must, newDay, run, VEZNE } from './fixtures.js';

const config = makeConfig();
const by = { counterId: 'c1', clerkId: 'k1' };

function finishedVisit() {
  const state = newDay();
  must(
    state,
    config,
    { type: 'issue', serviceId: VEZNE, priority: null, lang: 'tr', code: 'x' },
    at(0),
  );
  const id = [...state.tickets.keys()][0]!;
  must(state, config, { type: 'open', ...by }, at(1));
  must(state, config, { type: 'call-next', ...by }, at(2));
  return { state, id };
}

describe('the visitor rates their visit', () => {
  it('when the visit is not finished, then rating is refused', () => {
    const { state, id } = finishedVisit();
    expect(
      errorCode(run(state, config, { type: 'rate', ticketId: id, rating: 5, note: null }, at(3))),
    ).toBe('invalid-transition');
  });

  it('when the visit is done, then one rating is kept with its comment and a second is refused', () => {
    const { state, id } = finishedVisit();
    must(state, config, { type: 'start', ...by }, at(3));
    must(state, config, { type: 'complete', outcome: 'resolved', note: null, ...by }, at(6));
    const events = must(
      state,
      config,
      { type: 'rate', ticketId: id, rating: 4, note: 'iyi' },
      at(7),
    );
    expect(events[0]).toMatchObject({ type: 'ticket:rated', rating: 4, note: 'iyi' });
    expect(state.tickets.get(id)!.rating).toBe(4);
    expect(
      errorCode(run(state, config, { type: 'rate', ticketId: id, rating: 1, note: null }, at(8))),
    ).toBe('invalid-transition');
  });

  it.each([0, 6, 2.5])('when the rating is %s, then it is refused as invalid', (rating) => {
    const { state, id } = finishedVisit();
    must(state, config, { type: 'start', ...by }, at(3));
    must(state, config, { type: 'complete', outcome: 'resolved', note: null, ...by }, at(6));
    expect(
      errorCode(run(state, config, { type: 'rate', ticketId: id, rating, note: null }, at(7))),
    ).toBe('validation');
  });
});
