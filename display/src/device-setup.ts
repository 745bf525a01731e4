import type { DeviceSetup } from '../../contract/settings.js';
import { KEY_STORAGE } from './pairing.js';

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
  const key = storedKey();
  let res: Response;
  try {
    res = await fetch('/api/devices/me', {
      headers: { Accept: 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
      cache: 'no-store',
    });
  } catch {
    return null;
  }
  if (res.status === 401 || res.status === 403) return remember(HALL);
  if (!res.ok) return null;
  const setup = (await res.json().catch(() => null)) as DeviceSetup | null;
  if (!setup) return null;
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
