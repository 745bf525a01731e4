import * as z from 'zod/mini';
import type { DeviceKind, NoCounterPolicy, Role } from './domain.js';
import { id } from './request-schemas.js';
import type { PrinterTransportKind } from './settings.js';

/**
 * The request bodies of the settings routes, as zod schemas both sides run: the server validates
 * each request (and builds its OpenAPI document) with them, the manager's forms check a draft
 * with them before sending. Rules that need the hall's other records (a prefix or counter number
 * already taken, a printer linked to a device) are the server's alone.
 */

/** Ids in config: lower-case slugs or uuids (defined with the other shared request pieces). */
export { id };

export const ROLES = ['clerk', 'manager', 'admin'] as const satisfies readonly Role[];
export const DEVICE_KINDS = ['kiosk', 'display'] as const satisfies readonly DeviceKind[];
export const PRINTER_TRANSPORTS = [
  'tcp',
  'device',
  'none',
] as const satisfies readonly PrinterTransportKind[];
export const PAPER_WIDTHS = [58, 80] as const;
export const NO_COUNTER_POLICIES = [
  'issue',
  'refuse',
] as const satisfies readonly NoCounterPolicy[];

/** The limits of the settings, in one place. */
export const LIMITS = {
  hallName: 80,
  label: 60,
  priorityRatio: { min: 0, max: 10 },
  escalationMinutes: { min: 1, max: 240 },
  noShowGraceMinutes: { min: 0, max: 60 },
  noteRetentionDays: { min: 1, max: 3650 },
  smsNotifyAhead: { min: 1, max: 20 },
  targetMinutes: { min: 1, max: 120 },
  counterNumber: { min: 1, max: 999 },
  weight: { min: 0.1, max: 10 },
  servicesPerCounter: 50,
  printerAddress: 255,
  codePage: { min: 0, max: 255 },
} as const;

/** A short text people see (names): trimmed, NFC, no control or invisible format characters. */
export const label = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.normalize('NFC'),
      z.minLength(1),
      z.maxLength(max),
      z.regex(/^[^\p{Cc}\p{Cf}]*$/u, 'no control characters'),
    );

/** A PATCH body must change something. */
export const notEmpty = (o: object) => Object.keys(o).length > 0;
export const NOTHING_TO_CHANGE = { message: 'give at least one field to change' };

const int = ({ min, max }: { min: number; max: number }) => z.int().check(z.gte(min), z.lte(max));

/** The canonical IANA name of a time zone (`europe/istanbul` → `Europe/Istanbul`), or null. */
export function canonicalTimeZone(name: string): string | null {
  // Names only: offsets such as "+03:00" are not IANA zones (and newer Node versions accept them).
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** `PATCH /halls/:hallId` */
export const hallPatchBody = z
  .strictObject({
    name: z.optional(label(LIMITS.hallName)),
    timeZone: z.optional(
      z.string().check(
        z.trim(),
        z.refine(
          (s) => canonicalTimeZone(s) !== null,
          'expected an IANA time zone such as Europe/Istanbul',
        ),
      ),
    ),
    priorityRatio: z.optional(int(LIMITS.priorityRatio)),
    escalationMinutes: z.optional(int(LIMITS.escalationMinutes)),
    noShowGraceMinutes: z.optional(int(LIMITS.noShowGraceMinutes)),
    noteRetentionDays: z.optional(int(LIMITS.noteRetentionDays)),
    whenNoCounterOpen: z.optional(z.enum(NO_COUNTER_POLICIES)),
    smsNotifyAhead: z.optional(z.nullable(int(LIMITS.smsNotifyAhead))),
  })
  .check(z.refine(notEmpty, NOTHING_TO_CHANGE));

/** One or two capital letters, Turkish ones included (`İ` gives `İ004`). */
export const prefix = z
  .string()
  .check(
    z.trim(),
    z.normalize('NFC'),
    z.regex(/^[A-ZÇĞİÖŞÜ]{1,2}$/u, 'expected one or two capital letters (A–Z, Ç, Ğ, İ, Ö, Ş, Ü)'),
  );

/** Upper-cases a prefix the Turkish way (`i` → `İ`), as a form does before sending it. */
export function normalisePrefix(value: string): string {
  return value.trim().normalize('NFC').toLocaleUpperCase('tr-TR');
}

const serviceFields = {
  name: z.strictObject({ tr: label(LIMITS.label), en: label(LIMITS.label) }),
  prefix,
  targetMinutes: int(LIMITS.targetMinutes),
  active: z.boolean(),
};
/** `POST /services` */
export const serviceCreateBody = z.strictObject({
  ...serviceFields,
  active: z._default(serviceFields.active, true),
});
/** `PATCH /services/:serviceId` */
export const servicePatchBody = z
  .partial(z.strictObject(serviceFields))
  .check(z.refine(notEmpty, NOTHING_TO_CHANGE));

const coverage = z
  .array(
    z.strictObject({
      serviceId: id,
      weight: z.number().check(z.gte(LIMITS.weight.min), z.lte(LIMITS.weight.max)),
    }),
  )
  .check(
    z.minLength(1, 'a counter covers at least one service'),
    z.maxLength(LIMITS.servicesPerCounter),
    z.refine(
      (list) => new Set(list.map((c) => c.serviceId)).size === list.length,
      'each service at most once',
    ),
  );
const counterFields = {
  number: int(LIMITS.counterNumber),
  name: label(LIMITS.label),
  services: coverage,
};
/** `POST /counters` */
export const counterCreateBody = z.strictObject(counterFields);
/** `PATCH /counters/:counterId` */
export const counterPatchBody = z
  .partial(z.strictObject(counterFields))
  .check(z.refine(notEmpty, NOTHING_TO_CHANGE));

export const USERNAME = /^[a-z0-9._-]{2,32}$/;

/**
 * User names are ASCII, so they fold with the invariant rules: under Turkish rules `ADMIN`
 * would become `admın` and a clerk typing on an English layout could never sign in.
 */
export function normaliseUsername(name: string): string {
  return name.trim().toLowerCase();
}

const role = z.enum(ROLES);
export const username = z
  .string()
  .check(
    z.trim(),
    z.maxLength(32),
    z.overwrite(normaliseUsername),
    z.regex(USERNAME, 'expected 2–32 of a-z, 0-9, dot, dash, underscore'),
  );
/** `POST /users` */
export const userCreateBody = z.strictObject({ username, displayName: label(LIMITS.label), role });
/** `PATCH /users/:userId` */
export const userPatchBody = z
  .partial(z.strictObject({ displayName: label(LIMITS.label), role, active: z.boolean() }))
  .check(z.refine(notEmpty, NOTHING_TO_CHANGE));

/** `POST /devices` */
export const deviceCreateBody = z.strictObject({
  kind: z.enum(DEVICE_KINDS),
  name: label(LIMITS.label),
  printerId: z.optional(z.nullable(id)),
  signCounterId: z.optional(z.nullable(id)),
});
/** `PATCH /devices/:deviceId` */
export const devicePatchBody = z
  .partial(
    z.strictObject({
      name: label(LIMITS.label),
      printerId: z.nullable(id),
      signCounterId: z.nullable(id),
    }),
  )
  .check(z.refine(notEmpty, NOTHING_TO_CHANGE));

const printerFields = {
  name: label(LIMITS.label),
  transport: z.enum(PRINTER_TRANSPORTS),
  address: z.string().check(z.trim(), z.maxLength(LIMITS.printerAddress)),
  paperWidth: z.literal(PAPER_WIDTHS),
  codePage: int(LIMITS.codePage),
};
/**
 * `POST /printers`. Whether the address fits the transport is `printerAddressProblem`: a PATCH
 * may change one without the other, so the server checks the printer as it will be saved.
 */
export const printerCreateBody = z.strictObject(printerFields);
/** `PATCH /printers/:printerId` */
export const printerPatchBody = z
  .partial(z.strictObject(printerFields))
  .check(z.refine(notEmpty, NOTHING_TO_CHANGE));

const TCP_ADDRESS =
  /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::(\d{1,5}))?$/;

/** Why an address does not fit its transport, or null when it does. */
export function printerAddressProblem(p: {
  transport: PrinterTransportKind;
  address: string;
}): string | null {
  switch (p.transport) {
    case 'none':
      return p.address === '' ? null : 'leave the address empty for a printer without transport';
    case 'tcp': {
      const m = TCP_ADDRESS.exec(p.address);
      if (!m) return 'expected host or host:port, e.g. 192.168.1.50:9100';
      const port = m[1] === undefined ? 9100 : Number(m[1]);
      return port >= 1 && port <= 65_535 ? null : 'the port must be 1–65535';
    }
    case 'device': {
      // A normalised path under /dev: no empty, `.` or `..` segment, no trailing slash.
      const a = p.address;
      const segments = a.split('/').slice(2);
      const clean =
        /^\/dev\/[A-Za-z0-9._/-]+$/.test(a) &&
        segments.every((s) => s !== '' && s !== '.' && s !== '..');
      return clean ? null : 'expected a device path such as /dev/usb/lp0';
    }
  }
}

const directorateFields = {
  name: z.strictObject({ tr: label(LIMITS.label), en: z.optional(label(LIMITS.label)) }),
  active: z.boolean(),
};
/** `POST /directorates` */
export const directorateCreateBody = z.strictObject({
  ...directorateFields,
  active: z._default(directorateFields.active, true),
});
/** `PATCH /directorates/:directorateId` */
export const directoratePatchBody = z
  .partial(z.strictObject(directorateFields))
  .check(z.refine(notEmpty, NOTHING_TO_CHANGE));
