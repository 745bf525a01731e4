import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { StaffDelta, StaffSnapshot } from '../../contract/index.js';
import { kiosk, signedIn } from '../support/http.js';
import { collectDeltas, connect, next, until, type StaffClient } from '../support/sockets.js';
import { serverPerTest } from '../support/server-per-test.js';
import type { TestServer } from '../support/test-server.js';
import { readZip } from '../support/zip-entries.js';

const NOTE = 'Tapu fotokopisi eksik, yarın gelecek';

describe('least privilege for staff screens', () => {
  let server: TestServer;
  const track = serverPerTest({ set: (s) => (server = s), get: () => server });

  /** A staff screen: its snapshot, and every delta it gets after. */
  const screen = async (nsp: '/counter' | '/manager', cookie: string) => {
    const socket = track(connect<StaffClient>(server.url, nsp, { cookie }));
    const snapshots: StaffSnapshot[] = [];
    socket.on('queue:snapshot', (s: StaffSnapshot) => snapshots.push(s));
    const first = await next<StaffSnapshot>(socket, 'queue:snapshot');
    return { socket, first, snapshots, deltas: collectDeltas<StaffDelta>(socket) };
  };
  const ticketOf = (s: StaffSnapshot, number: string) => s.tickets.find((t) => t.number === number);

  /** Clerk A serves V001 at banko-3 and completes it with `NOTE`; B holds banko-4. */
  const visitWithNote = async () => {
    const a = await signedIn(server, 'clerk');
    const b = await signedIn(server, 'clerk');
    const manager = await signedIn(server, 'manager');
    const screens = {
      a: await screen('/counter', a.cookie),
      b: await screen('/counter', b.cookie),
      manager: await screen('/manager', manager.cookie),
    };
    const issued = await kiosk(server).issue('vezne');
    expect(issued.status).toBe(201);
    await b.agent.post('/api/counters/banko-4/open').send({});
    await a.agent.post('/api/counters/banko-3/open').send({});
    const called = await a.agent.post('/api/counters/banko-3/call-next').send({});
    await a.agent.post('/api/counters/banko-3/start').send({});
    const completed = await a.agent
      .post('/api/counters/banko-3/complete')
      .send({ outcome: 'forwarded', directorateId: 'fen-isleri', note: NOTE });
    expect(completed.status).toBe(200);
    const rev = server.app.queues.hall('cankaya')!.state.rev;
    const last = (s: { deltas: StaffDelta[] }) => s.deltas.at(-1)?.rev === rev;
    await until(() => last(screens.a) && last(screens.b) && last(screens.manager));
    return { a, b, manager, screens, code: issued.body.code as string, called, completed };
  };

  it('when a kiosk issues a ticket and a clerk serves it, then no staff screen, queue read or command reply carries its phone code', async () => {
    const { a, b, manager, screens, code, called, completed } = await visitWithNote();
    const later = await screen('/counter', b.cookie);
    const reads = await Promise.all(
      [a, b, manager].map((u) => u.agent.get('/api/halls/cankaya/queue')),
    );
    const staffSaw = [
      ...[screens.a, screens.b, screens.manager].flatMap((s) => [s.snapshots, s.deltas]),
      later.first,
      ...reads.map((r) => r.body),
      called.body,
      completed.body,
    ];

    expect(code).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(screens.manager.deltas.map((d) => d.event.type)).toContain('ticket:issued');
    expect(JSON.stringify(staffSaw)).not.toContain(code);
    for (const t of [...reads.flatMap((r) => r.body.tickets), called.body.ticket])
      expect(t).not.toHaveProperty('code');
  });

  it("when a clerk issues a ticket for a visitor, then the reply carries neither its phone code nor its status link, and the kiosk's reply does", async () => {
    const clerk = await signedIn(server, 'clerk');

    const byClerk = await clerk.agent
      .post('/api/halls/cankaya/tickets')
      .send({ serviceId: 'vezne' });
    const byKiosk = await kiosk(server).issue('vezne');

    expect(byClerk.status).toBe(201);
    expect(byClerk.body).toMatchObject({ number: 'V001', serviceId: 'vezne', peopleAhead: 0 });
    expect(byClerk.body).not.toHaveProperty('code');
    expect(byClerk.body).not.toHaveProperty('statusUrl');
    const stored = [...server.app.queues.hall('cankaya')!.state.tickets.values()];
    const clerkCode = stored.find((t) => t.number === 'V001')!.code;
    expect(JSON.stringify(byClerk.body)).not.toContain(clerkCode);
    expect(byKiosk.status).toBe(201);
    expect(byKiosk.body).toMatchObject({ number: 'V002', code: expect.any(String) });
    expect(byKiosk.body.statusUrl).toContain(byKiosk.body.code);
  });

  it('when a clerk completes a visit with a note, then other clerks never see the note, its author and managers do', async () => {
    const { a, b, manager, screens, completed } = await visitWithNote();

    // The reply and the live deltas.
    expect(completed.body.ticket).toMatchObject({ number: 'V001', note: NOTE });
    const done = (s: { deltas: StaffDelta[] }) =>
      s.deltas.find((d) => d.event.type === 'ticket:completed')!;
    expect(done(screens.a).ticket!.note).toBe(NOTE);
    expect(done(screens.a).event).toMatchObject({ note: NOTE });
    expect(done(screens.manager).ticket!.note).toBe(NOTE);
    expect(done(screens.manager).event).toMatchObject({ note: NOTE });
    expect(done(screens.b).ticket).toMatchObject({ number: 'V001', status: 'done', note: null });
    expect(done(screens.b).event).toMatchObject({ type: 'ticket:completed', note: null });
    expect(JSON.stringify(screens.b.deltas)).not.toContain(NOTE);
    // Each screen got each change once: the author's screens by their own room, not twice.
    for (const s of Object.values(screens)) {
      const revs = s.deltas.map((d) => d.rev);
      expect(revs).toEqual([...revs.keys()].map((i) => revs[0]! + i));
    }

    // A fresh snapshot, and the queue read over REST.
    for (const [who, nsp, note] of [
      [a, '/counter', NOTE],
      [b, '/counter', null],
      [manager, '/manager', NOTE],
    ] as const) {
      const fresh = await screen(nsp, who.cookie);
      expect(ticketOf(fresh.first, 'V001')!.note).toBe(note);
      const read = await who.agent.get('/api/halls/cankaya/queue');
      expect(ticketOf(read.body, 'V001')!.note).toBe(note);
    }
  });

  it("when a manager exports today's visits, then no file carries a ticket's phone code", async () => {
    const { manager, code } = await visitWithNote();
    const day = server.app.queues.hall('cankaya')!.state.day;

    const files = await Promise.all(
      ['csv', 'json', 'xlsx'].map((f) =>
        manager.agent
          .get(`/api/exports/tickets.${f}?from=${day}&to=${day}`)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          }),
      ),
    );

    expect(files.map((r) => r.status)).toEqual([200, 200, 200]);
    const [csv, json, xlsx] = files.map((r) => r.body as Buffer);
    // The workbook's sheets, unzipped: what a spreadsheet shows.
    const sheets = readZip(xlsx!).entries.map((e) => e.data.toString('utf8'));
    for (const text of [csv!.toString('utf8'), json!.toString('utf8'), sheets.join('\n')]) {
      expect(text).toContain('V001');
      expect(text).not.toContain(code);
    }
  });

  it("when the hall's snapshot is sent again after a settings change, then each counter screen gets only its own clerk's notes", async () => {
    const { screens } = await visitWithNote();
    const before = { a: screens.a.snapshots.length, b: screens.b.snapshots.length };

    server.app.queues.configChanged('cankaya');
    await until(
      () =>
        screens.a.snapshots.length > before.a &&
        screens.b.snapshots.length > before.b &&
        screens.manager.snapshots.length > 1,
    );

    expect(screens.a.snapshots).toHaveLength(before.a + 1);
    expect(screens.b.snapshots).toHaveLength(before.b + 1);
    expect(ticketOf(screens.a.snapshots.at(-1)!, 'V001')!.note).toBe(NOTE);
    expect(ticketOf(screens.b.snapshots.at(-1)!, 'V001')!.note).toBeNull();
    expect(ticketOf(screens.manager.snapshots.at(-1)!, 'V001')!.note).toBe(NOTE);
  });

  it("when a visitor comments on a rating, then counter screens do not get the comment, managers' screens do", async () => {
    const { screens, code } = await visitWithNote();
    const comment = 'Çok ilgiliydi, teşekkürler';

    const rated = await request(server.app.app)
      .post(`/api/tickets/${code}/rating`)
      .send({ rating: 5, comment });
    expect(rated.status).toBe(200);
    const rev = server.app.queues.hall('cankaya')!.state.rev;
    await until(() =>
      [screens.a, screens.b, screens.manager].every((s) => s.deltas.at(-1)?.rev === rev),
    );

    const rating = (s: { deltas: StaffDelta[] }) => s.deltas.at(-1)!.event;
    expect(rating(screens.manager)).toMatchObject({ type: 'ticket:rated', note: comment });
    expect(rating(screens.a)).toMatchObject({ type: 'ticket:rated', rating: 5, note: null });
    expect(rating(screens.b)).toMatchObject({ type: 'ticket:rated', rating: 5, note: null });
    // The author keeps their own note on the ticket; the other clerk still has none.
    expect(screens.a.deltas.at(-1)!.ticket!.note).toBe(NOTE);
    expect(screens.b.deltas.at(-1)!.ticket!.note).toBeNull();
  });
});
