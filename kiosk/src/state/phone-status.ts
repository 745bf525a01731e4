import type { Lang } from '../../../contract/domain.js';
import type { TicketStatusView } from '../../../contract/api.js';
import { t } from '../i18n.js';
import { formatAhead, formatEstimate } from './format.js';

/** `connecting`: no status yet; `offline`: had a link, lost it; `not-found`: unknown or expired code. */
export type PhoneConnection = 'connecting' | 'live' | 'offline' | 'not-found';

export type PhoneTone = 'waiting' | 'called' | 'serving' | 'finished';

/** What the phone page shows for one ticket. */
export interface PhoneStatusModel {
  number: string;
  service: string;
  hallName: string;
  tone: PhoneTone;
  /** The big line: "Önünüzde 3 kişi var", "3 numaralı bankoya gelin", "İşleminiz tamamlandı…". */
  headline: string;
  /** The estimate while waiting; `null` otherwise. */
  wait: string | null;
  /** Above the headline when called. */
  title: string | null;
  /** The visitor may still leave the queue. */
  canLeave: boolean;
}

export function phoneStatusModel(view: TicketStatusView, lang: Lang): PhoneStatusModel {
  const text = t(lang);
  const base = {
    number: view.number,
    service: view.serviceName[lang],
    hallName: view.hallName,
    wait: null,
    title: null,
    canLeave: false,
  };
  const counter = view.counterNumber ?? 0;
  switch (view.status) {
    case 'waiting':
      return {
        ...base,
        tone: 'waiting',
        headline: formatAhead(view.peopleAhead, lang),
        wait: formatEstimate(view.estimate, lang),
        canLeave: true,
      };
    case 'called':
      return {
        ...base,
        tone: 'called',
        title: text.calledTitle,
        headline: text.goToCounter(counter),
        canLeave: true,
      };
    case 'serving':
      return { ...base, tone: 'serving', headline: text.serving(counter) };
    case 'done':
      return { ...base, tone: 'finished', headline: text.done };
    case 'cancelled':
      return { ...base, tone: 'finished', headline: text.cancelled };
    case 'no-show':
      return { ...base, tone: 'finished', headline: text.noShow };
  }
}

/**
 * `true` when the visitor should be alerted (vibration, notification): the ticket was just
 * called, or called again. Not on the first status after opening the page: they are looking.
 */
export function shouldAlert(prev: TicketStatusView | null, next: TicketStatusView): boolean {
  if (prev === null || next.status !== 'called' || next.calledAt === null) return false;
  return prev.status !== 'called' || prev.calledAt !== next.calledAt;
}

/** The ticket code: the last segment of `/t/<code>`. */
export function codeFromPath(pathname: string): string | null {
  const last = pathname.split('/').filter(Boolean).pop();
  return last && /^[A-Za-z0-9_-]{16,64}$/.test(last) ? last : null;
}

/**
 * The visitor's own choice first, then the language the ticket link asks for, then the one
 * chosen at the kiosk (the printed QR holds the plain link), then Turkish.
 */
export function phoneLang(
  chosen: string | null,
  query: string | null,
  ticket: string | null = null,
): Lang {
  for (const l of [chosen, query, ticket]) if (l === 'tr' || l === 'en') return l;
  return 'tr';
}

/** `needs-https`: the page is on plain http, where browsers refuse notifications outright. */
export type NotifyState = 'unsupported' | 'ask' | 'granted' | 'denied' | 'needs-https';

/**
 * Whether to offer the notification button (only ever on a tap, never on load). On plain http
 * (not a secure context) browsers deny or hide notifications whatever the visitor does, so
 * that is said instead of "not allowed".
 */
export function notifyState(
  permission: NotificationPermission | null,
  secureContext = true,
): NotifyState {
  if (!secureContext) return 'needs-https';
  if (permission === null) return 'unsupported';
  if (permission === 'default') return 'ask';
  return permission;
}
