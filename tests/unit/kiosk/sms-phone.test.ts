import { describe, expect, it } from 'vitest';
import { groupedMobile, keypadEntry, mobileDigits } from '../../../kiosk/src/state/sms-phone.js';
import { normalisePhone } from '../../../server/src/domain/bookings/phone.js';
import { kioskFlow, START, confirmationDeadline } from '../../../kiosk/src/state/kiosk-flow.js';
import { issuedTicket } from './fixtures.js';

describe('the mobile number for the SMS when the turn nears', () => {
  it.each([
    '0532 123 45 67',
    '+90 532 123-45-67',
    '905321234567',
    '5321234567',
    '0312 123 45 67',
    '0532 123 45 6',
    '05321234567 8',
    '',
    'abc',
  ])('when %j is typed, then the form judges it as the server does', (typed) => {
    const server = normalisePhone(typed);
    expect(mobileDigits(typed)).toBe(server === null ? null : server.slice(1));
  });

  it('when digits are keyed, then they are grouped as 0532 123 45 67, start 05 and stop at 11', () => {
    let entry = '';
    for (const key of ['1', '0', '7', '5', '3', '2', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
      entry = keypadEntry(entry, key);
    // A 1 first and a 7 after the 0 do not make a mobile number: they are ignored.
    expect(entry).toBe('05321234567');
    expect(groupedMobile(entry)).toBe('0532 123 45 67');
    expect(keypadEntry(entry, 'delete')).toBe('0532123456');
    expect(groupedMobile('0532')).toBe('0532');
  });

  it('when the keypad was open over the confirmation, then its countdown resumes where it stood', () => {
    const shown = kioskFlow(kioskFlow(START, { type: 'issue-start' }), {
      type: 'issue-ok',
      ticket: issuedTicket(),
      at: 1_000,
    });
    const held = kioskFlow(shown, { type: 'confirmation-held', ms: 40_000 });
    expect(confirmationDeadline(held) - confirmationDeadline(shown)).toBe(40_000);
    expect(kioskFlow(held, { type: 'confirmation-timeout', at: confirmationDeadline(shown) })).toBe(
      held,
    );
    expect(kioskFlow(START, { type: 'confirmation-held', ms: 5 })).toBe(START);
  });
});
