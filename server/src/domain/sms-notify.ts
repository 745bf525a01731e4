import type { QueueEvent } from '../../../contract/events.js';
import { normalisePhone } from './bookings/phone.js';
import type { Command } from './commands.js';
import { peopleAheadOf } from './estimates.js';
import type { HallConfig } from './hall-config.js';
import { fail, ok, type Result } from './result.js';
import type { HallState } from './state.js';

/*
 * The SMS when the turn nears (issue 20). A visitor with a waiting ticket leaves a mobile
 * number; once at most the hall's `smsNotifyAhead` people are ahead of them (as their phone
 * page counts, `peopleAheadOf`), `ticket:turn-near` is journalled, once per ticket, and the
 * integration subscribed to `ticket.turn-near` sends the message. The request follows the
 * ticket: a transfer keeps it (the count is then of the new line), a call, cancel or the day's
 * end leave it unused. The threshold is the hall's when the visitor asked.
 */

export type SmsCommand = Extract<
  Command,
  { type: 'request-sms' | 'withdraw-sms' | 'notify-turn-near' }
>;

export function decideSms(
  state: HallState,
  config: HallConfig,
  command: SmsCommand,
  now: number,
): Result<QueueEvent[]> {
  const base = { hallId: state.hallId, at: now };
  if (command.type === 'notify-turn-near') return ok(turnNearEvents(state, config, now));
  const t = state.tickets.get(command.ticketId);
  if (!t) return fail('ticket-not-found', 'No such ticket today.');
  // Once `ticket:turn-near` is journalled the message is on its way: there is nothing to withdraw.
  if (command.type === 'withdraw-sms' && state.turnNear.has(t.id))
    return fail(
      'invalid-transition',
      `SMS zaten gönderildi (${t.number}), geri alınamaz. / The SMS for ${t.number} has already been sent: it cannot be withdrawn.`,
    );
  if (command.type === 'withdraw-sms')
    return ok(
      state.sms.has(t.id) ? [{ ...base, type: 'ticket:sms-withdrawn', ticketId: t.id }] : [],
    );
  const phone = normalisePhone(command.phone);
  if (phone === null)
    return fail('validation', 'Enter a Turkish mobile number such as 0532 123 45 67.', 'phone');
  const ahead = config.hall.smsNotifyAhead ?? null;
  if (ahead === null) return fail('sms-off', 'This hall sends no SMS when the turn nears.');
  if (t.status !== 'waiting')
    return fail('invalid-transition', `${t.number} is ${t.status}: an SMS is only for waiting.`);
  if (state.turnNear.has(t.id))
    return fail('invalid-transition', `The SMS for ${t.number} has already been sent.`);
  const open = state.sms.get(t.id);
  if (open?.phone === phone && open.ahead === ahead) return ok([]);
  const events: QueueEvent[] = [
    { ...base, type: 'ticket:sms-requested', ticketId: t.id, phone, ahead },
  ];
  // Already that close: the message goes now, in the same write.
  const inFront = peopleAheadOf(state, config, t);
  if (inFront <= ahead)
    events.push({ ...base, type: 'ticket:turn-near', ticketId: t.id, ahead: inFront });
  return ok(events);
}

/** `ticket:turn-near` for each open request whose ticket now waits close enough, not yet told. */
export function turnNearEvents(state: HallState, config: HallConfig, now: number): QueueEvent[] {
  const events: QueueEvent[] = [];
  for (const [ticketId, request] of state.sms) {
    if (state.turnNear.has(ticketId)) continue;
    const t = state.tickets.get(ticketId);
    if (t?.status !== 'waiting') continue;
    const ahead = peopleAheadOf(state, config, t);
    if (ahead <= request.ahead)
      events.push({ hallId: state.hallId, at: now, type: 'ticket:turn-near', ticketId, ahead });
  }
  return events;
}
