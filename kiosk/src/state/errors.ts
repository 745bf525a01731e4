import type { CallErrorCode } from '../../../contract/client.js';
import type { Lang } from '../../../contract/domain.js';
import { t, type FriendlyError } from '../i18n.js';

const FRIENDLY: ReadonlySet<string> = new Set<FriendlyError>([
  'network',
  'timeout',
  'unauthenticated',
  'forbidden',
  'rate-limited',
  'service-inactive',
  'no-open-counter',
  'service-not-found',
  'ticket-not-found',
  'invalid-transition',
  'storage-unavailable',
]);

/** A failed request: a server error code, or no answer at all (contract/client.ts). */
export type FailureCode = CallErrorCode;

/** Which plain-language explanation a failure gets. */
export function friendlyError(code: FailureCode): FriendlyError {
  if (code === 'hall-not-found') return 'service-not-found';
  return FRIENDLY.has(code) ? (code as FriendlyError) : 'other';
}

/** The sentence a visitor reads for a failure. */
export function errorMessage(code: FailureCode, lang: Lang): string {
  return t(lang).errors[friendlyError(code)];
}
