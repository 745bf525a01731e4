import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevEvent } from '../../contract/events.js';
import { decodeRecords, encodeRecords } from '../../server/src/stats/record-columns.js';
import type { Store } from '../../server/src/store/store.js';
import { describeBookingLedgerContract } from './booking-ledger-contract.js';
import {
  completedWithNote,
  type StoreUnderTest,
  issued,
  makeColumnSummary,
  makeSession,
  makeSummary,
} from './store-fixtures.js';

export type { StoreUnderTest } from './store-fixtures.js';

const DAY = '2025-03-14';
const HOUR = 3600_000;
/** Out of order, across months and a year end, so a listing in storage order shows. */
const shuffledDays = [
  '2025-03-15',
  '2024-12-31',
  '2025-03-02',
  '2025-01-10',
  '2025-03-09',
  '2025-01-01',
  '2025-02-28',
  '2025-03-14',
  '2025-10-01',
  '2025-01-09',
];

/**
 * The behaviour every Store implementation must have, tested only through the Store
 * interface. `makeStore` gives a fresh, empty store for each test.
 */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: store contract`, () => {
    let subject: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    describe('config', () => {
      it('when config is updated, then read returns the change', async () => {
        const result = await store.config.update((draft) => {
          draft.halls[0]!.name = 'Çankaya Hizmet Salonu';
        });

        expect(result.halls[0]!.name).toBe('Çankaya Hizmet Salonu');
        expect(store.config.read()).toEqual(result);
      });

      it('when the store is reopened after an update, then the update is still there', async () => {
        await store.config.update((draft) => {
          draft.audit.push({ at: 1, userId: 'usr-1', action: 'hall:rename', detail: 'ı İ ş Ş' });
        });

        const reopened = await subject.reopen();

        expect(reopened.config.read().audit).toEqual([
          { at: 1, userId: 'usr-1', action: 'hall:rename', detail: 'ı İ ş Ş' },
        ]);
      });

      it('when mutate throws, then update rejects and the config stays as it was', async () => {
        const before = structuredClone(store.config.read());

        const update = store.config.update((draft) => {
          draft.halls = [];
          throw new Error('invalid change');
        });

        await expect(update).rejects.toThrow('invalid change');
        expect(store.config.read()).toEqual(before);
        expect((await subject.reopen()).config.read()).toEqual(before);
      });

      it('when an update is under way, then read still returns the previous config', async () => {
        const before = store.config.read();
        const originalName = before.halls[0]!.name;

        const update = store.config.update((draft) => {
          draft.halls[0]!.name = 'Yeni Ad';
        });
        const duringUpdate = store.config.read().halls[0]!.name;
        await update;

        expect(duringUpdate).toBe(originalName);
        expect(before.halls[0]!.name).toBe(originalName);
        expect(store.config.read().halls[0]!.name).toBe('Yeni Ad');
      });

      it('when many updates are issued at once, then each applies in order to the previous result', async () => {
        const updates = Array.from({ length: 20 }, (_, i) =>
          store.config.update((draft) => {
            draft.audit.push({ at: i, userId: 'usr-1', action: 'step', detail: String(i) });
          }),
        );
        const failing = store.config.update(() => {
          throw new Error('rejected step');
        });

        await Promise.all(updates);
        await expect(failing).rejects.toThrow('rejected step');

        const expected = Array.from({ length: 20 }, (_, i) => String(i));
        expect(store.config.read().audit.map((a) => a.detail)).toEqual(expected);
        expect((await subject.reopen()).config.read().audit.map((a) => a.detail)).toEqual(expected);
      });
    });

    describe('sessions', () => {
      const later = Date.now() + 8 * HOUR;

      it('when a session is put, then get returns it, and an unknown one is undefined', async () => {
        await store.sessions.put(makeSession('hash-1', 'usr-1', later));

        expect(store.sessions.get('hash-1')).toEqual(makeSession('hash-1', 'usr-1', later));
        expect(store.sessions.get('hash-unknown')).toBeUndefined();
      });

      it('when a session is put again with the same id, then the new record replaces the old', async () => {
        await store.sessions.put(makeSession('hash-1', 'usr-1', later));
        await store.sessions.put(makeSession('hash-1', 'usr-1', later + HOUR));

        expect(store.sessions.get('hash-1')?.expiresAt).toBe(later + HOUR);
      });

      it('when a session is deleted, then get no longer returns it and others stay', async () => {
        await store.sessions.put(makeSession('hash-1', 'usr-1', later));
        await store.sessions.put(makeSession('hash-2', 'usr-1', later));

        await store.sessions.delete('hash-1');

        expect(store.sessions.get('hash-1')).toBeUndefined();
        expect(store.sessions.get('hash-2')).toBeDefined();
      });

      it("when a user's sessions are deleted, then only that user's sessions are gone", async () => {
        await Promise.all([
          store.sessions.put(makeSession('hash-1', 'usr-1', later)),
          store.sessions.put(makeSession('hash-2', 'usr-1', later)),
          store.sessions.put(makeSession('hash-3', 'usr-2', later)),
        ]);

        await store.sessions.deleteForUser('usr-1');

        expect(store.sessions.get('hash-1')).toBeUndefined();
        expect(store.sessions.get('hash-2')).toBeUndefined();
        expect(store.sessions.get('hash-3')).toBeDefined();
      });

      it("when a user's sessions are deleted but one, then that one stays, unchanged, and after reopening too", async () => {
        await Promise.all([
          store.sessions.put(makeSession('hash-1', 'usr-1', later)),
          store.sessions.put(makeSession('hash-2', 'usr-1', later)),
          store.sessions.put(makeSession('hash-3', 'usr-2', later)),
        ]);

        await store.sessions.deleteForUser('usr-1', 'hash-2');

        expect(store.sessions.get('hash-1')).toBeUndefined();
        expect(store.sessions.get('hash-2')).toEqual(makeSession('hash-2', 'usr-1', later));
        expect(store.sessions.get('hash-3')).toBeDefined();
        const reopened = await subject.reopen();
        expect(reopened.sessions.get('hash-1')).toBeUndefined();
        expect(reopened.sessions.get('hash-2')).toEqual(makeSession('hash-2', 'usr-1', later));
      });

      it("when a user's sessions are deleted but another user's session, then that user's sessions all go", async () => {
        await store.sessions.put(makeSession('hash-1', 'usr-1', later));
        await store.sessions.put(makeSession('hash-3', 'usr-2', later));

        await store.sessions.deleteForUser('usr-1', 'hash-3');

        expect(store.sessions.get('hash-1')).toBeUndefined();
        expect(store.sessions.get('hash-3')).toBeDefined();
      });

      it('when the store is reopened, then put and deleted sessions are as they were left', async () => {
        await store.sessions.put(makeSession('hash-1', 'usr-1', later));
        await store.sessions.put(makeSession('hash-2', 'usr-2', later));
        await store.sessions.delete('hash-2');

        const reopened = await subject.reopen();

        expect(reopened.sessions.get('hash-1')).toEqual(makeSession('hash-1', 'usr-1', later));
        expect(reopened.sessions.get('hash-2')).toBeUndefined();
      });

      it('when a session has expired, then get does not return it, before or after reopening', async () => {
        await store.sessions.put(makeSession('hash-old', 'usr-1', Date.now() - 1000));

        expect(store.sessions.get('hash-old')).toBeUndefined();
        expect((await subject.reopen()).sessions.get('hash-old')).toBeUndefined();
      });
    });

    describe('journal', () => {
      it('when a forwarded visit names its directorate and one from before directorates does not, then both read back as written, also after reopening', async () => {
        const forwarded = { ...completedWithNote(2), directorateId: 'fen-isleri' };
        const older = completedWithNote(3);
        await store.journal.append('hall-a', DAY, [issued(1), forwarded, older]);

        const expected = { events: [issued(1), forwarded, older], tornTail: false };
        expect(await store.journal.read('hall-a', DAY)).toEqual(expected);
        expect('directorateId' in (await store.journal.read('hall-a', DAY)).events[2]!).toBe(false);
        const reopened = await subject.reopen();
        expect(await reopened.journal.read('hall-a', DAY)).toEqual(expected);
      });

      it('when a closed day is erased, then blankPhones blanks the SMS numbers only, counts them, and it lasts', async () => {
        const asked: RevEvent = {
          hallId: 'hall-a',
          at: issued(1).at + 1000,
          rev: 2,
          type: 'ticket:sms-requested',
          ticketId: 't-1',
          phone: '05321234567',
          ahead: 3,
        };
        const near: RevEvent = {
          hallId: 'hall-a',
          at: issued(1).at + 2000,
          rev: 3,
          type: 'ticket:turn-near',
          ticketId: 't-1',
          ahead: 2,
        };
        await store.journal.append('hall-a', DAY, [issued(1), asked, near]);
        await store.journal.append('hall-b', DAY, [
          issued(1, 'hall-b'),
          { ...asked, hallId: 'hall-b' },
        ]);
        // A day is erased once closed: here, by a store opened after it was written.
        const closed = await subject.reopen();

        expect(await closed.journal.blankPhones!('hall-a', DAY)).toBe(1);
        const expected = { events: [issued(1), { ...asked, phone: '' }, near], tornTail: false };
        expect(await closed.journal.read('hall-a', DAY)).toEqual(expected);
        expect(await closed.journal.blankPhones!('hall-a', DAY)).toBe(0);
        expect((await closed.journal.read('hall-b', DAY)).events[1]).toMatchObject({
          phone: '05321234567',
        });
        expect(await (await subject.reopen()).journal.read('hall-a', DAY)).toEqual(expected);
      });

      it('when a round of sampled estimates is journalled, then it reads back as written, also after reopening', async () => {
        const sampled: RevEvent = {
          hallId: 'hall-a',
          at: issued(1).at + 300_000,
          rev: 2,
          type: 'estimates:sampled',
          estimates: {
            'hall-a-1': { kind: 'range', minutes: 9, min: 7, max: 12 },
            'hall-a-2': { kind: 'no-open-counter' },
          },
        };
        await store.journal.append('hall-a', DAY, [issued(1), sampled]);

        const expected = { events: [issued(1), sampled], tornTail: false };
        expect(await store.journal.read('hall-a', DAY)).toEqual(expected);
        const reopened = await subject.reopen();
        expect(await reopened.journal.read('hall-a', DAY)).toEqual(expected);
      });

      it('when the directorate list is changed, then it is kept, retired ones too, also after reopening', async () => {
        const list = [
          {
            id: 'zabita',
            hallId: 'hall-a',
            name: { tr: 'Zabıta', en: 'Municipal Police' },
            active: false,
          },
          { id: 'afet', hallId: 'hall-a', name: { tr: 'Afet İşleri' }, active: true },
        ];
        await store.config.update((draft) => {
          draft.directorates = list;
        });

        const reopened = await subject.reopen();

        expect(reopened.config.read().directorates).toEqual(list);
      });

      it('when a hall-day has no journal, then read gives no events and no torn tail', async () => {
        expect(await store.journal.read('hall-a', DAY)).toEqual({ events: [], tornTail: false });
      });

      it('when events are appended, then read returns them in order, text intact', async () => {
        await store.journal.append('hall-a', DAY, [issued(1), issued(2)]);
        await store.journal.append('hall-a', DAY, [completedWithNote(3)]);

        const read = await store.journal.read('hall-a', DAY);

        expect(read).toEqual({
          events: [issued(1), issued(2), completedWithNote(3)],
          tornTail: false,
        });
      });

      it('when many appends run concurrently, then all are stored in the order they were called', async () => {
        const expected = Array.from({ length: 300 }, (_, i) => issued(i + 1));

        await Promise.all(expected.map((event) => store.journal.append('hall-a', DAY, [event])));

        expect((await store.journal.read('hall-a', DAY)).events).toEqual(expected);
        const reopened = await subject.reopen();
        expect(await reopened.journal.read('hall-a', DAY)).toEqual({
          events: expected,
          tornTail: false,
        });
      });

      it('when appends are spread over several turns of the event loop, then all are stored in order', async () => {
        const pending: Promise<void>[] = [];
        for (let rev = 1; rev <= 30; rev++) {
          pending.push(store.journal.append('hall-a', DAY, [issued(rev)]));
          if (rev % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(pending);

        const revs = (await store.journal.read('hall-a', DAY)).events.map((e) => e.rev);
        expect(revs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      });

      it('when the store is reopened, then read returns the same events', async () => {
        await store.journal.append('hall-a', DAY, [issued(1)]);
        await store.journal.append('hall-a', DAY, [issued(2), completedWithNote(3)]);

        const reopened = await subject.reopen();

        expect(await reopened.journal.read('hall-a', DAY)).toEqual({
          events: [issued(1), issued(2), completedWithNote(3)],
          tornTail: false,
        });
      });

      it('when the store is reopened, then appends continue after the existing events', async () => {
        await store.journal.append('hall-a', DAY, [issued(1)]);
        const reopened = await subject.reopen();

        await reopened.journal.append('hall-a', DAY, [issued(2)]);

        expect((await reopened.journal.read('hall-a', DAY)).events).toEqual([issued(1), issued(2)]);
      });

      it('when halls and days differ, then each hall-day keeps its own events', async () => {
        await Promise.all([
          store.journal.append('hall-a', '2025-03-14', [issued(1, 'hall-a')]),
          store.journal.append('hall-b', '2025-03-14', [issued(1, 'hall-b')]),
          store.journal.append('hall-a', '2025-03-15', [issued(2, 'hall-a')]),
        ]);

        expect((await store.journal.read('hall-a', '2025-03-14')).events).toEqual([issued(1)]);
        expect((await store.journal.read('hall-b', '2025-03-14')).events).toEqual([
          issued(1, 'hall-b'),
        ]);
        expect((await store.journal.read('hall-a', '2025-03-15')).events).toEqual([issued(2)]);
      });

      it('when a hall wrote on several days, then days lists them ascending, per hall', async () => {
        for (const day of shuffledDays) await store.journal.append('hall-a', day, [issued(1)]);
        await store.journal.append('hall-b', '2025-01-01', [issued(1, 'hall-b')]);

        expect(await store.journal.days('hall-a')).toEqual([...shuffledDays].sort());
        expect(await store.journal.days('hall-b')).toEqual(['2025-01-01']);
        expect(await store.journal.days('hall-c')).toEqual([]);
      });

      it('when a day has passed, then a late append to it still works beside the new day', async () => {
        await store.journal.append('hall-a', '2025-03-14', [issued(1)]);
        await store.journal.append('hall-a', '2025-03-15', [issued(1)]);

        await store.journal.append('hall-a', '2025-03-14', [issued(2)]);
        await store.journal.append('hall-a', '2025-03-15', [issued(2)]);

        expect((await store.journal.read('hall-a', '2025-03-14')).events).toEqual([
          issued(1),
          issued(2),
        ]);
        expect((await store.journal.read('hall-a', '2025-03-15')).events).toEqual([
          issued(1),
          issued(2),
        ]);
      });
    });

    describeBookingLedgerContract(() => subject);

    describe('day summaries', () => {
      it('when no summary was written, then read is undefined and days is empty', async () => {
        expect(await store.summaries.read('hall-a', DAY)).toBeUndefined();
        expect(await store.summaries.days('hall-a')).toEqual([]);
      });

      it('when a summary is written, then read returns it, also after reopening', async () => {
        await store.summaries.write(makeSummary('hall-a', DAY, 42));

        expect(await store.summaries.read('hall-a', DAY)).toEqual(makeSummary('hall-a', DAY, 42));
        const reopened = await subject.reopen();
        expect(await reopened.summaries.read('hall-a', DAY)).toEqual(
          makeSummary('hall-a', DAY, 42),
        );
      });

      it('when a summary by column (version 3) is written, then read returns it whole and readStats without its detail, also after reopening', async () => {
        const summary = makeColumnSummary('hall-a', DAY, 42);
        const { detail: _detail, ...statsPart } = summary.records;
        await store.summaries.write(summary);

        expect(await store.summaries.read('hall-a', DAY)).toEqual(summary);
        expect(await store.summaries.readStats('hall-a', DAY)).toEqual({
          ...summary,
          records: statsPart,
        });
        const reopened = await subject.reopen();
        expect(await reopened.summaries.read('hall-a', DAY)).toEqual(summary);
      });

      it('when a summary by column holds estimate samples, then read and readStats keep them', async () => {
        const base = makeColumnSummary('hall-a', DAY, 42);
        const records = decodeRecords(base.records);
        records[0]!.samples = [
          { at: records[0]!.issuedAt + 300_000, minutes: 8, leftMs: 420_000 },
          { at: records[0]!.issuedAt + 600_000, minutes: 3, leftMs: null },
        ];
        const summary = { ...base, records: encodeRecords(records) };
        await store.summaries.write(summary);

        const read = await store.summaries.read('hall-a', DAY);
        expect(read?.version === 3 && decodeRecords(read.records)).toEqual(records);
        const stats = await store.summaries.readStats('hall-a', DAY);
        expect(stats?.version === 3 && stats.records.stats.samples).toEqual(
          summary.records.stats.samples,
        );
        expect(summary.records.stats.samples?.at).toHaveLength(2);
      });

      it('when an older summary (version 1) is read for stats, then it comes whole', async () => {
        await store.summaries.write(makeSummary('hall-a', DAY, 42));

        expect(await store.summaries.readStats('hall-a', DAY)).toEqual(
          makeSummary('hall-a', DAY, 42),
        );
        expect(await store.summaries.readStats('hall-a', '2025-03-15')).toBeUndefined();
      });

      it('when a summary is written again, then the new one replaces the old', async () => {
        await store.summaries.write(makeSummary('hall-a', DAY, 42));
        await store.summaries.write(makeSummary('hall-a', DAY, 57));

        expect((await store.summaries.read('hall-a', DAY))?.lastRev).toBe(57);
        expect(await store.summaries.days('hall-a')).toEqual([DAY]);
      });

      it('when summaries exist for several days and halls, then days lists them ascending, per hall', async () => {
        for (const day of shuffledDays) await store.summaries.write(makeSummary('hall-a', day, 1));
        await store.summaries.write(makeSummary('hall-b', '2025-03-01', 1));

        expect(await store.summaries.days('hall-a')).toEqual([...shuffledDays].sort());
        expect(await store.summaries.days('hall-b')).toEqual(['2025-03-01']);
      });

      it('when a journal exists for a day, then it does not count as a summary, nor the reverse', async () => {
        await store.journal.append('hall-a', '2025-03-14', [issued(1)]);
        await store.summaries.write(makeSummary('hall-a', '2025-03-13', 1));

        expect(await store.summaries.days('hall-a')).toEqual(['2025-03-13']);
        expect(await store.journal.days('hall-a')).toEqual(['2025-03-14']);
      });
    });
  });
}
