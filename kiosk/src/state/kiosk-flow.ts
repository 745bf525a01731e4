import type { Lang, PriorityGroup } from '../../../contract/domain.js';
import type { IssuedTicket, PrintOutcome } from '../../../contract/api.js';
import type { FailureCode } from './errors.js';

/**
 * How long the confirmation stays before the kiosk is ready for the next visitor: long enough
 * for an elderly visitor to read the number and find their glasses for the QR code ("Tamam"
 * closes it sooner). Never under 20 s.
 */
export const CONFIRMATION_MS = 25_000;
/** No touch for this long on a screen other than a Turkish start screen: start over. */
export const IDLE_MS = 30_000;
/**
 * With large text or the audio guide on, the visitor is given time: no start-over before two
 * minutes without a touch (a blind visitor listens to every choice before touching), and the
 * confirmation stays a minute (it is read aloud, and may be repeated).
 */
export const ASSISTED_IDLE_MS = 120_000;
export const ASSISTED_CONFIRMATION_MS = 60_000;
/** A second tap of a double tap can land on the confirmation's OK: ignore it for this long. */
export const DISMISS_GUARD_MS = 800;
/**
 * The SMS keypad holds the confirmation (and the idle start-over) while a number is typed, but
 * not forever: after this long without a tap on it, it closes, forgets the number and the
 * consent, and the kiosk starts over, so the next visitor never sees (or sends for) the number
 * of one who walked away. Each tap starts it again; long enough to find a number in a phone.
 */
export const SMS_KEYPAD_IDLE_MS = 60_000;
/** In its last this-long the keypad says when it closes, so a slow typist is warned. */
export const SMS_KEYPAD_WARN_MS = 15_000;

/** `start`: normal services and the priority path; `priority`: the groups; `services`: after a group. */
export type KioskView = 'start' | 'priority' | 'services' | 'confirmation';

/** The visitor's way through the kiosk; the connection is tracked apart from it. */
export interface KioskFlow {
  view: KioskView;
  lang: Lang;
  priority: PriorityGroup | null;
  /** A ticket request is in flight: every further tap on a service is ignored. */
  issuing: boolean;
  ticket: IssuedTicket | null;
  /** `null` while printing (or before). */
  print: PrintOutcome | null;
  /** When the confirmation appeared. */
  shownAt: number | null;
  error: FailureCode | null;
  /** "Büyük yazı / Yüksek karşıtlık": on until this visitor's ticket is issued and dismissed. */
  largeText: boolean;
  /** "Sesli yardım": the screen is read aloud and chosen by large zones, until the ticket is done. */
  audio: boolean;
}

export type KioskAction =
  | { type: 'lang'; lang: Lang }
  | { type: 'priority-path' }
  | { type: 'priority-group'; group: PriorityGroup }
  | { type: 'back' }
  | { type: 'issue-start' }
  | { type: 'issue-ok'; ticket: IssuedTicket; at: number }
  | { type: 'issue-failed'; error: FailureCode }
  | { type: 'print-done'; ticketId: string; outcome: PrintOutcome }
  | { type: 'dismiss-error' }
  | { type: 'ok-tap'; at: number }
  | { type: 'confirmation-timeout'; at: number }
  /** The SMS keypad was open this long over the confirmation: its countdown resumes. */
  | { type: 'confirmation-held'; ms: number }
  | { type: 'idle' }
  | { type: 'large-text'; on: boolean }
  | { type: 'audio'; on: boolean };

export const START: KioskFlow = {
  view: 'start',
  lang: 'tr',
  priority: null,
  issuing: false,
  ticket: null,
  print: null,
  shownAt: null,
  error: null,
  largeText: false,
  audio: false,
};

/** The next flow after an action; the same object when the action changes nothing. */
export function kioskFlow(flow: KioskFlow, action: KioskAction): KioskFlow {
  switch (action.type) {
    case 'lang':
      return action.lang === flow.lang ? flow : { ...flow, lang: action.lang };
    case 'priority-path':
      if (flow.issuing || flow.view !== 'start') return flow;
      return { ...flow, view: 'priority', priority: null, error: null };
    case 'priority-group':
      if (flow.view !== 'priority') return flow;
      return { ...flow, view: 'services', priority: action.group, error: null };
    case 'back':
      if (flow.issuing) return flow;
      if (flow.view === 'services')
        return { ...flow, view: 'priority', priority: null, error: null };
      if (flow.view === 'priority') return { ...flow, view: 'start', priority: null, error: null };
      return flow;
    case 'issue-start':
      if (flow.issuing || (flow.view !== 'start' && flow.view !== 'services')) return flow;
      return { ...flow, issuing: true, error: null };
    case 'issue-ok':
      if (!flow.issuing) return flow;
      return {
        ...flow,
        view: 'confirmation',
        issuing: false,
        ticket: action.ticket,
        print: null,
        shownAt: action.at,
        error: null,
      };
    case 'issue-failed':
      if (!flow.issuing) return flow;
      return { ...flow, issuing: false, error: action.error };
    case 'print-done':
      if (flow.ticket?.id !== action.ticketId) return flow;
      return { ...flow, print: action.outcome };
    case 'dismiss-error':
      return flow.error === null ? flow : { ...flow, error: null };
    case 'ok-tap':
      if (flow.view !== 'confirmation' || !canDismiss(flow, action.at)) return flow;
      return START;
    case 'confirmation-timeout':
      if (flow.view !== 'confirmation' || confirmationDeadline(flow) > action.at) return flow;
      return START;
    case 'confirmation-held':
      if (flow.view !== 'confirmation' || flow.shownAt === null) return flow;
      return { ...flow, shownAt: flow.shownAt + Math.max(0, action.ms) };
    case 'idle':
      return idleResets(flow) ? START : flow;
    case 'large-text':
      return action.on === flow.largeText ? flow : { ...flow, largeText: action.on };
    case 'audio':
      return action.on === flow.audio ? flow : { ...flow, audio: action.on };
  }
}

/** `true` when the OK tap is the visitor's, not the tail of the double tap that issued the ticket. */
export function canDismiss(flow: KioskFlow, now: number): boolean {
  return flow.shownAt !== null && now - flow.shownAt >= DISMISS_GUARD_MS;
}

/** When the confirmation gives way to the start screen. */
export function confirmationDeadline(flow: KioskFlow): number {
  return (flow.shownAt ?? 0) + confirmationMs(flow);
}

/** How long the confirmation stays: longer for a visitor who asked for help. */
export function confirmationMs(flow: KioskFlow): number {
  return assisted(flow) ? ASSISTED_CONFIRMATION_MS : CONFIRMATION_MS;
}

/** How long without a touch before the kiosk starts over. */
export function idleMs(flow: KioskFlow): number {
  return assisted(flow) ? ASSISTED_IDLE_MS : IDLE_MS;
}

/** The visitor turned on large text or the audio guide. */
export function assisted(flow: KioskFlow): boolean {
  return flow.largeText || flow.audio;
}

/**
 * `true` when an idle kiosk should start over: any screen but the start screen, a start screen
 * left in English, with large text or the audio guide on, or an error left on it. Never while a
 * ticket request is in flight.
 */
export function idleResets(flow: KioskFlow): boolean {
  if (flow.issuing) return false;
  return flow.view !== 'start' || flow.lang !== 'tr' || flow.error !== null || assisted(flow);
}

/** `true` when the SMS keypad has gone untouched long enough to close (last tap at `lastTapAt`). */
export function smsKeypadExpired(lastTapAt: number, now: number): boolean {
  return now - lastTapAt >= SMS_KEYPAD_IDLE_MS;
}

/** Whole seconds before the SMS keypad closes, to show in its last 15 s; `null` before then. */
export function smsKeypadWarning(lastTapAt: number, now: number): number | null {
  const left = lastTapAt + SMS_KEYPAD_IDLE_MS - now;
  if (left > SMS_KEYPAD_WARN_MS) return null;
  return Math.max(0, Math.ceil(left / 1000));
}
