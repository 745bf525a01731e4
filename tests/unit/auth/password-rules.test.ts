import { describe, expect, it } from 'vitest';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../../../contract/password.js';

describe('passwordProblem (the rule the server and both staff pages apply)', () => {
  it.each([
    ['ayse', 'eski-parola-1', 'a'.repeat(PASSWORD_MIN_LENGTH - 1), 'too-short'],
    ['ayse', 'eski-parola-1', 'a'.repeat(PASSWORD_MIN_LENGTH), null],
    // Counted in characters, not UTF-16 units or bytes: nine Turkish letters are too short.
    ['ayse', 'eski-parola-1', 'ğüşıöçĞÜŞ', 'too-short'],
    ['ayse', 'eski-parola-1', 'x'.repeat(257), 'too-long'],
    ['ayse', 'eski-parola-1', 'eski-parola-1', 'same-as-current'],
    // The same text in another Unicode form is the same password once hashed (NFC).
    ['ayse', 'şifre-eski-1', 's\u0327ifre-eski-1', 'same-as-current'],
    ['ayse.yilmaz', 'eski-parola-1', 'AYSE.YILMAZ', 'same-as-username'],
    ['ayse.yilmaz', 'eski-parola-1', ' ayse.yilmaz ', 'same-as-username'],
    ['ayse.yilmaz', 'eski-parola-1', 'ayse.yilmaz2', null],
  ] as const)(
    'when user %s (current %s) picks %s, then the problem is %s',
    (username, current, next, problem) => {
      expect(passwordProblem(username, current, next)).toBe(problem);
    },
  );
});
