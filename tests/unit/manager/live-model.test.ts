import { describe, expect, it } from 'vitest';
import { applyDelta, modelFromSnapshot } from '../../../manager/src/state/live-model.js';
import { counter, delta, snapshot, T0, ticket } from './fixtures.js';

describe('modelFromSnapshot', () => {
  it('when a snapshot arrives, then counters are in number order, only open tickets are kept, and the clock offset is measured', () => {
    const model = modelFromSnapshot(
      snapshot({
        tickets: [
          ticket('V001', { status: 'serving' }),
          ticket('V002', { status: 'done' }),
          ticket('V003'),
        ],
      }),
      T0 - 2_000,
    );
    expect(model.counters.map((c) => c.id)).toEqual(['banko-1', 'banko-2']);
    expect([...model.tickets.keys()]).toEqual(['t-V001', 't-V003']);
    expect(model.clockOffsetMs).toBe(2_000);
    expect(model.rev).toBe(10);
  });
});

describe('applyDelta', () => {
  const base = () => modelFromSnapshot(snapshot({ tickets: [ticket('V001')] }), T0);

  it('when the delta is the next revision, then its counter, ticket and queues are applied', () => {
    const called = ticket('V001', { status: 'called', counterId: 'banko-1' });
    const open = counter(1, { status: 'open', currentTicketId: called.id });
    const model = applyDelta(base(), delta(11, { ticket: called, counter: open }));
    expect(model.rev).toBe(11);
    expect(model.tickets.get(called.id)?.status).toBe('called');
    expect(model.counters.find((c) => c.id === 'banko-1')?.status).toBe('open');
  });

  it('when a ticket finishes, then it leaves the model', () => {
    const model = applyDelta(base(), delta(11, { ticket: ticket('V001', { status: 'done' }) }));
    expect(model.tickets.has('t-V001')).toBe(false);
  });

  it('when a delta names a counter the model does not have, then it is added in number order', () => {
    const model = applyDelta(base(), delta(11, { counter: counter(0, { id: 'banko-0' }) }));
    expect(model.counters.map((c) => c.id)).toEqual(['banko-0', 'banko-1', 'banko-2']);
  });
});
