import { describe, expect, it } from 'vitest';
import { foldName, nameMatches, phoneOrNull } from '../../../ui/staff-booking-model.js';
import {
  hoursLines,
  nationalHolidaysText,
  parseClosedDays,
  parseSpans,
  spansText,
} from '../../../manager/src/manager-bookings-hours.js';

describe('staff booking search', () => {
  it('folds Turkish letters and marks', () => {
    expect(foldName('IŞIK Ayşe İnce')).toBe('isik ayse ince');
  });
  it('matches every typed word anywhere, Turkish-insensitive', () => {
    expect(nameMatches('Ayşe Yılmaz', 'yilmaz ayse')).toBe(true);
    expect(nameMatches('Ayşe Yılmaz', 'AYŞE')).toBe(true);
    expect(nameMatches('Ayşe Yılmaz', 'ali')).toBe(false);
    expect(nameMatches('Ayşe Yılmaz', '  ')).toBe(true);
  });
  it('reads a blank phone as none', () => {
    expect(phoneOrNull('  ')).toBeNull();
    expect(phoneOrNull(' 0532 123 45 67 ')).toBe('0532 123 45 67');
  });
});

describe('booking settings fields', () => {
  it('writes and reads a weekday line', () => {
    const spans = [
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ];
    expect(spansText(spans)).toBe('09:00-12:00, 13:00-17:00');
    expect(parseSpans(spansText(spans))).toEqual(spans);
    expect(parseSpans('9.00 – 12.30')).toEqual([{ from: '09:00', to: '12:30' }]);
    expect(parseSpans('')).toEqual([]);
  });
  it('refuses a part that is not a span', () => {
    expect(parseSpans('09:00-12:00, öğlen')).toBeNull();
    expect(parseSpans('9-12')).toBeNull();
  });
  it('reads closed days once each, sorted', () => {
    expect(parseClosedDays('2027-03-20, 2027-03-19\n2027-03-20')).toEqual([
      '2027-03-19',
      '2027-03-20',
    ]);
    expect(parseClosedDays('  ')).toEqual([]);
  });
  it('gives one line per weekday, Monday first', () => {
    const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const lines = hoursLines({ ...none, tue: [{ from: '09:00', to: '10:00' }] });
    expect(Object.keys(lines)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(lines.tue).toBe('09:00-10:00');
  });
  it('names the fixed national holidays', () => {
    expect(nationalHolidaysText('tr')).toContain('23 Nisan');
    expect(nationalHolidaysText('en')).toContain('29 October');
  });
});
