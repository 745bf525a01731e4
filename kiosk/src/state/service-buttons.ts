import type { Lang } from '../../../contract/domain.js';
import { t } from '../i18n.js';
import { formatWait, formatWaiting } from './format.js';
import type { LiveHall } from './live-hall.js';

/** One big service button on the kiosk. */
export interface ServiceButton {
  serviceId: string;
  prefix: string;
  name: string;
  /** "3 kişi bekliyor" */
  waiting: string;
  /** "yaklaşık 5 dk"; empty when the service is closed. */
  wait: string;
  /** Shown instead of the figures when the service is closed. */
  note: string | null;
  disabled: boolean;
}

/**
 * The service buttons in the hall's order. A closed service stays visible (visitors look for
 * it) but cannot be tapped; every button is disabled while the kiosk cannot issue tickets.
 */
export function serviceButtons(hall: LiveHall, lang: Lang, canIssue: boolean): ServiceButton[] {
  const text = t(lang);
  return hall.services.map((s) => {
    const q = hall.queues[s.id] ?? { waiting: 0, estimatedWaitMinutes: 0 };
    const name = s.name[lang];
    const waiting = formatWaiting(q.waiting, lang);
    const wait = s.active ? formatWait(q.estimatedWaitMinutes, lang) : '';
    const note = s.active ? null : text.serviceClosed;
    return {
      serviceId: s.id,
      prefix: s.prefix,
      name,
      waiting,
      wait,
      note,
      disabled: !canIssue || !s.active,
    };
  });
}
