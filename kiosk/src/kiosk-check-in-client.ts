import { call, route, type CallFailure } from '../../contract/client.js';
import type { bookableServices, checkIn } from '../../contract/bookings.js';
import type { Lang } from '../../contract/domain.js';
import type { IssuedTicket } from '../../contract/api.js';
import { takeDeviceKey } from './device-key.js';
import { REQUEST_TIMEOUT_MS, WHO_AM_I } from './routes.js';

/** A route only (no schemas), as in routes.ts: the kiosk bundle stays small. */
export const CHECK_IN = route<typeof checkIn>('post', '/halls/:hallId/check-in');
export const BOOKABLE_SERVICES = route<typeof bookableServices>(
  'get',
  '/halls/:hallId/booking/services',
);

export type CheckInResult = { ok: true; ticket: IssuedTicket } | CallFailure;

/**
 * The kiosk's check-in request: `POST /api/halls/:hallId/check-in` with its device key. The
 * hall is the kiosk's own, read once from `/api/auth/me`.
 */
export class CheckInClient {
  private hallId: string | null = null;
  private readonly key = takeDeviceKey();

  async checkIn(checkInCode: string, lang: Lang): Promise<CheckInResult> {
    const hallId = this.hallId ?? (await this.ownHall());
    if (typeof hallId !== 'string') return hallId;
    const res = await call(
      CHECK_IN,
      { params: { hallId }, body: { checkInCode, lang } },
      { key: this.key, timeoutMs: REQUEST_TIMEOUT_MS },
    );
    return res.ok ? { ok: true, ticket: res.data as IssuedTicket } : res;
  }

  /**
   * Whether the hall takes appointments at all (a service is bookable): the start screen shows
   * "Randevum var" only then. Unknown (no answer) counts as yes: the check-in itself explains.
   */
  async offered(): Promise<boolean> {
    const hallId = this.hallId ?? (await this.ownHall());
    if (typeof hallId !== 'string') return true;
    const res = await call(
      BOOKABLE_SERVICES,
      { params: { hallId } },
      { key: this.key, timeoutMs: REQUEST_TIMEOUT_MS },
    );
    return !res.ok || res.data.length > 0;
  }

  private async ownHall(): Promise<string | CallFailure> {
    const me = await call(WHO_AM_I, {}, { key: this.key, timeoutMs: REQUEST_TIMEOUT_MS });
    if (!me.ok) return me;
    const hallId = (me.data as unknown as { hallId?: unknown } | null)?.hallId;
    if (typeof hallId !== 'string')
      return { ok: false, status: 0, code: 'unauthenticated', message: '' };
    this.hallId = hallId;
    return hallId;
  }
}
