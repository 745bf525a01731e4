import { beforeEach, describe } from 'vitest';
import type { Store } from '../../server/src/store/store.js';
import { MemoryBookingLedger } from '../reliability/memory-booking-ledger.js';
import { describeBookingLedgerContract } from './booking-ledger-contract.js';
import type { StoreUnderTest } from './store-contract.js';

// The in-memory ledger of the scheduler tests keeps the contract of the real stores ("reopening"
// keeps the same memory, as a process that never stops would).
describe('memory booking ledger', () => {
  let subject: StoreUnderTest;
  beforeEach(() => {
    const store = { bookings: new MemoryBookingLedger() } as unknown as Store;
    subject = { store, reopen: () => Promise.resolve(store), cleanup: () => Promise.resolve() };
  });

  describeBookingLedgerContract(() => subject);
});
