import { hallBookingSettings, serviceBookingSettings } from './booking-settings.js';
import * as z from 'zod/mini';
import type * as core from 'zod/v4/core';
import type {
  DeviceMe,
  DisplaySnapshot,
  IssuedTicket,
  Me,
  PrinterStatusView,
  PublicCall,
  PublicCounter,
  ServiceView,
  StaffSnapshot,
  TicketStatusView,
  CounterCommandResult,
  CounterView,
  DeviceStatusView,
  PrintOutcome,
} from './api.js';
import type {
  Counter,
  Directorate,
  Hall,
  PublicServiceQueue,
  PublicTicket,
  Service,
  StaffTicket,
  WaitEstimate,
} from './domain.js';
import type {
  EstimateAccuracy,
  EstimateAccuracyFigures,
  EstimateAccuracyGroup,
  EstimateAccuracyReply,
} from './estimate-accuracy.js';
import type {
  AuditEntryView,
  DeviceSetup,
  DeviceView,
  DirectorateChoice,
  DisplaySigns,
  PairedDevice,
  PrinterView,
  SettingsView,
  UserView,
  UserWithPassword,
} from './settings.js';
import {
  COUNTER_STATUSES,
  LANGS,
  OUTCOMES,
  PAUSE_REASONS,
  PRIORITY_GROUPS,
  TICKET_STATUSES,
} from './request-schemas.js';
import {
  DEVICE_KINDS,
  NO_COUNTER_POLICIES,
  PAPER_WIDTHS,
  PRINTER_TRANSPORTS,
  ROLES,
} from './settings-schemas.js';
import type {
  StaffingBacktest,
  StaffingBacktestDay,
  StaffingHour,
  StaffingPlan,
  StaffingService,
} from './staffing.js';
import {
  GROUP_BY,
  type BookingStats,
  type DirectorateStats,
  type GroupStats,
  type StatsReport,
} from './stats.js';

/**
 * The successful replies of the REST routes, as zod schemas: the server's route table names
 * one per route (documented in OpenAPI), and a test validates every route's real reply with
 * it. Objects are strict, so a field the wire type lacks (a leaked secret) fails the test.
 * The TypeScript interfaces stay the reference types the pages use; each schema is tied to
 * its interface by `wire<T>()`, which is a compile error unless the schema's output and the
 * interface are assignable both ways (a field missing or added on either side).
 */
export function wire<T>() {
  return <S extends core.$ZodType<T>>(
    schema: S & ([T] extends [core.output<S>] ? unknown : never),
  ) => schema;
}

const nullableNumber = z.nullable(z.number());
const nullableString = z.nullable(z.string());
const names = z.strictObject({ tr: z.string(), en: z.string() });
const lang = z.enum(LANGS);
const priority = z.enum(PRIORITY_GROUPS);
const ticketStatus = z.enum(TICKET_STATUSES);
const counterStatus = z.enum(COUNTER_STATUSES);
const pauseReason = z.enum(PAUSE_REASONS);
const paperWidth = z.literal(PAPER_WIDTHS);

export const waitEstimate = wire<WaitEstimate>()(
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('minutes'), minutes: z.number() }),
    z.strictObject({
      kind: z.literal('range'),
      minutes: z.number(),
      min: z.number(),
      max: z.number(),
    }),
    z.strictObject({ kind: z.literal('no-open-counter') }),
  ]),
);

export const hallReply = wire<Hall>()(
  z.strictObject({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    priorityRatio: z.number(),
    escalationMinutes: z.number(),
    noShowGraceMinutes: z.number(),
    noteRetentionDays: z.number(),
    dayEndPolicy: z.literal('cancel'),
    whenNoCounterOpen: z.optional(z.enum(NO_COUNTER_POLICIES)),
    booking: z.optional(hallBookingSettings),
    smsNotifyAhead: z.optional(z.nullable(z.number())),
  }),
);

const serviceFields = {
  id: z.string(),
  hallId: z.string(),
  prefix: z.string(),
  name: names,
  targetMinutes: z.number(),
  active: z.boolean(),
  booking: z.optional(serviceBookingSettings),
};
export const serviceReply = wire<Service>()(z.strictObject(serviceFields));

const counterFields = {
  id: z.string(),
  hallId: z.string(),
  number: z.number(),
  name: z.string(),
  services: z.array(z.strictObject({ serviceId: z.string(), weight: z.number() })),
};
export const counterReply = wire<Counter>()(z.strictObject(counterFields));

export const directorateReply = wire<Directorate>()(
  z.strictObject({
    id: z.string(),
    hallId: z.string(),
    name: z.strictObject({ tr: z.string(), en: z.optional(z.string()) }),
    active: z.boolean(),
  }),
);

const serviceQueueFields = {
  serviceId: z.string(),
  waiting: z.number(),
  oldestQueuedAt: nullableNumber,
  estimate: waitEstimate,
};
export const publicServiceQueue = wire<PublicServiceQueue>()(
  z.strictObject({ ...serviceQueueFields, refusesTickets: z.boolean() }),
);

export const staffTicketReply = wire<StaffTicket>()(
  z.strictObject({
    id: z.string(),
    hallId: z.string(),
    serviceId: z.string(),
    number: z.string(),
    seq: z.number(),
    priority: z.nullable(priority),
    lang,
    status: ticketStatus,
    issuedAt: z.number(),
    queuedAt: z.number(),
    front: z.boolean(),
    counterId: nullableString,
    clerkId: nullableString,
    firstCalledAt: nullableNumber,
    lastCalledAt: nullableNumber,
    startedAt: nullableNumber,
    completedAt: nullableNumber,
    endedAt: nullableNumber,
    recalls: z.number(),
    transfers: z.number(),
    outcome: z.nullable(z.enum(OUTCOMES)),
    directorateId: z.optional(nullableString),
    note: nullableString,
    rating: nullableNumber,
    appointment: z.optional(
      z.nullable(z.strictObject({ bookingId: z.string(), slotAt: z.number() })),
    ),
  }),
);

// ---- public and device routes --------------------------------------------------------------

/** `GET /api/health`. */
export interface HealthReply {
  ok: true;
  version: string;
  now: number;
}
export const healthReply = wire<HealthReply>()(
  z.strictObject({ ok: z.literal(true), version: z.string(), now: z.number() }),
);

export const hallListReply = wire<Pick<Hall, 'id' | 'name' | 'timeZone'>[]>()(
  z.array(z.strictObject({ id: z.string(), name: z.string(), timeZone: z.string() })),
);

export const serviceViewsReply = wire<ServiceView[]>()(
  z.array(
    z.strictObject({
      ...serviceFields,
      waiting: z.number(),
      oldestQueuedAt: nullableNumber,
      estimate: waitEstimate,
      refusesTickets: z.boolean(),
    }),
  ),
);

const printOutcome = wire<PrintOutcome>()(z.enum(['printed', 'failed', 'no-printer']));

const staffIssuedFields = {
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  serviceName: names,
  hallName: z.string(),
  priority: z.nullable(priority),
  lang,
  issuedAt: z.number(),
  peopleAhead: z.number(),
  estimate: waitEstimate,
  print: printOutcome,
  appointment: z.nullable(z.strictObject({ slotAt: z.number(), time: z.string() })),
  smsOffered: z.boolean(),
};
/**
 * `POST /api/halls/:hallId/tickets`: a kiosk gets the whole ticket; staff issuing for a visitor
 * get it without `code` and `statusUrl` (the phone code is the visitor's alone).
 */
export const kioskIssuedTicketReply = wire<IssuedTicket>()(
  z.strictObject({ ...staffIssuedFields, code: z.string(), statusUrl: z.string() }),
);
/** The staff variant alone: a reply to staff that carried the phone code would fail it. */
export const staffIssuedTicketReply = wire<Omit<IssuedTicket, 'code' | 'statusUrl'>>()(
  z.strictObject(staffIssuedFields),
);
export const issuedTicketReply = wire<IssuedTicket | Omit<IssuedTicket, 'code' | 'statusUrl'>>()(
  z.union([kioskIssuedTicketReply, staffIssuedTicketReply]),
);

export const ticketStatusReply = wire<TicketStatusView>()(
  z.strictObject({
    number: z.string(),
    lang,
    serviceId: z.string(),
    serviceName: names,
    hallName: z.string(),
    status: ticketStatus,
    peopleAhead: z.number(),
    estimate: waitEstimate,
    counterNumber: nullableNumber,
    calledAt: nullableNumber,
    issuedAt: z.number(),
    rating: nullableNumber,
    appointment: z.boolean(),
    smsOffered: z.boolean(),
    smsRequested: z.boolean(),
    smsSent: z.boolean(),
  }),
);

const publicTicket = wire<PublicTicket>()(
  z.strictObject({
    number: z.string(),
    serviceId: z.string(),
    status: ticketStatus,
    counterNumber: nullableNumber,
    calledAt: nullableNumber,
    appointment: z.boolean(),
  }),
);
export const publicCounter = wire<PublicCounter>()(
  z.strictObject({
    id: z.string(),
    number: z.number(),
    name: z.string(),
    status: counterStatus,
    current: z.nullable(publicTicket),
  }),
);
export const publicCall = wire<PublicCall>()(
  z.strictObject({
    number: z.string(),
    serviceId: z.string(),
    counterNumber: z.number(),
    at: z.number(),
    recall: z.boolean(),
    appointment: z.boolean(),
  }),
);
export const displaySnapshotReply = wire<DisplaySnapshot>()(
  z.strictObject({
    rev: z.number(),
    now: z.number(),
    hall: z.strictObject({ id: z.string(), name: z.string(), timeZone: z.string() }),
    services: z.array(
      z.strictObject({ id: z.string(), prefix: z.string(), name: names, active: z.boolean() }),
    ),
    counters: z.array(publicCounter),
    queues: z.array(publicServiceQueue),
    recentCalls: z.array(publicCall),
  }),
);

export const deviceSetupReply = wire<DeviceSetup>()(
  z.strictObject({
    id: z.string(),
    kind: z.enum(DEVICE_KINDS),
    name: z.string(),
    signCounterId: nullableString,
  }),
);

// ---- staff ---------------------------------------------------------------------------------

export const meReply = wire<Me>()(
  z.strictObject({
    kind: z.literal('user'),
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    hallId: z.string(),
    passwordChangeRequired: z.boolean(),
  }),
);
const deviceMe = wire<DeviceMe>()(
  z.strictObject({
    kind: z.literal('device'),
    id: z.string(),
    deviceKind: z.enum(DEVICE_KINDS),
    name: z.string(),
    hallId: z.string(),
  }),
);
/** `GET /api/auth/me`: the signed-in user, or the paired device. */
export const whoAmIReply = wire<Me | DeviceMe>()(z.discriminatedUnion('kind', [meReply, deviceMe]));

export const counterView = wire<CounterView>()(
  z.strictObject({
    ...counterFields,
    status: counterStatus,
    clerkId: nullableString,
    clerkName: nullableString,
    pauseReason: z.nullable(pauseReason),
    currentTicketId: nullableString,
  }),
);
export const counterCommandReply = wire<CounterCommandResult>()(
  z.strictObject({ counter: counterView, ticket: z.nullable(staffTicketReply) }),
);

export const staffSnapshotReply = wire<StaffSnapshot>()(
  z.strictObject({
    rev: z.number(),
    day: z.string(),
    now: z.number(),
    hall: hallReply,
    services: z.array(serviceReply),
    counters: z.array(counterView),
    queues: z.array(publicServiceQueue),
    tickets: z.array(staffTicketReply),
  }),
);

export const directorateChoicesReply = wire<DirectorateChoice[]>()(
  z.array(
    z.strictObject({
      id: z.string(),
      name: z.strictObject({ tr: z.string(), en: z.optional(z.string()) }),
      forwardedToday: z.number(),
    }),
  ),
);

// ---- managers ------------------------------------------------------------------------------

export const printerStatusesReply = wire<PrinterStatusView[]>()(
  z.array(
    z.strictObject({
      printerId: z.string(),
      name: z.string(),
      transport: z.enum(PRINTER_TRANSPORTS),
      paperWidth,
      online: z.nullable(z.boolean()),
      lastError: nullableString,
      lastPrintAt: nullableNumber,
    }),
  ),
);
export const printTestReply = wire<{ outcome: PrintOutcome }>()(
  z.strictObject({ outcome: printOutcome }),
);

export const deviceStatusesReply = wire<DeviceStatusView[]>()(
  z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(DEVICE_KINDS),
      name: z.string(),
      online: z.boolean(),
      lastSeenAt: nullableNumber,
    }),
  ),
);

const durationStats = {
  count: z.number(),
  meanSeconds: nullableNumber,
  medianSeconds: nullableNumber,
  p90Seconds: nullableNumber,
};
const groupStats = wire<GroupStats>()(
  z.strictObject({
    key: nullableString,
    label: z.string(),
    issued: z.number(),
    served: z.number(),
    noShows: z.number(),
    cancelled: z.number(),
    transferred: z.number(),
    wait: z.strictObject(durationStats),
    serviceTime: z.strictObject({
      ...durationStats,
      withinTarget: z.number(),
      withinTargetShare: nullableNumber,
    }),
    resolved: z.number(),
    forwarded: z.number(),
    resolvedShare: nullableNumber,
    forwardedShare: nullableNumber,
    idleSeconds: z.number(),
    ratings: z.number(),
    meanRating: nullableNumber,
  }),
);
const directorateStats = wire<DirectorateStats>()(
  z.strictObject({
    directorateId: nullableString,
    name: z.string(),
    nameEn: nullableString,
    count: z.number(),
    share: nullableNumber,
  }),
);
const bookingStats = wire<BookingStats>()(
  z.strictObject({
    made: z.number(),
    checkedIn: z.number(),
    noShows: z.number(),
    cancelled: z.number(),
    booked: z.number(),
    byChannel: z.strictObject({ citizen: z.number(), staff: z.number() }),
    punctuality: z.strictObject({
      ...durationStats,
      withinFiveMinutes: z.number(),
      withinFiveMinutesShare: nullableNumber,
    }),
    bookedWait: z.strictObject(durationStats),
    walkInWait: z.strictObject(durationStats),
  }),
);
export const statsReportReply = wire<StatsReport>()(
  z.strictObject({
    hallId: z.string(),
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(GROUP_BY),
    groups: z.array(groupStats),
    total: groupStats,
    byDirectorate: z.array(directorateStats),
    bookings: z.optional(bookingStats),
  }),
);

const accuracyFields = {
  promised: z.number(),
  called: z.number(),
  medianAbsErrorMinutes: nullableNumber,
  within2: nullableNumber,
  within5: nullableNumber,
  medianErrorMinutes: nullableNumber,
  waitedLonger: nullableNumber,
  waitedLess: nullableNumber,
};
const accuracy = wire<EstimateAccuracy>()(z.strictObject(accuracyFields));
const accuracyGroup = wire<EstimateAccuracyGroup>()(
  z.strictObject({ ...accuracyFields, key: z.string() }),
);
const accuracyFigures = {
  total: accuracy,
  byService: z.array(accuracyGroup),
  byHour: z.array(accuracyGroup),
};
export const estimateAccuracyReply = wire<EstimateAccuracyReply>()(
  z.strictObject({
    hallId: z.string(),
    from: z.string(),
    to: z.string(),
    ...accuracyFigures,
    shown: wire<EstimateAccuracyFigures>()(z.strictObject(accuracyFigures)),
  }),
);

const staffingHour = wire<StaffingHour>()(
  z.strictObject({
    hour: z.number(),
    forecastArrivals: z.number(),
    forecastByService: z.record(z.string(), z.number()),
    holdSeconds: nullableNumber,
    countersNeeded: z.number(),
    counterIds: z.array(z.string()),
    feasible: z.boolean(),
    unmetServiceIds: z.array(z.string()),
    expectedWaitSeconds: nullableNumber,
    actualOpenCounters: nullableNumber,
    measuredWaitSeconds: nullableNumber,
    understaffed: z.boolean(),
  }),
);
const staffingService = wire<StaffingService>()(
  z.strictObject({
    serviceId: z.string(),
    name: names,
    holdSeconds: z.number(),
    samples: z.number(),
  }),
);
const backtestDay = wire<StaffingBacktestDay>()(
  z.strictObject({
    day: z.string(),
    mae: z.number(),
    mape: nullableNumber,
    naiveMae: nullableNumber,
    hours: z.number(),
  }),
);
const backtest = wire<StaffingBacktest>()(
  z.strictObject({
    days: z.array(backtestDay),
    mae: nullableNumber,
    mape: nullableNumber,
    naiveMae: nullableNumber,
    comparedMae: nullableNumber,
  }),
);
export const staffingPlanReply = wire<StaffingPlan>()(
  z.strictObject({
    hallId: z.string(),
    timeZone: z.string(),
    date: z.string(),
    weekday: z.number(),
    targetWaitMinutes: z.number(),
    historyDays: z.array(z.string()),
    usedDays: z.array(z.string()),
    outlierDays: z.array(z.string()),
    missingDays: z.array(z.string()),
    services: z.array(staffingService),
    counters: z.array(
      z.strictObject({
        counterId: z.string(),
        number: z.number(),
        name: z.string(),
        serviceIds: z.array(z.string()),
      }),
    ),
    hours: z.array(staffingHour),
    backtest,
  }),
);

export const auditReply = wire<AuditEntryView[]>()(
  z.array(
    z.strictObject({
      at: z.number(),
      userId: z.string(),
      username: nullableString,
      action: z.string(),
      detail: z.string(),
      targetId: nullableString,
      targetName: nullableString,
    }),
  ),
);

// ---- admin settings ------------------------------------------------------------------------

export const userViewReply = wire<UserView>()(
  z.strictObject({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    createdAt: z.number(),
  }),
);
export const userWithPasswordReply = wire<UserWithPassword>()(
  z.strictObject({ user: userViewReply, password: z.string() }),
);

export const deviceViewReply = wire<DeviceView>()(
  z.strictObject({
    id: z.string(),
    kind: z.enum(DEVICE_KINDS),
    name: z.string(),
    printerId: nullableString,
    createdAt: z.number(),
    revokedAt: nullableNumber,
  }),
);
export const pairedDeviceReply = wire<PairedDevice>()(
  z.strictObject({ device: deviceViewReply, pairingUrl: z.string() }),
);
export const displaySignsReply = wire<DisplaySigns>()(
  z.strictObject({
    counters: z.array(z.strictObject({ id: z.string(), number: z.number(), name: z.string() })),
    signs: z.array(z.strictObject({ deviceId: z.string(), counterId: z.string() })),
  }),
);

export const printerViewReply = wire<PrinterView>()(
  z.strictObject({
    id: z.string(),
    hallId: z.string(),
    name: z.string(),
    transport: z.enum(PRINTER_TRANSPORTS),
    address: z.string(),
    paperWidth,
    codePage: z.number(),
  }),
);

export const settingsReply = wire<SettingsView>()(
  z.strictObject({
    hall: hallReply,
    services: z.array(serviceReply),
    counters: z.array(counterReply),
    users: z.array(userViewReply),
    devices: z.array(deviceViewReply),
    printers: z.array(printerViewReply),
    directorates: z.array(directorateReply),
  }),
);
