import type { Lang } from '../../contract/domain.js';
import type { IssuedTicket } from '../../contract/api.js';
import { checkInText } from './kiosk-check-in-text.js';

/** The check-in code's length: 10 digits. */
export const CODE_LENGTH = 10;
/**
 * A keyboard-wedge QR scanner types its digits this close together (a few ms each); a person at
 * a keyboard is far slower. A burst of 10 digits followed by Enter is taken as one scan.
 */
export const SCANNER_GAP_MS = 80;

/** What has been typed on the keypad (or by a keyboard or scanner). */
export interface CodeEntry {
  digits: string;
  /** The digits of the current fast burst of key presses (a scan in progress). */
  burst: string;
  lastKeyAt: number | null;
}

export const EMPTY_ENTRY: CodeEntry = { digits: '', burst: '', lastKeyAt: null };

/** A digit touched on the keypad: added while the code is not complete. */
export function pressDigit(entry: CodeEntry, digit: string): CodeEntry {
  if (!/^\d$/.test(digit) || entry.digits.length >= CODE_LENGTH) return entry;
  return { ...entry, digits: entry.digits + digit, burst: '' };
}

/** "Sil": the last digit goes. */
export function eraseDigit(entry: CodeEntry): CodeEntry {
  return { ...entry, digits: entry.digits.slice(0, -1), burst: '' };
}

/** Digits of what a visitor or a scanner typed, spaces and dashes taken out. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The code as it is printed on the booking page: `123 456 7890` (and so far, while typing). */
export function groupCode(digits: string): string {
  const d = digitsOf(digits);
  return [d.slice(0, 3), d.slice(3, 6), d.slice(6, CODE_LENGTH)].filter(Boolean).join(' ');
}

/** The ten places of the code, typed digits first and `_` after: `123 456 7___`. */
export function codeSlots(digits: string): string {
  const s = digitsOf(digits).slice(0, CODE_LENGTH).padEnd(CODE_LENGTH, '_');
  return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;
}

export interface KeyOutcome {
  entry: CodeEntry;
  /** A complete code to check in with (Enter after 10 digits), or null. */
  submit: string | null;
}

/**
 * A key from a keyboard or a keyboard-wedge scanner. Digits are typed into the code; Backspace
 * erases; Enter sends a complete code. When the last 10 digits came as one fast burst (a scan),
 * Enter sends those, whatever was half-typed on the keypad before.
 */
export function keyInput(entry: CodeEntry, key: string, at: number): KeyOutcome {
  const fast = entry.lastKeyAt !== null && at - entry.lastKeyAt <= SCANNER_GAP_MS;
  if (/^\d$/.test(key)) {
    const burst = (fast ? entry.burst : '') + key;
    const digits = entry.digits.length < CODE_LENGTH ? entry.digits + key : entry.digits;
    return { entry: { digits, burst, lastKeyAt: at }, submit: null };
  }
  if (key === 'Enter') {
    if (fast && entry.burst.length === CODE_LENGTH) {
      return { entry: { digits: entry.burst, burst: '', lastKeyAt: at }, submit: entry.burst };
    }
    const submit = entry.digits.length === CODE_LENGTH ? entry.digits : null;
    return { entry: { ...entry, burst: '', lastKeyAt: at }, submit };
  }
  if (key === 'Backspace') return { entry: { ...eraseDigit(entry), lastKeyAt: at }, submit: null };
  // A scanner's prefix or suffix, a space or a dash: ignored, the burst goes on.
  return { entry: { ...entry, lastKeyAt: at }, submit: null };
}

/** Why a check-in did not give a ticket, as the kiosk explains it. */
export type CheckInProblem =
  | { kind: 'too-early'; slot: string | null; opens: string | null }
  | { kind: 'too-late'; serviceId: string | null; slot: string | null }
  | { kind: 'already' }
  | { kind: 'not-found' }
  | { kind: 'cancelled' }
  | { kind: 'other'; code: string };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const SERVICE_ID = /^[A-Za-z0-9-]{1,64}$/;

/** A string field of the refusal's details, if it has the expected form. */
function detail(details: unknown, name: string, form: RegExp): string | null {
  const value = (details as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' && form.test(value) ? value : null;
}

/**
 * The problem a failed check-in stands for. `check-in-too-early` and `check-in-too-late` carry
 * typed `details` (contract/errors.ts): the booking's service and slot time, and when the
 * window opens. Each is checked before use; a missing one is left out of the explanation.
 */
export function checkInProblem(code: string, details?: unknown): CheckInProblem {
  switch (code) {
    case 'check-in-too-early':
      return {
        kind: 'too-early',
        slot: detail(details, 'slotTime', HH_MM),
        opens: detail(details, 'opensAt', HH_MM),
      };
    case 'check-in-too-late':
      return {
        kind: 'too-late',
        serviceId: detail(details, 'serviceId', SERVICE_ID),
        slot: detail(details, 'slotTime', HH_MM),
      };
    case 'booking-already-checked-in':
      return { kind: 'already' };
    case 'booking-not-found':
    case 'not-found':
    case 'validation':
      return { kind: 'not-found' };
    case 'booking-not-changeable':
      return { kind: 'cancelled' };
    default:
      return { kind: 'other', code };
  }
}

/** The heading and sentence the kiosk shows for a problem. */
export function problemText(problem: CheckInProblem, lang: Lang): { title: string; body: string } {
  const text = checkInText(lang);
  switch (problem.kind) {
    case 'too-early':
      return { title: text.tooEarlyTitle, body: text.tooEarly(problem.slot, problem.opens) };
    case 'too-late':
      return { title: text.tooLateTitle, body: text.tooLate(problem.slot) };
    case 'already':
      return { title: text.alreadyTitle, body: text.already };
    case 'not-found':
      return { title: text.notFoundTitle, body: text.notFound };
    case 'cancelled':
      return { title: text.cancelledTitle, body: text.cancelled };
    case 'other':
      return {
        title: text.otherTitle,
        body:
          problem.code === 'network' || problem.code === 'timeout' ? text.unreachable : text.other,
      };
  }
}

/** The slot time an appointment ticket carries (`appointment.time`), if any. */
export function appointmentTime(ticket: IssuedTicket): string | null {
  const appointment = (ticket as { appointment?: { time?: unknown; slotAt?: unknown } | null })
    .appointment;
  if (!appointment) return null;
  if (typeof appointment.time === 'string') return appointment.time;
  if (typeof appointment.slotAt === 'number') {
    const at = new Date(appointment.slotAt);
    return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  }
  return null;
}

/** "Randevu 14:20": the mark the confirmation shows on an appointment's ticket, else null. */
export function appointmentMark(ticket: IssuedTicket, lang: Lang): string | null {
  const time = appointmentTime(ticket);
  return time === null ? null : checkInText(lang).mark(time);
}
