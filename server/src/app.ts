import { createServer, type Server as HttpServer } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import helmet from 'helmet';
import { Server, type ServerOptions } from 'socket.io';
import type { Actor } from './auth/actor.js';
import { AuthService } from './auth/auth-service.js';
import { newSecret } from './auth/secrets.js';
import { BookingService } from './bookings/booking-service.js';
import {
  addressHasher,
  addressSalt,
  newBookingCode,
  newBookingId,
  newCheckInCode,
} from './bookings/booking-codes.js';
import { createBookingRetention } from './bookings/booking-retention.js';
import { bookingRoutes } from './http/booking-routes.js';
import { settingsBookingRoutes } from './http/settings-booking-routes.js';
import { authRoutes, SESSION_COOKIE } from './http/auth-routes.js';
import { readCookie } from './http/cookies.js';
import { counterRoutes } from './http/counter-routes.js';
import type { RouteDeps } from './http/deps.js';
import { apiError, sendError } from './http/errors.js';
import { hallsRoutes } from './http/halls-routes.js';
import { healthRoutes } from './http/health-routes.js';
import {
  DEFAULT_RATE_LIMITS,
  makeLimiters,
  type RateLimits,
  type RateLimitStoreFactory,
} from './http/limiters.js';
import { openApiDocument } from './http/openapi.js';
import { passwordRoutes } from './http/password-routes.js';
import { mountRoutes, type RouteDef } from './http/route.js';
import { mountStaticPages } from './http/static-pages.js';
import { ticketsRoutes } from './http/tickets-routes.js';
import { PrintService } from './print/print-service.js';
import {
  PrinterAddressPolicy,
  type HostLookup,
  type PrinterAllowList,
} from './print/printer-address-policy.js';
import { printersRoutes } from './http/printers-routes.js';
import { devicesRoutes } from './http/devices-routes.js';
import { settingsRoutes } from './http/settings-routes.js';
import { QueueService } from './queue/queue-service.js';
import { statsRoutes } from './http/stats-routes.js';
import { staffingRoutes } from './http/staffing-routes.js';
import { StatsService } from './stats/stats-service.js';
import { StaffingService } from './stats/staffing/staffing-service.js';
import { createNoteRetention } from './retention/note-retention.js';
import { attachRealtime } from './realtime/realtime.js';
import { originAllowed } from './http/origin.js';
import { jsonBody } from './http/body-limit.js';
import { bearerKey, sameOriginGuard } from './http/csrf.js';
import { DEFAULT_SOCKET_EVENT_LIMITS, type SocketEventLimits } from './realtime/event-limits.js';
import type { ConfigStore, Store } from './store/store.js';
import type { WebhookDeliverer } from './webhooks/webhook-service.js';
import { createWebhooks, type WebhookOptions } from './webhooks/webhooks.js';

export interface AppDeps {
  store: Store;
  publicUrl: string;
  now?: () => number;
  log?: (msg: string) => void;
  version?: string;
  /** Folder of the built front ends; pages answer 503 until it exists. */
  distDir?: string;
  rateLimits?: RateLimits;
  sessionTtlMs?: number;
  /** Behind a reverse proxy: trust its X-Forwarded-For (e.g. `loopback`). */
  trustProxy?: string | boolean;
  /** Several servers: the Socket.IO adapter that broadcasts across them (Redis Streams). */
  ioAdapter?: ServerOptions['adapter'];
  /** Several servers: rate-limit counts they share (Redis). */
  rateLimitStore?: RateLimitStoreFactory;
  /**
   * How long live deltas wait to go out together (ms); default 50, and 0 with `ioAdapter`
   * (several servers must not hold deltas that another server's could overtake).
   */
  deltaWindowMs?: number;
  /**
   * Printer addresses allowed besides private networks on ports 9100–9109 and /dev/(usb/)lpN
   * (`PRINTER_ALLOW`, `PRINTER_PORTS`); `lookup` resolves printer host names (tests fake it).
   */
  printers?: { allow?: PrinterAllowList; lookup?: HostLookup };
  /** How long a client may take to send a request's headers (ms); default 10 s. */
  headersTimeoutMs?: number;
  /** How long a client may take to send a whole request (ms); default 30 s. */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open (ms); default 5 s. */
  keepAliveTimeoutMs?: number;
  /** Open connections (HTTP and WebSocket) at most; default 10,000. */
  maxConnections?: number;
  /** Events one socket may send, per class; default DEFAULT_SOCKET_EVENT_LIMITS. */
  socketEventLimits?: SocketEventLimits;
  /** Webhook receivers allowed besides the built-in rule (`WEBHOOK_ALLOW`), and test timings. */
  webhooks?: WebhookOptions;
}

export interface App {
  app: Express;
  httpServer: HttpServer;
  io: Server;
  queues: QueueService;
  bookings: BookingService;
  auth: AuthService;
  print: PrintService;
  configStore: ConfigStore;
  /** Webhook delivery state, log, test and resend (as the routes see them). */
  webhooks: WebhookDeliverer;
  routes: RouteDef[];
  /** Stops timers, sockets and the store; the caller closes the HTTP server it listened on. */
  close: () => Promise<void>;
}

const BODY_LIMIT_BYTES = 4 * 1024;
/**
 * Slow clients hold a connection each: headers must arrive within 10 s and the whole request
 * within 30 s (bodies are 4 KB at most; a 15 s XLSX export is a response, not a request).
 */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/**
 * A busy hall: 2,000 phone pages (one WebSocket each), up to 100 counters and 50 displays, and
 * a few browser connections per staff screen (about 2,500 in all, several halls per server at
 * most); 10,000 leaves four times that before a flood of connections exhausts file descriptors
 * (raise `ulimit -n` above it: many systems start at 1,024).
 */
const MAX_CONNECTIONS = 10_000;
const DELTA_WINDOW_MS = 50;
/** File system errors of a full, read-only or failing data folder. */
const STORAGE_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EACCES', 'EPERM']);

/** Builds the whole server from its dependencies. Does not listen: tests use port 0. */
export async function createApp(deps: AppDeps): Promise<App> {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((msg: string) => console.log(msg));
  const version = deps.version ?? '0.0.0';
  const sessionTtlMs = deps.sessionTtlMs ?? 12 * 60 * 60_000;

  const queues = new QueueService({
    store: deps.store,
    now,
    log,
    publicUrl: deps.publicUrl,
    newTicketCode: () => newSecret(16),
  });
  await queues.start();
  // Webhooks: the journal and the booking ledger are the outbox, followed as they are written.
  const webhooks = createWebhooks({
    store: deps.store,
    queues,
    booking: (hallId, bookingId) => bookings.book(hallId)?.state.bookings.get(bookingId),
    now,
    log,
    options: deps.webhooks,
  });
  // Appointments: each hall's booking ledger, folded; check-ins issue through the hall queue.
  const bookings = new BookingService({
    ledger: webhooks.ledger,
    config: deps.store.config,
    queues,
    now,
    log,
    newBookingId,
    newCode: newBookingCode,
    newCheckInCode,
    hashAddress: addressHasher(await addressSalt(deps.store.config)),
  });
  await bookings.start();
  // A check-in whose ledger record was lost (a stop between ticket and record) is written now.
  await bookings.reconcile();
  webhooks.start();
  const auth = new AuthService({
    config: deps.store.config,
    sessions: deps.store.sessions,
    now,
    sessionTtlMs,
  });

  const actorOf = (req: Request): Actor => {
    const bearer = bearerKey(req.headers.authorization);
    if (bearer) {
      const device = auth.deviceForKey(bearer);
      return device ? { kind: 'device', device } : { kind: 'anonymous' };
    }
    return (
      auth.userForSession(readCookie(req.headers.cookie, SESSION_COOKIE)) ?? { kind: 'anonymous' }
    );
  };

  const app = express();
  app.disable('x-powered-by');
  // API replies are no-store: hashing each one for an ETag is wasted work on the hot path.
  app.set('etag', false);
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // A LAN install runs on plain http: never upgrade, and allow QR data: images.
          'upgrade-insecure-requests': null,
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
      strictTransportSecurity: deps.publicUrl.startsWith('https:'),
    }),
  );

  // Every body, on every path, is capped while it streams in (not after it was read to the end).
  app.use(jsonBody(BODY_LIMIT_BYTES));

  const requestTimeout = deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node refuses a headers timeout longer than the request timeout (0 turns that one off).
  const headersTimeout = Math.min(
    deps.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
    requestTimeout || Infinity,
  );
  const httpServer = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: deps.keepAliveTimeoutMs ?? KEEP_ALIVE_TIMEOUT_MS,
      // Node checks the two timeouts above every 30 s by default: a slow client would get
      // up to 30 s more. Check at least every second.
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    app,
  );
  httpServer.maxConnections = deps.maxConnections ?? MAX_CONNECTIONS;
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    allowRequest: (req, cb) => cb(null, originAllowed(req, deps.publicUrl)),
    connectionStateRecovery: { maxDisconnectionDuration: 30_000, skipMiddlewares: false },
    ...(deps.ioAdapter ? { adapter: deps.ioAdapter } : {}),
  });
  const realtime = attachRealtime({
    io,
    queues,
    auth,
    now,
    deltaWindowMs: deps.deltaWindowMs ?? (deps.ioAdapter ? 0 : DELTA_WINDOW_MS),
    eventLimits: deps.socketEventLimits ?? DEFAULT_SOCKET_EVENT_LIMITS,
    config: deps.store.config,
    log,
  });

  const print = new PrintService({
    config: () => deps.store.config.read(),
    now,
    log,
    policy: new PrinterAddressPolicy(deps.printers?.allow),
    lookup: deps.printers?.lookup,
  });
  const limiters = makeLimiters(
    deps.rateLimits ?? DEFAULT_RATE_LIMITS,
    actorOf,
    deps.rateLimitStore,
  );
  const routeDeps: RouteDeps = {
    queues,
    auth,
    print,
    now,
    publicUrl: deps.publicUrl,
    config: deps.store.config,
    sessions: deps.store.sessions,
    version,
    sessionTtlMs,
    secureCookies: deps.publicUrl.startsWith('https:'),
    limiters,
    endSession: realtime.endSession,
    endDevice: realtime.endDevice,
    devicePresence: realtime.devicePresence,
    endUser: realtime.endUser,
    actorOf,
    webhooks: webhooks.deliverer,
  };
  const stats = new StatsService({
    journal: deps.store.journal,
    summaries: deps.store.summaries,
    bookings: deps.store.bookings,
    hallConfig: (hallId) => queues.hallConfig(hallId),
    liveDay: (hallId) => queues.hall(hallId)?.state.day,
    clerkName: queues.clerkDisplayName,
    clerkUsername: (id) =>
      deps.store.config.read().users.find((u) => u.id === id)?.username ?? null,
    now,
    log,
  });
  const staffing = new StaffingService({
    journal: deps.store.journal,
    summaries: deps.store.summaries,
    hallConfig: (hallId) => queues.hallConfig(hallId),
    liveDay: (hallId) => queues.hall(hallId)?.state.day,
    now,
  });
  const routes = [
    ...healthRoutes(routeDeps),
    ...authRoutes(routeDeps),
    ...passwordRoutes(routeDeps),
    ...hallsRoutes(routeDeps),
    ...ticketsRoutes(routeDeps),
    ...counterRoutes(routeDeps),
    ...printersRoutes(routeDeps),
    ...devicesRoutes(routeDeps),
    ...statsRoutes({ ...routeDeps, stats }),
    ...staffingRoutes({ ...routeDeps, staffing }),
    ...settingsRoutes(routeDeps),
    ...bookingRoutes({
      ...routeDeps,
      bookings,
      bookingLimiter: limiters.booking,
      bookingLookupLimiter: limiters.bookingLookup,
      issueLimiter: limiters.issue,
    }),
    ...settingsBookingRoutes(routeDeps),
  ];

  const api = express.Router();
  // A page of another origin (another port of this host, a sibling subdomain) may not ride
  // the session cookie into a change.
  api.use(sameOriginGuard(deps.publicUrl));
  api.use((req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const docs = openApiDocument(routes, version);
  api.get('/docs', (_req, res) => {
    res.json(docs);
  });
  mountRoutes(api, routes, { actorOf, queues });
  api.use((_req, res) => sendError(res, apiError('not-found', 'No such API endpoint.')));
  const onError: ErrorRequestHandler = (
    err: { type?: string; status?: number; message?: string; code?: string },
    _req,
    res,
    _next,
  ) => {
    // Bodies are read and refused by jsonBody; what is left here is a malformed request line.
    if (err.status === 400) return sendError(res, apiError('validation', 'Malformed request.'));
    log(`unhandled error: ${err.message ?? String(err)}`);
    // A full or read-only data folder under config.json or sessions.json: those writes change
    // nothing unless they land, so say what the journal's refusals say.
    if (err.code !== undefined && STORAGE_ERRORS.has(err.code))
      return sendError(
        res,
        apiError(
          'storage-unavailable',
          'The server could not store this change; nothing was changed. Try again.',
        ),
      );
    sendError(res, apiError('internal', 'Something went wrong on the server.'));
  };
  api.use(onError);
  app.use('/api', api);
  if (deps.distDir) mountStaticPages(app, deps.distDir);

  // Free-text notes are personal data: blank them once their retention period is over.
  const retention = createNoteRetention({
    config: deps.store.config,
    journal: deps.store.journal,
    summaries: deps.store.summaries,
    now,
    log,
  });
  const runRetention = () =>
    void retention.run().catch((e: Error) => log(`note retention failed: ${e.message}`));
  const retentionStart = setTimeout(runRetention, 5_000);
  // The wait forecast learns from the hall's own history: soon after start, then hourly (a
  // closed day joins it within the hour).
  const learnWaits = () => {
    for (const { id } of deps.store.config.read().halls)
      void stats
        .waitHistory(id)
        .then((h) => h && queues.setWaitHistory(id, h))
        .catch((e: Error) => log(`estimate history of ${id} failed: ${e.message}`));
  };
  const learnWaitsStart = setTimeout(learnWaits, 5_000);
  // Booked names and phone numbers are erased after the hall's retention period; check-ins
  // whose ledger record failed are written again.
  const bookingRetention = createBookingRetention({ bookings, log });
  const eraseBookings = () =>
    void bookingRetention.run().catch((e: Error) => log(`booking retention failed: ${e.message}`));
  const bookingRetentionStart = setTimeout(eraseBookings, 5_000);
  const reconcileBookings = () =>
    void bookings.reconcile().catch((e: Error) => log(`booking reconcile failed: ${e.message}`));
  const timers = [
    setInterval(runRetention, 60 * 60_000),
    setInterval(learnWaits, 60 * 60_000),
    setInterval(
      () =>
        void queues.checkRollover().catch((e: Error) => log(`day rollover failed: ${e.message}`)),
      30_000,
    ),
    setInterval(realtime.sweepSessions, 60_000),
    setInterval(eraseBookings, 60 * 60_000),
    setInterval(reconcileBookings, 5 * 60_000),
  ];
  for (const t of timers) t.unref();

  return {
    app,
    httpServer,
    io,
    queues,
    bookings,
    auth,
    print,
    configStore: deps.store.config,
    webhooks: webhooks.deliverer,
    routes,
    close: async () => {
      clearTimeout(retentionStart);
      clearTimeout(learnWaitsStart);
      clearTimeout(bookingRetentionStart);
      // The delivery in flight ends (within its time limit) and the cursors are written.
      await webhooks.stop();
      bookings.stop();
      timers.forEach(clearInterval);
      realtime.stop();
      io.disconnectSockets(true);
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      // Browsers keep connections open (keep-alive, reconnect attempts): without this, closing
      // waits for them, and a stop or a restart can hang for as long as a page stays open.
      httpServer.closeAllConnections();
      await closed;
      await realtime.saveSightings();
      await deps.store.close();
    },
  };
}
