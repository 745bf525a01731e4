import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  book,
  booked,
  bookingServer,
  MONDAY_9,
  signedIn,
  slots,
  TUESDAY,
  type Clock,
} from './bookings-support.js';
import type { TestServer } from '../support/test-server.js';

describe('staff cancel a booking by its id', () => {
  let server: TestServer;
  const clock: Clock = { at: MONDAY_9 };
  beforeEach(async () => {
    clock.at = MONDAY_9;
    server = await bookingServer(clock);
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('when a clerk cancels a booking of their hall, then its place is free, twice is refused, another hall or no session is refused', async () => {
    await booked(server, { time: '09:00' });
    const other = await book(server, { serviceId: 'kizilay-vezne', time: '09:00' }, 'kizilay');
    expect(other.status).toBe(201);
    const free = (await slots(server)).body.slots.length;
    const { agent } = await signedIn(server, 'clerk');
    const [row] = (await agent.get('/api/halls/cankaya/bookings').query({ day: TUESDAY })).body;
    const anonymous = await request(server.app.app)
      .post(`/api/halls/cankaya/bookings/${row.id}/cancel`)
      .type('application/json');
    expect(anonymous.status).toBe(401);
    const done = await agent.post(`/api/halls/cankaya/bookings/${row.id}/cancel`).send({});
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: row.id, status: 'cancelled' });
    expect((await slots(server)).body.slots.length).toBe(free + 1);
    const again = await agent.post(`/api/halls/cankaya/bookings/${row.id}/cancel`).send({});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('booking-not-changeable');
    const unknown = await agent.post('/api/halls/cankaya/bookings/no-such-id/cancel').send({});
    expect(unknown.status).toBe(404);
    const theirs = await agent.post(`/api/halls/kizilay/bookings/${row.id}/cancel`).send({});
    expect(theirs.status).toBe(403);
  });

  it('when an admin opens the settings, then the overview carries the booking settings the Appointments section edits', async () => {
    const { agent } = await signedIn(server, 'admin');
    const res = await agent.get('/api/settings');
    expect(res.status).toBe(200);
    const vezne = res.body.services.find((s: { id: string }) => s.id === 'vezne');
    expect(vezne.booking).toMatchObject({ enabled: true });
  });
});
