import type { Socket } from 'socket.io';
import { describe, expect, it } from 'vitest';
import type { Ack } from '../../../contract/errors.js';
import {
  limitSocketEvents,
  type SocketEventLimits,
} from '../../../server/src/realtime/event-limits.js';

const LIMITS: SocketEventLimits = {
  resync: { burst: 2, perSecond: 0.5 },
  refresh: { burst: 3, perSecond: 1 },
  other: { burst: 4, perSecond: 1 },
  strikes: { burst: 3, perSecond: 1 },
};

/** A socket that records what the rationing middleware lets through, answers and ends. */
function fakeSocket() {
  let middleware!: (packet: unknown[], next: () => void) => void;
  const state = { passed: [] as string[], answers: [] as string[], disconnected: false };
  const socket = {
    use: (fn: typeof middleware) => (middleware = fn),
    disconnect: () => (state.disconnected = true),
  } as unknown as Socket;
  const send = (event: unknown, withAck = true) => {
    const packet: unknown[] = [event];
    if (withAck)
      packet.push((reply: Ack<never>) => state.answers.push(reply.ok ? 'ok' : reply.error.code));
    middleware(packet, () => state.passed.push(String(event)));
  };
  return { socket, state, send };
}

describe('per-socket event rations', () => {
  it('when a class is used past its burst, then the excess gets rate-limited and other classes still pass', () => {
    const t = 0;
    const { socket, state, send } = fakeSocket();
    limitSocketEvents(socket, LIMITS, () => t);
    for (let i = 0; i < 3; i++) send('queue:resync');
    send('ticket:refresh');
    expect(state.passed).toEqual(['queue:resync', 'queue:resync', 'ticket:refresh']);
    expect(state.answers).toEqual(['rate-limited']);
    expect(state.disconnected).toBe(false);
  });

  it('when time passes, then the ration refills at its rate and no further than its burst', () => {
    let t = 0;
    const { socket, state, send } = fakeSocket();
    limitSocketEvents(socket, LIMITS, () => t);
    send('queue:resync');
    send('queue:resync');
    t = 1_999;
    send('queue:resync');
    expect(state.passed).toHaveLength(2);
    t = 2_000;
    send('queue:resync');
    expect(state.passed).toHaveLength(3);
    t = 60_000;
    for (let i = 0; i < 3; i++) send('queue:resync');
    expect(state.passed).toHaveLength(5);
  });

  it('when a socket keeps sending past its ration, then it is disconnected once its strikes run out', () => {
    const t = 0;
    const { socket, state, send } = fakeSocket();
    limitSocketEvents(socket, LIMITS, () => t);
    for (let i = 0; i < 2 + 3; i++) send('queue:resync', false);
    expect(state.disconnected).toBe(false);
    send('queue:resync', false);
    expect(state.disconnected).toBe(true);
  });

  it('when events are named like Object members, then they count as other events', () => {
    const t = 0;
    const { socket, state, send } = fakeSocket();
    limitSocketEvents(socket, LIMITS, () => t);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 42]) send(name);
    expect(state.passed).toEqual(['constructor', '__proto__', 'toString', 'hasOwnProperty']);
    expect(state.answers).toEqual(['rate-limited']);
  });
});
