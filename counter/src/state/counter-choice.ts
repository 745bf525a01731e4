import type { CounterView } from '../../../contract/api.js';

export type ChoiceState = 'free' | 'mine' | 'taken';

export interface CounterChoice {
  id: string;
  number: number;
  name: string;
  serviceIds: string[];
  state: ChoiceState;
  /** Who holds it, for a taken counter. */
  clerkName: string | null;
}

/** The counter the clerk already holds (open or paused), if any. */
export function heldCounter(counters: readonly CounterView[], meId: string): CounterView | null {
  return counters.find((c) => c.status !== 'closed' && c.clerkId === meId) ?? null;
}

/** The hall's counters as the choice screen lists them, by number. */
export function counterChoices(counters: readonly CounterView[], meId: string): CounterChoice[] {
  return [...counters]
    .sort((a, b) => a.number - b.number)
    .map((c) => {
      const state: ChoiceState =
        c.status === 'closed' ? 'free' : c.clerkId === meId ? 'mine' : 'taken';
      return {
        id: c.id,
        number: c.number,
        name: c.name,
        serviceIds: c.services.map((s) => s.serviceId),
        state,
        clerkName: state === 'taken' ? (c.clerkName ?? null) : null,
      };
    });
}
