import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatusView } from '../../contract/api.js';
import { signedIn } from '../support/http.js';
import { connect, next, type DisplayClient } from '../support/sockets.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('device last-seen times across restarts', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  const statusOf = async (s: TestServer, name: string) => {
    const { agent } = await signedIn(s, 'manager');
    const res = await agent.get('/api/devices/status');
    expect(res.status).toBe(200);
    return (res.body as DeviceStatusView[]).find((d) => d.name === name)!;
  };

  it('when a display was connected before a restart, then after it managers see when it was last seen', async () => {
    server = await startTestServer();
    const display = connect<DisplayClient>(server.url, '/display', {
      auth: { key: server.displayKey },
    });
    await next(display, 'queue:snapshot');
    expect((await statusOf(server, 'Test display')).online).toBe(true);
    display.close();
    let before = await statusOf(server, 'Test display');
    while (before.online) before = await statusOf(server, 'Test display');
    expect(before.lastSeenAt).toBeGreaterThan(0);

    await server.restart();

    const after = await statusOf(server, 'Test display');
    expect(after).toMatchObject({ online: false, lastSeenAt: before.lastSeenAt });
  });

  it('when a display is still connected at shutdown, then after the restart it was last seen at the shutdown', async () => {
    server = await startTestServer();
    const display = connect<DisplayClient>(server.url, '/display', {
      auth: { key: server.displayKey },
    });
    await next(display, 'queue:snapshot');
    const connectedAt = (await statusOf(server, 'Test display')).lastSeenAt!;

    await server.restart();
    display.close();

    const after = await statusOf(server, 'Test display');
    expect(after.online).toBe(false);
    expect(after.lastSeenAt).toBeGreaterThanOrEqual(connectedAt);
  });

  it('when a device never connected, then its last-seen time stays empty after a restart', async () => {
    server = await startTestServer();
    await server.restart();
    expect(await statusOf(server, 'Test kiosk')).toMatchObject({ online: false, lastSeenAt: null });
  });
});
