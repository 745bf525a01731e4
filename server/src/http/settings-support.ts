import type { Hall, Service } from '../../../contract/domain.js';
import type { ApiError, ErrorCode } from '../../../contract/errors.js';
import type { DeviceView, PrinterView, UserView } from '../../../contract/settings.js';
import type { Actor } from '../auth/actor.js';
import type { ConfigData, DeviceRecord, PrinterRecord, UserRecord } from '../config/config-data.js';
import { DEFAULT_NOTE_RETENTION_DAYS } from '../config/default-config.js';
import { fail, ok, type Result } from '../domain/index.js';
import type { RouteDeps } from './deps.js';
import { apiError } from './errors.js';

/**
 * The audit log lives in `config.json` beside what it describes, so a change and its entry
 * are written in one atomic file write. Capped: the newest entries are kept (years of admin
 * work for one hall) and the file stays small enough to rewrite on every change.
 */
export const AUDIT_LIMIT = 10_000;

/** Thrown inside a settings change to refuse it: nothing of the change is written. */
export class Refusal extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export function refuse(code: ErrorCode, message: string, field?: string): never {
  throw new Refusal(apiError(code, message, field));
}

/** What one change did: the reply, and a short human-readable diff (`null`: nothing changed). */
export interface Change<T> {
  value: T;
  detail: string | null;
  /** The id of what changed, when the reply is not that thing (a service's booking settings). */
  targetId?: string;
}

/**
 * Runs one settings change of the actor's hall. `edit` checks and changes a copy of the
 * configuration (throwing a `Refusal` to refuse) and says what it changed; the change and its
 * audit entry are written together or not at all. Checks run inside the write queue, so two
 * admins cannot both take the same prefix. Afterwards every client of the hall gets a fresh
 * snapshot.
 */
export async function changeSettings<T>(
  deps: RouteDeps,
  actor: Actor,
  action: string,
  edit: (draft: ConfigData, hallId: string) => Change<T>,
): Promise<Result<T>> {
  if (actor.kind !== 'user') return fail('forbidden', 'Staff only.');
  const { id: userId, hallId } = actor.user;
  let change: Change<T> | undefined;
  try {
    await deps.config.update((draft) => {
      change = edit(draft, hallId);
      if (change.detail === null) return;
      const targetId = change.targetId ?? targetOf(change.value);
      draft.audit.push({
        at: deps.now(),
        userId,
        action,
        detail: change.detail,
        ...(targetId ? { targetId } : {}),
      });
      if (draft.audit.length > AUDIT_LIMIT) draft.audit.splice(0, draft.audit.length - AUDIT_LIMIT);
    });
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: err.error };
    throw err;
  }
  if (change!.detail !== null) deps.queues.configChanged(hallId);
  return ok(change!.value);
}

/** The id of what a change returned: the thing itself, or the device or user it holds. */
function targetOf(value: unknown): string | undefined {
  const v = value as { id?: unknown; device?: { id?: unknown }; user?: { id?: unknown } } | null;
  const id = v?.id ?? v?.device?.id ?? v?.user?.id;
  return typeof id === 'string' ? id : undefined;
}

/** "name 'A' → 'B', active true → false" for the keys whose values differ. */
export function describeChanges<T extends object>(
  before: T,
  after: T,
  keys: readonly (keyof T & string)[],
): string | null {
  const parts = keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k} ${show(before[k])} → ${show(after[k])}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * The change of one thing, audited as "<subject>: key a → b, …" for the `keys` whose values
 * differ; when none does, nothing is written. `value` is the reply; `targetId` names the thing
 * when the reply is not it.
 */
export function keysChange<T extends object, V>(
  subject: string,
  before: T,
  after: T,
  keys: readonly (keyof T & string)[],
  value: V,
  targetId?: string,
): Change<V> {
  const diff = describeChanges(before, after, keys);
  return { value, detail: diff && `${subject}: ${diff}`, ...(targetId ? { targetId } : {}) };
}

/** A value as an audit line shows it: short, and readable for names and coverage lists. */
export function show(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = `'${v}'`;
  else if (Array.isArray(v))
    s = `[${v.map((x: { serviceId?: string; weight?: number }) => (x.serviceId ? `${x.serviceId}×${x.weight}` : show(x))).join(', ')}]`;
  else if (v !== null && typeof v === 'object' && 'tr' in v && 'en' in v) s = `'${v.tr}'/'${v.en}'`;
  else s = JSON.stringify(v) ?? 'undefined';
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

/** The hall with settings added after its config file was written filled in. */
export function hallWithDefaults(hall: Hall): Hall {
  // config.json files from before note retention (or the no-open-counter policy) lack the field.
  return {
    ...hall,
    noteRetentionDays: hall.noteRetentionDays ?? DEFAULT_NOTE_RETENTION_DAYS,
    whenNoCounterOpen: hall.whenNoCounterOpen ?? 'issue',
  };
}

export function userView(u: UserRecord): UserView {
  const { id, username, displayName, role, active, createdAt } = u;
  return { id, username, displayName, role, active, createdAt };
}

export function deviceView(d: DeviceRecord): DeviceView {
  const { id, kind, name, printerId, createdAt, revokedAt } = d;
  return { id, kind, name, printerId, createdAt, revokedAt };
}

export function printerView(p: PrinterRecord): PrinterView {
  const { id, hallId, name, transport, address, paperWidth, codePage } = p;
  return { id, hallId, name, transport, address, paperWidth, codePage };
}

/** The hall's service `serviceId`, or a 404 `service-not-found`. */
export function serviceInHall(draft: ConfigData, serviceId: string, hallId: string): Service {
  return findInHall(draft.services, serviceId, hallId, 'service', 'serviceId', 'service-not-found');
}

/** `draft[list]`'s entry `id` of the hall, or a 404 naming `field`. */
export function findInHall<T extends { id: string; hallId: string }>(
  list: T[],
  id: string,
  hallId: string,
  what: string,
  field: string,
  code: ErrorCode = 'not-found',
): T {
  const found = list.find((x) => x.id === id && x.hallId === hallId);
  if (!found) refuse(code, `No ${what} ${id} in this hall.`, field);
  return found;
}
