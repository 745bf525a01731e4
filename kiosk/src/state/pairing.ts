/** Where a paired kiosk keeps its device key. */
export const KIOSK_KEY_STORAGE = 'siramatik.kiosk.key';

/**
 * The device key from a pairing link's fragment (`#key=<key>`), or `null` when the fragment
 * carries none. Other fragment parameters are ignored.
 */
export function keyFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('key')?.trim();
  return key ? key : null;
}

/** The fragment with the key removed (`''` when nothing else is left), for `history.replaceState`. */
export function hashWithoutKey(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('key');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

/** The key to use: a fresh one from the link wins over the stored one. */
export function pairingKey(hash: string, stored: string | null): string | null {
  return keyFromHash(hash) ?? (stored && stored.trim() ? stored : null);
}
