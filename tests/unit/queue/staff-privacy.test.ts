import { describe, expect, it } from 'vitest';
import type { RevEvent } from '../../../contract/events.js';
import { staffEvent } from '../../../server/src/queue/staff-privacy.js';

const CLERK = { userId: 'u-clerk', allNotes: false };

describe('what staff screens are sent of an event', () => {
  it("when the phone pages' estimates are sampled, then staff get the event without the map of every waiting ticket", () => {
    const sampled: RevEvent = {
      rev: 12,
      hallId: 'cankaya',
      at: 1_000,
      type: 'estimates:sampled',
      estimates: {
        t1: { kind: 'minutes', minutes: 8 },
        t2: { kind: 'minutes', minutes: 12 },
      },
    };

    expect(staffEvent(sampled, CLERK, null)).toEqual({ ...sampled, estimates: {} });
  });
});
