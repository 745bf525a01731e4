import type * as z from 'zod/mini';
import type { CounterActionBody } from './counter-commands.js';
import type { issueTicketBody, loginBody } from './request-schemas.js';
import type {
  CounterState,
  CounterStatus,
  DeviceKind,
  Hall,
  Lang,
  PauseReason,
  PriorityGroup,
  PublicServiceQueue,
  PublicTicket,
  Role,
  Service,
  Counter,
  StaffTicket,
  TicketStatus,
  WaitEstimate,
} from './domain.js';

/** `GET /api/halls/:hallId/services`: what the kiosk shows on its buttons. */
export interface ServiceView extends Service, Omit<PublicServiceQueue, 'serviceId'> {}

/** `POST /api/halls/:hallId/tickets` body. */
export type IssueTicketRequest = z.input<typeof issueTicketBody>;

/** What the visitor is given: printed, shown on the kiosk, and on the phone page. */
export interface IssuedTicket {
  id: string;
  number: string;
  serviceId: string;
  serviceName: { tr: string; en: string };
  hallName: string;
  priority: PriorityGroup | null;
  lang: Lang;
  issuedAt: number;
  peopleAhead: number;
  estimate: WaitEstimate;
  code: string;
  statusUrl: string;
  /** What happened at the kiosk's printer; the kiosk shows the ticket on screen either way. */
  print: PrintOutcome;
  /** A booked visitor's ticket: the slot, and its hall-local time (`14:20`); null for a walk-in. */
  appointment: { slotAt: number; time: string } | null;
  /** The hall offers an SMS when the turn nears (`POST /api/tickets/:code/sms`). */
  smsOffered: boolean;
}

export type PrintOutcome = 'printed' | 'failed' | 'no-printer';

/** A kiosk or lobby display as staff see it (`GET /api/devices/status`). */
export interface DeviceStatusView {
  id: string;
  kind: DeviceKind;
  name: string;
  /** Connected right now (kiosks and displays keep a live connection). */
  online: boolean;
  /** When it was last connected; `null` if never since the server started. */
  lastSeenAt: number | null;
}

/** A ticket printer as staff see it (`GET /api/printers`). */
export interface PrinterStatusView {
  printerId: string;
  name: string;
  transport: 'tcp' | 'device' | 'none';
  paperWidth: 58 | 80;
  /** `null` until the first job. */
  online: boolean | null;
  lastError: string | null;
  lastPrintAt: number | null;
}

/** `GET /api/tickets/:code` and the `/ticket` namespace: one visitor's view of their ticket. */
export interface TicketStatusView {
  number: string;
  /** The language the visitor chose at the kiosk. */
  lang: Lang;
  serviceId: string;
  serviceName: { tr: string; en: string };
  hallName: string;
  status: TicketStatus;
  peopleAhead: number;
  estimate: WaitEstimate;
  counterNumber: number | null;
  calledAt: number | null;
  issuedAt: number;
  /** The visitor's rating once given; a finished visit with `null` may still be rated. */
  rating: number | null;
  /** The ticket of a booked visitor (checked in at the kiosk). */
  appointment: boolean;
  /** The hall offers an SMS when the turn nears (a request may still be withdrawn when off). */
  smsOffered: boolean;
  /** The visitor asked for that SMS and has not withdrawn (never the number itself). */
  smsRequested: boolean;
  /** The SMS event went out (`ticket:turn-near`): it is sent once per ticket. */
  smsSent: boolean;
}

export type LoginRequest = z.input<typeof loginBody>;

export interface Me {
  kind: 'user';
  id: string;
  username: string;
  displayName: string;
  role: Role;
  hallId: string;
  /**
   * Signed in with a password the system generated (first start, a reset): until it is
   * changed (`POST /api/auth/password`), every other staff request is refused with
   * `password-change-required`.
   */
  passwordChangeRequired: boolean;
}

export interface DeviceMe {
  kind: 'device';
  id: string;
  deviceKind: DeviceKind;
  name: string;
  hallId: string;
}

/** The bodies of the counter actions (`counter-commands.ts` holds the schemas). */
export type CallRequest = CounterActionBody<'call'>;
export type CompleteRequest = CounterActionBody<'complete'>;
export type PauseRequest = CounterActionBody<'pause'>;
export type TransferRequest = CounterActionBody<'transfer'>;
export type RestoreRequest = CounterActionBody<'restore'>;

/** The result of every counter command: the counter after it, and the ticket it touched. */
export interface CounterCommandResult {
  counter: CounterView;
  ticket: StaffTicket | null;
}

export interface CounterView extends Counter {
  status: CounterStatus;
  clerkId: string | null;
  clerkName: string | null;
  pauseReason: PauseReason | null;
  currentTicketId: string | null;
}

/** Full hall state for staff (`GET /api/halls/:hallId/queue`, and the staff snapshots). */
export interface StaffSnapshot {
  rev: number;
  day: string;
  now: number;
  hall: Hall;
  services: Service[];
  counters: CounterView[];
  /** The visitors' lines as the kiosk sees them (whether each refuses tickets too). */
  queues: PublicServiceQueue[];
  /** Every ticket of the day that is not finished, plus the most recent finished ones. */
  tickets: StaffTicket[];
}

export interface PublicCounter {
  id: string;
  number: number;
  name: string;
  status: CounterStatus;
  current: PublicTicket | null;
}

export interface PublicCall {
  number: string;
  serviceId: string;
  counterNumber: number;
  at: number;
  /** `true` when the clerk repeated the call. */
  recall: boolean;
  /** The ticket of a booked visitor: the display marks it "Randevu". */
  appointment: boolean;
}

/** What the lobby display gets on connect. Public data only. */
export interface DisplaySnapshot {
  rev: number;
  now: number;
  hall: Pick<Hall, 'id' | 'name' | 'timeZone'>;
  services: Pick<Service, 'id' | 'prefix' | 'name' | 'active'>[];
  counters: PublicCounter[];
  queues: PublicServiceQueue[];
  /** Most recent calls first. */
  recentCalls: PublicCall[];
}

export type CounterStateView = CounterState;
