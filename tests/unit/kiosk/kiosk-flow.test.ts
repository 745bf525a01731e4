import { describe, expect, it } from 'vitest';
import {
  CONFIRMATION_MS,
  DISMISS_GUARD_MS,
  idleResets,
  kioskFlow,
  SMS_KEYPAD_IDLE_MS,
  SMS_KEYPAD_WARN_MS,
  smsKeypadExpired,
  smsKeypadWarning,
  START,
  type KioskAction,
  type KioskFlow,
} from '../../../kiosk/src/state/kiosk-flow.js';
import { issuedTicket, T0 } from './fixtures.js';

function run(...actions: KioskAction[]): KioskFlow {
  return actions.reduce(kioskFlow, START);
}

const ticket = issuedTicket();
const confirmed = run({ type: 'issue-start' }, { type: 'issue-ok', ticket, at: T0 });

describe('kiosk flow', () => {
  it('when the visitor takes the priority path and picks a group, then the services come with that priority', () => {
    const flow = run({ type: 'priority-path' }, { type: 'priority-group', group: 'pregnant' });

    expect(flow.view).toBe('services');
    expect(flow.priority).toBe('pregnant');
  });

  it('when the visitor goes back from the services, then the groups show; back again, then the start', () => {
    const services = run({ type: 'priority-path' }, { type: 'priority-group', group: 'elderly' });

    const groups = kioskFlow(services, { type: 'back' });
    const start = kioskFlow(groups, { type: 'back' });

    expect(groups).toMatchObject({ view: 'priority', priority: null });
    expect(start).toMatchObject({ view: 'start', priority: null });
  });

  it('when a ticket request is in flight, then a second request is ignored', () => {
    const issuing = run({ type: 'issue-start' });

    expect(issuing.issuing).toBe(true);
    expect(kioskFlow(issuing, { type: 'issue-start' })).toBe(issuing);
  });

  it('when a ticket request is in flight, then neither back nor the priority path change the screen', () => {
    const issuing = run(
      { type: 'priority-path' },
      { type: 'priority-group', group: 'veteran' },
      { type: 'issue-start' },
    );

    expect(kioskFlow(issuing, { type: 'back' })).toBe(issuing);
    expect(kioskFlow(run({ type: 'issue-start' }), { type: 'priority-path' }).view).toBe('start');
  });

  it('when the ticket is issued, then the confirmation shows it, printing pending', () => {
    expect(confirmed).toMatchObject({
      view: 'confirmation',
      issuing: false,
      ticket,
      print: null,
      shownAt: T0,
    });
  });

  it('when a ticket answer comes without a request, then it is ignored', () => {
    expect(run({ type: 'issue-ok', ticket, at: T0 })).toBe(START);
  });

  it('when the request fails, then the error shows on the same screen and taps work again', () => {
    const flow = run(
      { type: 'priority-path' },
      { type: 'priority-group', group: 'disabled' },
      { type: 'issue-start' },
      { type: 'issue-failed', error: 'service-inactive' },
    );

    expect(flow).toMatchObject({ view: 'services', issuing: false, error: 'service-inactive' });
    expect(kioskFlow(flow, { type: 'dismiss-error' }).error).toBeNull();
    expect(kioskFlow(flow, { type: 'issue-start' })).toMatchObject({ issuing: true, error: null });
  });

  it('when printing ends for this ticket, then its outcome shows; for another ticket, then nothing changes', () => {
    expect(
      kioskFlow(confirmed, { type: 'print-done', ticketId: 't1', outcome: 'failed' }).print,
    ).toBe('failed');
    expect(
      kioskFlow(confirmed, { type: 'print-done', ticketId: 'other', outcome: 'printed' }),
    ).toBe(confirmed);
  });

  it('when "Tamam" is tapped right after the ticket appears, then it is the double tap and is ignored', () => {
    expect(kioskFlow(confirmed, { type: 'ok-tap', at: T0 + DISMISS_GUARD_MS - 1 })).toBe(confirmed);
  });

  it('when "Tamam" is tapped later, then the kiosk starts over in Turkish', () => {
    const english = kioskFlow(kioskFlow(START, { type: 'lang', lang: 'en' }), {
      type: 'issue-start',
    });
    const shown = kioskFlow(english, { type: 'issue-ok', ticket, at: T0 });

    expect(kioskFlow(shown, { type: 'ok-tap', at: T0 + DISMISS_GUARD_MS })).toBe(START);
  });

  it('when the confirmation has been up for its time, then the kiosk starts over; not before', () => {
    expect(
      kioskFlow(confirmed, { type: 'confirmation-timeout', at: T0 + CONFIRMATION_MS - 1 }),
    ).toBe(confirmed);
    expect(kioskFlow(confirmed, { type: 'confirmation-timeout', at: T0 + CONFIRMATION_MS })).toBe(
      START,
    );
  });

  it.each<[string, KioskFlow, boolean]>([
    ['a Turkish start screen', START, false],
    ['a start screen in English', { ...START, lang: 'en' }, true],
    ['the priority groups', { ...START, view: 'priority' }, true],
    ['the confirmation', confirmed, true],
    ['an error on the start screen', { ...START, error: 'network' }, true],
    ['a request in flight', { ...START, view: 'services', issuing: true }, false],
  ])('when the kiosk is idle on %s, then it starts over: %s', (_name, flow, resets) => {
    expect(idleResets(flow)).toBe(resets);
    expect(kioskFlow(flow, { type: 'idle' })).toBe(resets ? START : flow);
  });

  it('when the language is chosen again, then nothing changes', () => {
    expect(kioskFlow(START, { type: 'lang', lang: 'tr' })).toBe(START);
    expect(kioskFlow(START, { type: 'lang', lang: 'en' }).lang).toBe('en');
  });
});

describe('SMS keypad left alone', () => {
  it('when the keypad has gone a minute without a tap, then it closes; not a moment before', () => {
    expect(SMS_KEYPAD_IDLE_MS).toBe(60_000);
    expect(smsKeypadExpired(T0, T0 + 25_000)).toBe(false);
    expect(smsKeypadExpired(T0, T0 + SMS_KEYPAD_IDLE_MS - 1)).toBe(false);
    expect(smsKeypadExpired(T0, T0 + SMS_KEYPAD_IDLE_MS)).toBe(true);
    // A tap starts the minute again.
    expect(smsKeypadExpired(T0 + 50_000, T0 + SMS_KEYPAD_IDLE_MS)).toBe(false);
  });

  it('when it is within its last 15 s, then it says how many seconds are left; before, nothing', () => {
    expect(SMS_KEYPAD_WARN_MS).toBe(15_000);
    expect(smsKeypadWarning(T0, T0)).toBeNull();
    expect(smsKeypadWarning(T0, T0 + 44_999)).toBeNull();
    expect(smsKeypadWarning(T0, T0 + 45_000)).toBe(15);
    expect(smsKeypadWarning(T0, T0 + 48_000)).toBe(12);
    expect(smsKeypadWarning(T0, T0 + 48_500)).toBe(12);
    expect(smsKeypadWarning(T0, T0 + 59_999)).toBe(1);
    expect(smsKeypadWarning(T0, T0 + 70_000)).toBe(0);
  });
});
