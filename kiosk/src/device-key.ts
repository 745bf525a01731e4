import { hashWithoutKey, KIOSK_KEY_STORAGE, pairingKey } from './state/pairing.js';

function stored(): string | null {
  try {
    return localStorage.getItem(KIOSK_KEY_STORAGE);
  } catch {
    return null;
  }
}

/**
 * The kiosk's device key. A pairing link (`/kiosk#key=…`) stores its key and is then removed
 * from the address bar, so the key is not left on screen or in the history.
 */
export function takeDeviceKey(): string | null {
  const { hash, pathname, search } = window.location;
  const key = pairingKey(hash, stored());
  if (key && key !== stored()) {
    try {
      localStorage.setItem(KIOSK_KEY_STORAGE, key);
    } catch {
      // Private mode: the kiosk works until the page is reloaded.
    }
  }
  if (hash.includes('key=')) {
    history.replaceState(history.state, '', `${pathname}${search}${hashWithoutKey(hash)}`);
  }
  return key;
}
