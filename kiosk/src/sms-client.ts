import type { TicketStatusView } from '../../contract/api.js';
import { call } from '../../contract/client.js';
import type { Lang } from '../../contract/domain.js';
import { t } from './i18n.js';
import { REQUEST_SMS, REQUEST_TIMEOUT_MS, WITHDRAW_SMS } from './routes.js';
import { errorMessage, type FailureCode } from './state/errors.js';

/** What asking for (or withdrawing) the SMS came to: the ticket's status, or why not. */
export type SmsReply =
  | { ok: true; status: TicketStatusView }
  | { ok: false; code: FailureCode; field: string | undefined };

/**
 * Asks for an SMS when the turn nears, by the ticket's code (the phone page and the kiosk hold
 * it); `consent` is the visitor's ticked box. The reply never carries the number back.
 */
export async function requestSms(code: string, phone: string): Promise<SmsReply> {
  const res = await call(
    REQUEST_SMS,
    { params: { code }, body: { phone, consent: true } },
    { timeoutMs: REQUEST_TIMEOUT_MS },
  );
  return res.ok ? { ok: true, status: res.data } : { ok: false, code: res.code, field: res.field };
}

/** Withdraws the request: the number is no longer used. */
export async function withdrawSms(code: string): Promise<SmsReply> {
  const res = await call(WITHDRAW_SMS, { params: { code } }, { timeoutMs: REQUEST_TIMEOUT_MS });
  return res.ok ? { ok: true, status: res.data } : { ok: false, code: res.code, field: res.field };
}

/** The sentence a visitor reads when the request is refused. */
export function smsFailureText(code: FailureCode, field: string | undefined, lang: Lang): string {
  const text = t(lang).sms;
  if (code === 'validation') return field === 'phone' ? text.badPhone : text.needConsent;
  if (code === 'sms-off') return text.off;
  if (code === 'invalid-transition') return text.notWaiting;
  return errorMessage(code, lang);
}
