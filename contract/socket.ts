import type { Ack, ApiError } from './errors.js';
import type { RevEvent, StaffEvent } from './events.js';
import type { PublicServiceQueue, StaffTicket } from './domain.js';
import type {
  CounterView,
  DisplaySnapshot,
  PublicCall,
  PublicCounter,
  StaffSnapshot,
  TicketStatusView,
} from './api.js';

/** A change pushed to staff: the event, and the entities as they are after it. */
export interface StaffDelta {
  rev: number;
  event: StaffEvent;
  ticket: StaffTicket | null;
  counter: CounterView | null;
  queues: PublicServiceQueue[];
}

/** A change pushed to lobby displays: public data only. */
export interface DisplayDelta {
  rev: number;
  type: RevEvent['type'];
  at: number;
  counter: PublicCounter | null;
  /** Set when the change is a call or a recall to announce. */
  call: PublicCall | null;
  queues: PublicServiceQueue[];
}

/**
 * Deltas arrive in batches: consecutive revisions, oldest first, each batch after the one
 * before. A server sends the deltas of a short window (50 ms) as one batch; a call or recall
 * is sent to displays at once, with what was waiting before it.
 */
export interface DisplayServerToClient {
  'queue:snapshot': (snapshot: DisplaySnapshot) => void;
  'queue:events': (deltas: DisplayDelta[]) => void;
  /** Sent for calls and recalls too, already in `queue:events`; lets a plain client announce. */
  'ticket:called': (call: PublicCall) => void;
}
export interface DisplayClientToServer {
  'queue:resync': (ack: (result: Ack<DisplaySnapshot>) => void) => void;
}

/** Deltas arrive in batches, as on `/display`, every batch within its window (50 ms). */
export interface StaffServerToClient {
  'queue:snapshot': (snapshot: StaffSnapshot) => void;
  'queue:events': (deltas: StaffDelta[]) => void;
  /** The session behind this socket ended (logout or expiry). */
  'session:expired': () => void;
}
export interface StaffClientToServer {
  'queue:resync': (ack: (result: Ack<StaffSnapshot>) => void) => void;
}

export interface TicketServerToClient {
  'ticket:status': (status: TicketStatusView) => void;
}
export interface TicketClientToServer {
  'ticket:refresh': (ack: (result: Ack<TicketStatusView>) => void) => void;
}

export type SocketError = ApiError;
