import type { StaffDelta } from '../../../contract/socket.js';
import type { PublicServiceQueue } from '../../../contract/domain.js';
import type { RevEvent } from '../../../contract/events.js';
import type { HallQueue } from '../queue/hall-queue.js';
import {
  CLERKS,
  MANAGERS,
  noteAuthor,
  staffEvent,
  staffTicket,
  type StaffViewer,
} from '../queue/staff-privacy.js';
import { staffDelta, staffSnapshot } from '../queue/views.js';
import { hallRoom, type StaffNamespace } from './socket-types.js';

/*
 * `/manager` and `/counter` get different payloads: managers every visit's note, clerks only
 * their own (neither ever gets a phone code). A hall's counter screens share one room and one
 * payload, the one with no notes; a clerk whose note a payload hides gets it through a room of
 * their own screens in that hall instead, so each screen still gets exactly one message.
 */

/** The counter screens of one clerk in one hall: where the payloads with their notes go. */
export const clerkRoom = (hallId: string, userId: string) => `${hallRoom(hallId)}:clerk:${userId}`;

/** What a clerk's own counter screens may see. */
export const ownNotes = (userId: string): StaffViewer => ({ userId, allNotes: false });

/** One event as managers, as clerks, and (when it holds a note) as the note's author get it. */
export interface StaffDeltaForms {
  manager: StaffDelta;
  clerks: StaffDelta;
  /** The clerk whose note `clerks` hides, with the form they get instead. */
  author: string | null;
  own: StaffDelta | null;
}

/** The forms of one event's delta (`queues` as for `staffDelta`). */
export function staffDeltaForms(
  event: RevEvent,
  q: HallQueue,
  clerkName: (id: string) => string | null,
  queues: PublicServiceQueue[],
): StaffDeltaForms {
  const manager = staffDelta(event, q.state, q.config, clerkName, MANAGERS, queues);
  const t = 'ticketId' in event ? q.state.tickets.get(event.ticketId) : undefined;
  // The counter's view and the queues are the same for everyone: only the private parts differ.
  const as = (viewer: StaffViewer): StaffDelta => ({
    ...manager,
    event: staffEvent(event, viewer, t?.clerkId ?? null),
    ticket: t ? staffTicket(t, viewer) : null,
  });
  const author = t ? noteAuthor(t) : null;
  return {
    manager,
    clerks: as(CLERKS),
    author,
    own: author === null ? null : as(ownNotes(author)),
  };
}

/**
 * Sends one batch of a hall's deltas: one message to the managers' screens, one to each
 * counter screen (with its clerk's own notes).
 */
export function sendStaffDeltas(
  counter: StaffNamespace,
  manager: StaffNamespace,
  hallId: string,
  batch: StaffDeltaForms[],
): void {
  const room = hallRoom(hallId);
  manager.to(room).emit(
    'queue:events',
    batch.map((d) => d.manager),
  );
  const clerks = batch.map((d) => d.clerks);
  const authors = new Set(batch.flatMap((d) => (d.author === null ? [] : [d.author])));
  if (authors.size === 0) {
    counter.to(room).emit('queue:events', clerks);
    return;
  }
  const own = [...authors].map((a) => clerkRoom(hallId, a));
  counter.to(room).except(own).emit('queue:events', clerks);
  for (const a of authors)
    counter.to(clerkRoom(hallId, a)).emit(
      'queue:events',
      batch.map((d) => (d.author === a ? d.own! : d.clerks)),
    );
}

/** Sends a fresh snapshot of the hall `q` to every staff screen, each as it may see it. */
export function sendStaffSnapshots(
  counter: StaffNamespace,
  manager: StaffNamespace,
  q: HallQueue,
  now: number,
  clerkName: (id: string) => string | null,
): void {
  const room = hallRoom(q.hallId);
  const full = staffSnapshot(q.state, q.config, now, clerkName, MANAGERS);
  manager.to(room).emit('queue:snapshot', full);
  const authors = new Set(
    full.tickets.flatMap((t) => (t.note !== null && t.clerkId ? [t.clerkId] : [])),
  );
  const own = [...authors].map((a) => clerkRoom(q.hallId, a));
  counter
    .to(room)
    .except(own)
    .emit('queue:snapshot', staffSnapshot(q.state, q.config, now, clerkName, CLERKS));
  for (const a of authors)
    counter
      .to(clerkRoom(q.hallId, a))
      .emit('queue:snapshot', staffSnapshot(q.state, q.config, now, clerkName, ownNotes(a)));
}
