import { createAdapter } from '@socket.io/redis-streams-adapter';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { RateLimitStoreFactory } from '../http/limiters.js';

/** What several servers share through Redis: Socket.IO broadcasts and rate-limit counts. */
export interface RedisCluster {
  ioAdapter: ServerOptions['adapter'];
  rateLimitStore: RateLimitStoreFactory;
  close: () => Promise<void>;
}

/**
 * Connects to Redis at `url`. Every key, stream and channel starts with `prefix`, so several
 * installations (or test runs) can share one Redis. Redis holds nothing durable: broadcasts in
 * flight, recoverable Socket.IO sessions (2 minutes) and rate-limit windows (1 minute).
 */
export async function connectRedisCluster(
  url: string,
  prefix: string,
  log: (msg: string) => void,
): Promise<RedisCluster> {
  const client = createClient({ url });
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) log(`Redis: ${err.message}; reconnecting`);
    down = true;
  });
  client.on('ready', () => {
    if (down) log('Redis: connection restored');
    down = false;
  });
  await client.connect();
  return {
    ioAdapter: createAdapter(client, {
      streamName: `${prefix}:socket.io`,
      channelPrefix: `${prefix}:socket.io`,
      sessionKeyPrefix: `${prefix}:socket.io:session:`,
      onlyPlaintext: true,
    }),
    rateLimitStore: (limiter) =>
      new RedisStore({
        prefix: `${prefix}:rate-limit:${limiter}:`,
        sendCommand: (...args: string[]) => client.sendCommand(args) as Promise<RedisReply>,
      }),
    close: async () => {
      await client.close().catch(() => client.destroy());
    },
  };
}
