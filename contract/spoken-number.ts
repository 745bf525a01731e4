/**
 * Ticket numbers and counter numbers in Turkish words, for speech. Speech engines read a ticket
 * number unevenly (espeak-ng's tr voice says `V001` "ve sıfır sıfır bir" but `Ş012` "şe sıfır on
 * iki", and some engines read a lone capital by its English name), so it is spelt out: each
 * prefix letter by its Turkish name, each digit on its own, as printed on the ticket. The display
 * announces calls with it; the kiosk's audio guide reads the visitor's new number with it.
 */

/** The Turkish names of the letters (TDK), and the usual names of Q, W and X. */
const LETTER_NAMES: Record<string, string> = {
  A: 'a',
  B: 'be',
  C: 'ce',
  Ç: 'çe',
  D: 'de',
  E: 'e',
  F: 'fe',
  G: 'ge',
  Ğ: 'yumuşak ge',
  H: 'he',
  I: 'ı',
  İ: 'i',
  J: 'je',
  K: 'ke',
  L: 'le',
  M: 'me',
  N: 'ne',
  O: 'o',
  Ö: 'ö',
  P: 'pe',
  Q: 'kü',
  R: 're',
  S: 'se',
  Ş: 'şe',
  T: 'te',
  U: 'u',
  Ü: 'ü',
  V: 've',
  W: 'çift ve',
  X: 'iks',
  Y: 'ye',
  Z: 'ze',
};

const DIGITS = ['sıfır', 'bir', 'iki', 'üç', 'dört', 'beş', 'altı', 'yedi', 'sekiz', 'dokuz'];
const TENS = ['', 'on', 'yirmi', 'otuz', 'kırk', 'elli', 'altmış', 'yetmiş', 'seksen', 'doksan'];

/** A ticket number in words, character by character: `Ş012` → "şe sıfır bir iki". */
export function spokenTicket(ticketNumber: string): string {
  return [...ticketNumber.normalize('NFC').toLocaleUpperCase('tr-TR')]
    .map((ch) => (/\d/.test(ch) ? DIGITS[Number(ch)] : (LETTER_NAMES[ch] ?? ch)))
    .join(' ');
}

/** A whole number from 0 to 9,999 as Turkish words: 12 → "on iki", 1000 → "bin". */
export function turkishNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9_999) return String(n);
  if (n === 0) return DIGITS[0]!;
  const words: string[] = [];
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor(n / 100) % 10;
  const tens = Math.floor(n / 10) % 10;
  const ones = n % 10;
  // "bin" and "yüz" stand alone for one thousand and one hundred ("bin", not "bir bin").
  if (thousands > 1) words.push(DIGITS[thousands]!);
  if (thousands > 0) words.push('bin');
  if (hundreds > 1) words.push(DIGITS[hundreds]!);
  if (hundreds > 0) words.push('yüz');
  if (tens > 0) words.push(TENS[tens]!);
  if (ones > 0) words.push(DIGITS[ones]!);
  return words.join(' ');
}
