import type {
  Counter,
  CounterCoverage,
  Hall,
  NoCounterPolicy,
  Role,
  Service,
} from '../../../contract/domain.js';
import type { PrinterTransportKind } from '../../../contract/settings.js';

/**
 * Checks the settings forms run before sending, for quick feedback. They follow the server's
 * rules (`server/src/http/settings-*.ts`); the server checks again and its answer, naming the
 * field, is always shown too.
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
  | 'control-characters';

/** Field path (as the server names it, `name.tr`, `services.0.weight`) → what is wrong. */
export type Problems = Record<string, Problem>;

const CONTROL = /[\p{Cc}\p{Cf}]/u;

function text(out: Problems, field: string, value: string, max: number): void {
  const v = value.trim();
  if (v.length === 0) out[field] = 'required';
  else if (v.length > max) out[field] = 'too-long';
  else if (CONTROL.test(v)) out[field] = 'control-characters';
}

function wholeNumber(out: Problems, field: string, value: number, min: number, max: number) {
  if (!Number.isFinite(value)) out[field] = 'required';
  else if (!Number.isInteger(value)) out[field] = 'whole-number';
  else if (value < min || value > max) out[field] = 'out-of-range';
}

/** Upper-cases a prefix the Turkish way (`i` → `İ`), so `i` is accepted as typed. */
export function normalisePrefix(prefix: string): string {
  return prefix.trim().normalize('NFC').toLocaleUpperCase('tr-TR');
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
  const out: Problems = {};
  text(out, 'name.tr', d.nameTr, 60);
  text(out, 'name.en', d.nameEn, 60);
  const prefix = normalisePrefix(d.prefix);
  if (!/^[A-ZÇĞİÖŞÜ]{1,2}$/u.test(prefix)) out.prefix = prefix ? 'prefix-format' : 'required';
  else if (services.some((s) => s.id !== editingId && s.prefix === prefix))
    out.prefix = 'prefix-taken';
  wholeNumber(out, 'targetMinutes', d.targetMinutes, 1, 120);
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
  const out: Problems = {};
  wholeNumber(out, 'number', d.number, 1, 999);
  if (!out.number && counters.some((c) => c.id !== editingId && c.number === d.number))
    out.number = 'number-taken';
  text(out, 'name', d.name, 60);
  if (d.services.length === 0) out.services = 'no-services';
  d.services.forEach((s, i) => {
    if (!(s.weight >= 0.1 && s.weight <= 10)) out[`services.${i}.weight`] = 'weight-range';
  });
  return out;
}

export const USERNAME = /^[a-z0-9._-]{2,32}$/;

export interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
}

/** The user name as the server stores it: trimmed and lower-cased the Turkish way. */
export function normaliseUsername(username: string): string {
  return username.trim().toLocaleLowerCase('tr-TR');
}

export function userProblems(d: UserDraft, usernames: string[]): Problems {
  const out: Problems = {};
  const name = normaliseUsername(d.username);
  if (!name) out.username = 'required';
  else if (!USERNAME.test(name)) out.username = 'username-format';
  else if (usernames.includes(name)) out.username = 'username-taken';
  text(out, 'displayName', d.displayName, 60);
  return out;
}

export function deviceProblems(d: { name: string }): Problems {
  const out: Problems = {};
  text(out, 'name', d.name, 60);
  return out;
}

export interface PrinterDraft {
  name: string;
  transport: PrinterTransportKind;
  address: string;
  paperWidth: 58 | 80;
  codePage: number;
}

const TCP_ADDRESS =
  /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::(\d{1,5}))?$/;

export function printerProblems(d: PrinterDraft): Problems {
  const out: Problems = {};
  text(out, 'name', d.name, 60);
  const a = d.address.trim();
  if (d.transport === 'none' && a !== '') out.address = 'none-address';
  if (d.transport === 'tcp') {
    const m = TCP_ADDRESS.exec(a);
    const port = m?.[1] === undefined ? 9100 : Number(m[1]);
    if (!m || port < 1 || port > 65_535) out.address = a ? 'tcp-address' : 'required';
  }
  if (d.transport === 'device') {
    const clean =
      /^\/dev\/[A-Za-z0-9._/-]+$/.test(a) && !a.endsWith('/') && !/\/\.\.?(\/|$)/.test(a);
    if (!clean) out.address = a ? 'device-address' : 'required';
  }
  wholeNumber(out, 'codePage', d.codePage, 0, 255);
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
> & { whenNoCounterOpen: NoCounterPolicy };

/** An IANA zone name the browser knows (`Europe/Istanbul`). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function hallProblems(d: HallDraft): Problems {
  const out: Problems = {};
  text(out, 'name', d.name, 80);
  if (!d.timeZone.trim()) out.timeZone = 'required';
  else if (!isTimeZone(d.timeZone.trim())) out.timeZone = 'time-zone';
  wholeNumber(out, 'priorityRatio', d.priorityRatio, 0, 10);
  wholeNumber(out, 'escalationMinutes', d.escalationMinutes, 1, 240);
  wholeNumber(out, 'noShowGraceMinutes', d.noShowGraceMinutes, 0, 60);
  wholeNumber(out, 'noteRetentionDays', d.noteRetentionDays, 1, 3650);
  return out;
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
