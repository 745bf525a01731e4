import { call, route } from '../../contract/client.js';
import type { deviceSetup } from '../../contract/endpoints/devices.js';
import { KEY_STORAGE } from './pairing.js';

/**
 * `GET /api/devices/me` as a route (method and path typed by the contract endpoint), not the
 * endpoint itself: its schemas would add zod to a bundle that never runs them.
 * tests/unit/contract/client.test.ts checks it against the endpoint.
 */
export const DEVICE_SETUP = route<typeof deviceSetup>('get', '/devices/me');

/** Where the display remembers what it was last set to show, for a start while offline. */
export const SIGN_STORAGE = 'siramatik.display.sign';

/** What this screen shows: the whole hall, or one counter's sign. */
export type Showing = { kind: 'hall' } | { kind: 'sign'; counterId: string };

const HALL: Showing = { kind: 'hall' };

/** What the screen showed last time, if it was ever told; `null` when it never was. */
export function rememberedShowing(): Showing | null {
  try {
    const saved = localStorage.getItem(SIGN_STORAGE);
    if (saved === null) return null;
    return saved === '' ? HALL : { kind: 'sign', counterId: saved };
  } catch {
    return null;
  }
}

/**
 * Asks the server what this device is set to show (`GET /api/devices/me`, by its key). A screen
 * the server does not know as a device (a signed-in staff member watching, a refused key) shows
 * the hall; `null` when the server could not be asked (keep what is shown).
 */
export async function fetchShowing(): Promise<Showing | null> {
  const res = await call(DEVICE_SETUP, {}, { key: storedKey() });
  if (!res.ok) return res.status === 401 || res.status === 403 ? remember(HALL) : null;
  const setup = res.data;
  return remember(
    setup.signCounterId === null ? HALL : { kind: 'sign', counterId: setup.signCounterId },
  );
}

function remember(showing: Showing): Showing {
  try {
    localStorage.setItem(SIGN_STORAGE, showing.kind === 'sign' ? showing.counterId : '');
  } catch {
    // Storage disabled (private mode): the setting is asked for again at every start.
  }
  return showing;
}

function storedKey(): string | null {
  try {
    return localStorage.getItem(KEY_STORAGE);
  } catch {
    return new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
  }
}
