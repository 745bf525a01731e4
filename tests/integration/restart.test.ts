import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kiosk, signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('restart from the same data folder', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  const snapshotOf = (s: TestServer) => {
    const st = s.app.queues.hall('cankaya')!.state;
    return {
      rev: st.rev,
      tickets: [...st.tickets.values()].sort((a, b) => a.id.localeCompare(b.id)),
      counters: [...st.counters.values()].sort((a, b) => a.id.localeCompare(b.id)),
      sequences: [...st.sequences.entries()].sort(),
    };
  };

  it('when the server stops and starts again, then the state is the same and numbering continues', async () => {
    await kiosk(server).issue('vezne');
    await kiosk(server).issue('vezne');
    await kiosk(server).issue('ruhsat');
    const { agent, cookie } = await signedIn(server, 'clerk');
    await agent.post('/api/counters/banko-1/open').send({});
    await agent.post('/api/counters/banko-1/call-next').send({});
    await agent.post('/api/counters/banko-1/start').send({});
    const before = snapshotOf(server);

    await server.restart();

    expect(snapshotOf(server)).toEqual(before);
    const next = await kiosk(server).issue('vezne');
    expect(next.body.number).toBe('V003');
    // The clerk's session survives the restart and the visit in progress is still theirs.
    const done = await request(server.app.app)
      .post('/api/counters/banko-1/complete')
      .set('Cookie', cookie)
      .send({ outcome: 'resolved' });
    expect(done.status).toBe(200);
    expect(done.body.ticket.number).toBe('V001');
  });

  it('when the journal ends in a torn line (a crash mid-write), then it is skipped and the next ticket follows', async () => {
    await kiosk(server).issue('vezne');
    await kiosk(server).issue('vezne');
    await server.stop();
    const dir = path.join(server.dataDir, 'journal', 'cankaya');
    const [file] = await readdir(dir);
    await appendFile(path.join(dir, file!), '{"type":"ticket:issued","hallId":"cank');
    await server.restart();
    expect(server.app.queues.hall('cankaya')!.state.tickets.size).toBe(2);
    const next = await kiosk(server).issue('vezne');
    expect(next.body.number).toBe('V003');
    await server.restart();
    expect(server.app.queues.hall('cankaya')!.state.tickets.size).toBe(3);
  });

  it('when two servers wrote the same revision into the journal, then the restart refuses naming the file and line', async () => {
    await kiosk(server).issue('vezne');
    await kiosk(server).issue('vezne');
    await server.stop();
    const dir = path.join(server.dataDir, 'journal', 'cankaya');
    const [name] = await readdir(dir);
    const file = path.join(dir, name!);
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    // What a second server on the same folder leaves: the next revision, and its number, twice.
    await appendFile(file, `${lines.at(-1)}\n`);

    await expect(server.restart()).rejects.toThrow(
      `The journal ${file} is inconsistent at line ${lines.length + 1}: revision`,
    );
  });

  it('when a second server opens the same data folder, then it refuses with a clear message', async () => {
    await expect(startTestServer({ dataDir: server.dataDir })).rejects.toThrow(
      /another Sıramatik process|already/i,
    );
  });
});
