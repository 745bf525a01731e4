import { describe, expect, it } from 'vitest';
import {
  bookableDays,
  daySlots,
  freeSlots,
  localInstant,
  weekdayOf,
} from '../../../../server/src/domain/bookings/index.js';
import { apply, config, ist, make, MINUTE, newState, service, SERVICE } from './fixtures.js';

const MONDAY = '2026-12-07';
const NOW = ist(MONDAY, '08:00');

function days(cfg = config(), now = NOW, state = newState()) {
  const r = bookableDays(state, cfg, SERVICE, now);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.days;
}

function slots(day: string, cfg = config(), now = NOW, state = newState()) {
  const r = freeSlots(state, cfg, SERVICE, day, now);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.slots;
}

describe('bookable days', () => {
  it('when listing, then today is day 0 and the last is today + horizonDays', () => {
    const list = days(config({ horizonDays: 10 }));
    expect(list).toHaveLength(11);
    expect(list[0]!.day).toBe(MONDAY);
    expect(list.at(-1)!.day).toBe('2026-12-17');
  });

  it('when a weekday has no hours, then it is closed for no-hours; weekdays are named', () => {
    const list = days(config({ horizonDays: 6 }));
    expect(list.map((d) => [d.weekday, d.closed])).toEqual([
      ['mon', null],
      ['tue', null],
      ['wed', null],
      ['thu', null],
      ['fri', null],
      ['sat', 'no-hours'],
      ['sun', 'no-hours'],
    ]);
    // 09:00–12:00 and 13:00–16:00 in 20-minute slots, one place each.
    expect(list[1]!.free).toBe(18);
  });

  it.each([
    ['2026-10-29', 'holiday'], // Republic Day (Cumhuriyet Bayramı), a Thursday
    ['2026-10-30', null],
    ['2027-01-01', 'holiday'], // New Year, a Friday
    ['2027-04-23', 'holiday'],
    ['2027-05-19', 'holiday'],
    ['2026-12-09', 'closed-day'], // the hall's own closed day
  ])('when the day is %s, then it is closed for %s', (day, reason) => {
    const now = ist(day, '00:00') - 2 * 24 * 60 * MINUTE;
    const list = days(config({ closedDays: ['2026-12-09'] }), now);
    const found = list.find((d) => d.day === day)!;
    expect(found.closed).toBe(reason);
    if (reason) expect(found.free).toBe(0);
  });

  it('when every slot of today is within the lead time, then today is closed as past', () => {
    const list = days(config({ leadMinutes: 30 }), ist(MONDAY, '15:31'));
    expect(list[0]).toMatchObject({ day: MONDAY, free: 0, closed: 'past' });
    // 15:40 is the last slot: at 15:10 it is still bookable.
    expect(days(config({ leadMinutes: 30 }), ist(MONDAY, '15:10'))[0]).toMatchObject({
      free: 1,
      closed: null,
    });
  });

  it('when every place of a day is taken, then it is closed as full', () => {
    const cfg = config({ maxPerContact: 100 }, [
      service({}, { hours: { ...monOnly('09:00', '10:00') } }),
    ]);
    const state = newState();
    apply(
      state,
      cfg,
      ['09:00', '09:20', '09:40'].map((time) => make({ day: '2026-12-14', time })),
      NOW,
    );
    const list = days(cfg, NOW, state);
    expect(list.find((d) => d.day === '2026-12-14')).toMatchObject({ free: 0, closed: 'full' });
    expect(list.find((d) => d.day === '2026-12-21')).toMatchObject({ free: 3, closed: null });
  });

  it('when the service does not take bookings or is unknown, then the days are refused', () => {
    const off = config({}, [service({}, { enabled: false })]);
    expect(bookableDays(newState(), off, SERVICE, NOW)).toMatchObject({
      ok: false,
      error: { code: 'booking-closed', field: 'serviceId' },
    });
    const noSettings = config({}, [service({ booking: undefined })]);
    expect(bookableDays(newState(), noSettings, SERVICE, NOW).ok).toBe(false);
    const inactive = config({}, [service({ active: false })]);
    expect(bookableDays(newState(), inactive, SERVICE, NOW).ok).toBe(false);
    expect(bookableDays(newState(), config(), 'nope', NOW)).toMatchObject({
      ok: false,
      error: { code: 'service-not-found', field: 'serviceId' },
    });
  });
});

function monOnly(from: string, to: string) {
  return {
    mon: [{ from, to }],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [],
  };
}

describe('slots of a day', () => {
  it('when the span is not a whole number of slots, then the remainder is not offered', () => {
    const cfg = config({}, [service({}, { hours: monOnly('09:00', '10:10'), slotMinutes: 20 })]);
    expect(slots('2026-12-14', cfg).map((s) => s.time)).toEqual(['09:00', '09:20', '09:40']);
  });

  it('when two spans overlap, then each slot is offered once', () => {
    const hours = {
      ...monOnly('09:00', '10:00'),
      mon: [
        { from: '09:00', to: '10:00' },
        { from: '09:20', to: '10:20' },
      ],
    };
    const cfg = config({}, [service({}, { hours })]);
    expect(slots('2026-12-14', cfg).map((s) => s.time)).toEqual([
      '09:00',
      '09:20',
      '09:40',
      '10:00',
    ]);
  });

  it('when slotMinutes is null, then the slot is the service target', () => {
    const cfg = config({}, [
      service({ targetMinutes: 15 }, { hours: monOnly('09:00', '10:00'), slotMinutes: null }),
    ]);
    expect(slots('2026-12-14', cfg).map((s) => s.time)).toEqual([
      '09:00',
      '09:15',
      '09:30',
      '09:45',
    ]);
  });

  it('when a day has two spans, then slots follow each span with the gap between', () => {
    const times = slots('2026-12-08').map((s) => s.time);
    expect(times.slice(7, 11)).toEqual(['11:20', '11:40', '13:00', '13:20']);
    expect(times).toHaveLength(18);
  });

  it('when listing, then each slot names its instant in the hall zone (Istanbul UTC+3)', () => {
    expect(slots('2026-12-08')[0]).toEqual({
      time: '09:00',
      at: Date.UTC(2026, 11, 8, 6, 0),
      free: 1,
    });
  });

  it('when a slot has perSlot 2 and one booking, then one place stays free', () => {
    const cfg = config({}, [service({}, { perSlot: 2 })]);
    const state = newState();
    apply(state, cfg, [make({ time: '09:00' })], NOW);
    expect(slots('2026-12-08', cfg, NOW, state)[0]).toMatchObject({ time: '09:00', free: 1 });
    apply(state, cfg, [make({ time: '09:00' })], NOW);
    expect(slots('2026-12-08', cfg, NOW, state)[0]!.time).toBe('09:20');
  });

  it('when slots are within the lead time, then they are not offered', () => {
    const list = slots(MONDAY, config({ leadMinutes: 30 }), ist(MONDAY, '10:30'));
    expect(list[0]!.time).toBe('11:00');
    expect(slots(MONDAY, config({ leadMinutes: 30 }), ist(MONDAY, '10:31'))[0]!.time).toBe('11:20');
  });

  it('when the day is closed, past or beyond the horizon, then no slots', () => {
    expect(slots('2026-12-12')).toEqual([]); // Saturday
    expect(slots('2026-12-04')).toEqual([]); // past
    expect(slots('2027-01-06', config({ horizonDays: 30 }))).toHaveLength(18); // day 30, the last
    expect(slots('2027-01-07', config({ horizonDays: 30 }))).toEqual([]);
    expect(slots('2026-02-30')).toEqual([]);
  });

  it('when it is 28 October, then only slots ending by 13:00 are offered (the holiday starts)', () => {
    const now = ist('2026-10-26', '08:00');
    const list = slots('2026-10-28', config(), now).map((s) => s.time);
    expect(list.at(-1)).toBe('11:40');
    expect(list).toHaveLength(9);
  });
});

describe('slots in a zone with daylight saving (Europe/Berlin)', () => {
  const BERLIN = 'Europe/Berlin';
  const everyDay = (from: string, to: string) => {
    const spans = [{ from, to }];
    return { mon: spans, tue: spans, wed: spans, thu: spans, fri: spans, sat: spans, sun: spans };
  };
  const berlin = (from: string, to: string, slotMinutes = 30) =>
    config({ horizonDays: 60 }, [service({}, { hours: everyDay(from, to), slotMinutes })], BERLIN);
  const allSlots = (day: string, from: string, to: string) => {
    const cfg = berlin(from, to);
    return daySlots(cfg, cfg.services.get(SERVICE)!, day);
  };

  it('when the clocks change, then 09:00 local is 08:00 UTC before and 07:00 UTC after', () => {
    expect(allSlots('2026-03-27', '09:00', '09:30')).toEqual([
      { time: '09:00', at: Date.UTC(2026, 2, 27, 8, 0) },
    ]);
    expect(allSlots('2026-03-30', '09:00', '09:30')).toEqual([
      { time: '09:00', at: Date.UTC(2026, 2, 30, 7, 0) },
    ]);
    expect(allSlots('2026-10-26', '09:00', '09:30')[0]!.at).toBe(Date.UTC(2026, 9, 26, 8, 0));
  });

  it('when the spring change skips 02:00–03:00, then no slot is offered in the hour that does not exist', () => {
    expect(allSlots('2026-03-29', '01:30', '03:30').map((s) => s.time)).toEqual(['01:30', '03:00']);
    const [a, b] = allSlots('2026-03-29', '01:30', '03:30');
    expect(b!.at - a!.at).toBe(30 * MINUTE); // 01:30 CET and 03:00 CEST are half an hour apart
  });

  it('when the autumn change repeats 02:00–03:00, then a repeated time is its first occurrence', () => {
    const list = allSlots('2026-10-25', '02:00', '03:00');
    expect(list).toEqual([
      { time: '02:00', at: Date.UTC(2026, 9, 25, 0, 0) },
      { time: '02:30', at: Date.UTC(2026, 9, 25, 0, 30) },
    ]);
  });

  it('when the days are listed across the change, then each is a calendar day', () => {
    const cfg = berlin('09:00', '10:00');
    const r = bookableDays(newState(), cfg, SERVICE, Date.UTC(2026, 2, 27, 22, 30)); // Friday 23:30 CET
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.days.slice(0, 4).map((d) => d.day)).toEqual([
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect(localInstant('2026-03-29', '02:30', BERLIN)).toBeNull();
    expect(weekdayOf('2026-03-29')).toBe('sun');
  });
});
