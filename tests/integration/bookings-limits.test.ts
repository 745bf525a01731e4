import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.js';
import { booked, bookingServer, checkIn, MONDAY_9, type Clock } from './bookings-support.js';

/** A well-formed booking code that names no booking. */
const unknownCode = (i: number) => `nobooking${String(i).padStart(13, '0')}`;

describe('booking lookups and check-ins are rate-limited', () => {
  let server: TestServer;
  const clock: Clock = { at: MONDAY_9 };
  afterEach(async () => {
    await server.dispose();
  });

  it('when one address tries booking codes that find nothing, then after 20 misses a minute it gets 429, while reading a real booking is never counted', async () => {
    server = await bookingServer(clock);
    const mine = await booked(server, { time: '09:00' });
    for (let i = 0; i < 30; i += 1) {
      const own = await request(server.app.app).get(`/api/bookings/${mine.code}`);
      expect(own.status).toBe(200);
    }
    for (let i = 0; i < 20; i += 1) {
      const miss = await request(server.app.app).get(`/api/bookings/${unknownCode(i)}`);
      expect(miss.status).toBe(404);
    }
    const limited = await request(server.app.app).get(`/api/bookings/${unknownCode(20)}`);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate-limited');
  });

  it('when a kiosk sends check-ins faster than its ticket limit, then the next is 429 and issues nothing', async () => {
    server = await bookingServer(clock, {
      rateLimits: { loginPerMinute: 1000, issuePerMinute: 3, bookingPer10Minutes: 10_000 },
    });
    for (let i = 0; i < 3; i += 1)
      expect((await checkIn(server, String(i).padStart(10, '0'))).status).toBe(404);
    const limited = await checkIn(server, '0000000009');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate-limited');
  });
});
