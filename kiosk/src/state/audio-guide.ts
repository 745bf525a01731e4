import type { Lang, PriorityGroup } from '../../../contract/domain.js';
import type { IssuedTicket } from '../../../contract/api.js';
import { spokenTicket } from '../../../contract/spoken-number.js';
import { t } from '../i18n.js';
import { formatAhead, formatEstimate } from './format.js';
import type { KioskFlow } from './kiosk-flow.js';
import type { ServiceButton } from './service-buttons.js';

/**
 * The audio guide ("Sesli yardım"): the screen is read aloud one choice at a time, and the
 * visitor moves and chooses with four large zones, so neither sight nor a precise touch is
 * needed. Pure: what to say and what a choice does; the kiosk speaks it and acts on it.
 */

export type AudioZone = 'previous' | 'next' | 'repeat' | 'choose';

export type AudioChoice =
  | { kind: 'service'; serviceId: string }
  | { kind: 'priority-path' }
  | { kind: 'group'; group: PriorityGroup }
  | { kind: 'back' }
  | { kind: 'lang'; lang: Lang }
  | { kind: 'exit' }
  | { kind: 'finish' };

/** One choice: what it does, what is shown in the middle of the screen, what is said. */
export interface AudioOption {
  choice: AudioChoice;
  label: string;
  speech: string;
}

const GROUPS: readonly PriorityGroup[] = ['elderly', 'disabled', 'pregnant', 'veteran'];

/** A wait as it is said: "yaklaşık 5 dakika", not "dk", which speech engines spell out. */
export function spokenWait(shown: string, lang: Lang): string {
  return lang === 'tr' ? shown.replace(/\bdk\b/g, 'dakika') : shown.replace(/\bmin\b/g, 'minutes');
}

/** A ticket number said character by character: in Turkish by the letters' Turkish names. */
export function spokenNumber(number: string, lang: Lang): string {
  return lang === 'tr' ? spokenTicket(number) : [...number].join(' ');
}

/**
 * The choices of the screen the visitor is on. Services that cannot be taken now are left out
 * (a blind visitor should not have to hear and skip them); the language and leaving the guide
 * are always last.
 */
export function audioOptions(flow: KioskFlow, buttons: ServiceButton[]): AudioOption[] {
  const text = t(flow.lang);
  const other: Lang = flow.lang === 'tr' ? 'en' : 'tr';
  const tail: AudioOption[] = [
    {
      choice: { kind: 'lang', lang: other },
      label: t(other).langName,
      speech: text.audioSwitchLang,
    },
    { choice: { kind: 'exit' }, label: text.audioGuideOff, speech: text.audioExit },
  ];
  const back: AudioOption = { choice: { kind: 'back' }, label: text.back, speech: text.audioBack };
  const services = buttons
    .filter((b) => !b.disabled)
    .map((b): AudioOption => ({
      choice: { kind: 'service', serviceId: b.serviceId },
      label: b.name,
      speech: text.audioService(b.name, `${b.waiting}, ${spokenWait(b.wait, flow.lang)}`),
    }));
  switch (flow.view) {
    case 'start':
      return [
        ...services,
        {
          choice: { kind: 'priority-path' },
          label: text.priorityPath,
          speech: text.audioPriorityOption,
        },
        ...tail,
      ];
    case 'priority':
      return [
        ...GROUPS.map((group): AudioOption => ({
          choice: { kind: 'group', group },
          label: text.priorityGroups[group],
          speech: `${text.priorityGroups[group]}.`,
        })),
        back,
        ...tail,
      ];
    case 'services':
      return [...services, back, ...tail];
    case 'confirmation':
      return [{ choice: { kind: 'finish' }, label: text.ok, speech: text.audioFinish }];
  }
}

/** "7 seçenekten 2. Vezne. 3 kişi bekliyor, yaklaşık 5 dakika." */
export function optionSpeech(options: AudioOption[], index: number, lang: Lang): string {
  const option = options[index];
  if (!option) return '';
  return `${t(lang).audioOptionOf(index + 1, options.length)} ${option.speech}`;
}

/** What is said when a screen appears: what it asks, then its first choice. */
export function screenSpeech(flow: KioskFlow, options: AudioOption[]): string {
  const text = t(flow.lang);
  const heading =
    flow.view === 'start'
      ? text.audioStart
      : flow.view === 'priority'
        ? text.audioPriority
        : flow.view === 'services'
          ? text.audioServicesAfterPriority(flow.priority ? text.priorityGroups[flow.priority] : '')
          : '';
  return `${heading} ${optionSpeech(options, 0, flow.lang)}`.trim();
}

/**
 * The new ticket, read out: the number spelt as the display will call it, the service, the
 * place in line, the estimate, how the number will be called, then how to finish.
 */
export function ticketSpeech(ticket: IssuedTicket, lang: Lang): string {
  const text = t(lang);
  return [
    text.audioTicket(
      spokenNumber(ticket.number, lang),
      ticket.serviceName[lang],
      formatAhead(ticket.peopleAhead, lang),
      spokenWait(formatEstimate(ticket.estimate, lang), lang),
    ),
    `${text.callMethod}.`,
    text.audioDone,
  ].join(' ');
}

/** The option index after a zone is touched: previous and next go round the list. */
export function moveIndex(index: number, count: number, zone: AudioZone): number {
  if (count === 0) return 0;
  if (zone === 'next') return (index + 1) % count;
  if (zone === 'previous') return (index - 1 + count) % count;
  return Math.min(index, count - 1);
}
