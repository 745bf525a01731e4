import type { Lang } from '../../../contract/domain.js';
import { t } from '../i18n.js';
import { formatEstimate, formatWaiting } from './format.js';
import type { QueueFigures } from './live-hall.js';
import type { LiveHall } from './live-hall.js';

/** One big service button on the kiosk. */
export interface ServiceButton {
  serviceId: string;
  prefix: string;
  name: string;
  /** "3 kişi bekliyor" */
  waiting: string;
  /** "yaklaşık 5 dk" or "Şu an açık banko yok"; empty when the service is closed. */
  wait: string;
  /** Shown instead of the figures when the service is closed or refuses tickets now. */
  note: string | null;
  disabled: boolean;
}

const NO_FIGURES: QueueFigures = {
  waiting: 0,
  estimate: { kind: 'minutes', minutes: 0 },
  refusesTickets: false,
};

/**
 * The service buttons in the hall's order. A closed service stays visible (visitors look for
 * it) but cannot be tapped, nor can one the hall refuses tickets for while no counter serving
 * it is open (it says why); every button is disabled while the kiosk cannot issue tickets.
 */
export function serviceButtons(hall: LiveHall, lang: Lang, canIssue: boolean): ServiceButton[] {
  const text = t(lang);
  return hall.services.map((s) => {
    const q = hall.queues[s.id] ?? NO_FIGURES;
    const name = s.name[lang];
    const waiting = formatWaiting(q.waiting, lang);
    const wait = s.active ? formatEstimate(q.estimate, lang) : '';
    const note = !s.active
      ? text.serviceClosed
      : q.refusesTickets
        ? text.noOpenCounterRefused
        : null;
    return {
      serviceId: s.id,
      prefix: s.prefix,
      name,
      waiting,
      wait,
      note,
      disabled: !canIssue || !s.active || q.refusesTickets,
    };
  });
}
