import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { addDevice } from '../../server/src/auth/users.js';
import type { TestServer } from './test-server.js';

/** An admin's session cookie, signed in through the API as the manager page does. */
export async function adminCookie(server: TestServer): Promise<string> {
  const { username, password } = await server.addUser('admin');
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  return login.headers.getSetCookie()[0]!.split(';')[0]!;
}

/**
 * Sets what a display shows, as Ayarlar → Cihazlar does (`PATCH /api/devices/:id`): one
 * counter's sign, or `null` for the whole hall.
 */
export async function setSign(
  server: TestServer,
  cookie: string,
  deviceId: string,
  signCounterId: string | null,
): Promise<void> {
  const res = await fetch(`${server.url}/api/devices/${deviceId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ signCounterId }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** A new display paired to the test hall and set as the sign of `counterId`; returns its key. */
export async function signDevice(
  server: TestServer,
  cookie: string,
  counterId: string,
): Promise<{ id: string; key: string }> {
  const hallId = server.app.configStore.read().halls[0]!.id;
  const device = await addDevice(
    server.app.configStore,
    { kind: 'display', hallId, name: `Sign ${counterId}` },
    Date.now(),
  );
  await setSign(server, cookie, device.id, counterId);
  return device;
}

/** The sign's ticket box (the part that flashes), as the page shows it now. */
export const signTicket = (page: Page) => page.locator('display-counter-sign section.ticket');

/** What the sign's ticket box shows: the ticket number or the state words, and whether it flashes. */
export async function signReads(
  page: Page,
): Promise<{ text: string; flashing: boolean; state: string | null }> {
  const box = signTicket(page);
  return {
    text: ((await box.textContent()) ?? '').replace(/\s+/g, ' ').trim(),
    flashing: (await box.getAttribute('data-flashing')) !== null,
    state: await box.getAttribute('data-state'),
  };
}
