import type { Server } from 'socket.io';
import { serviceQueues } from '../domain/index.js';
import { TicketFollowers } from './ticket-followers.js';
import type { ConfigStore } from '../store/store.js';
import { DeviceSightings } from './device-sightings.js';
import { DeltaWindow } from './delta-window.js';
import { limitSocketEvents, type SocketEventLimits } from './event-limits.js';
import {
  clerkRoom,
  ownNotes,
  sendStaffDeltas,
  sendStaffSnapshots,
  staffDeltaForms,
  type StaffDeltaForms,
} from './staff-feeds.js';
import { CLERKS, MANAGERS, type StaffViewer } from '../queue/staff-privacy.js';
import type { DisplayDelta } from '../../../contract/socket.js';
import type { Ack } from '../../../contract/errors.js';
import { allows, passwordChangePending, type Access, type Actor } from '../auth/actor.js';
import type { AuthService } from '../auth/auth-service.js';
import { readCookie } from '../http/cookies.js';
import { SESSION_COOKIE } from '../http/auth-routes.js';
import type { HallQueue } from '../queue/hall-queue.js';
import type { QueueService } from '../queue/queue-service.js';
import { displayDelta, displaySnapshot, staffSnapshot, ticketStatusView } from '../queue/views.js';
import {
  deviceRoom,
  hallRoom,
  sessionRoom,
  ticketRoom,
  userRoom,
  type DisplayNamespace,
  type SocketData,
  type StaffNamespace,
  type TicketNamespace,
} from './socket-types.js';

export interface RealtimeDeps {
  io: Server;
  queues: QueueService;
  auth: AuthService;
  now: () => number;
  /**
   * How long deltas wait to be sent together (ms). 0 with several servers: each server sends
   * its own events, and a delta held here could be overtaken by another server's.
   */
  deltaWindowMs: number;
  /** Events one socket may send, per class (event-limits.ts). */
  eventLimits: SocketEventLimits;
  /** Where devices' last-seen times are kept across restarts; without it, in memory only. */
  config?: ConfigStore;
  log?: (msg: string) => void;
}

/** The deltas of one hall waiting for their window, per audience. */
interface HallWindows {
  display: DeltaWindow<DisplayDelta>;
  staff: DeltaWindow<StaffDeltaForms>;
}

type Next = (err?: Error) => void;
type HandshakeSocket = {
  handshake: { headers: { cookie?: string }; auth: Record<string, unknown> };
  data: Partial<SocketData>;
};

function refuse(
  next: Next,
  code: 'unauthenticated' | 'forbidden' | 'password-change-required' | 'ticket-not-found',
  message: string,
) {
  const err = new Error(message) as Error & { data: { code: string } };
  err.data = { code };
  next(err);
}

/**
 * The rooms by which a credential's end reaches its sockets on every server: its device, or its
 * user and session.
 */
function joinActorRooms(socket: { data: SocketData; join: (room: string) => unknown }): void {
  const actor = socket.data.actor;
  if (actor.kind === 'device') void socket.join(deviceRoom(actor.device.id));
  if (actor.kind === 'user') {
    void socket.join(userRoom(actor.user.id));
    void socket.join(sessionRoom(actor.sessionIdHash));
  }
}

/**
 * Socket.IO namespaces by audience: `/display` (devices, public data), `/counter` (staff),
 * `/manager` (managers), `/ticket` (one visitor's ticket, by its code). Each connection gets a
 * snapshot with the hall's revision, then batches of deltas numbered rev + 1, rev + 2, …
 */
export function attachRealtime(deps: RealtimeDeps): {
  endSession: (idHash: string) => void;
  endDevice: (deviceId: string) => void;
  devicePresence: (deviceId: string) => { online: boolean; lastSeenAt: number | null };
  endUser: (userId: string, keepSessionIdHash?: string) => void;
  sweepSessions: () => void;
  stop: () => void;
  /** Saves the devices' last-seen times; after the sockets closed, before the store closes. */
  saveSightings: () => Promise<void>;
} {
  const { io, queues, auth } = deps;
  const display = io.of('/display') as DisplayNamespace;
  const counter = io.of('/counter') as StaffNamespace;
  const manager = io.of('/manager') as StaffNamespace;
  const ticket = io.of('/ticket') as TicketNamespace;
  // No page uses the default namespace: open, it would be a connection nobody authenticates.
  io.of('/').use((_socket, next) => {
    const err = new Error('Connect to /display, /counter, /manager or /ticket.');
    next(Object.assign(err, { data: { code: 'not-found' } }));
  });
  // Installed before any handler, so every event of every socket is rationed.
  for (const nsp of [display, counter, manager, ticket])
    nsp.on('connection', (socket) => limitSocketEvents(socket, deps.eventLimits));

  const actorOf = (socket: HandshakeSocket): Actor => {
    const key = socket.handshake.auth?.key;
    if (typeof key === 'string') {
      const device = auth.deviceForKey(key);
      if (device) return { kind: 'device', device };
    }
    return (
      auth.userForSession(readCookie(socket.handshake.headers.cookie, SESSION_COOKIE)) ?? {
        kind: 'anonymous',
      }
    );
  };
  const guard = (access: Access) => (socket: HandshakeSocket, next: Next) => {
    const actor = actorOf(socket);
    if (actor.kind === 'anonymous')
      return refuse(next, 'unauthenticated', 'Sign in or pair this device first.');
    if (!allows(access, actor)) return refuse(next, 'forbidden', 'Not allowed here.');
    if (passwordChangePending(actor))
      return refuse(next, 'password-change-required', 'Change your one-time password first.');
    socket.data.actor = actor;
    socket.data.hallId = actor.kind === 'user' ? actor.user.hallId : actor.device.hallId;
    next();
  };

  display.use((s, next) => {
    const actor = actorOf(s);
    // Displays and kiosks (by key) and staff may watch the public hall view.
    if (actor.kind === 'anonymous')
      return refuse(next, 'unauthenticated', 'Pair this display first.');
    guard(actor.kind === 'device' ? 'device' : 'staff')(s, next);
  });
  counter.use(guard('staff'));
  manager.use(guard('manager'));
  ticket.use((s, next) => {
    const code = s.handshake.auth?.code;
    const found =
      typeof code === 'string' && code.length <= 64 ? queues.ticketByCode(code) : undefined;
    if (!found) return refuse(next, 'ticket-not-found', 'Unknown or expired ticket.');
    s.data.actor = { kind: 'anonymous' };
    s.data.hallId = found.queue.hallId;
    s.data.ticketId = found.ticket.id;
    next();
  });

  // Socket.IO hands a recovered session its missed packets before the middlewares run, even
  // with skipMiddlewares: false. A session whose credentials ended while it was away (sign-out,
  // revoked device, demoted user, a ticket of another day) must start afresh, through them.
  const mayRecover = (nsp: string, data: Partial<SocketData>): boolean => {
    if (nsp === '/ticket')
      return (
        data.ticketId !== undefined &&
        !!queues.hall(data.hallId ?? '')?.state.tickets.has(data.ticketId)
      );
    const actor = data.actor ? auth.current(data.actor) : null;
    if (!actor || passwordChangePending(actor)) return false;
    if (nsp === '/display') return actor.kind === 'device' || actor.kind === 'user';
    return allows(nsp === '/manager' ? 'manager' : 'staff', actor);
  };
  for (const nsp of [display, counter, manager, ticket]) {
    const adapter = nsp.adapter;
    const restore = adapter.restoreSession.bind(adapter);
    adapter.restoreSession = async (pid, offset) => {
      const session = await restore(pid, offset);
      return session && mayRecover(nsp.name, session.data as Partial<SocketData>)
        ? session
        : (null as unknown as typeof session);
    };
  }

  const hallQueue = (hallId: string) => queues.hall(hallId)!;
  const snapStaff = (q: HallQueue, viewer: StaffViewer) =>
    staffSnapshot(q.state, q.config, deps.now(), queues.clerkName, viewer);
  const snapDisplay = (q: HallQueue) => displaySnapshot(q.state, q.config, deps.now());
  const ticketView = (q: HallQueue, id: string) => {
    const t = q.state.tickets.get(id);
    return t ? ticketStatusView(t, q.state, q.config) : null;
  };

  // Kiosks and displays hold a /display connection while they run: that is their presence.
  const connected = new Map<string, number>();
  const sightings = new DeviceSightings(
    { config: deps.config, now: deps.now, log: deps.log ?? (() => undefined) },
    () => [...connected].filter(([, n]) => n > 0).map(([id]) => id),
  );
  const devicePresence = (deviceId: string) => ({
    online: (connected.get(deviceId) ?? 0) > 0,
    lastSeenAt: (connected.get(deviceId) ?? 0) > 0 ? deps.now() : sightings.lastSeen(deviceId),
  });

  display.on('connection', (socket) => {
    const actor = socket.data.actor;
    joinActorRooms(socket);
    if (actor.kind === 'device') {
      const id = actor.device.id;
      connected.set(id, (connected.get(id) ?? 0) + 1);
      sightings.saw(id);
      socket.on('disconnect', () => {
        connected.set(id, (connected.get(id) ?? 1) - 1);
        sightings.saw(id);
      });
    }
    void socket.join(hallRoom(socket.data.hallId));
    socket.emit('queue:snapshot', snapDisplay(hallQueue(socket.data.hallId)));
    socket.on('queue:resync', (ack) => {
      if (typeof ack === 'function')
        ack({ ok: true, data: snapDisplay(hallQueue(socket.data.hallId)) });
    });
  });
  for (const nsp of [counter, manager]) {
    nsp.on('connection', (socket) => {
      void socket.join(hallRoom(socket.data.hallId));
      joinActorRooms(socket);
      // Counter screens are clerks' screens (their own notes only), whoever signed in.
      const actor = socket.data.actor;
      const own = actor.kind === 'user' ? actor.user.id : null;
      const viewer = nsp === manager ? MANAGERS : own ? ownNotes(own) : CLERKS;
      if (nsp === counter && own) void socket.join(clerkRoom(socket.data.hallId, own));
      socket.emit('queue:snapshot', snapStaff(hallQueue(socket.data.hallId), viewer));
      socket.on('queue:resync', (ack) => {
        if (typeof ack === 'function')
          ack({ ok: true, data: snapStaff(hallQueue(socket.data.hallId), viewer) });
      });
    });
  }
  ticket.on('connection', (socket) => {
    const { ticketId, hallId } = socket.data;
    void socket.join(ticketRoom(ticketId!));
    const view = ticketView(hallQueue(hallId), ticketId!);
    if (view) socket.emit('ticket:status', view);
    socket.on('ticket:refresh', (ack) => {
      if (typeof ack !== 'function') return;
      const v = ticketView(hallQueue(hallId), ticketId!);
      const reply: Parameters<typeof ack>[0] = v
        ? { ok: true, data: v }
        : ({
            ok: false,
            error: { code: 'ticket-not-found', message: 'Unknown or expired ticket.' },
          } satisfies Ack<never>);
      ack(reply);
    });
  });

  /**
   * Phone pages are pushed by the server they are connected to (`local`), for its own events
   * and for other servers' alike: every server holds the hall's state, and only it knows its
   * sockets' rooms.
   */
  const followers = new TicketFollowers(ticket);

  const windows = new Map<string, HallWindows>();
  const windowsOf = (hallId: string): HallWindows => {
    let w = windows.get(hallId);
    if (!w) {
      const room = hallRoom(hallId);
      w = {
        display: new DeltaWindow(deps.deltaWindowMs, (b) =>
          display.to(room).emit('queue:events', b),
        ),
        staff: new DeltaWindow(deps.deltaWindowMs, (b) =>
          sendStaffDeltas(counter, manager, hallId, b),
        ),
      };
      windows.set(hallId, w);
    }
    return w;
  };

  queues.subscribe({
    events: (q, events) => {
      const room = hallRoom(q.hallId);
      const w = windowsOf(q.hallId);
      // Published after the whole batch is durable, so every delta carries the same lines.
      const lines = serviceQueues(q.state, q.config);
      for (const e of events) {
        const d = displayDelta(e, q.state, q.config, lines);
        w.display.add(d);
        // A call is announced at once, after whatever was waiting before it.
        if (d.call) {
          w.display.flush();
          display.to(room).emit('ticket:called', d.call);
        }
        w.staff.add(staffDeltaForms(e, q, queues.clerkName, lines));
      }
      w.display.endOfBatch();
      w.staff.endOfBatch();
      followers.onEvents(q, events);
    },
    remote: (q, events) => followers.onEvents(q, events),
    reset: (q) => {
      const room = hallRoom(q.hallId);
      // What was waiting goes first, so no delta arrives after the snapshot that holds it.
      const w = windowsOf(q.hallId);
      w.display.flush();
      w.staff.flush();
      display.to(room).emit('queue:snapshot', snapDisplay(q));
      sendStaffSnapshots(counter, manager, q, deps.now(), queues.clerkName);
      followers.onReset(q);
    },
  });

  /**
   * Tells the staff screens in `room` their session is over, then closes them. By room, so
   * that with several servers the adapter ends them on whichever server holds them.
   */
  const expireStaff = (room: string, except: string[] = []) => {
    for (const nsp of [counter, manager]) {
      nsp.to(room).except(except).emit('session:expired');
      nsp.in(room).except(except).disconnectSockets(true);
    }
  };
  /** Signing out ends every socket of that session, the hall view on `/display` included. */
  const endSession = (idHash: string) => {
    expireStaff(sessionRoom(idHash));
    display.in(sessionRoom(idHash)).disconnectSockets(true);
  };
  /** A revoked device loses its live connection at once, not at its next reconnect. */
  const endDevice = (deviceId: string) => {
    display.in(deviceRoom(deviceId)).disconnectSockets(true);
  };
  /**
   * A deactivated or re-roled user loses their live sockets at once (their sessions are gone);
   * all but those of `keepSessionIdHash`, the session that changed its own password.
   */
  const endUser = (userId: string, keepSessionIdHash?: string) => {
    const except = keepSessionIdHash ? [sessionRoom(keepSessionIdHash)] : [];
    expireStaff(userRoom(userId), except);
    display.in(userRoom(userId)).except(except).disconnectSockets(true);
  };
  const sweepSessions = () => {
    for (const nsp of [counter, manager]) {
      for (const socket of nsp.sockets.values()) {
        const a = socket.data.actor;
        if (a?.kind === 'user' && !auth.sessionAlive(a.sessionIdHash)) {
          socket.emit('session:expired');
          socket.disconnect(true);
        }
      }
    }
    for (const socket of display.sockets.values()) {
      const a = socket.data.actor;
      if (a?.kind === 'user' && !auth.sessionAlive(a.sessionIdHash)) socket.disconnect(true);
    }
  };
  const stop = () => {
    followers.stop();
    for (const w of windows.values()) {
      w.display.stop();
      w.staff.stop();
    }
  };
  const saveSightings = () => sightings.close();
  return { endSession, endDevice, endUser, devicePresence, sweepSessions, stop, saveSightings };
}
