import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import type { Balancer } from './balancer.js';
import { redisUrl, uniqueName, type TestSchema } from './cluster-support.js';
import { startNode, type ClusterNode } from './cluster-node.js';

/** A staff screen's socket to `base` (a node or the balancer), signed in by `cookie`. */
export function staffSocket(base: string, nsp: string, cookie: string): Socket {
  return io(`${base}${nsp}`, {
    extraHeaders: { Cookie: cookie },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
}

/**
 * Starts the balancer and nodes A and B on `schema`, sharing Redis under `redisPrefix`, the
 * balancer's address as their public URL. `dataDir` is one no node should create.
 */
export async function startNodePair(
  schema: TestSchema,
  balancer: Balancer,
  redisPrefix: string,
  dataDir = path.join(tmpdir(), uniqueName('siramatik-unused-data')),
): Promise<[ClusterNode, ClusterNode]> {
  await balancer.listen();
  const env = {
    DATABASE_URL: schema.url,
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: redisPrefix,
    PUBLIC_URL: balancer.url,
    DATA_DIR: dataDir,
  };
  return Promise.all([startNode('A', env), startNode('B', env)]);
}

/**
 * Undoes a node-pair test, whatever part of its start ran: closes its sockets, kills the
 * nodes, closes the balancer, drops the schema and deletes the Redis keys under the prefix.
 */
export async function stopNodePair(pair: {
  sockets: Array<{ close: () => void }>;
  nodes: Array<ClusterNode | undefined>;
  balancer: Balancer;
  schema: TestSchema | undefined;
  redisPrefix: string;
}): Promise<void> {
  for (const s of pair.sockets) s.close();
  for (const node of pair.nodes) node?.child.kill('SIGKILL');
  await Promise.all(pair.nodes.map((node) => node?.exited));
  await pair.balancer.close();
  await pair.schema?.drop();
  const redis = createClient({ url: redisUrl() });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${pair.redisPrefix}:*` }))
    if (keys.length > 0) await redis.del(keys);
  redis.destroy();
}
