/*
 * The mobile number a visitor types for the SMS when their turn nears, checked as the server
 * checks it (server/src/domain/bookings/phone.ts), so the form says what is wrong before
 * sending. The kiosk keypad shows it grouped as it is typed.
 */

/** Digits only, without a `+90` / `90` / `0` in front: `5321234567`, or null when not mobile. */
export function mobileDigits(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '').replace(/^\+/, '');
  return /^(?:90|0)?(5\d{9})$/.exec(digits)?.[1] ?? null;
}

/** `0532 123 45 67` from what is typed so far on a keypad (at most 11 digits, starting 05). */
export function groupedMobile(digits: string): string {
  const d = digits.replace(/\D/g, '').slice(0, 11);
  return [d.slice(0, 4), d.slice(4, 7), d.slice(7, 9), d.slice(9, 11)].filter(Boolean).join(' ');
}

/** The next keypad entry after a key: digits only, 11 at most, and it must start `05`. */
export function keypadEntry(current: string, key: string): string {
  if (key === 'delete') return current.slice(0, -1);
  if (!/^\d$/.test(key) || current.length >= 11) return current;
  const next = current + key;
  return '05'.startsWith(next) || next.startsWith('05') ? next : current;
}
