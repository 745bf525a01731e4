import type { Namespace, Socket } from 'socket.io';
import type {
  DisplayClientToServer,
  DisplayServerToClient,
  StaffClientToServer,
  StaffServerToClient,
  TicketClientToServer,
  TicketServerToClient,
} from '../../../contract/socket.js';
import type { Actor } from '../auth/actor.js';

export interface SocketData {
  actor: Actor;
  hallId: string;
  /** Ticket namespace: the ticket this socket follows. */
  ticketId?: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoInterServer = {};

export type DisplayNamespace = Namespace<
  DisplayClientToServer,
  DisplayServerToClient,
  NoInterServer,
  SocketData
>;
export type StaffNamespace = Namespace<
  StaffClientToServer,
  StaffServerToClient,
  NoInterServer,
  SocketData
>;
export type TicketNamespace = Namespace<
  TicketClientToServer,
  TicketServerToClient,
  NoInterServer,
  SocketData
>;
export type StaffSocket = Socket<
  StaffClientToServer,
  StaffServerToClient,
  NoInterServer,
  SocketData
>;

export const hallRoom = (hallId: string) => `hall:${hallId}`;
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
export const sessionRoom = (idHash: string) => `session:${idHash}`;
/** Every socket of one device, or of one user: what revoking or deactivating ends. */
export const deviceRoom = (deviceId: string) => `device:${deviceId}`;
export const userRoom = (userId: string) => `user:${userId}`;
