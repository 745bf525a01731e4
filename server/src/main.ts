import { existsSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createApp } from './app.js';
import { bootstrapFirstStart } from './bootstrap.js';
import { defaultConfig } from './config/default-config.js';
import { parsePrinterAllowList, type PrinterAllowList } from './print/printer-address-policy.js';
import type { RedisCluster } from './realtime/redis-cluster.js';
import { openConfiguredStore } from './store/open-store.js';
import { WEBHOOK_LIMITS } from '../../contract/webhooks.js';
import { parseWebhookAllowList, type WebhookAllowList } from './webhooks/webhook-address-policy.js';

/**
 * The installation's folder: the nearest one above this module with a package.json. This
 * module runs as server/src/main.ts (tsx) or bundled as dist-server/main.mjs (`npm start`).
 */
function installRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${here}`);
  }
}

const root = installRoot();

/** The environment, validated once: a wrong value stops the start with a clear message. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default(path.join(root, 'data')),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: z.string().optional(),
  SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Scale-out: PostgreSQL instead of the data folder (several servers may share it). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected postgres://user@host:port/database')
    .optional(),
  /** Scale-out: Socket.IO broadcasts and rate limits shared through Redis. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'expected redis://host:port')
    .optional(),
  /** Prefix of every Redis key and stream, so installations can share a Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/)
    .default('siramatik'),
  /** Printer addresses allowed besides private networks and /dev/(usb/)lpN (comma-separated). */
  PRINTER_ALLOW: z.string().optional(),
  /** The TCP ports printers may use, replacing 9100-9109 (`9100-9109,515`). */
  PRINTER_PORTS: z.string().optional(),
  /**
   * Webhook receivers allowed besides the built-in rule (comma-separated hosts, networks and
   * host:port): loopback, link-local and the like are refused unless listed.
   */
  WEBHOOK_ALLOW: z.string().optional(),
});

/** The machine's first LAN address: QR codes must point somewhere a phone can reach. */
function lanAddress(): string | undefined {
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    console.error(`Configuration error: ${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  const env = parsed.data;
  let printerAllow: PrinterAllowList;
  try {
    printerAllow = parsePrinterAllowList(env.PRINTER_ALLOW, env.PRINTER_PORTS);
  } catch (err) {
    console.error(`Configuration error: ${(err as Error).message}`);
    process.exit(2);
  }
  let webhookAllow: WebhookAllowList;
  try {
    webhookAllow = parseWebhookAllowList(env.WEBHOOK_ALLOW);
  } catch (err) {
    console.error(`Configuration error: ${(err as Error).message}`);
    process.exit(2);
  }
  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const log = (msg: string) => console.log(`[${new Date().toISOString()}] ${msg}`);
  const version = (
    JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
  ).version;

  const { store, where } = await openConfiguredStore({
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR),
    log,
    initialConfig: defaultConfig,
  });
  let redis: RedisCluster | undefined;
  try {
    if (env.REDIS_URL) {
      // Loaded only when configured: the Redis client is a good part of a cold start.
      const { connectRedisCluster } = await import('./realtime/redis-cluster.js');
      redis = await connectRedisCluster(env.REDIS_URL, env.REDIS_PREFIX, log);
    }
  } catch (err) {
    await store.close();
    throw new Error(`Redis at REDIS_URL: ${(err as Error).message}`, { cause: err });
  }
  if (env.DATABASE_URL && !redis)
    log(
      'DATABASE_URL without REDIS_URL: run one server only (live updates reach only its clients)',
    );
  const wildcard = env.HOST === '0.0.0.0' || env.HOST === '::';
  const publicUrl =
    env.PUBLIC_URL ?? `http://${(wildcard && lanAddress()) || shownHost}:${env.PORT}`;
  if (!env.PUBLIC_URL)
    log(`PUBLIC_URL not set: ticket QR codes and pairing links use ${publicUrl}`);
  const first = await bootstrapFirstStart(store.config, publicUrl, Date.now());
  const built = await createApp({
    store,
    publicUrl,
    log,
    version,
    distDir: path.join(root, 'dist'),
    sessionTtlMs: env.SESSION_HOURS * 3_600_000,
    trustProxy: env.TRUST_PROXY,
    ioAdapter: redis?.ioAdapter,
    rateLimitStore: redis?.rateLimitStore,
    printers: { allow: printerAllow },
    webhooks: { allow: webhookAllow },
  });

  built.httpServer.listen(env.PORT, env.HOST, () => {
    const addr = built.httpServer.address();
    const port = typeof addr === 'object' && addr ? addr.port : env.PORT;
    log(
      `Sıramatik ${version} listening on http://${shownHost}:${port} (data: ${where}${redis ? ', Redis fan-out' : ''})`,
    );
    for (const line of first) console.log(line);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    void built
      .close()
      .then(() => redis?.close())
      .then(() => process.exit(0));
    // Closing waits for a webhook delivery in flight, up to its time limit.
    setTimeout(() => process.exit(1), 5000 + WEBHOOK_LIMITS.timeoutMs).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
