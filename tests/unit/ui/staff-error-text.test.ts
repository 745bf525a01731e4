import { describe, expect, it } from 'vitest';
import { errorText as counterErrorText } from '../../../counter/src/i18n.js';
import { errorText as managerErrorText } from '../../../manager/src/i18n.js';
import { STAFF_ERRORS, staffErrorText } from '../../../ui/staff-error-text.js';

/** The counter says these about the clerk's own counter and the number they typed. */
const COUNTER_OWN = ['ticket-not-found', 'counter-busy'];

describe('the staff pages’ error texts', () => {
  it.each(['tr', 'en'] as const)(
    'when the counter and the manager show an error code in %s, then both read the one staff line (the counter two of its own)',
    (lang) => {
      for (const code of Object.keys(STAFF_ERRORS[lang])) {
        expect(managerErrorText(lang, code), code).toBe(staffErrorText(lang, code));
        if (COUNTER_OWN.includes(code)) continue;
        expect(counterErrorText(lang, code), code).toBe(managerErrorText(lang, code));
      }
    },
  );

  it('when both languages are read, then each code has its Turkish and its English line, and they differ', () => {
    expect(Object.keys(STAFF_ERRORS.en).sort()).toEqual(Object.keys(STAFF_ERRORS.tr).sort());
    for (const code of Object.keys(STAFF_ERRORS.tr) as (keyof typeof STAFF_ERRORS.tr)[])
      expect(STAFF_ERRORS.en[code], code).not.toBe(STAFF_ERRORS.tr[code]);
  });

  it('when the code is unknown, then the generic server error reads', () => {
    expect(staffErrorText('tr', 'no-such-code')).toBe('Sunucuda bir hata oluştu.');
    expect(staffErrorText('en', 'no-such-code')).toBe('Something went wrong on the server.');
  });
});
