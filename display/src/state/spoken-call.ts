/**
 * How the display says a call aloud in Turkish. Speech engines read a ticket number unevenly
 * (espeak-ng's tr voice says `V001` "ve sıfır sıfır bir" but `Ş012` "şe sıfır on iki", and some
 * engines read a lone capital by its English name), so the sentence spells it out in words
 * (contract/spoken-number.ts, shared with the kiosk's audio guide).
 */
import { spokenTicket, turkishNumber } from '../../../contract/spoken-number.js';

export { spokenTicket, turkishNumber };

/** The sentence: "ve sıfır sıfır bir numaralı sıra, üç numaralı bankoya lütfen." */
export function spokenCall(ticketNumber: string, counterNumber: number): string {
  return `${spokenTicket(ticketNumber)} numaralı sıra, ${turkishNumber(counterNumber)} numaralı bankoya lütfen.`;
}
