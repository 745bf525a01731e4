import type { PublicCall } from '../../../contract/api.js';
import { text } from '../i18n.js';

/** One spoken call: the chime, then the Turkish sentence. */
export interface Announcement {
  ticketNumber: string;
  counterNumber: number;
  recall: boolean;
  /** Exactly what the voice says: "V012 numaralı sıra, 3 numaralı bankoya". */
  text: string;
}

/**
 * The sentence for a call. The ticket number stays as printed (the service letter, then the
 * digits), the same form visitors hold on paper and see on the screen.
 */
export function announcementText(call: Pick<PublicCall, 'number' | 'counterNumber'>): string {
  return text.spokenCall(call.number, call.counterNumber);
}

export function announcementFor(call: PublicCall): Announcement {
  return {
    ticketNumber: call.number,
    counterNumber: call.counterNumber,
    recall: call.recall,
    text: announcementText(call),
  };
}
