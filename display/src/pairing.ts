/** Where the display keeps its device key between restarts of the browser. */
export const KEY_STORAGE = 'siramatik.display.key';

export interface PairingEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState'>;
}

/**
 * Pairing is opening `/display#key=<key>` once: the key is stored and the fragment removed from
 * the address bar (so it is not left on screen or in a screenshot). Returns the stored key.
 */
export function takePairingKey(env: PairingEnv): string | null {
  const fragment = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const key = fragment.get('key')?.trim();
  if (fragment.has('key')) {
    if (key) env.storage.setItem(KEY_STORAGE, key);
    env.history.replaceState(null, '', env.location.pathname + env.location.search);
  }
  return env.storage.getItem(KEY_STORAGE);
}
