import type { Role, StaffTicket, Ticket } from '../../../contract/domain.js';
import type { RevEvent, StaffEvent } from '../../../contract/events.js';

/*
 * Least privilege for staff screens. A ticket's phone code lets whoever holds it cancel or rate
 * the visitor's ticket: it goes to the kiosk that issued the ticket and the phone that holds it,
 * never to staff. A visit's free-text note goes to the clerk who wrote it and to managers.
 */

/**
 * Whose notes a staff view carries: managers read every visit's note, a clerk only the notes of
 * the visits they served (`userId`); `userId: null` reads none (one payload for many clerks).
 */
export interface StaffViewer {
  userId: string | null;
  allNotes: boolean;
}
export const MANAGERS: StaffViewer = { userId: null, allNotes: true };
export const CLERKS: StaffViewer = { userId: null, allNotes: false };

/** What the staff user `user` may see: every note from manager up, else their own. */
export function staffViewerOf(user: { id: string; role: Role }): StaffViewer {
  return user.role === 'clerk' ? { userId: user.id, allNotes: false } : MANAGERS;
}

/**
 * The clerk a visit's note belongs to: the one who served the visit and completed it (a manager
 * who completes it on their behalf writes it for them).
 */
export function noteAuthor(t: Ticket): string | null {
  return t.note !== null ? t.clerkId : null;
}

const readsNote = (viewer: StaffViewer, author: string | null): boolean =>
  viewer.allNotes || (author !== null && viewer.userId === author);

/**
 * A ticket for staff: never the phone code (whoever holds it may cancel or rate the visitor's
 * ticket; staff never need it), and the note only for its author and managers.
 */
export function staffTicket(t: Ticket, viewer: StaffViewer): StaffTicket {
  const { code: _code, ...ticket } = t;
  if (ticket.note !== null && !readsNote(viewer, t.clerkId)) ticket.note = null;
  return ticket;
}

/**
 * An event for staff: `ticket:issued` without its code, a completion's note for its author (the
 * ticket's clerk, `author`) and managers, a visitor's rating comment for managers only.
 */
export function staffEvent(
  event: RevEvent,
  viewer: StaffViewer,
  author: string | null,
): StaffEvent {
  switch (event.type) {
    case 'ticket:issued': {
      const { code: _code, ...issued } = event;
      return issued;
    }
    case 'ticket:completed':
      return event.note === null || readsNote(viewer, author) ? event : { ...event, note: null };
    case 'ticket:rated':
      return event.note === null || viewer.allNotes ? event : { ...event, note: null };
    case 'ticket:sms-requested': {
      // The visitor's mobile number is for the SMS integration alone: no screen ever gets it.
      const { phone: _phone, ...requested } = event;
      return requested;
    }
    case 'estimates:sampled':
      // A record for the statistics; no screen reads the map, so it is not sent round.
      return { ...event, estimates: {} };
    default:
      return event;
  }
}
