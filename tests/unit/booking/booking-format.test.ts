import { describe, expect, it } from 'vitest';
import type { BookingView } from '../../../contract/bookings.js';
import {
  bookingError,
  bookingRoute,
  checkInWindow,
  dayLabel,
  detailsProblems,
  formField,
  groupCheckInCode,
  isPast,
  ownLink,
  phoneOrNull,
  shiftTime,
} from '../../../booking/src/booking-format.js';
import { t } from '../../../booking/src/i18n.js';

const SLOT = Date.UTC(2026, 11, 7, 11, 20); // 14:20 in Istanbul

function view(over: Partial<BookingView> = {}): BookingView {
  return {
    code: 'AbCdEfGhIjKlMnOpQrStUv',
    checkInCode: '1234567890',
    hallId: 'cankaya',
    hallName: 'Çankaya',
    serviceId: 'vezne',
    serviceName: { tr: 'Vezne', en: 'Cashier' },
    day: '2026-12-07',
    time: '14:20',
    slotAt: SLOT,
    slotMinutes: 10,
    name: 'Ayşe Yılmaz',
    phone: null,
    lang: 'tr',
    status: 'booked',
    ticketNumber: null,
    checkInFrom: SLOT - 15 * 60_000,
    checkInUntil: SLOT + 10 * 60_000,
    changeable: true,
    url: '/randevu/AbCdEfGhIjKlMnOpQrStUv',
    ...over,
  };
}

describe('the check-in code as shown', () => {
  it('groups 10 digits as 3, 3 and 4', () => {
    expect(groupCheckInCode('1234567890')).toBe('123 456 7890');
  });
  it('takes spaces and dashes out before grouping', () => {
    expect(groupCheckInCode('123-456 78 90')).toBe('123 456 7890');
  });
  it('groups a code of another length by threes rather than cutting it', () => {
    expect(groupCheckInCode('12345')).toBe('123 45');
  });
});

describe('which page the address asks for', () => {
  it('/randevu and /randevu/ start a new booking', () => {
    expect(bookingRoute('/randevu')).toEqual({ kind: 'new' });
    expect(bookingRoute('/randevu/')).toEqual({ kind: 'new' });
  });
  it("/randevu/<code> is that booking's own page", () => {
    expect(bookingRoute('/randevu/AbCdEfGhIjKlMnOp_-12')).toEqual({
      kind: 'own',
      code: 'AbCdEfGhIjKlMnOp_-12',
    });
  });
  it('a code too short or with other characters is no booking', () => {
    expect(bookingRoute('/randevu/short')).toEqual({ kind: 'bad' });
    expect(bookingRoute('/randevu/AbCdEfGhIjKlMnOp%3Cx')).toEqual({ kind: 'bad' });
    expect(bookingRoute('/randevu/a/b')).toEqual({ kind: 'bad' });
  });
});

describe('days and times', () => {
  it('names a day in words in each language, whatever the time zone of the phone', () => {
    expect(dayLabel('2026-12-07', 'tr')).toBe('7 Aralık Pazartesi');
    expect(dayLabel('2026-12-07', 'en')).toBe('Monday 7 December');
  });
  it('moves a time by minutes around the clock', () => {
    expect(shiftTime('14:20', -15)).toBe('14:05');
    expect(shiftTime('14:55', 10)).toBe('15:05');
    expect(shiftTime('00:05', -15)).toBe('23:50');
  });
  it("gives the kiosk's check-in window from the booking's own times", () => {
    expect(checkInWindow(view())).toEqual({ from: '14:05', until: '14:30', early: 15, late: 10 });
    const other = view({ checkInFrom: SLOT - 30 * 60_000, checkInUntil: SLOT + 5 * 60_000 });
    expect(checkInWindow(other)).toEqual({ from: '13:50', until: '14:25', early: 30, late: 5 });
  });
  it('a booked booking is past once its window has closed, not before', () => {
    expect(isPast(view(), SLOT + 10 * 60_000)).toBe(false);
    expect(isPast(view(), SLOT + 10 * 60_000 + 1)).toBe(true);
    expect(isPast(view({ status: 'checked-in' }), SLOT + 3_600_000)).toBe(false);
  });
});

describe('the form', () => {
  it('takes a name of 2 to 80 characters, spaces around it not counted', () => {
    expect(detailsProblems({ name: 'Al', phone: '' }).name).toBe(false);
    expect(detailsProblems({ name: ' A ', phone: '' }).name).toBe(true);
    expect(detailsProblems({ name: 'x'.repeat(81), phone: '' }).name).toBe(true);
  });
  it('takes no phone, or a Turkish mobile number in the usual ways of writing it', () => {
    for (const phone of ['', '  ', '0532 123 45 67', '+905321234567', '5321234567'])
      expect(detailsProblems({ name: 'Ayşe', phone }).phone).toBe(false);
    for (const phone of ['0312 123 45 67', '12345', 'abc'])
      expect(detailsProblems({ name: 'Ayşe', phone }).phone).toBe(true);
  });
  it('sends an empty phone as null', () => {
    expect(phoneOrNull('  ')).toBeNull();
    expect(phoneOrNull(' 0532 123 45 67 ')).toBe('0532 123 45 67');
  });
  it("puts a server's validation error at its field", () => {
    expect(formField('phone')).toBe('phone');
    expect(formField('body.name')).toBe('name');
    expect(formField('day')).toBeNull();
    expect(formField(undefined)).toBeNull();
  });
});

describe('errors and texts', () => {
  it('explains the booking errors in plain words, anything else as a general problem', () => {
    expect(bookingError('slot-full')).toBe('slot-full');
    expect(bookingError('booking-limit')).toBe('booking-limit');
    expect(bookingError('not-found')).toBe('booking-not-found');
    expect(bookingError('internal')).toBe('other');
    expect(t('tr').errors[bookingError('slot-full')]).toMatch(/yer kalmadı/);
  });
  it('names the reason a day is closed as the brief asks', () => {
    expect(t('tr').closed.holiday).toBe('Resmî tatil');
    expect(t('tr').closed['closed-day']).toBe('Kapalı');
    expect(t('tr').closed.full).toBe('Dolu');
  });
  it('says how long the name is kept', () => {
    expect(t('tr').privacy(30)).toBe(
      'Yalnızca adınız ve isteğe bağlı cep telefonunuz kaydedilir; randevudan 30 gün sonra silinir.',
    );
  });
  it("makes the booking's own link absolute", () => {
    expect(ownLink('http://10.0.0.5:3000', '/randevu/abc')).toBe(
      'http://10.0.0.5:3000/randevu/abc',
    );
  });
});
