import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as bookings from '../../contract/bookings.js';
import type { Endpoint } from '../../contract/endpoint.js';
import * as endpoints from '../../contract/endpoints/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

function isEndpoint(v: unknown): v is Endpoint {
  return typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'reply' in v;
}

/** Every endpoint a module exports, records of endpoints (`counterAction`) included. */
function endpointsOf(module: Record<string, unknown>): Endpoint[] {
  const out: Endpoint[] = [];
  for (const v of Object.values(module)) {
    if (isEndpoint(v)) out.push(v);
    else if (typeof v === 'object' && v !== null && !Array.isArray(v))
      out.push(...Object.values(v).filter(isEndpoint));
  }
  return [...new Set(out)];
}

const key = (e: Pick<Endpoint, 'method' | 'path'>) => `${e.method.toUpperCase()} ${e.path}`;

/**
 * The server's route table is the contract's endpoint table: each route is built from a
 * contract endpoint, and each endpoint is mounted once. The appointment endpoints are
 * mounted as their routes land (at most once until then).
 */
describe('endpoint table: every route is a contract endpoint, every endpoint a route', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.dispose();
  });

  const all = endpointsOf(endpoints);
  const notYetMounted = new Set(endpointsOf(bookings));

  it('when the contract is read, then it lists the whole REST API', () => {
    expect(all.length).toBeGreaterThanOrEqual(57);
    // Two endpoints never share a method and path.
    expect(new Set(all.map(key)).size).toBe(all.length);
  });

  it('when the server is built, then each route is built from one of the endpoints', () => {
    const known = new Set(all);
    for (const r of server.app.routes) {
      expect(r.endpoint, key(r)).toBeDefined();
      expect(known.has(r.endpoint), `${key(r)} is not in contract/endpoints/`).toBe(true);
      expect(key(r.endpoint)).toBe(key(r));
    }
  });

  it('when the server is built, then every endpoint is mounted exactly once', () => {
    const mounted = new Map<Endpoint, number>();
    for (const r of server.app.routes) mounted.set(r.endpoint, (mounted.get(r.endpoint) ?? 0) + 1);
    const wrong = all
      .filter((e) => {
        const n = mounted.get(e) ?? 0;
        return notYetMounted.has(e) ? n > 1 : n !== 1;
      })
      .map((e) => `${key(e)}: mounted ${mounted.get(e) ?? 0} times`);
    expect(wrong).toEqual([]);
  });
});
