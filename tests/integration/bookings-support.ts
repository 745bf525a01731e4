import request from 'supertest';
import { expect } from 'vitest';
import { defaultConfig } from '../../server/src/config/default-config.js';
import type { ConfigData } from '../../server/src/config/config-data.js';
import { signedIn } from '../support/http.js';
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../support/test-server.js';

/** Monday 7 December 2026, 09:00 in Istanbul (UTC+3). */
export const MONDAY_9 = Date.parse('2026-12-07T06:00:00Z');
export const TUESDAY = '2026-12-08';
export const MINUTE = 60_000;

const EMPTY_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const WORKDAY = [{ from: '09:00', to: '12:00' }];
/** Vezne takes bookings Monday to Friday 09:00–12:00, 30-minute slots, one place each. */
export const VEZNE_BOOKING = {
  enabled: true,
  hours: { ...EMPTY_WEEK, mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY },
  slotMinutes: 30,
  perSlot: 1,
};

/** The default hall and a second one (Kızılay) with its own bookable service. */
export function twoHalls(): ConfigData {
  const data = defaultConfig();
  const hall = data.halls[0]!;
  hall.booking = {
    checkInEarlyMinutes: 15,
    checkInLateMinutes: 10,
    horizonDays: 30,
    leadMinutes: 30,
    maxPerContact: 3,
    closedDays: ['2026-12-09'],
    retentionDays: 30,
  };
  data.services.find((s) => s.id === 'vezne')!.booking = structuredClone(VEZNE_BOOKING);
  data.halls.push({ ...hall, id: 'kizilay', name: 'Kızılay' });
  data.services.push({
    id: 'kizilay-vezne',
    hallId: 'kizilay',
    prefix: 'K',
    name: { tr: 'Vezne', en: 'Cashier' },
    targetMinutes: 4,
    active: true,
    booking: structuredClone(VEZNE_BOOKING),
  });
  return data;
}

export interface Clock {
  at: number;
}

export async function bookingServer(
  clock: Clock,
  opts: TestServerOptions = {},
): Promise<TestServer> {
  return startTestServer({
    config: twoHalls,
    now: () => clock.at,
    rateLimits: { loginPerMinute: 1000, issuePerMinute: 10_000, bookingPer10Minutes: 10_000 },
    ...opts,
  });
}

export function book(server: TestServer, body: Record<string, unknown>, hallId = 'cankaya') {
  return request(server.app.app)
    .post(`/api/halls/${hallId}/bookings`)
    .type('application/json')
    .send({ serviceId: 'vezne', day: TUESDAY, name: 'Ayşe Yılmaz', ...body });
}

export async function booked(server: TestServer, body: Record<string, unknown>) {
  const res = await book(server, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { code: string; checkInCode: string; slotAt: number; time: string };
}

export function slots(server: TestServer, day = TUESDAY, hallId = 'cankaya') {
  return request(server.app.app)
    .get(`/api/halls/${hallId}/booking/slots`)
    .query({ serviceId: hallId === 'cankaya' ? 'vezne' : 'kizilay-vezne', day });
}

export function checkIn(server: TestServer, checkInCode: string) {
  return request(server.app.app)
    .post('/api/halls/cankaya/check-in')
    .set('Authorization', `Bearer ${server.kioskKey}`)
    .send({ checkInCode });
}

export { signedIn };
