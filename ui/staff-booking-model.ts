/**
 * Pure helpers of the staff's booking view: the name search (Turkish-insensitive, like the
 * directorate search at the counter) and the today list's order of what needs doing.
 */

/** Lower case without marks, `ı` as `i`: "ayse" finds Ayşe, "isik" finds IŞIK. */
export const foldName = (s: string): string =>
  s.toLocaleLowerCase('tr').normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i');

/** Whether a visitor's name matches what staff typed (every word, anywhere, in any order). */
export function nameMatches(name: string, query: string): boolean {
  const words = foldName(query).split(/\s+/).filter(Boolean);
  const folded = foldName(name);
  return words.every((w) => folded.includes(w));
}

/** A phone number typed for a caller as the contract's schema reads it: blank is none. */
export function phoneOrNull(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}
