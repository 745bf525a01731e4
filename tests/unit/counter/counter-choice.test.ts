import { describe, expect, it } from 'vitest';
import { counterChoices, heldCounter } from '../../../counter/src/state/counter-choice.js';
import { counter, ME, OTHER } from './fixtures.js';

describe('counterChoices', () => {
  it('when counters are closed, held by another, or held by me, then they are free, taken and mine', () => {
    const counters = [
      counter(3, { status: 'open', clerkId: ME, clerkName: 'Ben' }),
      counter(1),
      counter(2, {
        status: 'paused',
        clerkId: OTHER,
        clerkName: 'Ayşe Yılmaz',
        pauseReason: 'break',
      }),
    ];

    const choices = counterChoices(counters, ME);

    expect(choices.map((c) => [c.number, c.state, c.clerkName])).toEqual([
      [1, 'free', null],
      [2, 'taken', 'Ayşe Yılmaz'],
      [3, 'mine', null],
    ]);
  });

  it('when a counter lists its services, then the choice carries their ids', () => {
    const c = counter(1, {
      services: [
        { serviceId: 'vezne', weight: 1 },
        { serviceId: 'dilekce', weight: 2 },
      ],
    });

    expect(counterChoices([c], ME)[0]?.serviceIds).toEqual(['vezne', 'dilekce']);
  });
});

describe('heldCounter', () => {
  it('when the clerk holds an open or paused counter, then that counter is theirs', () => {
    const mine = counter(2, { status: 'paused', clerkId: ME, pauseReason: 'system' });

    expect(heldCounter([counter(1), mine], ME)?.id).toBe('banko-2');
  });

  it('when the clerk holds none, then there is none', () => {
    const others = [counter(1), counter(2, { status: 'open', clerkId: OTHER })];

    expect(heldCounter(others, ME)).toBeNull();
  });
});
