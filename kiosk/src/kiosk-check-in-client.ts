import { call, route, type CallFailure } from '../../contract/client.js';
import type { checkIn } from '../../contract/bookings.js';
import type { Endpoint } from '../../contract/endpoint.js';
import type { Lang } from '../../contract/domain.js';
import type { IssuedTicket } from '../../contract/api.js';
import { takeDeviceKey } from './device-key.js';

/** Routes only (no schemas): the kiosk bundle stays small. */
const CHECK_IN = route<typeof checkIn>('post', '/halls/:hallId/check-in');
const ME = route<Endpoint>('get', '/auth/me');

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
      { key: this.key, timeoutMs: 10_000 },
    );
    return res.ok ? { ok: true, ticket: res.data as IssuedTicket } : res;
  }

  private async ownHall(): Promise<string | CallFailure> {
    const me = await call(ME, {}, { key: this.key, timeoutMs: 10_000 });
    if (!me.ok) return me;
    const hallId = (me.data as unknown as { hallId?: unknown } | null)?.hallId;
    if (typeof hallId !== 'string')
      return { ok: false, status: 0, code: 'unauthenticated', message: '' };
    this.hallId = hallId;
    return hallId;
  }
}
