import { expect, it } from 'vitest';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { QueueService } from '../../server/src/queue/queue-service.js';
import { MemoryJournal, memoryStore } from '../../tests/reliability/memory-store.js';

it.each(Array.from({ length: 25 }, (_, i) => i))('offset %i', async (offset) => {
  let fail: ((e: Error) => void) | null = null;
  let armed = false;
  const journal = new MemoryJournal(() => (armed ? new Promise((_r, rej) => { fail = rej; }) : Promise.resolve()));
  const svc = new QueueService({ store: memoryStore(defaultConfig(), journal), now: () => Date.UTC(2026,2,10,8), log: () => undefined, publicUrl: 'http://x', newTicketCode: () => Math.random().toString(36) });
  await svc.start();
  await svc.issue('cankaya', { serviceId: 'vezne', priority: null, lang: 'tr' });
  armed = true;
  const a = svc.issue('cankaya', { serviceId: 'vezne', priority: null, lang: 'tr' });
  while (!fail) await new Promise((r) => setImmediate(r));
  armed = false;
  fail!(new Error('ENOSPC'));
  for (let i = 0; i < offset; i++) await Promise.resolve();
  const b = svc.issue('cankaya', { serviceId: 'vezne', priority: null, lang: 'tr' });
  const [ra, rb] = await Promise.all([a, b]);
  await new Promise((r) => setTimeout(r, 10));
  const events = journal.events('cankaya', svc.hall('cankaya')!.state.day);
  const revs = events.map((e) => e.rev);
  console.log(offset, ra.ok, rb.ok, rb.ok ? rb.value.number : rb.error.code, revs.join(','), svc.hall('cankaya')!.state.rev);
  expect(revs).toEqual(revs.map((_, i) => i + 1));
  expect(svc.hall('cankaya')!.state.rev).toBe(revs.length);
});
