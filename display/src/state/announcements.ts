import type { PublicCall } from '../../../contract/api.js';
import { spokenCall } from './spoken-call.js';

/** One spoken call: the chime, then the Turkish sentence. */
export interface Announcement {
  ticketNumber: string;
  counterNumber: number;
  recall: boolean;
  /** Exactly what the voice says: "ve sıfır bir iki numaralı sıra, üç numaralı bankoya lütfen." */
  text: string;
}

/**
 * The sentence for a call. The ticket number is spelled as printed (the service letter by its
 * Turkish name, then each digit), the same form visitors hold on paper and see on the screen.
 */
export function announcementText(call: Pick<PublicCall, 'number' | 'counterNumber'>): string {
  return spokenCall(call.number, call.counterNumber);
}

export function announcementFor(call: PublicCall): Announcement {
  return {
    ticketNumber: call.number,
    counterNumber: call.counterNumber,
    recall: call.recall,
    text: announcementText(call),
  };
}
