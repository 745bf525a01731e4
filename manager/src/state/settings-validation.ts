import * as z from 'zod/mini';
import type {
  Counter,
  CounterCoverage,
  Hall,
  NoCounterPolicy,
  Role,
  Service,
} from '../../../contract/domain.js';
import type { PrinterTransportKind } from '../../../contract/settings.js';
import {
  counterCreateBody,
  devicePatchBody,
  hallPatchBody,
  normalisePrefix,
  normaliseUsername,
  printerAddressProblem,
  printerCreateBody,
  serviceCreateBody,
  userCreateBody,
} from '../../../contract/settings-schemas.js';

export {
  normalisePrefix,
  normaliseUsername,
  USERNAME,
} from '../../../contract/settings-schemas.js';

/**
 * Checks the settings forms run before sending, for quick feedback: the server's own request
 * schemas (`contract/settings-schemas.ts`), with zod's issues said as the form's problems. Rules
 * that need the hall's other records (a prefix or number taken) are checked here against the
 * lists the form has; the server checks everything again and its answer, naming the field, is
 * always shown too.
 */
export type Problem =
  | 'required'
  | 'too-long'
  | 'whole-number'
  | 'out-of-range'
  | 'prefix-format'
  | 'prefix-taken'
  | 'number-taken'
  | 'username-format'
  | 'username-taken'
  | 'time-zone'
  | 'no-services'
  | 'weight-range'
  | 'tcp-address'
  | 'device-address'
  | 'none-address'
  | 'control-characters'
  | 'invalid';

/** Field path (as the server names it, `name.tr`, `services.0.weight`) → what is wrong. */
export type Problems = Record<string, Problem>;

/**
 * What a failed check means on a field: any check (`prefix`), or one kind (`services:too_small`).
 * `*` stands for a list index.
 */
const FIELD_PROBLEM: Record<string, Problem> = {
  prefix: 'prefix-format',
  username: 'username-format',
  timeZone: 'time-zone',
  'services:too_small': 'no-services',
  'services.*.weight': 'weight-range',
};

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as never)[key] : undefined;
  return v;
}

function problemOf(issue: z.core.$ZodIssue, value: unknown, field: string): Problem {
  const blank =
    value === undefined ||
    value === null ||
    Number.isNaN(value) ||
    (typeof value === 'string' && value.trim() === '');
  if (blank) return 'required';
  const general = field.replace(/\.\d+(?=\.|$)/g, '.*');
  const special = FIELD_PROBLEM[`${general}:${issue.code}`] ?? FIELD_PROBLEM[general];
  if (issue.code === 'too_big' && issue.origin === 'string' && !special) return 'too-long';
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'whole-number';
  if (special) return special;
  if (issue.code === 'invalid_format' && issue.message === 'no control characters')
    return 'control-characters';
  if (issue.code === 'too_small' || issue.code === 'too_big') return 'out-of-range';
  return 'invalid';
}

/**
 * Runs a request schema on what a form would send: each field the schema refuses, with the
 * first thing wrong with it. A problem of the whole body (no field) is named `''`.
 */
export function schemaProblems(schema: z.core.$ZodType, value: unknown): Problems {
  const result = z.safeParse(schema, value);
  const out: Problems = {};
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path.map(String).join('.');
    out[field] ??= problemOf(issue, valueAt(value, issue.path), field);
  }
  return out;
}

export interface ServiceDraft {
  nameTr: string;
  nameEn: string;
  prefix: string;
  targetMinutes: number;
  active: boolean;
}

export function serviceProblems(
  d: ServiceDraft,
  services: Service[],
  editingId: string | null,
): Problems {
  const prefix = normalisePrefix(d.prefix);
  const out = schemaProblems(serviceCreateBody, {
    name: { tr: d.nameTr, en: d.nameEn },
    prefix,
    targetMinutes: d.targetMinutes,
    active: d.active,
  });
  if (!out.prefix && services.some((s) => s.id !== editingId && s.prefix === prefix))
    out.prefix = 'prefix-taken';
  return out;
}

export interface CounterDraft {
  number: number;
  name: string;
  services: CounterCoverage[];
}

export function counterProblems(
  d: CounterDraft,
  counters: Counter[],
  editingId: string | null,
): Problems {
  const out = schemaProblems(counterCreateBody, {
    number: d.number,
    name: d.name,
    services: d.services.map((s) => ({ serviceId: s.serviceId, weight: s.weight })),
  });
  if (!out.number && counters.some((c) => c.id !== editingId && c.number === d.number))
    out.number = 'number-taken';
  return out;
}

export interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
}

export function userProblems(d: UserDraft, usernames: string[]): Problems {
  const out = schemaProblems(userCreateBody, d);
  if (!out.username && usernames.includes(normaliseUsername(d.username)))
    out.username = 'username-taken';
  return out;
}

export function deviceProblems(d: { name: string }): Problems {
  return schemaProblems(devicePatchBody, { name: d.name });
}

export interface PrinterDraft {
  name: string;
  transport: PrinterTransportKind;
  address: string;
  paperWidth: 58 | 80;
  codePage: number;
}

const ADDRESS_PROBLEM: Record<PrinterTransportKind, Problem> = {
  tcp: 'tcp-address',
  device: 'device-address',
  none: 'none-address',
};

export function printerProblems(d: PrinterDraft): Problems {
  const { name, transport, address, paperWidth, codePage } = d;
  const out = schemaProblems(printerCreateBody, { name, transport, address, paperWidth, codePage });
  const a = address.trim();
  if (!out.address && !out.transport && printerAddressProblem({ transport, address: a }) !== null)
    out.address = a === '' ? 'required' : ADDRESS_PROBLEM[transport];
  return out;
}

export type HallDraft = Pick<
  Hall,
  | 'name'
  | 'timeZone'
  | 'priorityRatio'
  | 'escalationMinutes'
  | 'noShowGraceMinutes'
  | 'noteRetentionDays'
> & { whenNoCounterOpen: NoCounterPolicy; smsNotifyAhead: number | null };

export function hallProblems(d: HallDraft): Problems {
  return schemaProblems(hallPatchBody, {
    name: d.name,
    timeZone: d.timeZone,
    priorityRatio: d.priorityRatio,
    escalationMinutes: d.escalationMinutes,
    noShowGraceMinutes: d.noShowGraceMinutes,
    noteRetentionDays: d.noteRetentionDays,
    whenNoCounterOpen: d.whenNoCounterOpen,
    smsNotifyAhead: d.smsNotifyAhead,
  });
}

/** Only the fields that differ from `before`: what a PATCH sends. */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = after[k];
  }
  return out;
}

/** The form field a server error names: the dotted path itself, or its first part. */
export function fieldOfServerError(field: string | undefined, fields: string[]): string | null {
  if (!field) return null;
  if (fields.includes(field)) return field;
  const first = field.split('.')[0]!;
  return fields.includes(first) ? first : null;
}

/**
 * A server refusal as a form shows it: the field it names (if the form has it) and a line
 * that names the field in the interface language, then the server's own words.
 */
export function describeServerError(
  error: { code: string; message: string; field?: string },
  fieldLabels: Record<string, string>,
  generic: string,
): { field: string | null; text: string } {
  const field = fieldOfServerError(error.field, Object.keys(fieldLabels));
  // Validation messages start with the field path ("prefix: expected …"): say it once.
  const message = error.message.replace(/^[\w.]+: /, '').trim();
  if (!error.field) return { field: null, text: message ? `${generic} ${message}` : generic };
  const label = (field && fieldLabels[field]) || error.field;
  return { field, text: `${label}: ${message || generic}` };
}
