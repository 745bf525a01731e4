import { WEBHOOK_LIMITS } from '../../../contract/webhooks.js';
import { isCalendarDay } from '../domain/local-day.js';
import type { WebhookDeliveryState } from './store.js';

/**
 * An endpoint id as the configuration makes them (a lower-case UUID or slug). The data folder
 * names files after it, so nothing else is let through: no dots or slashes (no path traversal),
 * no capitals (two ids differing only in case would share a file on a case-insensitive disk).
 */
const ENDPOINT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Throws unless `endpointId` is a configuration id (both stores refuse the same ones). */
export function assertEndpointId(endpointId: string): void {
  if (typeof endpointId !== 'string' || !ENDPOINT_ID.test(endpointId))
    throw new Error(
      `Invalid webhook endpoint id ${JSON.stringify(endpointId)}: expected 1–64 characters a-z, 0-9, "-".`,
    );
}

const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const timeOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

/** Throws, naming the field, unless `state` is one that can be stored and read back. */
export function checkWebhookState(state: WebhookDeliveryState): void {
  assertEndpointId(state?.endpointId);
  const problem = stateProblem(state);
  if (problem)
    throw new Error(`Webhook state of ${state.endpointId}: ${problem}; nothing was written.`);
}

function stateProblem(s: WebhookDeliveryState): string | null {
  const c = s.cursor as Partial<WebhookDeliveryState['cursor']> | undefined;
  if (typeof c !== 'object' || c === null) return 'no cursor';
  if (typeof c.day !== 'string' || !isCalendarDay(c.day)) return 'cursor.day is not YYYY-MM-DD';
  if (!count(c.rev)) return 'cursor.rev is not a whole number ≥ 0';
  if (!count(c.bookingRev)) return 'cursor.bookingRev is not a whole number ≥ 0';
  if (!count(s.attempts)) return 'attempts is not a whole number ≥ 0';
  for (const key of ['failingSince', 'nextAttemptAt', 'lastSuccessAt'] as const)
    if (!timeOrNull(s[key])) return `${key} is neither a time nor null`;
  if (s.lastError !== null && typeof s.lastError !== 'string')
    return 'lastError is neither text nor null';
  return null;
}

/** How many log entries `readLog(…, limit)` gives at most: never more than are kept. */
export function logReadLimit(limit: number): number {
  if (!Number.isFinite(limit) || limit <= 0) return 0;
  return Math.min(Math.floor(limit), WEBHOOK_LIMITS.logEntries);
}
