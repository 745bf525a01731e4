import { describe, expect, it } from 'vitest';
import {
  decideBooking,
  normalisePhone,
  placesTaken,
  type BookingCommand,
} from '../../../../server/src/domain/bookings/index.js';
import { apply, config, ist, make, MINUTE, newState, service, SERVICE } from './fixtures.js';

const NOW = ist('2026-12-07', '08:00'); // a Monday
const TUESDAY_9 = ist('2026-12-08', '09:00');

function refusal(cmd: BookingCommand, cfg = config(), state = newState(), now = NOW) {
  const r = decideBooking(state, cfg, cmd, now);
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe('making a booking', () => {
  it('when the slot is free, then one booking:made event with the slot instant, trimmed name and normalised phone', () => {
    const cmd = make({ name: '  Ayşe Yılmaz ', phone: '+90 532 123-45-67', addressHash: 'h1' });
    const r = decideBooking(newState(), config(), cmd, NOW);
    expect(r).toEqual({
      ok: true,
      value: [
        {
          type: 'booking:made',
          hallId: 'cankaya',
          at: NOW,
          bookingId: cmd.bookingId,
          serviceId: SERVICE,
          slotAt: TUESDAY_9,
          day: '2026-12-08',
          time: '09:00',
          slotMinutes: 20,
          name: 'Ayşe Yılmaz',
          phone: '05321234567',
          addressHash: 'h1',
          lang: 'tr',
          code: cmd.code,
          checkInCode: cmd.checkInCode,
          madeBy: 'citizen',
        },
      ],
    });
  });

  it.each([
    ['0532 123 45 67', '05321234567'],
    ['+90 532 123-45-67', '05321234567'],
    ['905321234567', '05321234567'],
    ['5321234567', '05321234567'],
    ['0212 123 45 67', null], // a landline
    ['0532 123 45', null],
  ])('when the phone is typed as %s, then it is kept as %s', (typed, kept) => {
    expect(normalisePhone(typed)).toBe(kept);
  });

  it('when the phone is not a mobile number or the name is too short, then validation names the field', () => {
    expect(refusal(make({ phone: '0312 123 45 67' }))).toMatchObject({
      code: 'validation',
      field: 'phone',
    });
    expect(refusal(make({ name: ' A ' }))).toMatchObject({ code: 'validation', field: 'name' });
    expect(refusal(make({ name: 'x'.repeat(81) }))).toMatchObject({ field: 'name' });
  });

  it.each([
    ['a service that takes no bookings', { serviceId: 'ruhsat' }, 'serviceId'],
    ['a national holiday (1 January)', { day: '2027-01-01' }, 'day'],
    ["the hall's closed day", { day: '2026-12-09' }, 'day'],
    ['a weekday without hours', { day: '2026-12-12' }, 'day'],
    ['a past day', { day: '2026-12-04' }, 'day'],
    ['a day beyond the horizon', { day: '2027-01-07' }, 'day'],
    ['a day that is not in the calendar', { day: '2026-11-31' }, 'day'],
    ['a time between slots', { time: '09:10' }, 'time'],
    ['the lunch break', { time: '12:00' }, 'time'],
    ['a time before the hours', { day: '2026-12-07', time: '07:30' }, 'time'],
    ['a slot within the lead time (90 minutes)', { day: '2026-12-07', time: '09:20' }, 'time'],
  ])('when asking for %s, then booking-closed names %s', (_, over, field) => {
    const cfg = config({ closedDays: ['2026-12-09'], leadMinutes: 90 }, [
      service(),
      service({ id: 'ruhsat' }, { enabled: false }),
    ]);
    expect(refusal(make(over), cfg)).toMatchObject({ code: 'booking-closed', field });
  });

  it('when the slot is just outside the lead time, then it is accepted', () => {
    // 09:00 slot, 30 minutes lead: until 08:30 exactly.
    const cmd = make({ day: '2026-12-07', time: '09:00' });
    expect(decideBooking(newState(), config(), cmd, ist('2026-12-07', '08:30')).ok).toBe(true);
    expect(refusal(cmd, config(), newState(), ist('2026-12-07', '08:30') + 1)).toMatchObject({
      code: 'booking-closed',
      field: 'time',
    });
  });

  it('when perSlot is 2, then two bookings take the slot and the third is slot-full', () => {
    const cfg = config({}, [service({}, { perSlot: 2 })]);
    const state = newState();
    apply(state, cfg, [make(), make()], NOW);
    expect(placesTaken(state, SERVICE, TUESDAY_9)).toBe(2);
    expect(refusal(make(), cfg, state)).toMatchObject({ code: 'slot-full' });
    expect(decideBooking(state, cfg, make({ time: '09:20' }), NOW).ok).toBe(true);
  });

  it('when a phone holds maxPerContact future bookings, then the next is booking-limit; another phone is not', () => {
    const cfg = config({ maxPerContact: 2 });
    const state = newState();
    const phone = '0532 123 45 67';
    apply(state, cfg, [make({ phone }), make({ phone: '05321234567', time: '09:20' })], NOW);
    expect(refusal(make({ phone: '+905321234567', time: '09:40' }), cfg, state)).toMatchObject({
      code: 'booking-limit',
      field: 'phone',
    });
    // Staff are not exempt from the phone rule.
    expect(refusal(make({ phone, time: '09:40', madeBy: 'staff' }), cfg, state)).toMatchObject({
      code: 'booking-limit',
    });
    expect(decideBooking(state, cfg, make({ phone: '05551112233', time: '09:40' }), NOW).ok).toBe(
      true,
    );
  });

  it('when a held booking is cancelled or its slot has passed, then it no longer counts', () => {
    const cfg = config({ maxPerContact: 1 });
    const state = newState();
    const phone = '05321234567';
    const first = make({ phone, day: '2026-12-07', time: '09:00' });
    apply(state, cfg, [first], NOW);
    expect(refusal(make({ phone }), cfg, state)).toMatchObject({ code: 'booking-limit' });
    // Once its slot has begun (slot < now) it is no longer a future booking.
    const slot = ist('2026-12-07', '09:00');
    expect(decideBooking(state, cfg, make({ phone }), slot).ok).toBe(false);
    expect(decideBooking(state, cfg, make({ phone }), slot + 1).ok).toBe(true);
    apply(state, cfg, [{ type: 'cancel', bookingId: first.bookingId, by: 'citizen' }], NOW);
    expect(decideBooking(state, cfg, make({ phone }), NOW).ok).toBe(true);
  });

  it('when an address holds maxPerContact citizen bookings, then the next citizen booking is booking-limit; staff are exempt', () => {
    const cfg = config({ maxPerContact: 2 });
    const state = newState();
    const addressHash = 'f'.repeat(64);
    apply(state, cfg, [make({ addressHash }), make({ addressHash, time: '09:20' })], NOW);
    expect(refusal(make({ addressHash, time: '09:40' }), cfg, state)).toMatchObject({
      code: 'booking-limit',
    });
    const byStaff = make({ addressHash, time: '09:40', madeBy: 'staff' });
    const r = decideBooking(state, cfg, byStaff, NOW);
    expect(r.ok && r.value[0]).toMatchObject({ madeBy: 'staff', addressHash: null });
    expect(
      decideBooking(state, cfg, make({ addressHash: 'e'.repeat(64), time: '09:40' }), NOW).ok,
    ).toBe(true);
  });

  it('when an id, page code or open check-in code is taken, then conflict asks for another draw', () => {
    const state = newState();
    const first = make();
    apply(state, config(), [first], NOW);
    expect(
      refusal(make({ bookingId: first.bookingId, time: '09:20' }), config(), state),
    ).toMatchObject({
      code: 'conflict',
      field: 'bookingId',
    });
    expect(refusal(make({ code: first.code, time: '09:20' }), config(), state)).toMatchObject({
      code: 'conflict',
      field: 'code',
    });
    expect(
      refusal(make({ checkInCode: first.checkInCode, time: '09:20' }), config(), state),
    ).toMatchObject({ code: 'conflict', field: 'checkInCode' });
    // Once that booking is finished (cancelled), its check-in code may be drawn again.
    apply(state, config(), [{ type: 'cancel', bookingId: first.bookingId, by: 'citizen' }], NOW);
    const again = make({ checkInCode: first.checkInCode, time: '09:20' });
    apply(state, config(), [again], NOW);
    expect(state.byCheckInCode.get(first.checkInCode)).toBe(again.bookingId);
  });
});

describe('moving and cancelling', () => {
  function booked(cfg = config()) {
    const state = newState();
    const first = make();
    apply(state, cfg, [first], NOW);
    return { state, id: first.bookingId };
  }

  it('when a booking moves to a free slot, then it keeps one place: the old slot frees, the new one is taken', () => {
    const { state, id } = booked();
    const events = apply(
      state,
      config(),
      [{ type: 'move', bookingId: id, day: '2026-12-10', time: '13:40' }],
      NOW,
    );
    expect(events).toEqual([
      {
        type: 'booking:moved',
        hallId: 'cankaya',
        at: NOW,
        bookingId: id,
        slotAt: ist('2026-12-10', '13:40'),
        day: '2026-12-10',
        time: '13:40',
      },
    ]);
    expect(placesTaken(state, SERVICE, TUESDAY_9)).toBe(0);
    expect(placesTaken(state, SERVICE, ist('2026-12-10', '13:40'))).toBe(1);
    expect([...state.taken.values()].reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('when moving to a full slot, then slot-full; to its own slot, then nothing happens', () => {
    const { state, id } = booked();
    apply(state, config(), [make({ time: '09:20' })], NOW);
    expect(
      refusal({ type: 'move', bookingId: id, day: '2026-12-08', time: '09:20' }, config(), state),
    ).toMatchObject({
      code: 'slot-full',
    });
    expect(
      decideBooking(
        state,
        config(),
        { type: 'move', bookingId: id, day: '2026-12-08', time: '09:00' },
        NOW,
      ),
    ).toEqual({
      ok: true,
      value: [],
    });
  });

  it('when moving to a closed day or a non-slot, then booking-closed names the field', () => {
    const { state, id } = booked();
    expect(
      refusal({ type: 'move', bookingId: id, day: '2026-12-13', time: '09:00' }, config(), state),
    ).toMatchObject({
      code: 'booking-closed',
      field: 'day',
    });
    expect(
      refusal({ type: 'move', bookingId: id, day: '2026-12-10', time: '09:05' }, config(), state),
    ).toMatchObject({
      code: 'booking-closed',
      field: 'time',
    });
  });

  it('when a booking is cancelled, then its place is free and a second cancel is refused', () => {
    const { state, id } = booked();
    apply(state, config(), [{ type: 'cancel', bookingId: id, by: 'staff' }], NOW);
    expect(placesTaken(state, SERVICE, TUESDAY_9)).toBe(0);
    expect(decideBooking(state, config(), make(), NOW).ok).toBe(true);
    expect(
      refusal({ type: 'cancel', bookingId: id, by: 'citizen' }, config(), state),
    ).toMatchObject({
      code: 'booking-not-changeable',
    });
    expect(
      refusal({ type: 'move', bookingId: id, day: '2026-12-10', time: '09:00' }, config(), state),
    ).toMatchObject({
      code: 'booking-not-changeable',
    });
  });

  it('when within the lead time, checked in or unknown, then cancel and move are refused', () => {
    const { state, id } = booked();
    const lead = TUESDAY_9 - 30 * MINUTE;
    const cancel: BookingCommand = { type: 'cancel', bookingId: id, by: 'citizen' };
    expect(decideBooking(state, config(), cancel, lead).ok).toBe(true);
    expect(refusal(cancel, config(), state, lead + 1)).toMatchObject({
      code: 'booking-not-changeable',
    });
    apply(
      state,
      config(),
      [{ type: 'checked-in', bookingId: id, ticketId: 't1', ticketNumber: 'V001' }],
      NOW,
    );
    expect(refusal(cancel, config(), state)).toMatchObject({ code: 'booking-not-changeable' });
    expect(refusal({ type: 'cancel', bookingId: 'nope', by: 'staff' })).toMatchObject({
      code: 'booking-not-found',
    });
  });
  it('when the lead time is shorter than the check-in window, then cancel and move close when check-in opens (a checked-in visitor cannot free their place)', () => {
    const rules = { leadMinutes: 0, checkInEarlyMinutes: 15 };
    const { state, id } = booked();
    const cancel: BookingCommand = { type: 'cancel', bookingId: id, by: 'citizen' };
    const opens = TUESDAY_9 - 15 * MINUTE;
    expect(decideBooking(state, config(rules), cancel, opens).ok).toBe(true);
    expect(refusal(cancel, config(rules), state, opens + 1)).toMatchObject({
      code: 'booking-not-changeable',
    });
    expect(
      refusal(
        { type: 'move', bookingId: id, day: '2026-12-10', time: '09:00' },
        config(rules),
        state,
        opens + 1,
      ),
    ).toMatchObject({ code: 'booking-not-changeable' });
  });
});

describe('recording a check-in and erasing', () => {
  it('when the ticket is recorded twice with the same ticket, then the second is a no-op; another ticket is refused', () => {
    const state = newState();
    const first = make();
    apply(state, config(), [first], NOW);
    const rec: BookingCommand = {
      type: 'checked-in',
      bookingId: first.bookingId,
      ticketId: 't1',
      ticketNumber: 'V001',
    };
    expect(apply(state, config(), [rec], TUESDAY_9)).toHaveLength(1);
    expect(decideBooking(state, config(), rec, TUESDAY_9)).toEqual({ ok: true, value: [] });
    expect(refusal({ ...rec, ticketId: 't2' }, config(), state, TUESDAY_9)).toMatchObject({
      code: 'booking-already-checked-in',
    });
    expect(refusal({ ...rec, bookingId: 'nope' })).toMatchObject({ code: 'booking-not-found' });
  });

  it('when bookings pass the retention period, then erase names those not yet erased, once', () => {
    const cfg = config({ retentionDays: 30, maxPerContact: 10 });
    const state = newState();
    const old = make({ day: '2026-12-07', time: '09:00' });
    const newer = make({ day: '2026-12-08', time: '09:00' });
    apply(state, cfg, [old, newer], NOW);
    const day = 24 * 60 * MINUTE;
    const at = ist('2026-12-07', '09:00') + 30 * day + 1;
    const events = apply(state, cfg, [{ type: 'erase' }], at);
    expect(events).toEqual([
      { type: 'bookings:erased', hallId: 'cankaya', at, bookingIds: [old.bookingId] },
    ]);
    expect(state.bookings.get(old.bookingId)).toMatchObject({ name: '', phone: null });
    expect(decideBooking(state, cfg, { type: 'erase' }, at)).toEqual({ ok: true, value: [] });
    expect(decideBooking(state, cfg, { type: 'erase' }, at + day)).toMatchObject({
      ok: true,
      value: [{ bookingIds: [newer.bookingId] }],
    });
  });
});
