import type {
  Appointment,
  Lang,
  Outcome,
  PauseReason,
  PriorityGroup,
} from '../../../contract/domain.js';

interface ByClerk {
  counterId: string;
  clerkId: string;
  /** A manager acting on a counter another clerk holds. */
  override?: boolean;
}

/** Everything that can be asked of a hall's queue. */
export type Command =
  | {
      type: 'issue';
      serviceId: string;
      priority: PriorityGroup | null;
      lang: Lang;
      /** Unguessable status code; randomness is I/O, so the shell draws it. */
      code: string;
      /** A booked visitor checking in: the booking and its slot (absent for a walk-in). */
      appointment?: Appointment;
    }
  | ({ type: 'open' } & ByClerk)
  | ({ type: 'pause'; reason: PauseReason } & ByClerk)
  | ({ type: 'resume' } & ByClerk)
  | ({ type: 'close' } & ByClerk)
  | ({ type: 'call-next' } & ByClerk)
  | ({ type: 'call'; number: string } & ByClerk)
  | ({ type: 'recall' } & ByClerk)
  | ({ type: 'start' } & ByClerk)
  | ({
      type: 'complete';
      outcome: Outcome;
      /** The directorate a forwarded visit is handed to; none when resolved. */
      directorateId?: string | null;
      note: string | null;
    } & ByClerk)
  | ({ type: 'no-show' } & ByClerk)
  | ({ type: 'requeue' } & ByClerk)
  | ({ type: 'transfer'; serviceId: string; position: 'front' | 'back' } & ByClerk)
  | { type: 'restore'; number: string; clerkId: string }
  | { type: 'cancel'; ticketId: string; by: 'visitor' | 'staff'; clerkId: string | null }
  | { type: 'rate'; ticketId: string; rating: number; note: string | null }
  /** Records the waits the phone pages show now (the hall's queue asks every few minutes). */
  | { type: 'sample-estimates' }
  /** The visitor asks for an SMS when their turn nears; `phone` as typed (decide normalises). */
  | { type: 'request-sms'; ticketId: string; phone: string }
  | { type: 'withdraw-sms'; ticketId: string }
  /**
   * Records `ticket:turn-near` for every requested ticket now close enough (the hall's queue
   * asks after each batch, its own or another server's): decided from the state, so of two
   * servers asking at once the loser decides again and finds it done.
   */
  | { type: 'notify-turn-near' };

export type CommandType = Command['type'];
