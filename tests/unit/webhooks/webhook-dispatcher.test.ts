import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookLogEntry } from '../../../contract/webhooks.js';
import type { WebhookRecord } from '../../../server/src/config/config-data.js';
import type {
  ConfigStore,
  WebhookCursor,
  WebhookDeliveryState,
  WebhookStore,
} from '../../../server/src/store/store.js';
import type { OutboxSource, OutboxStep } from '../../../server/src/webhooks/outbox-source.js';
import { WebhookDispatcher } from '../../../server/src/webhooks/webhook-dispatcher.js';
import type { WebhookSender } from '../../../server/src/webhooks/webhook-sender.js';

const DAY = '2026-12-07';

/**
 * A dispatcher over fakes: three journal events, a receiver that takes `slowMs` per delivery
 * and counts how many deliveries to the endpoint are in flight at once.
 */
function harness(slowMs: number) {
  let record: WebhookRecord = {
    id: 'e1',
    hallId: 'h',
    url: 'http://receiver.test/',
    secret: 's'.repeat(32),
    events: ['ticket.issued'],
    active: true,
    createdAt: 0,
    personalData: false,
  } as WebhookRecord;
  const states = new Map<string, WebhookDeliveryState>();
  const writes: number[] = [];
  let held = true;
  let acquire = async () => held;
  const store = {
    lease: {
      get held() {
        return held;
      },
      acquire: () => acquire(),
      release: async () => undefined,
    },
    readState: async (id: string) => structuredClone(states.get(id)),
    writeState: async (s: WebhookDeliveryState) => {
      writes.push(s.cursor.rev);
      states.set(s.endpointId, structuredClone(s));
    },
    forget: async () => undefined,
  } as unknown as WebhookStore;
  const config = { read: () => ({ webhooks: [record] }) } as unknown as ConfigStore;
  const events = [1, 2, 3].map((rev) => ({
    type: 'ticket:issued',
    hallId: 'h',
    rev,
    at: rev,
    ticketId: `t${rev}`,
  }));
  const source = {
    onAppend: () => () => undefined,
    next: async (_hall: string, c: WebhookCursor): Promise<OutboxStep | null> => {
      const event = events.find((e) => e.rev > c.rev);
      if (!event) return null;
      return {
        source: { stream: 'journal', day: DAY, event },
        after: { ...c, day: DAY, rev: event.rev },
      } as OutboxStep;
    },
    journalBefore: () => [],
    booking: () => undefined,
  } as unknown as OutboxSource;
  let inFlight = 0;
  let maxInFlight = 0;
  const sent: string[] = [];
  const sender = {
    bodyOf: (_w: WebhookRecord, s: { event: { rev: number } }) =>
      ({ id: `h.${DAY}.${s.event.rev}`, type: 'ticket.issued' }) as WebhookDelivery,
    send: async (_w: WebhookRecord, body: WebhookDelivery): Promise<WebhookLogEntry> => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      sent.push(body.id);
      await sleep(slowMs);
      inFlight -= 1;
      return { ok: true, at: Date.now(), eventId: body.id } as WebhookLogEntry;
    },
  } as unknown as WebhookSender;
  const dispatcher = new WebhookDispatcher({
    store,
    config,
    source,
    sender,
    now: Date.now,
    log: () => undefined,
    dayOf: () => DAY,
    backoffMs: () => 10,
    leaseEveryMs: 20,
    pollMs: 10,
  });
  return {
    dispatcher,
    sent,
    writes,
    states,
    maxInFlight: () => maxInFlight,
    setRecord: (change: Partial<WebhookRecord>) => {
      record = { ...record, ...change };
    },
    setHeld: (value: boolean) => {
      held = value;
    },
    setAcquire: (fn: () => Promise<boolean>) => {
      acquire = fn;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let running: WebhookDispatcher | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('the webhook dispatcher', () => {
  it('when an endpoint is switched off and on during a delivery, then one worker delivers each event once', async () => {
    const h = harness(300);
    running = h.dispatcher;
    h.dispatcher.start();
    await sleep(100); // event 1 is being delivered
    h.setRecord({ active: false });
    await sleep(30);
    h.setRecord({ active: true });
    await sleep(1_500);
    expect(h.sent).toEqual([`h.${DAY}.1`, `h.${DAY}.2`, `h.${DAY}.3`]);
    expect(h.maxInFlight()).toBe(1);
    // The cursor never moved back.
    expect(h.writes).toEqual([...h.writes].sort((a, b) => a - b));
  });

  it('when the lease is lost during a delivery and taken again, then the old worker writes nothing over what was written meanwhile', async () => {
    const h = harness(300);
    running = h.dispatcher;
    h.dispatcher.start();
    await sleep(100); // event 1 is being delivered
    h.setHeld(false);
    await sleep(60);
    // Meanwhile another server delivered up to event 2 and wrote its cursor.
    h.states.set('e1', {
      endpointId: 'e1',
      cursor: { day: DAY, rev: 2, bookingRev: 0 },
      attempts: 0,
      failingSince: null,
      nextAttemptAt: null,
      lastSuccessAt: 2,
      lastError: null,
    });
    h.setHeld(true);
    await sleep(1_000);
    expect(h.states.get('e1')?.cursor.rev).toBe(3);
    // Only the event after the other server's cursor was sent again here.
    expect(h.sent).toEqual([`h.${DAY}.1`, `h.${DAY}.3`]);
    expect(h.maxInFlight()).toBe(1);
  });

  it('when a worker starts while its stored back-off runs, then it waits for it, and "retry now" still tries at once', async () => {
    const h = harness(10);
    running = h.dispatcher;
    h.states.set('e1', {
      endpointId: 'e1',
      cursor: { day: DAY, rev: 0, bookingRev: 0 },
      attempts: 3,
      failingSince: Date.now() - 70_000,
      nextAttemptAt: Date.now() + 60_000,
      lastSuccessAt: null,
      lastError: 'HTTP 500',
    });
    h.dispatcher.start(); // a restart, a takeover, or switched on again
    await sleep(300);
    expect(h.sent).toEqual([]);
    h.setRecord({ retryRequestedAt: 1 });
    await sleep(300);
    expect(h.sent).toEqual([`h.${DAY}.1`, `h.${DAY}.2`, `h.${DAY}.3`]);
  });

  it('when the database does not answer the lease check, then stopping still ends the workers and returns at once', async () => {
    const h = harness(10);
    h.dispatcher.start();
    await sleep(100);
    expect(h.sent).toHaveLength(3);
    h.setAcquire(() => new Promise<boolean>(() => undefined)); // hangs, as on a lost network
    await sleep(50); // a lease check is under way
    const started = Date.now();
    await h.dispatcher.stop();
    expect(Date.now() - started).toBeLessThan(500);
  });
});
