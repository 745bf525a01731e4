import { describe, expect, it } from 'vitest';
import { applyDelta, modelFromSnapshot } from '../../../counter/src/state/model.js';
import { restorableNoShows } from '../../../counter/src/state/no-shows.js';
import { delta, ME, snapshot, T0, ticket } from './fixtures.js';

const MINUTE = 60_000;

/** A visitor that counter `counterId` marked absent at `markedAt`. */
function absent(number: string, markedAt: number, counterId = 'banko-1') {
  return ticket(number, { status: 'no-show', counterId, clerkId: ME, endedAt: markedAt });
}

describe('restorableNoShows', () => {
  // The fixture hall gives 5 minutes of grace.
  const now = T0 + 10 * MINUTE;

  it('when this counter marked visitors absent, then those within the grace window are listed, the most recent first', () => {
    const model = modelFromSnapshot(
      snapshot({
        tickets: [
          absent('V001', now - 5 * MINUTE),
          absent('V002', now - 1 * MINUTE),
          absent('V003', now - 5 * MINUTE - 1),
        ],
      }),
      ME,
      T0,
    );

    const list = restorableNoShows(model, 'banko-1', now);

    expect(list.map((x) => x.ticket.number)).toEqual(['V002', 'V001']);
    expect(list[0]).toMatchObject({ markedAt: now - MINUTE, until: now + 4 * MINUTE });
  });

  it('when another counter marked a visitor absent, or a ticket is not a no-show, then it is not listed', () => {
    const model = modelFromSnapshot(
      snapshot({
        tickets: [
          absent('V001', now, 'banko-2'),
          ticket('V002', { status: 'waiting', counterId: 'banko-1' }),
          ticket('V003', { status: 'done', counterId: 'banko-1', endedAt: now }),
        ],
      }),
      ME,
      T0,
    );

    expect(restorableNoShows(model, 'banko-1', now)).toEqual([]);
  });

  it('when a no-show arrives as a delta and is then restored, then it is listed, then no longer', () => {
    const model = modelFromSnapshot(snapshot({ rev: 10 }), ME, T0);
    const marked = applyDelta(
      model,
      delta(11, { type: 'ticket:no-show' }, { ticket: absent('V001', now) }),
      ME,
    );
    expect(restorableNoShows(marked, 'banko-1', now).map((x) => x.ticket.number)).toEqual(['V001']);

    const restored = applyDelta(
      marked,
      delta(
        12,
        { type: 'ticket:restored' },
        { ticket: ticket('V001', { status: 'waiting', front: true, counterId: 'banko-1' }) },
      ),
      ME,
    );
    expect(restorableNoShows(restored, 'banko-1', now)).toEqual([]);
  });
});
