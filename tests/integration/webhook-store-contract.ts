import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookLogEntry } from '../../contract/webhooks.js';
import { WEBHOOK_LIMITS } from '../../contract/webhooks.js';
import type { Store, WebhookDeliveryState } from '../../server/src/store/store.js';
import type { StoreUnderTest } from './store-fixtures.js';

const N = WEBHOOK_LIMITS.logEntries;

export function webhookState(
  endpointId: string,
  rev: number,
  extra: Partial<WebhookDeliveryState> = {},
): WebhookDeliveryState {
  return {
    endpointId,
    cursor: { day: '2026-12-05', rev, bookingRev: rev * 2 },
    attempts: 0,
    failingSince: null,
    nextAttemptAt: null,
    lastSuccessAt: 1_764_900_000_000 + rev,
    lastError: null,
    ...extra,
  };
}

export function logEntry(i: number, extra: Partial<WebhookLogEntry> = {}): WebhookLogEntry {
  return {
    eventId: `hall-a.2026-12-05.${i}`,
    type: 'ticket.issued',
    kind: 'event',
    attempt: 1,
    at: 1_764_900_000_000 + i,
    ok: true,
    httpStatus: 200,
    latencyMs: 12,
    error: null,
    ...extra,
  };
}

/** Ids no store may take: path tricks, capitals, spaces, too long, empty. */
export const BAD_ENDPOINT_IDS = ['../escape', 'a/b', '.hidden', 'Wh-1', 'a b', '', 'x'.repeat(65)];

/**
 * The webhook store's contract, through the Store interface only: every implementation runs it
 * (webhook-store-embedded.test.ts, tests/cluster/pg-webhook-store.test.ts). `makeStore` gives a
 * fresh, empty store for each test.
 */
export function describeWebhookStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: webhook store contract`, () => {
    let subject: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    it('when an endpoint has nothing stored, then it has no state and an empty log', async () => {
      expect(await store.webhooks.readState('wh-1')).toBeUndefined();
      expect(await store.webhooks.readLog('wh-1', 10)).toEqual([]);
    });

    it('when a state is written and written again, then the last one is read, also after reopening', async () => {
      await store.webhooks.writeState(webhookState('wh-1', 1));
      const failing = webhookState('wh-1', 7, {
        attempts: 3,
        failingSince: 1_764_900_001_000,
        nextAttemptAt: 1_764_900_041_000,
        lastError: 'HTTP 503 — alıcı meşgul (İzmir)',
      });
      await store.webhooks.writeState(failing);

      expect(await store.webhooks.readState('wh-1')).toEqual(failing);
      const reopened = await subject.reopen();
      expect(await reopened.webhooks.readState('wh-1')).toEqual(failing);
    });

    it('when two endpoints are written, then each keeps its own state and log', async () => {
      await store.webhooks.writeState(webhookState('wh-1', 1));
      await store.webhooks.writeState(webhookState('0b6c2c1e-6c1a-4f4e-9d7e-2f1a5c3b9e10', 2));
      await store.webhooks.appendLog('wh-1', logEntry(1));
      await store.webhooks.appendLog('wh-2', logEntry(2));

      expect((await store.webhooks.readState('wh-1'))!.cursor.rev).toBe(1);
      expect(
        (await store.webhooks.readState('0b6c2c1e-6c1a-4f4e-9d7e-2f1a5c3b9e10'))!.cursor.rev,
      ).toBe(2);
      expect(await store.webhooks.readLog('wh-1', 10)).toEqual([logEntry(1)]);
      expect(await store.webhooks.readLog('wh-2', 10)).toEqual([logEntry(2)]);
    });

    it('when tries are logged, then readLog gives the newest first, at most `limit`, text intact', async () => {
      const failed = logEntry(3, { ok: false, httpStatus: null, error: 'zaman aşımı — ĞÜŞİÖÇ' });
      for (const entry of [logEntry(1), logEntry(2), failed]) {
        await store.webhooks.appendLog('wh-1', entry);
      }

      expect(await store.webhooks.readLog('wh-1', 10)).toEqual([failed, logEntry(2), logEntry(1)]);
      expect(await store.webhooks.readLog('wh-1', 2)).toEqual([failed, logEntry(2)]);
      expect(await store.webhooks.readLog('wh-1', 0)).toEqual([]);
    });

    it('when more tries are logged than are kept, then only the last WEBHOOK_LIMITS.logEntries remain, also after reopening', async () => {
      const total = 2 * N + 31;
      for (let i = 1; i <= total; i++) await store.webhooks.appendLog('wh-1', logEntry(i));
      const expected = Array.from({ length: N }, (_, k) => logEntry(total - k));

      expect(await store.webhooks.readLog('wh-1', 10 * N)).toEqual(expected);
      const reopened = await subject.reopen();
      expect(await reopened.webhooks.readLog('wh-1', 10 * N)).toEqual(expected);
      await reopened.webhooks.appendLog('wh-1', logEntry(total + 1));
      const after = await reopened.webhooks.readLog('wh-1', 10 * N);
      expect(after).toHaveLength(N);
      expect(after[0]).toEqual(logEntry(total + 1));
    });

    it('when writes are called without waiting, then they are applied in the order they were called', async () => {
      const writes = Array.from({ length: 30 }, (_, i) => [
        store.webhooks.writeState(webhookState('wh-1', i + 1)),
        store.webhooks.appendLog('wh-1', logEntry(i + 1)),
      ]).flat();
      await Promise.all(writes);

      expect(await store.webhooks.readState('wh-1')).toEqual(webhookState('wh-1', 30));
      const log = await store.webhooks.readLog('wh-1', 100);
      expect(log.map((e) => e.at)).toEqual(
        Array.from({ length: 30 }, (_, i) => logEntry(30 - i).at),
      );
    });

    it('when an endpoint is forgotten, then its state and log are gone and the others stay', async () => {
      for (const id of ['wh-1', 'wh-2']) {
        await store.webhooks.writeState(webhookState(id, 4));
        await store.webhooks.appendLog(id, logEntry(4));
      }

      await store.webhooks.forget('wh-1');
      await store.webhooks.forget('never-stored');

      expect(await store.webhooks.readState('wh-1')).toBeUndefined();
      expect(await store.webhooks.readLog('wh-1', 10)).toEqual([]);
      expect(await store.webhooks.readState('wh-2')).toEqual(webhookState('wh-2', 4));
      const reopened = await subject.reopen();
      expect(await reopened.webhooks.readState('wh-1')).toBeUndefined();
      expect(await reopened.webhooks.readLog('wh-2', 10)).toEqual([logEntry(4)]);
    });

    it.each(BAD_ENDPOINT_IDS)(
      'when the endpoint id is %j, then every operation is refused and nothing is stored',
      async (bad) => {
        const w = store.webhooks;
        await expect(w.writeState(webhookState(bad, 1))).rejects.toThrow(/endpoint id/);
        await expect(w.readState(bad)).rejects.toThrow(/endpoint id/);
        await expect(w.appendLog(bad, logEntry(1))).rejects.toThrow(/endpoint id/);
        await expect(w.readLog(bad, 10)).rejects.toThrow(/endpoint id/);
        await expect(w.forget(bad)).rejects.toThrow(/endpoint id/);
      },
    );

    it('when a state is malformed, then writing it is refused, naming the field, and the stored one stays', async () => {
      await store.webhooks.writeState(webhookState('wh-1', 5));
      const bad: Array<[Partial<WebhookDeliveryState>, RegExp]> = [
        [{ cursor: { day: '2026-02-30', rev: 1, bookingRev: 0 } }, /cursor\.day/],
        [{ cursor: { day: '2026-12-05', rev: -1, bookingRev: 0 } }, /cursor\.rev/],
        [{ cursor: { day: '2026-12-05', rev: 1, bookingRev: 1.5 } }, /cursor\.bookingRev/],
        [{ attempts: Number.NaN }, /attempts/],
        [{ nextAttemptAt: Number.POSITIVE_INFINITY }, /nextAttemptAt/],
      ];

      for (const [change, message] of bad) {
        await expect(store.webhooks.writeState(webhookState('wh-1', 9, change))).rejects.toThrow(
          message,
        );
      }

      expect(await store.webhooks.readState('wh-1')).toEqual(webhookState('wh-1', 5));
    });

    it('when the lease is acquired, then it is held until released; a closed store never holds it', async () => {
      expect(await store.webhooks.lease.acquire()).toBe(true);
      expect(store.webhooks.lease.held).toBe(true);
      expect(await store.webhooks.lease.acquire()).toBe(true);

      await store.webhooks.lease.release();
      expect(store.webhooks.lease.held).toBe(false);
      expect(await store.webhooks.lease.acquire()).toBe(true);

      const lease = store.webhooks.lease;
      const reopened = await subject.reopen();
      expect(lease.held).toBe(false);
      expect(await lease.acquire()).toBe(false);
      expect(await reopened.webhooks.lease.acquire()).toBe(true);
    });
  });
}
