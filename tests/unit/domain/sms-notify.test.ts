import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../contract/events.js';
import type { Command, HallConfig, HallState } from '../../../server/src/domain/index.js';
import { at, errorCode, issue, makeConfig, must, newDay, run, RUHSAT, VEZNE } from './fixtures.js';

/*
 * The SMS when the turn nears: a waiting visitor leaves a number; once at most the hall's
 * `smsNotifyAhead` people are ahead of them, `ticket:turn-near` is recorded, once per ticket.
 * The hall's queue asks (`notify-turn-near`) after every durable batch: `step` does the same.
 */

const PHONE = '0532 123 45 67';
const config = makeConfig({ hall: { smsNotifyAhead: 2 } });
const c2 = { counterId: 'c2', clerkId: 'k2' };

/** Runs a command, then the check the hall's queue runs after each batch; all events. */
function step(state: HallState, cfg: HallConfig, command: Command, now: number): QueueEvent[] {
  const events = must(state, cfg, command, now);
  return [...events, ...must(state, cfg, { type: 'notify-turn-near' }, now)];
}

const turnNears = (events: QueueEvent[]) => events.filter((e) => e.type === 'ticket:turn-near');

/** Six visitors wait for vezne; counter 2 (vezne only) is open. */
function line(cfg = config) {
  const state = newDay();
  const tickets = [0, 1, 2, 3, 4, 5].map((i) => issue(state, cfg, VEZNE, at(i)));
  must(state, cfg, { type: 'open', ...c2 }, at(6));
  return { state, tickets };
}

/** Calls the next visitor at counter 2 and finishes the visit (the counter stays free). */
function serveNext(state: HallState, cfg: HallConfig, now: number): QueueEvent[] {
  return [
    ...step(state, cfg, { type: 'call-next', ...c2 }, now),
    ...step(state, cfg, { type: 'start', ...c2 }, now + 1000),
    ...step(state, cfg, { type: 'complete', outcome: 'resolved', note: null, ...c2 }, now + 2000),
  ];
}

describe('the SMS when the turn nears', () => {
  it('when calls bring a requesting visitor to the threshold, then turn-near is recorded once, then never again', () => {
    const { state, tickets } = line();
    const last = tickets[5]!;
    const asked = step(
      state,
      config,
      { type: 'request-sms', ticketId: last.id, phone: PHONE },
      at(7),
    );
    // Five ahead, threshold two: asked, nothing sent yet; the number is kept normalised.
    expect(asked).toEqual([
      {
        hallId: state.hallId,
        at: at(7),
        type: 'ticket:sms-requested',
        ticketId: last.id,
        phone: '05321234567',
        ahead: 2,
      },
    ]);
    expect(turnNears(serveNext(state, config, at(8)))).toEqual([]); // 4 ahead
    expect(turnNears(serveNext(state, config, at(10)))).toEqual([]); // 3 ahead
    // The third call leaves two ahead: told now, with the count.
    const third = step(state, config, { type: 'call-next', ...c2 }, at(12));
    expect(turnNears(third)).toEqual([
      { hallId: state.hallId, at: at(12), type: 'ticket:turn-near', ticketId: last.id, ahead: 2 },
    ]);
    // Once per ticket: the line moving on tells nothing more.
    const rest = [
      ...step(state, config, { type: 'start', ...c2 }, at(13)),
      ...step(state, config, { type: 'complete', outcome: 'resolved', note: null, ...c2 }, at(14)),
      ...serveNext(state, config, at(15)),
      ...serveNext(state, config, at(17)),
    ];
    expect(turnNears(rest)).toEqual([]);
    expect(state.turnNear.has(last.id)).toBe(true);
  });

  it('when the visitor is already that close when asking, then turn-near goes with the request', () => {
    const { state, tickets } = line();
    const events = must(
      state,
      config,
      { type: 'request-sms', ticketId: tickets[1]!.id, phone: '+90 532 123-45-67' },
      at(7),
    );
    expect(events.map((e) => e.type)).toEqual(['ticket:sms-requested', 'ticket:turn-near']);
    expect(events[1]).toMatchObject({ ticketId: tickets[1]!.id, ahead: 1 });
    // Asking again after it went is refused: the message is sent once per ticket.
    expect(
      errorCode(
        run(state, config, { type: 'request-sms', ticketId: tickets[1]!.id, phone: PHONE }, at(8)),
      ),
    ).toBe('invalid-transition');
  });

  it('when the visitor withdraws, then no turn-near is recorded however close they get', () => {
    const { state, tickets } = line();
    const last = tickets[5]!;
    must(state, config, { type: 'request-sms', ticketId: last.id, phone: PHONE }, at(7));
    const withdrawn = must(state, config, { type: 'withdraw-sms', ticketId: last.id }, at(7, 30));
    expect(withdrawn).toEqual([
      { hallId: state.hallId, at: at(7, 30), type: 'ticket:sms-withdrawn', ticketId: last.id },
    ]);
    // Withdrawing twice changes nothing.
    expect(must(state, config, { type: 'withdraw-sms', ticketId: last.id }, at(7, 40))).toEqual([]);
    const later = [0, 1, 2, 3, 4].flatMap((i) => serveNext(state, config, at(8 + 2 * i)));
    expect(turnNears(later)).toEqual([]);
    expect(state.sms.has(last.id)).toBe(false);
  });

  it('when the SMS has already gone, then withdrawing is refused and nothing is recorded', () => {
    const { state, tickets } = line();
    const near = tickets[1]!;
    // One ahead, threshold two: the message goes with the request.
    must(state, config, { type: 'request-sms', ticketId: near.id, phone: PHONE }, at(7));
    expect(state.turnNear.has(near.id)).toBe(true);
    const result = run(state, config, { type: 'withdraw-sms', ticketId: near.id }, at(7, 30));
    expect(errorCode(result)).toBe('invalid-transition');
    expect(!result.ok && result.error.message).toMatch(/SMS zaten gönderildi.*already been sent/);
    expect(state.sms.has(near.id)).toBe(true);
  });

  it('when the same number is given again, then nothing is recorded; a new number replaces it', () => {
    const { state, tickets } = line();
    const id = tickets[5]!.id;
    must(state, config, { type: 'request-sms', ticketId: id, phone: PHONE }, at(7));
    expect(
      must(state, config, { type: 'request-sms', ticketId: id, phone: '05321234567' }, at(8)),
    ).toEqual([]);
    const again = must(
      state,
      config,
      { type: 'request-sms', ticketId: id, phone: '0533 000 11 22' },
      at(9),
    );
    expect(again).toMatchObject([{ type: 'ticket:sms-requested', phone: '05330001122' }]);
    expect(state.sms.get(id)).toEqual({ phone: '05330001122', ahead: 2 });
  });

  it('when the ticket is transferred, then the request follows it and counts the new line', () => {
    const cfg = makeConfig({ hall: { smsNotifyAhead: 1 } });
    const { state, tickets } = line(cfg);
    const moving = tickets[5]!;
    // Three visitors already wait for ruhsat; counter 3 (ruhsat only) opens.
    const ruhsat = [0, 1, 2].map((i) => issue(state, cfg, RUHSAT, at(7, i)));
    must(state, cfg, { type: 'open', counterId: 'c3', clerkId: 'k3' }, at(7, 10));
    must(state, cfg, { type: 'request-sms', ticketId: moving.id, phone: PHONE }, at(8));
    // The clerk calls V006 by number and sends them to ruhsat, at the back: three ahead there.
    step(state, cfg, { type: 'call', number: moving.number, ...c2 }, at(9));
    step(state, cfg, { type: 'start', ...c2 }, at(10));
    const moved = step(
      state,
      cfg,
      { type: 'transfer', serviceId: RUHSAT, position: 'back', ...c2 },
      at(11),
    );
    expect(turnNears(moved)).toEqual([]);
    expect(state.sms.has(moving.id)).toBe(true);
    const c3 = { counterId: 'c3', clerkId: 'k3' };
    const first = step(state, cfg, { type: 'call-next', ...c3 }, at(12));
    expect(first.find((e) => e.type === 'ticket:called')).toMatchObject({
      ticketId: ruhsat[0]!.id,
    });
    expect(turnNears(first)).toEqual([]); // two ahead
    step(state, cfg, { type: 'start', ...c3 }, at(13));
    step(state, cfg, { type: 'complete', outcome: 'resolved', note: null, ...c3 }, at(14));
    const second = step(state, cfg, { type: 'call-next', ...c3 }, at(15));
    expect(turnNears(second)).toEqual([
      { hallId: state.hallId, at: at(15), type: 'ticket:turn-near', ticketId: moving.id, ahead: 1 },
    ]);
  });

  it('when two servers ask at once, then the one that decides after the other finds it done', () => {
    const { state, tickets } = line();
    must(state, config, { type: 'request-sms', ticketId: tickets[5]!.id, phone: PHONE }, at(7));
    for (const i of [0, 1]) serveNext(state, config, at(8 + 2 * i));
    must(state, config, { type: 'call-next', ...c2 }, at(12));
    // Both deciders see the same state: each would record it; the journal takes one.
    const first = must(state, config, { type: 'notify-turn-near' }, at(12, 1));
    expect(turnNears(first)).toHaveLength(1);
    // The loser caught up on the winner's event and decides again: nothing left to do.
    expect(must(state, config, { type: 'notify-turn-near' }, at(12, 2))).toEqual([]);
  });

  it.each<[string, Partial<Command>, HallConfig, string]>([
    ['an unknown ticket', { ticketId: 'nope' }, config, 'ticket-not-found'],
    ['a landline number', { phone: '0312 123 45 67' }, config, 'validation'],
    ['a number too short', { phone: '0532 123' }, config, 'validation'],
    ['a hall that sends no SMS', {}, makeConfig(), 'sms-off'],
    [
      'a hall whose SMS is switched off',
      {},
      makeConfig({ hall: { smsNotifyAhead: null } }),
      'sms-off',
    ],
  ])('when asked for %s, then it is refused and nothing changes', (_what, change, cfg, code) => {
    const { state, tickets } = line(cfg);
    const command = {
      type: 'request-sms',
      ticketId: tickets[5]!.id,
      phone: PHONE,
      ...change,
    } as Command;
    const result = run(state, cfg, command, at(7));
    expect(errorCode(result)).toBe(code);
    if (code === 'validation') expect(result.ok ? null : result.error.field).toBe('phone');
    expect(state.sms.size).toBe(0);
  });

  it('when the ticket is no longer waiting, then an SMS cannot be asked for', () => {
    const { state, tickets } = line();
    must(state, config, { type: 'call-next', ...c2 }, at(7));
    expect(
      errorCode(
        run(state, config, { type: 'request-sms', ticketId: tickets[0]!.id, phone: PHONE }, at(8)),
      ),
    ).toBe('invalid-transition');
  });

  it('when a requesting visitor is called before reaching the threshold, then none is recorded', () => {
    const { state, tickets } = line();
    const last = tickets[5]!;
    must(state, config, { type: 'request-sms', ticketId: last.id, phone: PHONE }, at(7));
    const called = step(state, config, { type: 'call', number: last.number, ...c2 }, at(8));
    expect(turnNears(called)).toEqual([]);
    expect(must(state, config, { type: 'notify-turn-near' }, at(9))).toEqual([]);
  });
});
