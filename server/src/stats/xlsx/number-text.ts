// Numbers as cell text, without `String(double)`: printing the shortest form of a double costs
// about 250 ns, and a visit row has eight such values (four times, four durations).

const DAY_MS = 86_400_000;
/** Excel's serial day of 1970-01-01 (1900 date system: days since 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;

/** Six digits with leading zeros (`n` an integer in 0 … 999 999). */
const six = (n: number) => String(1_000_000 + n).slice(1);

/**
 * Excel's serial number of a wall-clock time (epoch ms whose UTC fields read the local time):
 * whole days since 1899-12-30, and the time of day as a fraction to 12 decimals. That is 86 ns,
 * far below the millisecond the input has, and within an ulp or two of `ms / 86.4e6 + 25569`.
 */
export function serialText(wallMs: number): string {
  if (!Number.isSafeInteger(wallMs)) return String(wallMs / DAY_MS + UNIX_EPOCH_SERIAL);
  const days = Math.floor(wallMs / DAY_MS);
  const msOfDay = wallMs - days * DAY_MS;
  const day = String(days + UNIX_EPOCH_SERIAL);
  if (msOfDay === 0) return day;
  // msOfDay · 10¹² / 86.4e6 = msOfDay · 10⁷ / 864; msOfDay · 10⁷ < 2⁵³, so the product is exact.
  const fraction = Math.round((msOfDay * 10_000_000) / 864);
  const high = Math.floor(fraction / 1_000_000);
  const low = fraction - high * 1_000_000;
  return `${day}.${six(high)}${low === 0 ? '' : six(low)}`;
}

/**
 * `String(value)` for a value that is a whole number of hundredths (what `minutes()` returns),
 * from integers: the same text, so the same number is read back.
 */
export function hundredthsText(value: number): string {
  const c = Math.round(value * 100);
  if (c < 0 || c > 2 ** 31 || c / 100 !== value) return String(value);
  const whole = Math.floor(c / 100);
  const rest = c - whole * 100;
  if (rest === 0) return String(whole);
  if (rest % 10 === 0) return `${whole}.${rest / 10}`;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

/** Excel's serial number of a local day, `YYYY-MM-DD`. */
export function serialDayText(day: string): string {
  return String(Date.parse(`${day}T00:00:00Z`) / DAY_MS + UNIX_EPOCH_SERIAL);
}
