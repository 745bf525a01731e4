import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { WebhookLease, WebhookStore } from '../../server/src/store/store.js';
import { addWebhook, pause, Receiver, testWebhookOptions, until } from './webhooks-support.js';

/** A lease the test hands out and takes away, as PostgreSQL's advisory lock would. */
class TestLease implements WebhookLease {
  held = false;
  grant = false;
  acquire(): Promise<boolean> {
    this.held = this.grant;
    return Promise.resolve(this.held);
  }
  release(): Promise<void> {
    this.held = false;
    return Promise.resolve();
  }
  /** The connection is lost: not held from now, and not given again until granted. */
  lose(): void {
    this.grant = false;
    this.held = false;
  }
}

describe('the webhook lease', () => {
  let dir: string;
  let app: App;
  let receiver: Receiver;
  const lease = new TestLease();

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siramatik-lease-'));
    const store = await openEmbeddedStore(dir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    // The data folder's store, with a lease that is not always held.
    const webhooks: WebhookStore = Object.create(store.webhooks, { lease: { value: lease } });
    app = await createApp({
      store: { ...store, webhooks },
      publicUrl: 'http://127.0.0.1',
      log: () => undefined,
      webhooks: testWebhookOptions(),
    });
    receiver = await Receiver.start();
  });
  afterEach(async () => {
    await app.close();
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
  });

  const issue = async () => {
    const done = await app.queues.issue('cankaya', {
      serviceId: 'vezne',
      priority: null,
      lang: 'tr',
    });
    expect(done.ok).toBe(true);
    return `cankaya.${app.queues.hall('cankaya')!.state.day}.${app.queues.hall('cankaya')!.state.rev}`;
  };

  it('when the lease is not held, then nothing is sent; lost, delivery stops at once; taken again, it goes on from the stored cursor', async () => {
    await addWebhook({ app }, receiver, { createdAt: Date.now() - 1 });
    const first = await issue();
    await pause(400);
    expect(receiver.received).toHaveLength(0);

    lease.grant = true;
    await until('the first event', () => receiver.received.length === 1);
    receiver.answers = Array<number>(1_000).fill(500);
    const second = await issue();
    await until('a failure', () => receiver.received.length >= 2);
    lease.lose();
    receiver.answers = [];
    const third = await issue();
    await pause(100);
    const sent = receiver.received.length;
    await pause(600);
    expect(receiver.received).toHaveLength(sent);

    lease.grant = true;
    await until('the rest', () => receiver.ids().includes(third));
    const ids = receiver.ids();
    expect(ids[0]).toBe(first);
    expect(ids.filter((id) => id === first)).toHaveLength(1);
    expect(ids.slice(1).every((id) => id === second || id === third)).toBe(true);
    expect(ids.at(-1)).toBe(third);
    expect(ids.at(-2)).toBe(second);
  });
});
