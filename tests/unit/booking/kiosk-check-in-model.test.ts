import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../../contract/api.js';
import { replyFailure } from '../../../contract/client.js';
import {
  EMPTY_ENTRY,
  SCANNER_GAP_MS,
  appointmentMark,
  checkInProblem,
  codeSlots,
  eraseDigit,
  groupCode,
  keyInput,
  pressDigit,
  problemText,
  type CodeEntry,
} from '../../../kiosk/src/kiosk-check-in-model.js';
import { trTime } from '../../../kiosk/src/kiosk-check-in-text.js';

function typed(keys: string, start = 1000, gap = 300): { entry: CodeEntry; submits: string[] } {
  let entry = EMPTY_ENTRY;
  const submits: string[] = [];
  let at = start;
  for (const key of keys === '' ? [] : keys.split(',')) {
    const out = keyInput(entry, key, at);
    entry = out.entry;
    if (out.submit) submits.push(out.submit);
    at += gap;
  }
  return { entry, submits };
}

const digits = (s: string) => s.split('').join(',');

describe('the keypad', () => {
  it('takes digits up to 10 and ignores more', () => {
    let entry = EMPTY_ENTRY;
    for (const d of '123456789012') entry = pressDigit(entry, d);
    expect(entry.digits).toBe('1234567890');
  });
  it('takes only digits', () => {
    expect(pressDigit(EMPTY_ENTRY, 'a')).toBe(EMPTY_ENTRY);
  });
  it('erases the last digit', () => {
    expect(eraseDigit(pressDigit(pressDigit(EMPTY_ENTRY, '1'), '2')).digits).toBe('1');
    expect(eraseDigit(EMPTY_ENTRY).digits).toBe('');
  });
  it('shows the code grouped as on the booking page, the places still to type as _', () => {
    expect(groupCode('1234567890')).toBe('123 456 7890');
    expect(groupCode('1234')).toBe('123 4');
    expect(codeSlots('1234')).toBe('123 4__ ____');
    expect(codeSlots('')).toBe('___ ___ ____');
    expect(codeSlots('1234567890')).toBe('123 456 7890');
  });
});

describe('a keyboard or a keyboard-wedge QR scanner', () => {
  it('a person typing 10 digits and Enter sends the code', () => {
    const { entry, submits } = typed(`${digits('1234567890')},Enter`);
    expect(submits).toEqual(['1234567890']);
    expect(entry.digits).toBe('1234567890');
  });
  it('Enter before 10 digits sends nothing', () => {
    expect(typed(`${digits('12345')},Enter`).submits).toEqual([]);
  });
  it('Backspace erases the last digit', () => {
    expect(typed(`${digits('123')},Backspace`).entry.digits).toBe('12');
  });
  it('a scan (10 fast digits and Enter) replaces what was half-typed on the keypad', () => {
    let entry = pressDigit(pressDigit(EMPTY_ENTRY, '9'), '9');
    let at = 5000;
    let submit: string | null = null;
    for (const key of [...'1234567890', 'Enter']) {
      const out = keyInput(entry, key, at);
      entry = out.entry;
      submit = out.submit ?? submit;
      at += SCANNER_GAP_MS / 4;
    }
    expect(submit).toBe('1234567890');
    expect(entry.digits).toBe('1234567890');
  });
  it('a scan with a prefix character and a suffix still sends the 10 digits', () => {
    let entry = EMPTY_ENTRY;
    let submit: string | null = null;
    let at = 0;
    for (const key of ['Shift', ...'0987654321', 'Enter']) {
      const out = keyInput(entry, key, at);
      entry = out.entry;
      submit = out.submit ?? submit;
      at += 5;
    }
    expect(submit).toBe('0987654321');
  });
  it('slow digits after a full entry do not change it (a scan must be fast to replace it)', () => {
    const { entry, submits } = typed(`${digits('1234567890')},5,Enter`);
    expect(entry.digits).toBe('1234567890');
    expect(submits).toEqual(['1234567890']);
  });
});

describe('why a check-in gave no ticket', () => {
  const early = { serviceId: 'vezne', slotTime: '14:20', opensAt: '14:05' };
  it("too early: the slot and the opening come from the refusal's typed details, not its message", () => {
    expect(checkInProblem('check-in-too-early', early)).toEqual({
      kind: 'too-early',
      slot: '14:20',
      opens: '14:05',
    });
    // Details missing or malformed (an older server): nothing is guessed from elsewhere.
    expect(checkInProblem('check-in-too-early')).toEqual({
      kind: 'too-early',
      slot: null,
      opens: null,
    });
    expect(checkInProblem('check-in-too-early', { slotTime: '25:00', opensAt: 1405 })).toEqual({
      kind: 'too-early',
      slot: null,
      opens: null,
    });
  });
  it('says it in Turkish with the right endings, and in English', () => {
    const p = checkInProblem('check-in-too-early', early);
    expect(problemText(p, 'tr').body).toBe(
      "Randevunuz 14:20'de; 14:05'ten itibaren giriş yapabilirsiniz.",
    );
    expect(problemText(p, 'en').body).toBe(
      'Your appointment is at 14:20; you can check in from 14:05.',
    );
  });
  it('the Turkish ending follows the last word said aloud', () => {
    expect(trTime('14:30')).toBe("14:30'da");
    expect(trTime('15:00')).toBe("15:00'te");
    expect(trTime('10:00')).toBe("10:00'da");
    expect(trTime('14:40', true)).toBe("14:40'tan");
    expect(trTime('09:50', true)).toBe("09:50'den");
    expect(trTime('09:46', true)).toBe("09:46'dan");
  });
  it('too late offers a walk-in of the booked service named in the details, if any', () => {
    const late = checkInProblem('check-in-too-late', { serviceId: 'vezne', slotTime: '13:10' });
    expect(late).toEqual({ kind: 'too-late', serviceId: 'vezne', slot: '13:10' });
    expect(problemText(late, 'tr')).toEqual({
      title: 'Giriş süresi geçti',
      body: "Saat 13:10'daki randevunuzun giriş süresi doldu. İsterseniz aynı işlem için normal sıra alabilirsiniz.",
    });
    expect(problemText(late, 'en').body).toBe(
      'The check-in time of your 13:10 appointment is over. You can take a normal ticket for the same service.',
    );
    expect(checkInProblem('check-in-too-late')).toEqual({
      kind: 'too-late',
      serviceId: null,
      slot: null,
    });
    expect(checkInProblem('check-in-too-late', { serviceId: '../x', slotTime: '' })).toEqual({
      kind: 'too-late',
      serviceId: null,
      slot: null,
    });
  });
  it('already checked in, not found, cancelled and no answer each have their own words', () => {
    expect(checkInProblem('booking-already-checked-in').kind).toBe('already');
    expect(checkInProblem('booking-not-found').kind).toBe('not-found');
    expect(checkInProblem('booking-not-changeable').kind).toBe('cancelled');
    const titles = new Set(
      ['already', 'not-found', 'cancelled'].map(
        (kind) => problemText({ kind } as never, 'tr').title,
      ),
    );
    expect(titles.size).toBe(3);
    expect(problemText({ kind: 'other', code: 'network' }, 'tr').body).toMatch(/ulaşılamıyor/);
  });
  it("the client hands a refusal's details over as sent", () => {
    const body = { error: { code: 'check-in-too-late', message: 'x', details: early } };
    expect(replyFailure(409, body)).toEqual({
      ok: false,
      status: 409,
      code: 'check-in-too-late',
      message: 'x',
      details: early,
    });
    expect('details' in replyFailure(404, { error: { code: 'booking-not-found' } })).toBe(false);
  });
});

describe('the confirmation mark', () => {
  const ticket = { number: 'V012' } as IssuedTicket;
  it('marks an appointment ticket with its slot time', () => {
    const appointment = { ...ticket, appointment: { slotAt: 0, time: '14:20' } } as IssuedTicket;
    expect(appointmentMark(appointment, 'tr')).toBe('Randevu 14:20');
    expect(appointmentMark(appointment, 'en')).toBe('Appointment 14:20');
  });
  it('leaves a walk-in ticket unmarked', () => {
    expect(appointmentMark(ticket, 'tr')).toBeNull();
    expect(appointmentMark({ ...ticket, appointment: null } as IssuedTicket, 'tr')).toBeNull();
  });
});

describe("the kiosk's check-in route", () => {
  it("is the contract endpoint's method and path (the kiosk sends no schemas)", async () => {
    const { CHECK_IN } = await import('../../../kiosk/src/kiosk-check-in-client.js');
    const { checkIn } = await import('../../../contract/bookings.js');
    expect({ method: CHECK_IN.method, path: CHECK_IN.path }).toEqual({
      method: checkIn.method,
      path: checkIn.path,
    });
  });
});

describe("the kiosk's bookable-services route", () => {
  it("is the contract endpoint's method and path", async () => {
    const { BOOKABLE_SERVICES } = await import('../../../kiosk/src/kiosk-check-in-client.js');
    const { bookableServices } = await import('../../../contract/bookings.js');
    expect({ method: BOOKABLE_SERVICES.method, path: BOOKABLE_SERVICES.path }).toEqual({
      method: bookableServices.method,
      path: bookableServices.path,
    });
  });
});
