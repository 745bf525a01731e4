// A process that writes the booking ledger of the data folder as fast as it can, for the crash
// test: it prints `ack=<rev>` once an append resolved (durable) and `erased=<bookingId>` once
// an erasure did. The test kills it with SIGKILL at a random moment.
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import { bookingCancelled, bookingMade } from '../integration/store-fixtures.js';

const HALL = 'cankaya';
const store = await openEmbeddedStore(process.env.DATA_DIR!, {
  log: (m) => console.error(m),
  initialConfig: defaultConfig,
});
let rev = (await store.bookings.read(HALL)).at(-1)?.rev ?? 0;
console.log('ready');
for (;;) {
  const made = `b-${rev + 1}`;
  const batch =
    rev % 3 === 0
      ? [bookingMade(rev + 1, made, HALL), bookingCancelled(rev + 2, made, HALL)]
      : [bookingMade(rev + 1, made, HALL)];
  await store.bookings.append(HALL, batch);
  rev = batch.at(-1)!.rev;
  console.log(`ack=${rev}`);
  if (rev % 10 < batch.length) {
    await store.bookings.erase(HALL, [made]);
    console.log(`erased=${made}`);
  }
}
